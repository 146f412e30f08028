// Continuous access evaluation: Graph may answer 401 with a claims challenge in WWW-Authenticate. The token
// provider (tenant mode) takes the challenge so that its next token carries the claims; the request is then
// sent once more. It sits before the authentication handler so that the retry gets the fresh token.
import type { AuthenticationProvider, Context, Middleware } from "@microsoft/microsoft-graph-client";

export interface ClaimsAwareProvider extends AuthenticationProvider {
  /** True when the challenge was taken and one retry is worth it. */
  handleClaimsChallenge(wwwAuthenticate: string | null | undefined): boolean;
}

export function isClaimsAware(p: AuthenticationProvider): p is ClaimsAwareProvider {
  return typeof (p as Partial<ClaimsAwareProvider>).handleClaimsChallenge === "function";
}

export class ClaimsChallengeHandler implements Middleware {
  private next?: Middleware;

  constructor(private readonly provider: ClaimsAwareProvider) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error("ClaimsChallengeHandler has no next middleware");
    await this.next.execute(context);
    const response = context.response;
    if (response?.status !== 401) return;
    if (!this.provider.handleClaimsChallenge(response.headers.get("WWW-Authenticate"))) return;
    await this.next.execute(context);
  }
}

// Emulator mode: an unsigned JWT (alg "none") naming the user, so the emulator can check the Authorization
// header on every request and apply per-user rules exactly as it would with a real token.
import type {
  AuthenticationProvider,
  AuthenticationProviderOptions,
} from "@microsoft/microsoft-graph-client";

function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function mintDevToken(upn: string, name = upn, scopes?: readonly string[]): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64Url(JSON.stringify({ alg: "none", typ: "JWT" }));
  const claims: Record<string, unknown> = { upn, preferred_username: upn, name, iat: now, exp: now + 3600 };
  if (scopes) claims.scp = scopes.map((s) => s.replace(/^https:\/\/graph\.microsoft\.com\//, "")).join(" ");
  return `${header}.${base64Url(JSON.stringify(claims))}.`;
}

/** Authentication provider for the emulator: no sign-in, the user's address is the identity. */
export class DevTokenProvider implements AuthenticationProvider {
  constructor(
    private readonly upn: string,
    private readonly name: string = upn,
  ) {}

  async getAccessToken(_options?: AuthenticationProviderOptions): Promise<string> {
    return mintDevToken(this.upn, this.name);
  }
}

// MSAL behind the TokenClient seam. With nested app authentication the host (Outlook) brokers the tokens;
// without it, MSAL runs its standard flows in the pane and the ladder falls back to the Office dialog.
import {
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import type { AppConfig } from "../../config/app-config";
import { AuthFlowError } from "./auth-errors";
import { AUTH_DIALOG_PATH } from "./dialog-protocol";
import { msalConfiguration } from "./msal-config";
import type { AccessToken, TokenClient, TokenRequest } from "./token-client";

export interface MsalTokenClientOptions {
  /**
   * May an unknown account be found silently from the login hint? Yes through NAA (the host knows the user);
   * no in a plain pane, where the hidden iframe would wait out its timeout on blocked third-party cookies.
   */
  ssoSilent: boolean;
}

export class MsalTokenClient implements TokenClient {
  constructor(
    private readonly pca: IPublicClientApplication,
    private readonly options: MsalTokenClientOptions,
  ) {}

  private findAccount(loginHint?: string): AccountInfo | null {
    const active = this.pca.getActiveAccount();
    if (active) return active;
    if (loginHint) {
      const byHint = this.pca.getAccount({ username: loginHint });
      if (byHint) return byHint;
    }
    const all = this.pca.getAllAccounts();
    return all.length === 1 ? all[0]! : null;
  }

  async acquireSilent(request: TokenRequest): Promise<AccessToken> {
    const account = this.findAccount(request.loginHint);
    const claims = request.claims ? { claims: request.claims } : {};
    if (account) {
      return this.remember(
        await this.pca.acquireTokenSilent({
          scopes: request.scopes,
          account,
          ...claims,
          forceRefresh: Boolean(request.claims),
        }),
      );
    }
    if (this.options.ssoSilent && request.loginHint) {
      return this.remember(
        await this.pca.ssoSilent({ scopes: request.scopes, loginHint: request.loginHint, ...claims }),
      );
    }
    throw new AuthFlowError("no_account_error", "No signed-in account yet.");
  }

  async acquireInteractive(request: TokenRequest): Promise<AccessToken> {
    return this.remember(
      await this.pca.acquireTokenPopup({
        scopes: request.scopes,
        ...(request.loginHint ? { loginHint: request.loginHint } : {}),
        ...(request.claims ? { claims: request.claims } : {}),
      }),
    );
  }

  async clear(): Promise<void> {
    this.pca.setActiveAccount(null);
    await this.pca.clearCache();
  }

  private remember(result: AuthenticationResult): AccessToken {
    if (result.account) this.pca.setActiveAccount(result.account);
    if (!result.accessToken) throw new AuthFlowError("empty_token", "Sign-in returned no access token.");
    const token: AccessToken = {
      accessToken: result.accessToken,
      // Unknown expiry: treat as expired so the ladder asks MSAL (which caches) every time.
      expiresOn: result.expiresOn ? result.expiresOn.getTime() : 0,
      scopes: result.scopes,
    };
    if (result.account?.username) token.username = result.account.username;
    return token;
  }
}

/** Pane-side MSAL: nestable (NAA, with MSAL's own fallback to standard) when the host supports it. */
export async function createMsalTokenClient(
  config: AppConfig,
  origin: string,
  naa: boolean,
): Promise<TokenClient> {
  // auth-dialog.html is also MSAL v5's redirect bridge, so a standard popup (NAA absent at run time) completes there.
  const configuration = msalConfiguration(config, `${origin}${AUTH_DIALOG_PATH}`);
  const pca = naa
    ? await createNestablePublicClientApplication(configuration)
    : await createStandardPublicClientApplication(configuration);
  return new MsalTokenClient(pca, { ssoSilent: naa });
}

// Sign-in as a background run meets it when the user has to act: MSAL's silent acquisition needs the user, and an
// interactive one (which a background run must never reach) would be counted. For tests of the store's runs.
import type { AccessToken, TokenClient, TokenRequest } from "../auth/token-client";
import { TokenLadder } from "../auth/token-ladder";

export const USER = { displayName: "Anna", emailAddress: "anna@contoso.com" };

export const TENANT_CONFIG = {
  mode: "tenant" as const,
  graphBaseUrl: "https://graph.microsoft.com",
  siteUrl: "https://contoso.sharepoint.com/sites/crm",
  clientId: "11111111-2222-3333-4444-555555555555",
  authority: "https://login.microsoftonline.com/organizations",
  ownDomains: [],
  neverLog: [],
};

const needsUser = Object.assign(new Error("AADSTS50058: silent sign-in failed"), {
  name: "InteractionRequiredAuthError",
  errorCode: "login_required",
});

/** Counts its calls: silent ones need the user, interactive ones are cancelled by the user. */
export class Recorder implements TokenClient {
  silent = 0;
  interactive = 0;
  async acquireSilent(_r: TokenRequest): Promise<AccessToken> {
    this.silent++;
    throw needsUser;
  }
  async acquireInteractive(r: TokenRequest): Promise<AccessToken> {
    this.interactive++;
    throw Object.assign(new Error("user cancelled"), {
      name: "BrowserAuthError",
      errorCode: "user_cancelled",
      r,
    });
  }
}

/** The pane's token ladder (NAA first, the Office dialog after) over two recorders. */
export function ladderThatNeedsTheUser(): { msal: Recorder; dialog: Recorder; authProvider: TokenLadder } {
  const msal = new Recorder();
  const dialog = new Recorder();
  const authProvider = new TokenLadder({
    msal: async () => msal,
    dialog,
    naa: true,
    loginHint: USER.emailAddress,
  });
  return { msal, dialog, authProvider };
}

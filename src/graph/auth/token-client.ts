// The seam between the token ladder and whatever really talks to Entra ID (MSAL through NAA, MSAL in the pane,
// the Office dialog), so the ladder's decisions are testable without a browser.

export interface TokenRequest {
  scopes: string[];
  /** The mailbox user's address: steers Entra ID to the right account without a picker. */
  loginHint?: string;
  /** A CAE claims challenge (JSON) to satisfy; always bypasses cached tokens. */
  claims?: string;
}

export interface AccessToken {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresOn: number;
  scopes: string[];
  username?: string;
}

export interface TokenClient {
  /** Without UI. Rejects with an interaction-required error (see auth-errors.ts) when the user must act. */
  acquireSilent(request: TokenRequest): Promise<AccessToken>;
  /** With UI (popup or dialog). */
  acquireInteractive(request: TokenRequest): Promise<AccessToken>;
  /** Forgets accounts and tokens this client keeps. */
  clear?(): Promise<void>;
}

// Tenant-mode sign-in. Load this module with a dynamic import only when a tenant is configured: it pulls in MSAL,
// which the emulator build never needs.
import type { AuthenticationProvider } from "@microsoft/microsoft-graph-client";
import type { AppConfig } from "../../config/app-config";
import { DialogTokenClient } from "./dialog-token-client";
import { createMsalTokenClient } from "./msal-token-client";
import type { OfficeAuthHost } from "./office-auth-host";
import type { TokenClient } from "./token-client";
import { TokenLadder } from "./token-ladder";

export { SCOPES, GRAPH_RESOURCE } from "./scopes";
export { officeAuthHostFrom, type OfficeAuthHost, type HostDialog } from "./office-auth-host";
export { parseClaimsChallenge, TokenLadder } from "./token-ladder";
export { classifyAuthError, toAuthStoreError } from "./auth-errors";
export type { TokenClient, TokenRequest, AccessToken } from "./token-client";

export interface IloAuthProvider extends AuthenticationProvider {
  /** Pass a 401's WWW-Authenticate header; true means "CAE challenge taken, retry the request once". */
  handleClaimsChallenge(wwwAuthenticate: string | null | undefined): boolean;
  /** Forget every cached token and account. */
  clear(): Promise<void>;
}

export interface AuthProviderOverrides {
  /** Replaces MSAL (tests). */
  msal?: () => Promise<TokenClient>;
  /** Replaces the Office dialog rung (tests); `null` means no dialog. */
  dialog?: TokenClient | null;
}

/** NAA 1.1 is what MSAL's nestable client needs from Outlook. */
export function supportsNestedAppAuth(host: OfficeAuthHost): boolean {
  return host.isSetSupported("NestedAppAuth", "1.1");
}

function supportsDialog(host: OfficeAuthHost): boolean {
  // Outlook reports the dialog API through its Mailbox set (1.4+) as well as DialogApi.
  return host.isSetSupported("DialogApi", "1.1") || host.isSetSupported("Mailbox", "1.4");
}

export function createAuthProvider(
  config: AppConfig,
  host: OfficeAuthHost,
  overrides: AuthProviderOverrides = {},
): IloAuthProvider {
  if (config.mode !== "tenant" || !config.clientId) {
    throw new Error("createAuthProvider needs a tenant configuration; emulator mode uses DevTokenProvider");
  }
  const naa = supportsNestedAppAuth(host);
  const dialog =
    overrides.dialog === null
      ? undefined
      : (overrides.dialog ?? (supportsDialog(host) ? new DialogTokenClient(host) : undefined));
  const loginHint = host.userAddress;
  return new TokenLadder({
    msal: overrides.msal ?? (() => createMsalTokenClient(config, host.origin, naa)),
    ...(dialog ? { dialog } : {}),
    naa,
    ...(loginHint ? { loginHint } : {}),
  });
}

// Tokens for the send handler: nested app authentication, silent only. An event handler may not open a popup or a
// dialog; when no token can be had silently the log is kept for the pane, which may ask the user.
import { createNestablePublicClientApplication } from "@azure/msal-browser";
import type { AuthenticationProvider } from "@microsoft/microsoft-graph-client";
import type { AppConfig } from "../../config/app-config";
import { msalConfiguration } from "./msal-config";
import { MsalTokenClient } from "./msal-token-client";
import { SCOPES } from "./scopes";

export async function createSilentAuthProvider(
  config: AppConfig,
  loginHint: string,
  redirectUri: string,
): Promise<AuthenticationProvider> {
  const base = msalConfiguration(config, redirectUri);
  // The JavaScript-only runtime has no localStorage: the broker (Outlook) keeps the tokens.
  const pca = await createNestablePublicClientApplication({
    ...base,
    cache: { cacheLocation: "memoryStorage" },
  });
  const client = new MsalTokenClient(pca, { ssoSilent: true });
  return {
    async getAccessToken(): Promise<string> {
      const token = await client.acquireSilent({ scopes: [...SCOPES.items], loginHint });
      return token.accessToken;
    },
  };
}

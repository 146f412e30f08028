// One MSAL configuration for the pane and the dialog page, so both use the same client, authority and CAE
// capability. Type-only import: this file does not pull MSAL into a bundle by itself.
import type { Configuration } from "@azure/msal-browser";
import type { AppConfig } from "../../config/app-config";

/** "CP1" tells Entra ID we handle Continuous Access Evaluation claims challenges (see token-ladder.ts). */
export const CLIENT_CAPABILITIES = ["CP1"];

export function msalConfiguration(config: AppConfig, redirectUri: string): Configuration {
  if (config.mode !== "tenant" || !config.clientId) {
    throw new Error("sign-in needs a tenant configuration (ILO_CLIENT_ID and ILO_SITE_URL)");
  }
  return {
    auth: {
      clientId: config.clientId,
      ...(config.authority ? { authority: config.authority } : {}),
      redirectUri,
      clientCapabilities: CLIENT_CAPABILITIES,
    },
    // Shared by the pane and the dialog page on the same origin, so a dialog sign-in can serve later silent calls.
    cache: { cacheLocation: "localStorage" },
    system: {
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: 1, // LogLevel.Warning, without importing MSAL's runtime for an enum
        loggerCallback: (_level, message, containsPii) => {
          if (!containsPii) console.warn(`[msal] ${message}`);
        },
      },
    },
  };
}

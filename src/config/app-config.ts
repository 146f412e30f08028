// Runtime configuration. Nothing configured means emulator mode; a client id and site URL make a real tenant.
// Values come from the build (webpack DefinePlugin injects __ILO_CONFIG__ from ILO_* environment variables).

export interface AppConfig {
  mode: "emulator" | "tenant";
  /** Graph root without version, e.g. "https://graph.microsoft.com"; in emulator mode the pane's own origin. */
  graphBaseUrl: string;
  /** The SharePoint site that holds the lists, e.g. "https://contoso.sharepoint.com/sites/crm". */
  siteUrl: string;
  /** Entra application (client) id; tenant mode only. */
  clientId?: string;
  /** e.g. "https://login.microsoftonline.com/<tenant-id>"; tenant mode only. */
  authority?: string;
  /** The organisation's own mail domains (colleagues are never contacts). */
  ownDomains: string[];
  /** Addresses or domains that are never logged. */
  neverLog: string[];
}

/** What the build injects: raw strings, validated by loadAppConfig. */
export interface RawAppConfig {
  clientId?: string;
  authority?: string;
  tenantId?: string;
  siteUrl?: string;
  graphBaseUrl?: string;
  ownDomains?: string;
  neverLog?: string;
}

export const DEFAULT_EMULATOR_SITE_URL = "https://contoso.sharepoint.com/sites/interactions";
export const DEFAULT_NEVER_LOG = [
  "gmail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "yahoo.com",
  "icloud.com",
];

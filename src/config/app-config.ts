// Runtime configuration. Nothing configured means emulator mode; a client id and site URL make a real tenant.
// Values come from the build (webpack DefinePlugin injects __ILO_CONFIG__ from ILO_* environment variables),
// and are validated once at start so a typo fails loudly with every problem listed, not at the first Graph call.
import type { DeleteCanceledPolicy } from "../domain/delete-rights";
import { isValidEmail } from "../domain/matching";
import { CONTENT_CHOICES, isContentChoice, type ContentChoice } from "../domain/content-choice";

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
  /** Who may run "Delete canceled entries" (ILO_DELETE_CANCELED): everyone when absent. See canDeleteCanceled. */
  deleteCanceled?: DeleteCanceledPolicy;
  /** Deadline of one Graph request in milliseconds (ILO_REQUEST_TIMEOUT_SECONDS); the client's 30 s when absent. */
  requestTimeoutMs?: number;
  /** The most a log may keep of the mail (ILO_KEEP_CONTENT_MAX); "full" when absent. */
  keepContentMax?: ContentChoice;
  /** Bytes of content kept per source item at most (ILO_KEEP_CONTENT_LIMIT_MB); 25 MB when absent. */
  contentLimitBytes?: number;
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
  deleteCanceled?: string;
  requestTimeoutSeconds?: string;
  keepContentMax?: string;
  keepContentLimitMb?: string;
  /** What the build was for (ILO_TARGET): "tenant" never falls back to emulator mode. Absent in Node tools. */
  target?: "tenant" | "workbench";
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
export const DEFAULT_GRAPH_BASE_URL = "https://graph.microsoft.com";
/** Without ILO_AUTHORITY / ILO_TENANT_ID: any work or school account (the app registration must be multitenant). */
export const DEFAULT_AUTHORITY = "https://login.microsoftonline.com/organizations";

/** Entra sign-in hosts: the public cloud plus the US Government and China clouds. */
const AUTHORITY_HOSTS = [
  "login.microsoftonline.com",
  "login.microsoftonline.us",
  "login.partner.microsoftonline.cn",
];

declare const __ILO_CONFIG__: RawAppConfig | undefined;

/** Thrown by loadAppConfig; `problems` lists every invalid setting, one sentence each. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`Invalid Interaction Log configuration:\n- ${problems.join("\n- ")}`);
  }
}

function injectedConfig(): RawAppConfig {
  // Tests and Node-side tools run without the DefinePlugin, where the identifier does not exist at all.
  return typeof __ILO_CONFIG__ === "undefined" || __ILO_CONFIG__ === null ? {} : __ILO_CONFIG__;
}

function defaultLocation(): Pick<Location, "origin"> | undefined {
  return typeof location === "undefined" ? undefined : location;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function clean(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

export function isDomainName(value: string): boolean {
  const labels = value.split(".");
  return value.length <= 253 && labels.length >= 2 && labels.every((l) => DOMAIN_LABEL.test(l));
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** Separators people use in environment variables: commas, semicolons, whitespace. */
function splitList(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

function parseDomains(value: string, setting: string, problems: string[]): string[] {
  const out: string[] = [];
  for (const item of splitList(value)) {
    const domain = item.replace(/^@/, "");
    if (isDomainName(domain)) out.push(domain);
    else problems.push(`${setting}: "${item}" is not a domain name (expected e.g. contoso.com)`);
  }
  return [...new Set(out)];
}

function parseNeverLog(value: string, problems: string[]): string[] {
  const out: string[] = [];
  for (const item of splitList(value)) {
    if (item.includes("@") && !item.startsWith("@")) {
      if (isValidEmail(item)) out.push(item);
      else problems.push(`ILO_NEVER_LOG: "${item}" is not a valid e-mail address`);
      continue;
    }
    const domain = item.replace(/^@/, "");
    if (isDomainName(domain)) out.push(domain);
    else problems.push(`ILO_NEVER_LOG: "${item}" is neither an e-mail address nor a domain name`);
  }
  return [...new Set(out)];
}

function parseSiteUrl(value: string, problems: string[]): string | undefined {
  const url = parseUrl(value);
  const shape = "expected https://<tenant>.sharepoint.com/sites/<name> (or /teams/<name>)";
  if (!url || url.protocol !== "https:") {
    problems.push(`ILO_SITE_URL: "${value}" is not an https URL; ${shape}`);
    return undefined;
  }
  if (url.search || url.hash || url.username || url.password) {
    problems.push(`ILO_SITE_URL: "${value}" must not carry a query, fragment or credentials; ${shape}`);
    return undefined;
  }
  const path = url.pathname.replace(/\/+$/, "");
  const match = /^\/(sites|teams)\/([^/]+)$/i.exec(path);
  if (!match) {
    problems.push(`ILO_SITE_URL: "${value}" does not point at a site collection; ${shape}`);
    return undefined;
  }
  return `https://${url.host.toLowerCase()}/${match[1]!.toLowerCase()}/${match[2]!}`;
}

function parseAuthority(value: string, problems: string[]): string | undefined {
  const url = parseUrl(value);
  const segments = url ? url.pathname.split("/").filter(Boolean) : [];
  if (!url || url.protocol !== "https:" || !AUTHORITY_HOSTS.includes(url.hostname.toLowerCase())) {
    problems.push(
      `ILO_AUTHORITY: "${value}" must be an https URL on ${AUTHORITY_HOSTS[0]} (or a national cloud's sign-in host)`,
    );
    return undefined;
  }
  const tenant = segments[0];
  if (segments.length !== 1 || !tenant || !isTenant(tenant) || url.search || url.hash || url.port) {
    problems.push(
      `ILO_AUTHORITY: "${value}" must be https://${url.hostname}/<tenant id or domain>, with nothing after the tenant`,
    );
    return undefined;
  }
  return `https://${url.hostname.toLowerCase()}/${tenant.toLowerCase()}`;
}

function isTenant(value: string): boolean {
  return isGuid(value) || isDomainName(value.toLowerCase()) || ["organizations", "common"].includes(value);
}

function parseTenantId(value: string, problems: string[]): string | undefined {
  if (value.toLowerCase() === "consumers") {
    problems.push("ILO_TENANT_ID: personal Microsoft accounts cannot use SharePoint lists; use a tenant id");
    return undefined;
  }
  if (!isTenant(value.toLowerCase())) {
    problems.push(
      `ILO_TENANT_ID: "${value}" is neither a tenant id (GUID) nor a domain (e.g. contoso.onmicrosoft.com)`,
    );
    return undefined;
  }
  return `https://${AUTHORITY_HOSTS[0]}/${value.toLowerCase()}`;
}

function parseTimeout(value: string, problems: string[]): number | undefined {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 600) {
    problems.push(`ILO_REQUEST_TIMEOUT_SECONDS: "${value}" must be a number of seconds from 1 to 600`);
    return undefined;
  }
  return Math.round(seconds * 1000);
}

/** "everyone", or the UPNs (e-mail addresses) allowed to delete canceled entries. */
function parseDeletePolicy(value: string, problems: string[]): DeleteCanceledPolicy {
  if (value.trim().toLowerCase() === "everyone") return "everyone";
  const upns: string[] = [];
  for (const item of splitList(value)) {
    if (isValidEmail(item)) upns.push(item);
    else problems.push(`ILO_DELETE_CANCELED: "${item}" is neither a UPN (e-mail address) nor "everyone"`);
  }
  return [...new Set(upns)];
}

/** "nothing" is how administrators say it (and how the pane names it); "none" is the value the code uses. */
function parseKeepContentMax(value: string, problems: string[]): ContentChoice | undefined {
  const v = value.trim().toLowerCase();
  if (v === "nothing") return "none";
  if (isContentChoice(v)) return v;
  problems.push(
    `ILO_KEEP_CONTENT_MAX: "${value}" must be one of nothing (or none), ${CONTENT_CHOICES.filter((c) => c !== "none").join(", ")}`,
  );
  return undefined;
}

/** Megabytes (MiB) of content per item: 1 to 250 (Graph's simple upload limit bounds nothing here, sessions do). */
function parseContentLimit(value: string, problems: string[]): number | undefined {
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb < 1 || mb > 250) {
    problems.push(`ILO_KEEP_CONTENT_LIMIT_MB: "${value}" must be a number of megabytes from 1 to 250`);
    return undefined;
  }
  return Math.round(mb * 1024 * 1024);
}

function parseGraphBaseUrl(value: string, problems: string[]): string | undefined {
  const url = parseUrl(value);
  if (!url || url.protocol !== "https:") {
    // The Graph SDK only attaches the token to https URLs, so http would fail later with a confusing 401.
    problems.push(`ILO_GRAPH_BASE_URL: "${value}" must be an https URL, e.g. ${DEFAULT_GRAPH_BASE_URL}`);
    return undefined;
  }
  const path = url.pathname.replace(/\/+$/, "");
  if (path || url.search || url.hash) {
    problems.push(`ILO_GRAPH_BASE_URL: "${value}" must be the Graph root without a version or path`);
    return undefined;
  }
  return url.origin;
}

/**
 * Validates the injected (or given) raw configuration. Throws ConfigError listing every problem.
 * `where` supplies the pane's origin, which is the emulator's Graph root in emulator mode.
 */
export function loadAppConfig(
  raw: RawAppConfig = injectedConfig(),
  where: Pick<Location, "origin"> | undefined = defaultLocation(),
): AppConfig {
  const problems: string[] = [];
  const clientIdRaw = clean(raw.clientId);
  const siteUrlRaw = clean(raw.siteUrl);
  const authorityRaw = clean(raw.authority);
  const tenantIdRaw = clean(raw.tenantId);
  const graphRaw = clean(raw.graphBaseUrl);
  const ownDomainsRaw = clean(raw.ownDomains);
  const neverLogRaw = clean(raw.neverLog);

  const ownDomains = ownDomainsRaw ? parseDomains(ownDomainsRaw, "ILO_OWN_DOMAINS", problems) : [];
  const neverLog = neverLogRaw ? parseNeverLog(neverLogRaw, problems) : [...DEFAULT_NEVER_LOG];
  const graphBaseUrl = graphRaw ? parseGraphBaseUrl(graphRaw, problems) : undefined;
  const deleteRaw = clean(raw.deleteCanceled);
  const deletePolicy = deleteRaw ? { deleteCanceled: parseDeletePolicy(deleteRaw, problems) } : {};
  const timeoutRaw = clean(raw.requestTimeoutSeconds);
  const requestTimeoutMs = timeoutRaw ? parseTimeout(timeoutRaw, problems) : undefined;
  const timeout = requestTimeoutMs !== undefined ? { requestTimeoutMs } : {};
  const keepRaw = clean(raw.keepContentMax);
  const keepContentMax = keepRaw ? parseKeepContentMax(keepRaw, problems) : undefined;
  const limitRaw = clean(raw.keepContentLimitMb);
  const contentLimitBytes = limitRaw ? parseContentLimit(limitRaw, problems) : undefined;
  const content = {
    ...(keepContentMax !== undefined ? { keepContentMax } : {}),
    ...(contentLimitBytes !== undefined ? { contentLimitBytes } : {}),
  };

  // A tenant build must have its settings: without them it would talk to its own origin with dev tokens.
  const tenantMode =
    raw.target === "tenant" || Boolean(clientIdRaw || siteUrlRaw || authorityRaw || tenantIdRaw);
  if (!tenantMode) {
    const origin = graphBaseUrl ?? where?.origin;
    if (!origin || origin === "null") {
      problems.push("no ILO_GRAPH_BASE_URL and no page origin: the emulator's address is unknown");
    }
    if (problems.length) throw new ConfigError(problems);
    return {
      mode: "emulator",
      graphBaseUrl: origin!,
      siteUrl: DEFAULT_EMULATOR_SITE_URL,
      ownDomains,
      neverLog,
      ...deletePolicy,
      ...timeout,
      ...content,
    };
  }

  let clientId: string | undefined;
  if (!clientIdRaw)
    problems.push("ILO_CLIENT_ID is required for a tenant (the Entra app registration's client id)");
  else if (!isGuid(clientIdRaw)) problems.push(`ILO_CLIENT_ID: "${clientIdRaw}" is not a GUID`);
  else if (/^[0-]+$/.test(clientIdRaw)) problems.push("ILO_CLIENT_ID is the all-zero placeholder GUID");
  else clientId = clientIdRaw.toLowerCase();

  let siteUrl: string | undefined;
  if (!siteUrlRaw)
    problems.push("ILO_SITE_URL is required for a tenant (the SharePoint site that holds the lists)");
  else siteUrl = parseSiteUrl(siteUrlRaw, problems);

  let authority: string | undefined = DEFAULT_AUTHORITY;
  if (authorityRaw) authority = parseAuthority(authorityRaw, problems);
  if (tenantIdRaw) {
    const fromTenant = parseTenantId(tenantIdRaw, problems);
    if (authorityRaw && fromTenant && authority && authority !== fromTenant) {
      problems.push(`ILO_AUTHORITY (${authority}) and ILO_TENANT_ID (${tenantIdRaw}) disagree: set only one`);
    }
    if (!authorityRaw) authority = fromTenant;
  }

  if (problems.length) throw new ConfigError(problems);
  return {
    mode: "tenant",
    graphBaseUrl: graphBaseUrl ?? DEFAULT_GRAPH_BASE_URL,
    siteUrl: siteUrl!,
    clientId: clientId!,
    authority: authority!,
    ownDomains,
    neverLog,
    ...deletePolicy,
    ...timeout,
    ...content,
  };
}

/** One line for the log at start; the configuration holds no secrets, but lists are summarised to stay short. */
export function describeConfig(config: AppConfig): string {
  const parts = [`mode=${config.mode}`, `graph=${config.graphBaseUrl}`, `site=${config.siteUrl}`];
  if (config.mode === "tenant")
    parts.push(`client=${config.clientId ?? "?"}`, `authority=${config.authority ?? "?"}`);
  parts.push(
    `ownDomains=${config.ownDomains.length ? config.ownDomains.join(",") : "(mailbox domain only)"}`,
    `neverLog=${config.neverLog.length} entr${config.neverLog.length === 1 ? "y" : "ies"}`,
  );
  return `Interaction Log configuration: ${parts.join(" ")}`;
}

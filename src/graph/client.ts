// The one place a Graph client is made: the SDK's own middleware chain (auth, retry honouring Retry-After,
// telemetry, HTTP) with two of ours — a deadline on every attempt, and sign-in errors kept intact — pointed at
// Microsoft Graph or at the local emulator.
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type AuthenticationProvider,
  type Middleware,
} from "@microsoft/microsoft-graph-client";
import { ClaimsChallengeHandler, isClaimsAware } from "./claims-challenge";
import { DEFAULT_REQUEST_TIMEOUT_MS, DeadlineHandler, ErrorPassThrough } from "./request-deadline";

export { DEFAULT_REQUEST_TIMEOUT_MS } from "./request-deadline";

export interface RetryOptions {
  /** Seconds to wait when the answer carries no Retry-After (the SDK backs off exponentially from it). */
  delaySeconds?: number;
  /** Bounded by the SDK at 10. */
  maxRetries?: number;
}

export interface GraphClientOptions {
  /** Graph root without version, e.g. "https://graph.microsoft.com" or "https://127.0.0.1:8443". */
  baseUrl: string;
  authProvider: AuthenticationProvider;
  /** Extra hosts that receive the bearer token; the base URL's own host is always added. */
  customHosts?: Iterable<string>;
  retry?: RetryOptions;
  /** Deadline of one attempt, answer and body included; default 30 s. A missed deadline is transient. */
  timeoutMs?: number;
  /** Aborts every request of this client, in flight or later (an outbox run that timed out). */
  signal?: AbortSignal;
}

export const GRAPH_VERSION = "v1.0";
const GRAPH_HOSTS = new Set([
  "graph.microsoft.com",
  "graph.microsoft.us",
  "dod-graph.microsoft.us",
  "graph.microsoft.de",
  "microsoftgraph.chinacloudapi.cn",
  "canary.graph.microsoft.com",
]);

/** Validates and normalises a Graph root: absolute https, no trailing slash, no version segment. */
export function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`Graph base URL must be absolute, got "${baseUrl}"`);
  }
  // The SDK only treats https:// URLs as Graph URLs: over http it silently drops the Authorization header.
  if (url.protocol !== "https:") throw new TypeError(`Graph base URL must use https, got "${baseUrl}"`);
  const path = url.pathname.replace(/\/+$/, "").replace(/\/(v1\.0|beta)$/, "");
  return `${url.origin}${path}`;
}

/** Host names (no port, as the SDK compares them) that must be trusted with the token. */
export function customHostsFor(baseUrl: string, extra: Iterable<string> = []): Set<string> {
  const hosts = new Set<string>();
  const host = new URL(baseUrl).hostname.toLowerCase();
  if (!GRAPH_HOSTS.has(host)) hosts.add(host);
  // The emulator answers on both loopback names; nextLinks may come back with either.
  if (host === "localhost" || host === "127.0.0.1") {
    hosts.add("localhost");
    hosts.add("127.0.0.1");
  }
  for (const h of extra) {
    const name = h.trim().toLowerCase();
    if (!name) continue;
    if (/[/:]/.test(name))
      throw new TypeError(`customHosts takes host names only (no scheme or port), got "${h}"`);
    hosts.add(name);
  }
  return hosts;
}

export function createGraphClient(options: GraphClientOptions): Client {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const retryOptions = new RetryHandlerOptions(
    options.retry?.delaySeconds ?? 3,
    options.retry?.maxRetries ?? 3,
  );
  const auth = new AuthenticationHandler(options.authProvider);
  const retry = new RetryHandler(retryOptions);
  const telemetry = new TelemetryHandler();
  const deadline = new DeadlineHandler(options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, options.signal);
  const http = new HTTPMessageHandler();
  auth.setNext(retry);
  retry.setNext(telemetry);
  telemetry.setNext(deadline);
  deadline.setNext(http);
  let afterFront: Middleware = auth;
  if (isClaimsAware(options.authProvider)) {
    const claims = new ClaimsChallengeHandler(options.authProvider);
    claims.setNext(auth);
    afterFront = claims;
  }
  const first = new ErrorPassThrough();
  first.setNext(afterFront);
  const hosts = customHostsFor(baseUrl, options.customHosts);
  return Client.initWithMiddleware({
    baseUrl,
    defaultVersion: GRAPH_VERSION,
    middleware: first,
    ...(hosts.size ? { customHosts: hosts } : {}),
  });
}

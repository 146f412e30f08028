// Which browser pages may call the emulator: the workbench's origins only (EMULATOR_ALLOWED_ORIGINS changes them).
// A request without an Origin header is not a browser's cross-origin call (Node clients, the workbench's proxy) and
// passes; the admin secret header is never allowed from a browser, so no web page can reach /_emulator/*.
import { parseOrigin } from "./config";
import type { GraphResponse } from "./context";
import { originNotAllowed } from "./errors/graph-error-factory";

/** The request headers Graph clients send (the SDK, our pane): the only ones a preflight allows. */
export const ALLOWED_REQUEST_HEADERS = [
  "Authorization",
  "Content-Type",
  "Content-Range",
  "Prefer",
  "If-Match",
  "If-None-Match",
  "client-request-id",
  "return-client-request-id",
  "SdkVersion",
  "ConsistencyLevel",
  "Accept",
];
const ALLOWED_METHODS = "GET, POST, PATCH, PUT, DELETE, OPTIONS";
const EXPOSED_HEADERS = "request-id, client-request-id, Retry-After, ETag, Location, Content-Type";

export class CorsPolicy {
  private readonly origins: Set<string>;

  constructor(origins: readonly string[]) {
    this.origins = new Set(origins.map(parseOrigin));
  }

  allowed(): string[] {
    return [...this.origins];
  }

  /** The CORS headers for an answer to `origin` (none without one); 403 accessDenied for an origin not allowed. */
  headersFor(origin: string | undefined): Record<string, string> {
    if (origin === undefined) return { Vary: "Origin" };
    if (!this.origins.has(origin)) throw originNotAllowed(origin);
    return {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Expose-Headers": EXPOSED_HEADERS,
      Vary: "Origin",
    };
  }

  /** The answer to a preflight from an allowed origin: a fixed list of methods and headers, never an echo. */
  preflight(): GraphResponse {
    return {
      status: 204,
      headers: {
        "Access-Control-Allow-Methods": ALLOWED_METHODS,
        "Access-Control-Allow-Headers": ALLOWED_REQUEST_HEADERS.join(", "),
        "Access-Control-Max-Age": "600",
      },
    };
  }
}

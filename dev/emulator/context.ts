// The per-request context every handler reads: parsed path and query, lower-cased headers, the caller, ids.
import type { Caller } from "./auth";

export interface GraphRequest {
  method: string;
  /** Path after the version segment, still percent-encoded, e.g. `/sites/{id}/lists`. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: unknown;
  requestId: string;
  clientRequestId: string;
  /** `https://host:port` as the client addressed it, for nextLink and deltaLink. */
  origin: string;
  caller: Caller;
  inBatch: boolean;
}

export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): GraphResponse {
  return { status, body, headers };
}

/** Graph accepts `odata.maxpagesize` and several `Prefer` values in one or more headers. */
export function preferValues(headers: Record<string, string>): Set<string> {
  return new Set(
    (headers["prefer"] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

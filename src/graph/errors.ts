// Every failure from Graph becomes one StoreError kind, so the pane can explain it without knowing HTTP.
import { GraphClientError, GraphError } from "@microsoft/microsoft-graph-client";
import { StoreError, type StoreErrorKind } from "../domain/errors";

export interface HttpFailure {
  status: number;
  code?: string;
  message?: string;
  requestId?: string;
}

export function kindForStatus(status: number): StoreErrorKind {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "notFound";
  if (status === 409) return "duplicate";
  if (status === 412) return "conflict";
  if (status === 400 || status === 422) return "invalid";
  if (status === 408 || status === 429 || status >= 500 || status === 0) return "offline";
  return "unknown";
}

/**
 * Names of failures that mean "the request may never have arrived": our own client's network and timeout errors
 * (client.ts turns fetch's rejections into these), the Fetch standard's AbortError/TimeoutError, node-fetch's.
 * A bare TypeError is not among them: it is a programming error unless it is fetch's own network failure.
 */
const NETWORK_ERROR_NAMES = new Set(["NetworkError", "AbortError", "FetchError", "TimeoutError"]);

/** The messages fetch rejects with when the network fails: Chromium, Firefox, Safari, Node (undici), RN. */
const FETCH_FAILURE_MESSAGES =
  /^(Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed|fetch failed|Network request failed)$/i;

/** A failure of fetch itself (no answer), as opposed to a TypeError from a bug. */
export function isFetchFailure(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as { name?: unknown; message?: unknown };
  return (
    err.name === "TypeError" &&
    typeof err.message === "string" &&
    FETCH_FAILURE_MESSAGES.test(err.message.trim())
  );
}

/**
 * Our client, fetch in browsers and Node reject this way on a dropped connection, DNS failure or timeout; the SDK
 * wraps it in a GraphError with status -1 (name as `code`, the original's message, sometimes the original in
 * `body`). Checked by shape, not instanceof: errors from Node's fetch may come from another realm (test runners,
 * workers). A malformed answer or a bug (TypeError "Cannot read properties…") is not a network failure.
 */
export function isNetworkError(e: unknown): boolean {
  if (e instanceof GraphError) {
    if (e.statusCode > 0) return false;
    if (NETWORK_ERROR_NAMES.has(e.code ?? "")) return true;
    if (e.code === "TypeError" && isFetchFailure({ name: "TypeError", message: e.message })) return true;
    return looksLikeNetworkFailure(e.body);
  }
  return looksLikeNetworkFailure(e);
}

function looksLikeNetworkFailure(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as { name?: unknown; code?: unknown; cause?: { code?: unknown } };
  if (typeof err.name === "string" && NETWORK_ERROR_NAMES.has(err.name)) return true;
  if (isFetchFailure(e)) return true;
  const code = err.cause?.code ?? err.code;
  return typeof code === "string" && NETWORK_ERROR_CODES.test(code);
}

const NETWORK_ERROR_CODES =
  /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_SOCKET|UND_ERR_CONNECT_TIMEOUT|UND_ERR_CLOSED)$/;

/**
 * The SDK wraps whatever a middleware or the token provider throws in a status-less GraphError whose code is the
 * error's name. These names are bugs or unreadable answers (fetch's own failures were told apart before), never a
 * sign-in: counted as sign-in they would keep every log waiting for a sign-in that cannot fix them.
 */
const PROGRAMMING_ERRORS = new Set([
  "TypeError",
  "RangeError",
  "ReferenceError",
  "SyntaxError",
  "MalformedResponseError",
]);

/** Graph answered, but not in a shape we can read (a $batch without responses, a step missing): not transient. */
export class MalformedResponseError extends TypeError {
  override readonly name = "MalformedResponseError";
}

export function fromHttpFailure(f: HttpFailure, what: string): StoreError {
  const kind = kindForStatus(f.status);
  return new StoreError(kind, `${what}: ${f.message ?? f.code ?? `HTTP ${f.status}`}`, {
    status: f.status,
    code: f.code,
    requestId: f.requestId,
  });
}

/** Maps anything thrown by the Graph client (or fetch) to a StoreError; StoreErrors pass through. */
export function toStoreError(e: unknown, what = "Graph request failed"): StoreError {
  if (e instanceof StoreError) return e;
  // A sign-in failure, carried through the SDK by client.ts's ErrorPassThrough.
  if (e instanceof GraphClientError && e.customError instanceof StoreError) return e.customError;
  if (e instanceof GraphError && e.statusCode > 0) {
    return fromHttpFailure(
      {
        status: e.statusCode,
        code: e.code ?? undefined,
        message: e.message,
        requestId: e.requestId ?? undefined,
      },
      what,
    );
  }
  if (isNetworkError(e)) {
    const name = e instanceof GraphError ? e.code : (e as { name?: unknown }).name;
    if (name === "TimeoutError")
      return new StoreError("offline", `${what}: Microsoft Graph did not answer in time`, {
        code: "timeout",
        cause: e,
      });
    if (name === "AbortError")
      return new StoreError("offline", `${what}: the request was cancelled`, { code: "aborted", cause: e });
    return new StoreError("offline", `${what}: Microsoft Graph could not be reached`, { cause: e });
  }
  // A bug (ours or a middleware's) that the SDK wrapped: not sign-in, and retrying cannot help.
  if (e instanceof GraphError && e.statusCode <= 0 && PROGRAMMING_ERRORS.has(e.code ?? "")) {
    return new StoreError("unknown", `${what}: ${e.code}: ${e.message}`, {
      code: e.code ?? undefined,
      cause: e,
    });
  }
  // With no HTTP status and no network failure, the token provider threw before anything was sent.
  if (e instanceof GraphError && e.statusCode <= 0) {
    return new StoreError("unauthenticated", `${what}: sign-in failed (${e.code ?? e.message})`, {
      code: e.code ?? undefined,
      cause: e,
    });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new StoreError("unknown", `${what}: ${message}`, { cause: e });
}

/** Whether retrying (now or later from the outbox) can succeed: the request may never have arrived. */
export function isTransient(e: StoreError): boolean {
  return e.kind === "offline";
}

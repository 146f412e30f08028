// One function per Graph error code the emulator returns, and the one place a thrown value becomes an answer in
// Graph's wire shape (errorResponse). Codes and statuses follow https://learn.microsoft.com/graph/errors; messages
// follow what SharePoint-backed Graph endpoints say where known.
import type { GraphResponse } from "../context";
import { GraphError } from "./graph-error";

export const HONOR_NON_INDEXED = "HonorNonIndexedQueriesWarningMayFailRandomly";

export function invalidRequest(message: string): GraphError {
  return new GraphError(400, "invalidRequest", message);
}

export function badFilter(message: string): GraphError {
  return invalidRequest(`Invalid filter clause: ${message}`);
}

export function unknownField(field: string): GraphError {
  return invalidRequest(`Field '${field}' is not recognized`);
}

export function nonIndexedField(field: string): GraphError {
  return invalidRequest(
    `Field '${field}' cannot be referenced in filter or orderby as it is not indexed. ` +
      `Provide the 'Prefer: ${HONOR_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`,
  );
}

/**
 * The list view threshold refusal. Graph's exact code for this case could not be confirmed offline; SharePoint's own
 * text is used with the `notSupported` code the domain notes name.
 */
export function listViewThresholdExceeded(count: number, threshold: number): GraphError {
  return new GraphError(
    400,
    "notSupported",
    `The attempted operation is prohibited because it exceeds the list view threshold (${count} items, threshold ${threshold}). ` +
      "Filter on an indexed column.",
  );
}

export function itemNotFound(what = "The resource could not be found."): GraphError {
  return new GraphError(404, "itemNotFound", what);
}

export function nameAlreadyExists(message: string): GraphError {
  return new GraphError(409, "nameAlreadyExists", message);
}

export function resourceModified(): GraphError {
  return new GraphError(
    412,
    "resourceModified",
    "The resource has changed since the caller last read it; usually an eTag mismatch",
  );
}

export function unauthenticated(message: string): GraphError {
  return new GraphError(401, "InvalidAuthenticationToken", message);
}

export function accessDenied(
  message = "Access denied. You do not have permission to perform this action or access this resource.",
): GraphError {
  return new GraphError(403, "accessDenied", message);
}

export function methodNotAllowed(method: string, path: string): GraphError {
  return new GraphError(405, "invalidRequest", `The HTTP method '${method}' is not supported on '${path}'`);
}

export function notImplemented(what: string): GraphError {
  return new GraphError(501, "notImplemented", `The emulator does not implement ${what}`);
}

export function failedDependency(): GraphError {
  return new GraphError(424, "failedDependency", "A request this request depends on failed");
}

export function tooManyRequests(retryAfterSeconds: number): GraphError {
  return new GraphError(429, "activityLimitReached", "The request has been throttled", {
    "Retry-After": String(retryAfterSeconds),
  });
}

export function serviceUnavailable(retryAfterSeconds: number): GraphError {
  return new GraphError(503, "serviceNotAvailable", "The service is temporarily unavailable", {
    "Retry-After": String(retryAfterSeconds),
  });
}

export function internalError(message: string): GraphError {
  return new GraphError(500, "generalException", message);
}

/**
 * 413 for a body over the cap. Graph documents 413 "Request Entity Too Large"; the code string is not confirmed
 * against the service.
 */
export function requestTooLarge(limitBytes: number): GraphError {
  return new GraphError(
    413,
    "requestEntityTooLarge",
    `The request body is larger than ${limitBytes} bytes, the most this endpoint accepts`,
  );
}

export function invalidJsonBody(): GraphError {
  return invalidRequest("The request body is not valid JSON");
}

/** A browser page from an origin the emulator does not serve (CORS), for a request or its preflight. */
export function originNotAllowed(origin: string): GraphError {
  return accessDenied(
    `Origin '${origin}' may not call this emulator. Allowed origins are the workbench's; set EMULATOR_ALLOWED_ORIGINS to change them.`,
  );
}

/** /_emulator/* without the run's admin secret. Not Graph's API, so not Graph's token error either. */
export function adminSecretRequired(header: string): GraphError {
  return new GraphError(
    401,
    "unauthenticated",
    `The emulator's admin endpoints need the admin secret printed at start, in the ${header} header`,
  );
}

export function nestedBatch(): GraphError {
  return invalidRequest("A $batch cannot contain another $batch");
}

export function batchBodyWithoutContentType(id: string): GraphError {
  return invalidRequest(`Request '${id}' has a body but no Content-Type header.`);
}

export function invalidVersion(pathname: string): GraphError {
  return invalidRequest(`Invalid version or path '${pathname}': the emulator serves /v1.0`);
}

/**
 * The answer for anything thrown while handling a request: a GraphError as it is, anything else as a 500
 * generalException (reported through `onInternal`), both in Graph's wire shape with the request's ids.
 */
export function errorResponse(
  e: unknown,
  requestId: string,
  clientRequestId: string,
  onInternal: (e: unknown) => void = () => undefined,
): GraphResponse {
  let err: GraphError;
  if (e instanceof GraphError) err = e;
  else {
    onInternal(e);
    err = internalError("The emulator failed to handle the request");
  }
  return { status: err.status, headers: { ...err.headers }, body: err.toBody(requestId, clientRequestId) };
}

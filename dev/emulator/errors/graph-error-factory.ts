// One function per Graph error code the emulator returns. Codes and statuses follow
// https://learn.microsoft.com/graph/errors; messages follow what SharePoint-backed Graph endpoints say where known.
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

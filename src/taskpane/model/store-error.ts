// Anything thrown across a port reaches the UI as a StoreError, so every failure has a kind to explain it by.
import { isStoreError, StoreError } from "../../domain/errors";

export function asStoreError(e: unknown): StoreError {
  if (isStoreError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new StoreError("unknown", message, { cause: e });
}

/** status / code / request id, for the "details" line of an unknown error. */
export function errorDetails(error: StoreError): string {
  const parts = [error.message];
  if (error.details.status) parts.push(`HTTP ${error.details.status}`);
  if (error.details.code) parts.push(error.details.code);
  if (error.details.requestId) parts.push(`request-id ${error.details.requestId}`);
  return parts.filter(Boolean).join(" · ");
}

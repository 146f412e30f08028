// Office's *Async methods report failure through the callback; a throw inside that callback never reaches the
// caller. Every call therefore goes through officeAsync, which settles a Promise exactly once.

/** A failed Office call, named after the API so a log line says which host call broke. */
export class OfficeCallError extends Error {
  readonly api: string;
  /** Office's error name/code when it gave one (e.g. "ItemNotSaved"). */
  readonly officeCode?: string | number;

  constructor(api: string, detail: string, officeCode?: string | number) {
    super(`Outlook call ${api} failed: ${detail}`);
    this.name = "OfficeCallError";
    this.api = api;
    if (officeCode !== undefined) this.officeCode = officeCode;
  }
}

interface AsyncResultLike<T> {
  status: unknown;
  value: T;
  error?: { name?: string; message?: string; code?: number } | null;
}

/** Office.AsyncResultStatus.Succeeded is the string "succeeded" in office.js; fakes may use the enum object. */
function succeeded(status: unknown): boolean {
  return status === "succeeded" || status === 0;
}

/**
 * Runs `start(callback)` and resolves with the result value, or rejects with an OfficeCallError when Office
 * reports failure, when `start` throws, or when the callback comes back without a result.
 */
export function officeAsync<T>(
  api: string,
  start: (callback: (result: AsyncResultLike<T>) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const callback = (result: AsyncResultLike<T>): void => {
      if (settled) return;
      settled = true;
      if (!result || typeof result !== "object") {
        reject(new OfficeCallError(api, "the host returned no result"));
      } else if (succeeded(result.status)) {
        resolve(result.value);
      } else {
        const err = result.error ?? undefined;
        reject(
          new OfficeCallError(api, err?.message || "the host reported a failure", err?.name ?? err?.code),
        );
      }
    };
    try {
      start(callback);
    } catch (e) {
      if (settled) return;
      settled = true;
      reject(new OfficeCallError(api, e instanceof Error ? e.message : String(e)));
    }
  });
}

// Outlook's calling convention: (args..., [options], callback). Results always arrive on a later task, never
// synchronously, and failures come back as a failed AsyncResult rather than a throw.

export const ASYNC_STATUS = { Succeeded: "succeeded", Failed: "failed" } as const;

export interface StandInError {
  name: string;
  message: string;
  code: number;
}

export interface StandInAsyncResult<T> {
  status: "succeeded" | "failed";
  value: T | undefined;
  error: StandInError | undefined;
  asyncContext: unknown;
  diagnostics: unknown;
}

export type Callback<T> = (result: StandInAsyncResult<T>) => void;

/** Outlook's documented error codes for the cases the stand-in produces. */
export const ERRORS = {
  invalidFormat: { name: "InvalidFormatError", code: 9000 },
  itemNotSaved: { name: "ItemNotSaved", code: 9046 },
  notShared: { name: "GenericResponseError", code: 9020 },
  dataExceedsMaximumSize: { name: "DataExceedsMaximumSize", code: 1000 },
  invalidEventType: { name: "InvalidEventType", code: 5001 },
  itemNotFound: { name: "ItemNotFound", code: 9049 },
  invalidAttachmentId: { name: "InvalidAttachmentId", code: 9003 },
} as const;

export class StandInFailure extends Error {
  constructor(
    readonly kind: keyof typeof ERRORS,
    message: string,
  ) {
    super(message);
  }
}

export interface Scheduler {
  (fn: () => void): void;
}

export const laterTask: Scheduler = (fn) => void setTimeout(fn, 0);

/** Splits Outlook's optional `options` from the trailing callback; a missing callback is a caller bug. */
export function splitArgs<T>(
  api: string,
  args: unknown[],
  callbackRequired: boolean,
): { options: { asyncContext?: unknown }; callback?: Callback<T> } {
  const last = args[args.length - 1];
  const callback = typeof last === "function" ? (last as Callback<T>) : undefined;
  const rest = callback ? args.slice(0, -1) : args;
  const maybeOptions = rest[rest.length - 1];
  const options =
    maybeOptions && typeof maybeOptions === "object" && !Array.isArray(maybeOptions)
      ? (maybeOptions as { asyncContext?: unknown })
      : {};
  if (callbackRequired && !callback) {
    // Outlook validates arguments synchronously and throws for a missing callback.
    throw new Error(`Sys.ArgumentException: ${api} requires a callback function`);
  }
  return { options, callback };
}

/**
 * Runs `work` on a later task and reports its value, or the StandInFailure it throws, to the callback.
 * Other exceptions are stand-in bugs and are rethrown so tests see them.
 */
export function completeLater<T>(
  schedule: Scheduler,
  options: { asyncContext?: unknown },
  callback: Callback<T> | undefined,
  work: () => T,
): void {
  schedule(() => {
    let result: StandInAsyncResult<T>;
    try {
      result = {
        status: ASYNC_STATUS.Succeeded,
        value: work(),
        error: undefined,
        asyncContext: options.asyncContext,
        diagnostics: undefined,
      };
    } catch (e) {
      if (!(e instanceof StandInFailure)) throw e;
      const spec = ERRORS[e.kind];
      result = {
        status: ASYNC_STATUS.Failed,
        value: undefined,
        error: { name: spec.name, code: spec.code, message: e.message },
        asyncContext: options.asyncContext,
        diagnostics: undefined,
      };
    }
    callback?.(result);
  });
}

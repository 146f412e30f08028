// Two middlewares of our own around the SDK's chain:
// - DeadlineHandler, just before the HTTP handler: every attempt gets a deadline (AbortController) that covers the
//   answer and its body, an optional caller signal aborts it too, and fetch's rejections become errors that say
//   what happened — NetworkError (no answer), TimeoutError (deadline), AbortError (caller) — instead of a bare
//   TypeError that a programming error could also raise.
// - ErrorPassThrough, first in the chain: a StoreError (a sign-in failure from the token provider) reaches the
//   caller as itself; the SDK would otherwise flatten it into a status-less GraphError and lose its kind and code.
import { GraphClientError, type Context, type Middleware } from "@microsoft/microsoft-graph-client";
import { StoreError } from "../domain/errors";
import { isFetchFailure } from "./errors";

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export class RequestTimeoutError extends Error {
  override readonly name = "TimeoutError";
}

export class RequestAbortedError extends Error {
  override readonly name = "AbortError";
}

export class NetworkFailureError extends Error {
  override readonly name = "NetworkError";
}

/** Statuses whose Response may not carry a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

abstract class Link implements Middleware {
  protected next?: Middleware;
  setNext(next: Middleware): void {
    this.next = next;
  }
  abstract execute(context: Context): Promise<void>;
}

export class DeadlineHandler extends Link {
  constructor(
    private readonly timeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS,
    private readonly signal?: AbortSignal,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error("DeadlineHandler has no next middleware");
    const callerSignals = [this.signal, context.options?.signal ?? undefined].filter(
      (s): s is AbortSignal => !!s,
    );
    if (callerSignals.some((s) => s.aborted)) throw new RequestAbortedError("The request was cancelled");
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = () => controller.abort();
    for (const s of callerSignals) s.addEventListener("abort", onAbort);
    context.options = { ...context.options, signal: controller.signal };
    try {
      await this.next.execute(context);
      const r = context.response;
      // Read the body under the same deadline: a stalled body must not hang whoever parses it later.
      if (r && r.body && !NULL_BODY.has(r.status)) {
        const body = await r.arrayBuffer();
        context.response = new Response(body, {
          status: r.status,
          statusText: r.statusText,
          headers: r.headers,
        });
      }
    } catch (e) {
      if (timedOut)
        throw new RequestTimeoutError(
          `Microsoft Graph did not answer within ${Math.round(this.timeoutMs / 1000)} s`,
        );
      if (controller.signal.aborted) throw new RequestAbortedError("The request was cancelled");
      if (isFetchFailure(e)) throw new NetworkFailureError((e as Error).message, { cause: e });
      throw e;
    } finally {
      clearTimeout(timer);
      for (const s of callerSignals) s.removeEventListener("abort", onAbort);
    }
  }
}

export class ErrorPassThrough extends Link {
  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error("ErrorPassThrough has no next middleware");
    try {
      await this.next.execute(context);
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      // The SDK rethrows a GraphClientError untouched: the StoreError rides inside it.
      const wrapped = new GraphClientError(e.message);
      wrapped.customError = e;
      throw wrapped;
    }
  }
}

// The device's outbox: logs that could not reach SharePoint, kept under their request id and replayed later, so
// their DedupeKeys (and their segment's) are the same on every attempt.
import type { StoreError } from "../../domain/errors";
import type { FlushOptions, LogRequest, LogResult, PendingLog } from "../../domain/ports";
import { isTransient, toStoreError } from "../errors";
import type { OutboxStorage } from "../outbox";

/** Replays one pending log (its own request id, never enqueued again). */
export type Replay = (pending: PendingLog) => Promise<LogResult>;

export class OutboxReplay {
  private flushing?: Promise<number>;

  constructor(
    private readonly outbox: OutboxStorage,
    private readonly now: () => Date,
  ) {}

  async enqueue(request: LogRequest, id: string, err: StoreError): Promise<void> {
    const pending: PendingLog = {
      id,
      request,
      queuedAt: this.now().toISOString(),
      attempts: 0,
      lastError: err.message,
    };
    await this.outbox.put(pending);
  }

  pending(): Promise<PendingLog[]> {
    return this.outbox.list();
  }

  flush(replay: Replay, options: FlushOptions = {}): Promise<number> {
    this.flushing ??= this.flushOnce(replay, options.includeFailed === true).finally(
      () => (this.flushing = undefined),
    );
    return this.flushing;
  }

  async discard(id: string): Promise<void> {
    // A run in progress may be replaying this very log and would put it back afterwards: let it finish first.
    await this.flushing?.catch(() => undefined);
    await this.outbox.remove(id);
  }

  private async flushOnce(replay: Replay, includeFailed: boolean): Promise<number> {
    let sent = 0;
    for (const pending of await this.outbox.list()) {
      if (pending.failed && !includeFailed) continue;
      let result: LogResult | undefined;
      let error: StoreError | undefined;
      try {
        result = await replay(pending);
      } catch (e) {
        error = toStoreError(e);
      }
      const open = result?.results.filter((r) => r.status === "queued" || r.status === "failed") ?? [];
      if (result && open.length === 0) {
        await this.outbox.remove(pending.id);
        sent++;
        continue;
      }
      const queued = open.find((r) => r.status === "queued");
      error ??= (queued ?? open[0])?.error;
      // Offline, throttled, 5xx: retried later. Sign-in or missing lists hit every log alike and are not this
      // log's fault: kept as they are. Anything else will fail the same way again: it waits for the user.
      const transient = !!queued || !error || isTransient(error);
      const retryLater = transient || affectsEveryLog(error!);
      const failed = transient ? false : retryLater ? pending.failed === true : true;
      const { failed: _wasFailed, ...rest } = pending;
      await this.outbox.put({
        ...rest,
        attempts: pending.attempts + 1,
        lastError: error?.message ?? "not sent",
        ...(failed ? { failed: true } : {}),
      });
      // Still offline (or signed out): the rest would fail the same way.
      if (retryLater) break;
    }
    return sent;
  }
}

function affectsEveryLog(e: StoreError): boolean {
  return e.kind === "unauthenticated" || e.kind === "notProvisioned";
}

// The device's outbox: logs that could not reach SharePoint, kept under their request id and replayed later, so
// their DedupeKeys (and their segment's) are the same on every attempt.
//
// - Scoped: each log records its account (tenant + user + mailbox); a pane replays, lists and discards only the
//   logs of its own tenant and user, and only counts the others.
// - Shared: panes claim a log before replaying it (OutboxStorage.withClaim), so one pane at a time replays it; a
//   discard waits for that claim, and a replay's bookkeeping never writes back a log that was discarded meanwhile.
// - Bounded: a run still going after `runDeadlineMs` is aborted (its requests cancelled through the signal), so
//   the next Send now starts a fresh run and Discard is never stuck behind it.
import type { KeepContentRequest } from "../../domain/content-ports";
import { needsInteractiveSignIn, StoreError } from "../../domain/errors";
import type {
  FlushOptions,
  LogRequest,
  LogResult,
  OutboxAccount,
  PendingChange,
  PendingLog,
} from "../../domain/ports";
import { isTransient, toStoreError } from "../errors";
import type { OutboxStorage } from "../outbox";
import { runWithDeadline, type RunProgress } from "../run-deadline";

export interface ReplayContext {
  /** Aborted when the run times out: nothing may be sent after that. */
  signal: AbortSignal;
  /** An automatic run: silent sign-in only. */
  background: boolean;
}

/** Replays one pending log (its own request id, never enqueued again). */
export type Replay = (pending: PendingLog, context: ReplayContext) => Promise<LogResult>;

export interface OutboxReplayOptions {
  /** This pane's tenant and user. Without it (tests, tools) every log is this pane's. */
  account?: Omit<OutboxAccount, "mailbox">;
  /** How long one run may take before it is aborted. Default 2 minutes. */
  runDeadlineMs?: number;
}

interface Run {
  includeFailed: boolean;
  promise: Promise<number>;
}

export class OutboxReplay {
  private run?: Run;
  private readonly account?: Omit<OutboxAccount, "mailbox">;
  private readonly deadline: number;

  constructor(
    private readonly outbox: OutboxStorage,
    private readonly now: () => Date,
    options: OutboxReplayOptions = {},
  ) {
    this.account = options.account && {
      tenant: options.account.tenant.toLowerCase(),
      user: options.account.user.toLowerCase(),
    };
    this.deadline = options.runDeadlineMs ?? 120_000;
  }

  /**
   * `change`: not a log but a cancel / un-cancel made offline (issue 11); `content`: a mail's content still to keep
   * (issue 15). `request` then describes it.
   */
  async enqueue(
    request: LogRequest,
    id: string,
    err: StoreError,
    change?: PendingChange,
    content?: KeepContentRequest,
  ): Promise<void> {
    const owner = request.correspondence?.mailboxOwner?.address?.trim().toLowerCase();
    const user = this.account?.user ?? request.user.emailAddress.trim().toLowerCase();
    const pending: PendingLog = {
      id,
      request,
      queuedAt: this.now().toISOString(),
      attempts: 0,
      lastError: err.message,
      ...(this.account ? { account: { ...this.account, mailbox: owner || user } } : {}),
      ...(change ? { change } : {}),
      ...(content ? { content } : {}),
    };
    await this.outbox.put(pending);
  }

  /**
   * Puts a mail's content on a log that waits in the outbox, so that the replay writes both. False when the log is
   * not (any longer) waiting: it was sent meanwhile, or is another account's.
   */
  async attachContent(id: string, content: KeepContentRequest): Promise<boolean> {
    const r = await this.outbox.withClaim(
      id,
      async (log) =>
        this.mine(log) &&
        !log.change &&
        !log.content &&
        (await this.outbox.replace({ ...log, keepAfter: content })),
      { wait: true },
    );
    return r.status === "done" && r.value;
  }

  async pending(): Promise<PendingLog[]> {
    return (await this.outbox.list()).filter((l) => this.mine(l));
  }

  async pendingElsewhere(): Promise<number> {
    return (await this.outbox.list()).filter((l) => !this.mine(l)).length;
  }

  flush(replay: Replay, options: FlushOptions = {}): Promise<number> {
    const includeFailed = options.includeFailed === true;
    const current = this.run;
    if (current) {
      // Joining is fine unless this caller wants the failed logs and the run in progress skips them (Send now
      // during an automatic run): then a run with them follows.
      if (current.includeFailed || !includeFailed) return current.promise;
      return current.promise.then(
        (sent) => this.flush(replay, options).then((more) => sent + more),
        () => this.flush(replay, options),
      );
    }
    const run: Run = {
      includeFailed,
      promise: runWithDeadline(this.deadline, "Sending the pending logs took too long", (signal, progress) =>
        this.flushOnce(replay, includeFailed, options.background === true, signal, progress),
      ).finally(() => {
        if (this.run === run) this.run = undefined;
      }),
    };
    this.run = run;
    return run.promise;
  }

  /** Waits for a replay of this log in progress (in any pane), then removes it: it is never sent afterwards. */
  async discard(id: string): Promise<void> {
    const r = await this.outbox.withClaim(
      id,
      async (log) => {
        if (!this.mine(log))
          throw new StoreError("forbidden", "This pending log belongs to another account", {
            code: "otherAccount",
          });
        await this.outbox.remove(id);
      },
      { wait: true },
    );
    if (r.status === "busy") throw new StoreError("conflict", "The pending log is being sent");
  }

  private mine(log: PendingLog): boolean {
    const me = this.account;
    if (!me) return true;
    if (!log.account) return log.request.user.emailAddress.trim().toLowerCase() === me.user;
    return log.account.tenant.toLowerCase() === me.tenant && log.account.user.toLowerCase() === me.user;
  }

  private async flushOnce(
    replay: Replay,
    includeFailed: boolean,
    background: boolean,
    signal: AbortSignal,
    progress: RunProgress,
  ): Promise<number> {
    let signIn: StoreError | undefined;
    for (const listed of await this.pending()) {
      if (signal.aborted) break;
      if (listed.failed && !includeFailed) continue;
      const claim = await this.outbox.withClaim(
        listed.id,
        async (pending): Promise<"sent" | "next" | "stop"> => {
          // Re-read under the claim: another pane may have changed it since the list was read.
          if (pending.failed && !includeFailed) return "next";
          let result: LogResult | undefined;
          let error: StoreError | undefined;
          try {
            result = await replay(pending, { signal, background });
          } catch (e) {
            error = toStoreError(e);
          }
          const open = result?.results.filter((r) => r.status === "queued" || r.status === "failed") ?? [];
          if (result && open.length === 0) {
            await this.outbox.remove(pending.id);
            return "sent";
          }
          const queued = open.find((r) => r.status === "queued");
          error ??= (queued ?? open[0])?.error;
          // Offline, throttled, 5xx: retried later. Sign-in or missing lists hit every log alike and are not this
          // log's fault: kept as they are. Anything else will fail the same way again: it waits for the user.
          const transient = !!queued || !error || isTransient(error);
          const retryLater = transient || affectsEveryLog(error!);
          const failed = transient ? false : retryLater ? pending.failed === true : true;
          const { failed: _wasFailed, ...rest } = pending;
          // Only while still stored: a discard that got in first wins.
          await this.outbox.replace({
            ...rest,
            attempts: pending.attempts + 1,
            lastError: error?.message ?? "not sent",
            ...(failed ? { failed: true } : {}),
          });
          if (error && background && needsInteractiveSignIn(error)) signIn = error;
          // Still offline (or signed out): the rest would fail the same way.
          return retryLater ? "stop" : "next";
        },
        { wait: false },
      );
      if (claim.status !== "done") continue; // another pane has it, or it was discarded
      if (claim.value === "sent") progress.sent++;
      if (claim.value === "stop") break;
    }
    if (signIn) throw signIn;
    return progress.sent;
  }
}

function affectsEveryLog(e: StoreError): boolean {
  return e.kind === "unauthenticated" || e.kind === "notProvisioned";
}

// One drain of the send queues: each of this pane's kept send-time logs is claimed, matched now and written under
// its own request id, with the outbox's guards (see store/outbox-replay.ts):
// - Scoped: only the pane's user's intents are written (`mine`).
// - Shared: an intent is written only while its claim is held; one another pane holds is left to it, and the
//   bookkeeping after a failure never puts back an intent that was removed meanwhile (a discard wins).
// - Bounded: once the run's signal aborts (its deadline) nothing more is sent and nothing is written back; the
//   claim is let go at once, even when a request hangs.
// - Silent in the background: the store's run path (`forRun`) signs in silently only; when that needs the user
//   the drain stops and rejects with "interactionRequired", the intent kept.
import { needsInteractiveSignIn, StoreError } from "../domain/errors";
import type { MatchingPolicy } from "../domain/matching";
import type { ItemContext, LogRequest, LogResult } from "../domain/ports";
import { sendTimeLogRequest, type SendLogIntent } from "../domain/send-log";
import type { Correspondence } from "../domain/types";
import { isTransient, toStoreError } from "./errors";
import type { OutboxClaims } from "./outbox-claims";
import type { RunProgress } from "./run-deadline";
import type { SendLogQueue } from "./send-queue";
import type { ReplayContext } from "./store/outbox-replay";

/** What a drain asks of the store: the item's context and the log, on the run's client when the store has one. */
export interface DrainRun {
  loadItemContext(correspondence: Correspondence, policy: MatchingPolicy): Promise<ItemContext>;
  logInteraction(request: LogRequest, options?: { requestId?: string }): Promise<LogResult>;
}

export interface ClaimedQueue {
  queue: SendLogQueue;
  claims: OutboxClaims;
}

export interface DrainDeps {
  queues: ClaimedQueue[];
  policy: MatchingPolicy;
  now: () => Date;
  mine: (intent: SendLogIntent) => boolean;
  runner: (run: ReplayContext) => DrainRun;
}

type Outcome = "sent" | "next" | "stop" | { signIn: StoreError };

/** Writes this pane's intents; `progress.sent` counts the ones logged for every contact (read at the deadline). */
export async function drainQueues(
  deps: DrainDeps,
  run: ReplayContext,
  progress: RunProgress,
): Promise<number> {
  let signIn: StoreError | undefined;
  outer: for (const { queue, claims } of deps.queues) {
    for (const listed of (await queue.list()).filter(deps.mine)) {
      if (run.signal.aborted) break outer;
      let outcome: Outcome | undefined;
      try {
        outcome = await claims.hold(listed.id, false, () =>
          untilAborted(writeIntent(deps, queue, listed.id, run), run.signal),
        );
      } catch {
        break outer; // the run was given up
      }
      if (outcome === undefined) continue; // another pane is writing it
      if (outcome === "sent") progress.sent++;
      else if (outcome === "stop") break outer;
      else if (typeof outcome === "object") {
        signIn = outcome.signIn;
        break outer;
      }
    }
  }
  if (signIn) throw signIn;
  return progress.sent;
}

async function writeIntent(
  deps: DrainDeps,
  queue: SendLogQueue,
  id: string,
  run: ReplayContext,
): Promise<Outcome> {
  // Read again under the claim: another pane may have written or discarded it since the list was read.
  const intent = await queue.get(id);
  if (!intent || !deps.mine(intent)) return "next";
  const store = deps.runner(run);
  try {
    const context = await store.loadItemContext(intent.correspondence, deps.policy);
    const decided = sendTimeLogRequest(context, intent.user, deps.now(), intent.choices);
    let sent = false;
    if ("request" in decided) {
      if (run.signal.aborted) return "stop"; // nothing is sent after the deadline
      const result = await store.logInteraction(decided.request, { requestId: intent.id });
      // Signed out halfway: not this log's fault, and a replay under the same id writes nothing twice.
      const signedOut = result.results.find(
        (r) => r.status === "failed" && r.error?.kind === "unauthenticated",
      );
      if (signedOut?.error) throw signedOut.error;
      // Queued results are in the outbox now, under this same id; replayed after the drain.
      sent = result.results.every((r) => r.status === "logged" || r.status === "alreadyLogged");
    }
    await queue.remove(intent.id);
    return sent ? "sent" : "next";
  } catch (e) {
    const err = toStoreError(e, "Logging a sent item failed");
    // A run given up leaves the intent as it was.
    if (run.signal.aborted) return "stop";
    // Only while still kept: a discard that got in first wins.
    if (await queue.has(intent.id))
      await queue.put({ ...intent, attempts: intent.attempts + 1, lastError: err.message });
    if (run.background && needsInteractiveSignIn(err)) return { signIn: err };
    // Offline or signed out: every other intent would fail the same way.
    return isTransient(err) || err.kind === "unauthenticated" ? "stop" : "next";
  }
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  const aborted = () => new StoreError("offline", "Writing the kept logs was cancelled", { code: "aborted" });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

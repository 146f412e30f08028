// One run of kept logs (the outbox's replay, the send queue's drain) with a deadline: when it is still going after
// `deadlineMs` its signal is aborted (every request of the run is cancelled, nothing more is sent) and the run
// resolves with what it sent so far, so the next Send now starts afresh and Discard is never stuck behind it.
import { StoreError } from "../domain/errors";

/** What a run reports as it goes: the logs sent so far. */
export interface RunProgress {
  sent: number;
}

export function runWithDeadline(
  deadlineMs: number,
  tooLong: string,
  work: (signal: AbortSignal, progress: RunProgress) => Promise<number>,
): Promise<number> {
  const controller = new AbortController();
  const progress: RunProgress = { sent: 0 };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new StoreError("offline", tooLong, { code: "timeout" }));
      resolve(progress.sent);
    }, deadlineMs);
  });
  return Promise.race([work(controller.signal, progress), timedOut]).finally(() => clearTimeout(timer));
}

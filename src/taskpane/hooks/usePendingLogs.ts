// The device's outbox: how many logs wait for SharePoint, a way to send them now, and automatic sending: once
// when the pane has started, whenever the browser comes back online, and on a gentle timer while something is
// pending. Runs never overlap; automatic runs are quiet (a failure only updates the indicator). Automatic runs skip
// logs the store marked `failed` (a retry cannot fix them); "Send now" retries those too (right after an automatic
// run in progress, never skipping them), and only the user can discard one. Automatic runs are background runs:
// silent sign-in only; when sign-in needs the user, the pane says so and waits for the click (Send now).
// Logs of other accounts on this device are only counted.
import { useCallback, useEffect, useRef, useState } from "react";
import { needsInteractiveSignIn, StoreError } from "../../domain/errors";
import type { InteractionStorePort, PendingLog } from "../../domain/ports";
import { asStoreError } from "../model/store-error";

/** How often pending logs are retried while the pane is open. */
export const OUTBOX_RETRY_MS = 60_000;
/**
 * The pane's own limit on one run, well above the store's (2 minutes for the send queue's drain, then 2 for the
 * outbox): a run still not over is given up, so Send now is never joined to it forever.
 */
export const PANE_RUN_DEADLINE_MS = 270_000;

export interface PendingOptions {
  /** Becomes true once the pane has finished its first item load; the outbox is then sent once. */
  started: boolean;
  /** Called after a run that sent at least one log (history may show new entries). */
  onSent?: (sent: number) => void;
  intervalMs?: number;
}

export interface PendingState {
  count: number;
  sending: boolean;
  /** How many the last run sent; undefined before the first. */
  lastSent?: number;
  /** The last run or count failed as a whole. */
  error?: StoreError;
  /** Why the newest pending log (still retried automatically) has not been sent yet, as the store recorded it. */
  lastError?: string;
  /** Pending logs that failed for good and wait for the user: "Send now" retries them, or they are discarded. */
  failed: PendingLog[];
  /** An automatic run stopped because signing in needs the user: Send now (a click) signs in and sends. */
  signInNeeded: boolean;
  /** Pending logs of other accounts on this device: never sent or shown here, only counted. */
  elsewhere: number;
  /** Retries everything pending, failed logs included. */
  sendNow(): Promise<void>;
  /** Removes one pending log for good. Rejects when the store could not remove it. */
  discard(id: string): Promise<void>;
}

function newestError(logs: PendingLog[]): string | undefined {
  return [...logs].reverse().find((l) => l.lastError && !l.failed)?.lastError;
}

export function usePendingLogs(
  store: InteractionStorePort,
  refreshKey: number,
  { started, onSent, intervalMs = OUTBOX_RETRY_MS }: PendingOptions = { started: false },
): PendingState {
  const [count, setCount] = useState(0);
  const [sending, setSending] = useState(false);
  const [lastSent, setLastSent] = useState<number | undefined>();
  const [error, setError] = useState<StoreError | undefined>();
  const [lastError, setLastError] = useState<string | undefined>();
  const [failed, setFailed] = useState<PendingLog[]>([]);
  const [signInNeeded, setSignInNeeded] = useState(false);
  const [elsewhere, setElsewhere] = useState(0);
  /** Logs automatic runs would still try. */
  const [retryable, setRetryable] = useState(0);
  const mounted = useRef(true);
  const running = useRef<{ promise: Promise<void>; includeFailed: boolean } | undefined>(undefined);
  const startedOnce = useRef(false);
  const onSentRef = useRef(onSent);
  onSentRef.current = onSent;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  /** Re-reads the outbox; resolves with the number automatic runs would send (undefined when unreadable). */
  const refresh = useCallback(async (): Promise<number | undefined> => {
    try {
      const [logs, others] = await Promise.all([
        store.pendingLogs(),
        store.pendingElsewhere().catch(() => 0),
      ]);
      const stuck = logs.filter((l) => l.failed);
      if (mounted.current) {
        setElsewhere(others);
        setCount(logs.length);
        setLastError(newestError(logs));
        setFailed(stuck);
        setRetryable(logs.length - stuck.length);
      }
      return logs.length - stuck.length;
    } catch (e) {
      if (mounted.current) setError(asStoreError(e));
      return undefined;
    }
  }, [store]);

  useEffect(() => {
    void refresh();
  }, [refresh, refreshKey]);

  /**
   * One run; a run already in progress is joined instead of starting another — unless this one must include the
   * failed logs and the run in progress skips them: then it follows right after. Never rejects.
   */
  const flush = useCallback(
    (includeFailed: boolean): Promise<void> => {
      const current = running.current;
      if (current) {
        if (current.includeFailed || !includeFailed) return current.promise;
        return current.promise.then(() => flush(includeFailed));
      }
      const run = (async () => {
        setSending(true);
        setError(undefined);
        try {
          // The user's click may sign in interactively; automatic runs may not. The store gives its runs a deadline;
          // this one is the pane's own, should a store never answer: Send now must never join a run forever.
          let timer: ReturnType<typeof setTimeout> | undefined;
          const tooLong = new Promise<never>((_, reject) => {
            timer = setTimeout(
              () =>
                reject(
                  new StoreError("offline", "Sending the pending logs took too long", { code: "timeout" }),
                ),
              PANE_RUN_DEADLINE_MS,
            );
          });
          const sent = await Promise.race([
            store.flushPending(includeFailed ? { includeFailed } : { background: true }),
            tooLong,
          ]).finally(() => clearTimeout(timer));
          if (mounted.current) {
            setLastSent(sent);
            setSignInNeeded(false);
            if (sent > 0) onSentRef.current?.(sent);
          }
        } catch (e) {
          if (mounted.current) {
            setError(asStoreError(e));
            setSignInNeeded(needsInteractiveSignIn(e));
          }
        } finally {
          if (mounted.current) setSending(false);
          await refresh();
          running.current = undefined;
        }
      })();
      running.current = { promise: run, includeFailed };
      return run;
    },
    [store, refresh],
  );

  /** Automatic: only after start, skipped while a run is going on, and only when something is pending. */
  const autoFlush = useCallback(async () => {
    if (!startedOnce.current || running.current || !mounted.current) return;
    const pending = await refresh();
    if (pending && mounted.current) await flush(false);
  }, [refresh, flush]);

  const sendNow = useCallback(() => flush(true), [flush]);

  const discard = useCallback(
    async (id: string): Promise<void> => {
      try {
        await store.discardPending(id);
      } finally {
        await refresh();
      }
    },
    [store, refresh],
  );

  useEffect(() => {
    if (!started || startedOnce.current) return;
    startedOnce.current = true;
    void autoFlush();
  }, [started, autoFlush]);

  useEffect(() => {
    const online = () => void autoFlush();
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [autoFlush]);

  const hasPending = retryable > 0;
  useEffect(() => {
    if (!hasPending) return;
    const timer = setInterval(() => void autoFlush(), intervalMs);
    return () => clearInterval(timer);
  }, [hasPending, intervalMs, autoFlush]);

  return {
    count,
    sending,
    ...(lastSent !== undefined ? { lastSent } : {}),
    ...(error ? { error } : {}),
    ...(lastError ? { lastError } : {}),
    failed,
    signInNeeded,
    elsewhere,
    sendNow,
    discard,
  };
}

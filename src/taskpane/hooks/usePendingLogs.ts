// The device's outbox: how many logs wait for SharePoint, a way to send them now, and automatic sending: once
// when the pane has started, whenever the browser comes back online, and on a gentle timer while something is
// pending. Runs never overlap; automatic runs are quiet (a failure only updates the indicator). Automatic runs skip
// logs the store marked `failed` (a retry cannot fix them); "Send now" retries those too, and only the user can
// discard one.
import { useCallback, useEffect, useRef, useState } from "react";
import type { StoreError } from "../../domain/errors";
import type { InteractionStorePort, PendingLog } from "../../domain/ports";
import { asStoreError } from "../model/store-error";

/** How often pending logs are retried while the pane is open. */
export const OUTBOX_RETRY_MS = 60_000;

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
  /** Logs automatic runs would still try. */
  const [retryable, setRetryable] = useState(0);
  const mounted = useRef(true);
  const running = useRef<Promise<void> | undefined>(undefined);
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
      const logs = await store.pendingLogs();
      const stuck = logs.filter((l) => l.failed);
      if (mounted.current) {
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

  /** One run; a run already in progress is joined instead of starting another. Never rejects. */
  const flush = useCallback(
    (includeFailed: boolean): Promise<void> => {
      if (running.current) return running.current;
      const run = (async () => {
        setSending(true);
        setError(undefined);
        try {
          const sent = await store.flushPending(includeFailed ? { includeFailed } : {});
          if (mounted.current) {
            setLastSent(sent);
            if (sent > 0) onSentRef.current?.(sent);
          }
        } catch (e) {
          if (mounted.current) setError(asStoreError(e));
        } finally {
          if (mounted.current) setSending(false);
          await refresh();
          running.current = undefined;
        }
      })();
      running.current = run;
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
    sendNow,
    discard,
  };
}

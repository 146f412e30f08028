// The device's outbox: how many logs wait for SharePoint, and a way to send them now.
import { useCallback, useEffect, useState } from "react";
import type { StoreError } from "../../domain/errors";
import type { InteractionStorePort } from "../../domain/ports";
import { asStoreError } from "../model/store-error";

export interface PendingState {
  count: number;
  sending: boolean;
  /** How many the last "send now" sent; undefined before the first. */
  lastSent?: number;
  error?: StoreError;
  sendNow(): Promise<void>;
}

export function usePendingLogs(store: InteractionStorePort, refreshKey: number): PendingState {
  const [count, setCount] = useState(0);
  const [sending, setSending] = useState(false);
  const [lastSent, setLastSent] = useState<number | undefined>();
  const [error, setError] = useState<StoreError | undefined>();

  const refresh = useCallback(async () => {
    try {
      setCount((await store.pendingLogs()).length);
    } catch (e) {
      setError(asStoreError(e));
    }
  }, [store]);

  useEffect(() => {
    void refresh();
  }, [refresh, refreshKey]);

  const sendNow = useCallback(async () => {
    setSending(true);
    setError(undefined);
    try {
      setLastSent(await store.flushPending());
    } catch (e) {
      setError(asStoreError(e));
    } finally {
      setSending(false);
      await refresh();
    }
  }, [store, refresh]);

  return {
    count,
    sending,
    ...(lastSent !== undefined ? { lastSent } : {}),
    ...(error ? { error } : {}),
    sendNow,
  };
}

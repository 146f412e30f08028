// One contact's interaction history, a page at a time. Changing contact or refreshing starts again from the
// newest page; a response for a contact no longer shown is dropped.
import { useCallback, useEffect, useRef, useState } from "react";
import type { StoreError } from "../../domain/errors";
import type { InteractionStorePort } from "../../domain/ports";
import { newestFirst } from "../../domain/statistics";
import type { Contact, InteractionLogEntry } from "../../domain/types";
import { asStoreError } from "../model/store-error";

export const HISTORY_PAGE_SIZE = 20;

export interface HistoryState {
  entries: InteractionLogEntry[];
  loading: boolean;
  error?: StoreError;
  hasMore: boolean;
  loadMore(): void;
  retry(): void;
}

export function useHistory(
  store: InteractionStorePort,
  contact: Contact | undefined,
  refreshKey: number,
): HistoryState {
  const [entries, setEntries] = useState<InteractionLogEntry[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<StoreError | undefined>();
  const latest = useRef(0);

  const fetchPage = useCallback(
    async (from: string | undefined, append: boolean) => {
      if (!contact) return;
      const requestId = ++latest.current;
      setLoading(true);
      setError(undefined);
      try {
        const page = await store.getHistory({
          contactNo: contact.contactNo,
          isCompany: contact.type === "Company",
          pageSize: HISTORY_PAGE_SIZE,
          ...(from ? { cursor: from } : {}),
        });
        if (requestId !== latest.current) return;
        setEntries((prev) => {
          if (!append) return [...page.entries].sort(newestFirst);
          const ids = new Set(prev.map((e) => e.id));
          return [...prev, ...page.entries.filter((e) => !e.id || !ids.has(e.id))].sort(newestFirst);
        });
        setCursor(page.nextCursor);
      } catch (e) {
        if (requestId === latest.current) setError(asStoreError(e));
      } finally {
        if (requestId === latest.current) setLoading(false);
      }
    },
    [store, contact],
  );

  useEffect(() => {
    setEntries([]);
    setCursor(undefined);
    void fetchPage(undefined, false);
    return () => {
      latest.current++;
    };
  }, [fetchPage, refreshKey]);

  return {
    entries,
    loading,
    ...(error ? { error } : {}),
    hasMore: Boolean(cursor),
    loadMore: () => void fetchPage(cursor, true),
    retry: () => void fetchPage(undefined, false),
  };
}

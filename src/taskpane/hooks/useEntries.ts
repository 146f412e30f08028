// The entries view's list: the first page of a filter, then "Load more". A new filter starts again from the
// newest page; a page for a filter no longer shown is dropped. Changed entries replace their rows in place.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { StoreError } from "../../domain/errors";
import type { EntryFilter, InteractionStorePort } from "../../domain/ports";
import type { InteractionLogEntry } from "../../domain/types";
import { asStoreError } from "../model/store-error";

export const ENTRIES_PAGE_SIZE = 25;

export interface EntriesState {
  entries: InteractionLogEntry[];
  loading: boolean;
  /** True once the first page of the current filter is on screen (or failed). */
  firstPageDone: boolean;
  error?: StoreError;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
  /** Puts entries as stored now in place of their rows (by id). */
  replace(entries: InteractionLogEntry[]): void;
}

export function useEntries(store: InteractionStorePort, filter: EntryFilter): EntriesState {
  const key = useMemo(() => JSON.stringify(filter), [filter]);
  const [entries, setEntries] = useState<InteractionLogEntry[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  const [firstPageDone, setFirstPageDone] = useState(false);
  const [error, setError] = useState<StoreError | undefined>();
  const [reloads, setReloads] = useState(0);
  const latest = useRef(0);

  const fetchPage = useCallback(
    async (from: string | undefined) => {
      const requestId = ++latest.current;
      setLoading(true);
      setError(undefined);
      try {
        const page = await store.listEntries({
          ...(JSON.parse(key) as EntryFilter),
          pageSize: ENTRIES_PAGE_SIZE,
          ...(from ? { cursor: from } : {}),
        });
        if (requestId !== latest.current) return;
        setEntries((prev) => {
          if (!from) return page.entries;
          const ids = new Set(prev.map((e) => e.id));
          return [...prev, ...page.entries.filter((e) => !e.id || !ids.has(e.id))];
        });
        setCursor(page.nextCursor);
      } catch (e) {
        if (requestId === latest.current) setError(asStoreError(e));
      } finally {
        if (requestId === latest.current) {
          setLoading(false);
          setFirstPageDone(true);
        }
      }
    },
    [store, key],
  );

  useEffect(() => {
    setEntries([]);
    setCursor(undefined);
    setFirstPageDone(false);
    void fetchPage(undefined);
    return () => {
      latest.current++;
    };
  }, [fetchPage, reloads]);

  const replace = useCallback((changed: InteractionLogEntry[]) => {
    const byId = new Map(changed.filter((e) => e.id).map((e) => [e.id, e]));
    setEntries((prev) => prev.map((e) => (e.id && byId.get(e.id)) || e));
  }, []);

  const reload = useCallback(() => setReloads((r) => r + 1), []);

  return {
    entries,
    loading,
    firstPageDone,
    ...(error ? { error } : {}),
    hasMore: Boolean(cursor),
    loadMore: () => void fetchPage(cursor),
    reload,
    replace,
  };
}

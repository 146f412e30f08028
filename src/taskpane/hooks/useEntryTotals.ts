// Exact statistics (count, cost, duration) over every non-canceled entry of a filter, from the store: never
// over a loaded page. Started only when `enabled` (after the first page is on screen); shows "counting…" while
// the store reads, and drops an answer for a filter that is no longer shown.
import { useEffect, useMemo, useState } from "react";
import type { StoreError } from "../../domain/errors";
import type { EntryFilter, InteractionStorePort } from "../../domain/ports";
import type { InteractionStatistics } from "../../domain/types";
import { asStoreError } from "../model/store-error";

export type TotalsState =
  | { status: "idle" }
  | { status: "counting"; read: number }
  | { status: "done"; totals: InteractionStatistics }
  | { status: "error"; error: StoreError };

export function useEntryTotals(
  store: InteractionStorePort,
  filter: EntryFilter | undefined,
  enabled: boolean,
  refreshKey = 0,
): { state: TotalsState; retry(): void } {
  const [state, setState] = useState<TotalsState>({ status: "idle" });
  const [attempt, setAttempt] = useState(0);
  // The filter is compared by content: a new object with the same filter must not count again.
  const key = useMemo(() => (filter ? JSON.stringify(filter) : ""), [filter]);

  useEffect(() => {
    if (!key || !enabled) {
      setState({ status: "idle" });
      return;
    }
    const f = JSON.parse(key) as EntryFilter;
    const abort = new AbortController();
    setState({ status: "counting", read: 0 });
    store
      .entryTotals(
        f,
        (p) => !abort.signal.aborted && setState({ status: "counting", read: p.read }),
        abort.signal,
      )
      .then(
        (totals) => !abort.signal.aborted && setState({ status: "done", totals }),
        (e: unknown) => !abort.signal.aborted && setState({ status: "error", error: asStoreError(e) }),
      );
    return () => abort.abort();
  }, [store, key, enabled, refreshKey, attempt]);

  return { state, retry: () => setAttempt((a) => a + 1) };
}

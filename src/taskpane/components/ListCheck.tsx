// Checks once per pane start, after the first item is shown (a request of its own, never in the item's $batch),
// that DedupeKey enforces unique values on the lists; the warning and the set-up report load on demand (ListHealth)
// only when there is something to show, so the first screen stays small.
import { Suspense, useEffect, useRef, useState } from "react";
import type { InteractionStorePort, ListWarning, ProvisionSummary } from "../../domain/ports";
import { lazyView } from "./lazy-view";

const ListHealth = lazyView(() => import("./ListHealth").then((m) => m.default));

export interface ListCheckProps {
  store: InteractionStorePort;
  /** True once the first item load finished: the check runs then, once. */
  started: boolean;
  report?: ProvisionSummary;
  onDismissReport(): void;
  onProvision(): void;
  provisioning: boolean;
}

export function ListCheck({ store, started, report, ...actions }: ListCheckProps) {
  const [warnings, setWarnings] = useState<ListWarning[]>([]);
  const checked = useRef(false);

  useEffect(() => {
    if (!started || checked.current) return;
    checked.current = true;
    let live = true;
    // Advisory only: a failure here (offline, no access to the columns) leaves the pane as it is.
    store.checkLists().then(
      (found) => live && setWarnings(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [started, store]);

  // A set-up run answers the check anew: once its report is dismissed, what it could not fix is what stays.
  useEffect(() => {
    if (report) setWarnings(report.listWarnings);
  }, [report]);

  if (!warnings.length && !report) return null;
  return (
    <Suspense fallback={null}>
      <ListHealth warnings={warnings} {...(report ? { report } : {})} {...actions} />
    </Suspense>
  );
}

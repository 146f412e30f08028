// "Undo" right after a log: cancels what that log wrote (its logged segment included) through the store, once.
import { useCallback, useEffect, useState } from "react";
import type { StoreError } from "../../domain/errors";
import type { EntryChangeResult, InteractionStorePort, LogResult } from "../../domain/ports";
import { asStoreError } from "../model/store-error";

export type UndoState =
  | { status: "idle" }
  | { status: "busy" }
  | { status: "done"; count: number; queued: boolean }
  | { status: "error"; error: StoreError };

/** Whether the log wrote anything an undo could cancel. */
export function canUndo(result: LogResult | undefined): boolean {
  return Boolean(result?.results.some((r) => r.status === "logged" && r.entry));
}

export function useUndoLog(
  store: InteractionStorePort,
  result: LogResult | undefined,
  onUndone: (change: EntryChangeResult) => void,
): { state: UndoState; undo(): void } {
  const [state, setState] = useState<UndoState>({ status: "idle" });
  useEffect(() => setState({ status: "idle" }), [result]);

  const undo = useCallback(() => {
    if (!result) return;
    setState({ status: "busy" });
    store.undoLog(result).then(
      (change) => {
        setState({
          status: "done",
          count: change.entries.filter((e) => e.canceled).length,
          queued: Boolean(change.queued),
        });
        onUndone(change);
      },
      (e: unknown) => setState({ status: "error", error: asStoreError(e) }),
    );
  }, [store, result, onUndone]);

  return { state, undo };
}

// Business Central's "Delete Canceled Interaction Log Entries" as a small state machine: a dry run that counts,
// then the deletion with progress (it can be stopped), then the count. A failed or stopped run can simply be
// started again: the store's second run finishes the job.
import { useCallback, useRef, useState } from "react";
import type { StoreError } from "../../domain/errors";
import type { DeleteCanceledFilter, DeleteCanceledResult, InteractionStorePort } from "../../domain/ports";
import { asStoreError } from "../model/store-error";

export type DeleteCanceledState =
  | { phase: "idle" }
  | { phase: "counting" }
  | { phase: "counted"; count: number }
  | { phase: "deleting"; deleted: number; total: number }
  | { phase: "done"; result: DeleteCanceledResult }
  | { phase: "stopped"; deleted: number; total: number }
  | { phase: "error"; error: StoreError; deleted: number };

export function useDeleteCanceled(store: InteractionStorePort, onDeleted: () => void) {
  const [state, setState] = useState<DeleteCanceledState>({ phase: "idle" });
  const abort = useRef<AbortController | undefined>(undefined);

  const count = useCallback(
    async (filter: DeleteCanceledFilter) => {
      setState({ phase: "counting" });
      try {
        setState({ phase: "counted", count: await store.countCanceled(filter) });
      } catch (e) {
        setState({ phase: "error", error: asStoreError(e), deleted: 0 });
      }
    },
    [store],
  );

  const run = useCallback(
    async (filter: DeleteCanceledFilter, expected: number) => {
      const controller = new AbortController();
      abort.current = controller;
      let progress = { deleted: 0, total: expected };
      setState({ phase: "deleting", ...progress });
      try {
        const result = await store.deleteCanceled(
          filter,
          (p) => {
            progress = p;
            if (!controller.signal.aborted) setState({ phase: "deleting", ...p });
          },
          controller.signal,
        );
        setState({ phase: "done", result });
      } catch (e) {
        if (controller.signal.aborted) setState({ phase: "stopped", ...progress });
        else setState({ phase: "error", error: asStoreError(e), deleted: progress.deleted });
      } finally {
        abort.current = undefined;
        onDeleted();
      }
    },
    [store, onDeleted],
  );

  const stop = useCallback(() => abort.current?.abort(), []);
  const reset = useCallback(() => setState({ phase: "idle" }), []);

  return { state, count, run, stop, reset };
}

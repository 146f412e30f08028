// What the user does to entries in the entries view: cancel, un-cancel, cancel a logged segment, edit the
// evaluation. Each outcome becomes one message; a refusal says why (segment canceled, logged again, changed by
// someone else), and an edit that met a concurrent change reloads instead of overwriting.
import { useCallback, useState } from "react";
import type { StoreError } from "../../domain/errors";
import type { EntryChangeResult, EntryEdit, InteractionStorePort } from "../../domain/ports";
import type { InteractionLogEntry } from "../../domain/types";
import { useI18n, type MessageKey } from "../i18n";
import { asStoreError } from "../model/store-error";

export interface ActionMessage {
  intent: "success" | "error" | "warning";
  text: string;
}

export interface EntryActions {
  /** Id of the entry being changed (its actions are disabled meanwhile). */
  busyId?: string;
  message?: ActionMessage;
  dismiss(): void;
  cancel(entry: InteractionLogEntry): Promise<void>;
  uncancel(entry: InteractionLogEntry): Promise<void>;
  cancelSegment(entry: InteractionLogEntry): Promise<void>;
  /** Resolves true when saved; false when refused (the message says why). */
  edit(entry: InteractionLogEntry, edit: EntryEdit): Promise<boolean>;
}

export interface EntryActionCallbacks {
  /** Entries as stored after a change: replace their rows. */
  onChanged(entries: InteractionLogEntry[]): void;
  /** The shown entries may be stale (a conflict): read them again. */
  onReload(): void;
}

const refusalCode = (e: StoreError) => e.details.code?.toLowerCase() ?? "";

export function useEntryActions(store: InteractionStorePort, callbacks: EntryActionCallbacks): EntryActions {
  const i18n = useI18n();
  const [busyId, setBusyId] = useState<string | undefined>();
  const [message, setMessage] = useState<ActionMessage | undefined>();
  const { onChanged, onReload } = callbacks;

  const failure = useCallback(
    (key: MessageKey, e: StoreError): ActionMessage => ({
      intent: "error",
      text: `${i18n.t(key)} ${i18n.storeError(e.kind)}`,
    }),
    [i18n],
  );

  const run = useCallback(
    async (
      entry: InteractionLogEntry,
      work: () => Promise<EntryChangeResult>,
      done: (r: EntryChangeResult) => ActionMessage,
      refused: (e: StoreError) => Promise<ActionMessage>,
    ) => {
      setBusyId(entry.id);
      setMessage(undefined);
      try {
        const result = await work();
        onChanged(result.entries);
        setMessage(result.queued ? { intent: "warning", text: i18n.t("changeQueued") } : done(result));
      } catch (e) {
        setMessage(await refused(asStoreError(e)));
      } finally {
        setBusyId(undefined);
      }
    },
    [onChanged, i18n],
  );

  const cancel = useCallback(
    (entry: InteractionLogEntry) =>
      run(
        entry,
        () => store.cancelEntries([entry]),
        () => ({ intent: "success", text: i18n.t("entryCanceled", { description: entry.description }) }),
        async (e) => failure("cancelFailed", e),
      ),
    [run, store, i18n, failure],
  );

  const uncancel = useCallback(
    (entry: InteractionLogEntry) =>
      run(
        entry,
        () => store.uncancelEntry(entry),
        () => ({ intent: "success", text: i18n.t("entryUncanceled", { description: entry.description }) }),
        async (e) => {
          if (e.kind !== "conflict") return failure("uncancelFailed", e);
          // Say which rule refused it: the segment's state decides when the store gave no reason of its own.
          const code = refusalCode(e);
          let segmentCanceled = code.includes("segment");
          if (!segmentCanceled && !code.includes("again") && entry.loggedSegmentId) {
            const segment = await store.getSegment(entry.loggedSegmentId).catch(() => undefined);
            segmentCanceled = Boolean(segment?.canceled);
          }
          return {
            intent: "error",
            text: i18n.t(segmentCanceled ? "uncancelRefusedSegment" : "uncancelRefusedLoggedAgain"),
          };
        },
      ),
    [run, store, i18n, failure],
  );

  const cancelSegment = useCallback(
    (entry: InteractionLogEntry) =>
      run(
        entry,
        () => store.cancelSegment(entry.loggedSegmentId!),
        (r) => ({ intent: "success", text: i18n.plural("segmentCanceled", r.entries.length) }),
        async (e) => failure("cancelFailed", e),
      ),
    [run, store, i18n, failure],
  );

  const edit = useCallback(
    async (entry: InteractionLogEntry, change: EntryEdit) => {
      setBusyId(entry.id);
      setMessage(undefined);
      try {
        const saved = await store.editEntry(entry, change);
        onChanged([saved]);
        setMessage({ intent: "success", text: i18n.t("entrySaved") });
        return true;
      } catch (e) {
        const error = asStoreError(e);
        if (error.kind === "conflict") {
          setMessage({ intent: "error", text: i18n.t("editConflict") });
          onReload();
        } else setMessage(failure("editFailed", error));
        return false;
      } finally {
        setBusyId(undefined);
      }
    },
    [store, onChanged, onReload, i18n, failure],
  );

  return {
    ...(busyId ? { busyId } : {}),
    ...(message ? { message } : {}),
    dismiss: () => setMessage(undefined),
    cancel,
    uncancel,
    cancelSegment,
    edit,
  };
}

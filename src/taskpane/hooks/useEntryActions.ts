// What the user does to entries in the entries view: cancel, un-cancel, cancel or un-cancel a logged segment, edit
// the evaluation. Each outcome becomes one message; a refusal says why (segment canceled, logged again, changed by
// someone else), and an edit that met a concurrent change reloads instead of overwriting. A change SharePoint could
// not receive waits in the outbox and says so. Whether an entry's logged segment is canceled is learnt from the
// changes made here, from a refusal, or read when the actions of a canceled entry are opened: an entry of a
// canceled segment offers "Un-cancel the logged segment".
import { useCallback, useRef, useState } from "react";
import type { StoreError } from "../../domain/errors";
import type {
  EntryChangeFailure,
  EntryChangeResult,
  EntryEdit,
  InteractionStorePort,
} from "../../domain/ports";
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
  /** Un-cancels the entry's logged segment and its entries (those logged again meanwhile stay canceled). */
  uncancelSegment(entry: InteractionLogEntry): Promise<void>;
  /** Resolves true when saved or kept in the outbox; false when refused (the message says why). */
  edit(entry: InteractionLogEntry, edit: EntryEdit): Promise<boolean>;
  /** True / false once known whether this logged segment is canceled; undefined before. */
  segmentCanceled(segmentId: string | undefined): boolean | undefined;
  /** Learns whether a canceled entry's logged segment is canceled (one read per segment), for its actions. */
  checkSegment(entry: InteractionLogEntry): void;
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
  /** Logged segment id → canceled, as last learnt. */
  const [segments, setSegments] = useState<Record<string, boolean>>({});
  const reading = useRef(new Set<string>());
  const { onChanged, onReload } = callbacks;
  const learnSegment = useCallback(
    (id: string | undefined, canceled: boolean | undefined) =>
      id && canceled !== undefined && setSegments((s) => (s[id] === canceled ? s : { ...s, [id]: canceled })),
    [],
  );

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
          // The row now offers "Un-cancel the logged segment", which the message points to.
          if (segmentCanceled && code !== "segmentdeleted") learnSegment(entry.loggedSegmentId, true);
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
        (r) => {
          learnSegment(entry.loggedSegmentId, r.segment?.canceled ?? true);
          return { intent: "success", text: i18n.plural("segmentCanceled", r.entries.length) };
        },
        async (e) => failure("cancelFailed", e),
      ),
    [run, store, i18n, failure, learnSegment],
  );

  const uncancelSegment = useCallback(
    (entry: InteractionLogEntry) =>
      run(
        entry,
        () => store.uncancelSegment(entry.loggedSegmentId!),
        (r) => {
          learnSegment(entry.loggedSegmentId, r.segment?.canceled ?? false);
          const back = i18n.plural("segmentUncanceled", r.entries.filter((e) => !e.canceled).length);
          const failures = r.failures ?? [];
          if (!failures.length) return { intent: "success", text: back };
          const names = (list: EntryChangeFailure[]) =>
            list.map((f) => f.contactName || f.contactNo).join(", ");
          const again = failures.filter((f) => refusalCode(f.error).includes("again"));
          const other = failures.filter((f) => !again.includes(f));
          return {
            intent: "warning",
            text: [
              back,
              again.length ? i18n.t("segmentUncancelLoggedAgain", { names: names(again) }) : "",
              ...other.map((f) =>
                i18n.t("segmentUncancelNotAll", {
                  names: names([f]),
                  reason: i18n.storeError(f.error.kind),
                }),
              ),
            ]
              .filter(Boolean)
              .join(" "),
          };
        },
        async (e) => failure("uncancelFailed", e),
      ),
    [run, store, i18n, failure, learnSegment],
  );

  const checkSegment = useCallback(
    (entry: InteractionLogEntry) => {
      const id = entry.loggedSegmentId;
      if (!entry.canceled || !id || segments[id] !== undefined || reading.current.has(id)) return;
      reading.current.add(id);
      store.getSegment(id).then(
        (s) => learnSegment(id, s?.canceled),
        () => reading.current.delete(id),
      );
    },
    [store, segments, learnSegment],
  );

  const edit = useCallback(
    async (entry: InteractionLogEntry, change: EntryEdit) => {
      setBusyId(entry.id);
      setMessage(undefined);
      try {
        const saved = await store.editEntry(entry, change);
        onChanged([saved.entry]);
        setMessage(
          saved.queued
            ? { intent: "warning", text: i18n.t("editQueued") }
            : { intent: "success", text: i18n.t("entrySaved") },
        );
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
    uncancelSegment,
    edit,
    segmentCanceled: (id) => (id ? segments[id] : undefined),
    checkSegment,
  };
}

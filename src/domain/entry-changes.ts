// Managing logged entries, the pure part: how canceling rewrites the dedupe key (and un-canceling restores it),
// when an un-cancel must be refused, which entries an entries-view filter keeps, and who may delete canceled
// entries. The storage layer applies these rules; the UI shows their messages.
import { DEDUPE_KEY_MAX } from "./dedupe";
import { StoreError } from "./errors";
import type { LogRequest, LogResult, PendingChange } from "./ports";
import type { Contact, InteractionLogEntry, LoggedSegment, UserProfile } from "./types";

/** `<key>~canceled~<entry id>`: frees the key so that the same item can be logged again for that contact. */
export { matchesEntry, type EntryMatch } from "./entry-match";

export const CANCELED_KEY_MARK = "~canceled~";

export const ENTRY_MESSAGES = {
  segmentCanceled:
    "This entry cannot be un-canceled while its logged segment is canceled. Un-cancel the logged segment instead (“Un-cancel the logged segment” in the entry's actions).",
  loggedAgain:
    "This entry cannot be un-canceled: the same item was logged again for this contact meanwhile. Cancel that entry first if this one should count.",
  changedMeanwhile:
    "This entry was changed meanwhile by someone else; it has been reloaded. Nothing was overwritten: check it and try again.",
  segmentChangedMeanwhile:
    "This logged segment was changed meanwhile by someone else. Nothing was overwritten: reload it and try again.",
  notStored: "This entry has not been stored yet (it may still wait in the outbox).",
  editChangedMeanwhile:
    "Your edit of this entry, kept on this device, was not saved: the entry was changed meanwhile. Nothing was overwritten. Open the entry, check it and edit it again, then discard this pending change.",
} as const;

/** The key an entry had before it was canceled (a key that was never rewritten is its own original). */
export function originalDedupeKey(key: string): string {
  const at = key.lastIndexOf(CANCELED_KEY_MARK);
  return at < 0 ? key : key.slice(0, at);
}

export function isCanceledDedupeKey(key: string): boolean {
  return key.includes(CANCELED_KEY_MARK);
}

/** The rewritten key of a canceled entry; unique because the entry id is. */
export function canceledDedupeKey(key: string, entryId: string): string {
  const id = String(entryId ?? "").trim();
  if (!id) throw new RangeError("canceledDedupeKey: the entry id is blank");
  const out = `${originalDedupeKey(key)}${CANCELED_KEY_MARK}${id}`;
  if (out.length > DEDUPE_KEY_MAX)
    throw new RangeError(`canceledDedupeKey: "${out}" is longer than ${DEDUPE_KEY_MAX} characters`);
  return out;
}

/** What to write to cancel (true) or un-cancel (false) an entry; undefined when it is already so. */
export interface CancelChange {
  canceled: boolean;
  dedupeKey: string;
}

export function cancelChange(entry: InteractionLogEntry): CancelChange | undefined {
  if (!entry.id) throw new StoreError("invalid", ENTRY_MESSAGES.notStored);
  const dedupeKey = canceledDedupeKey(entry.dedupeKey, entry.id);
  if (entry.canceled && entry.dedupeKey === dedupeKey) return undefined;
  return { canceled: true, dedupeKey };
}

/**
 * Un-cancel: the original key comes back. Refused (StoreError "conflict") while the entry's logged segment is
 * canceled, as in Business Central. `segment` is the entry's segment as stored now (undefined when it has none
 * or it is gone).
 */
export function uncancelChange(
  entry: InteractionLogEntry,
  segment: LoggedSegment | undefined,
): CancelChange | undefined {
  if (!entry.id) throw new StoreError("invalid", ENTRY_MESSAGES.notStored);
  if (segment?.canceled)
    throw new StoreError("conflict", ENTRY_MESSAGES.segmentCanceled, { code: "segmentCanceled" });
  const dedupeKey = originalDedupeKey(entry.dedupeKey);
  if (!entry.canceled && entry.dedupeKey === dedupeKey) return undefined;
  return { canceled: false, dedupeKey };
}

/** A write refused because the item changed meanwhile (412); `current` is the item as stored now, if read. */
export class ChangedMeanwhileError<T = InteractionLogEntry> extends StoreError {
  constructor(
    message: string,
    readonly current?: T,
    details: StoreError["details"] = {},
  ) {
    super("conflict", message, { status: 412, code: "modified", ...details });
  }
}

/**
 * Undo of a log = cancel what it wrote: its segment (every entry in it was written by this log request, a replay's
 * included) and the entries it logged outside a segment. Entries that existed before ("alreadyLogged") stay.
 */
export function undoChange(result: LogResult): PendingChange {
  const segmentId = result.segment?.id;
  const entries = result.results
    .filter(
      (r) => r.status === "logged" && r.entry?.id && (!segmentId || r.entry.loggedSegmentId !== segmentId),
    )
    .map((r) => r.entry!);
  return { kind: "cancel", entries, ...(segmentId ? { segmentIds: [segmentId] } : {}) };
}

/**
 * What the outbox list shows for a change kept offline: its contacts and the first entry's description. The kind
 * of change (cancel, un-cancel, edit) and its logged segments are in the PendingLog's `change`: the pane words them
 * in the user's language.
 */
export function describeChange(change: PendingChange, user: UserProfile): LogRequest {
  const first = change.entries[0];
  const contacts = new Map<string, Contact>();
  for (const e of change.entries)
    contacts.set(e.contactNo, { contactNo: e.contactNo, type: "Person", name: e.contactName ?? e.contactNo });
  return {
    contacts: [...contacts.values()],
    user,
    draft: {
      templateCode: first?.templateCode ?? "",
      description: first?.description ?? "",
      interactionDate: first?.interactionDate ?? "",
      attemptFailed: false,
      costLCY: 0,
      durationMin: 0,
    },
  };
}

/**
 * The description of a change queued before the pane worded its kind itself ("Cancel: …", "Un-cancel: …",
 * "Cancel logged segment 7"), without that English prefix; other descriptions as they are.
 */
export function changeDescription(description: string): string {
  const m = /^(?:Cancel|Un-cancel)(?:: (.*?)(?: \(logged segment [^)]*\))?| logged segment .*)$/s.exec(
    description,
  );
  return m ? (m[1] ?? "") : description;
}

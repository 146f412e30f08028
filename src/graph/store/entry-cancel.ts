// Cancel and un-cancel, after Business Central: an entry, a logged segment with all its entries, and "undo" of a
// log just written. Canceling rewrites the entry's DedupeKey to `<key>~canceled~<id>` (the same item can then be
// logged again for that contact); un-canceling writes the original key back, and the unique column refuses it
// (409) when the item was logged again meanwhile. An entry is not un-canceled while its segment is canceled.
import { cancelChange, ENTRY_MESSAGES, uncancelChange } from "../../domain/entry-changes";
import { StoreError } from "../../domain/errors";
import type { EntryChangeFailure, EntryChangeResult } from "../../domain/ports";
import type { InteractionLogEntry, LoggedSegment } from "../../domain/types";
import { isSuccess, stepError } from "../batch";
import { fromHttpFailure } from "../errors";
import { cancelToFields, segmentFromItem, type Fields } from "../mapping";
import { entriesOfSegment } from "../repositories/entries";
import { COL } from "../schema";
import { patchEntries } from "./entry-patch";
import type { StoreCore } from "./store-core";

const LOGGED_AGAIN = { message: ENTRY_MESSAGES.loggedAgain, code: "loggedAgain" };

function result(
  entries: InteractionLogEntry[],
  failures: EntryChangeFailure[],
  segment?: LoggedSegment,
): EntryChangeResult {
  return { entries, ...(segment ? { segment } : {}), ...(failures.length ? { failures } : {}) };
}

export async function cancelEntries(
  core: StoreCore,
  entries: InteractionLogEntry[],
): Promise<EntryChangeResult> {
  const unique = [...new Map(entries.map((e) => [e.id ?? "", e])).values()];
  for (const e of unique) if (!e.id) throw new StoreError("invalid", ENTRY_MESSAGES.notStored);
  const { done, failures } = await patchEntries(core, unique, (e) => {
    const change = cancelChange(e);
    return change && cancelToFields(change);
  });
  return result(done, failures);
}

export async function uncancelEntry(core: StoreCore, entry: InteractionLogEntry): Promise<EntryChangeResult> {
  if (!entry.id) throw new StoreError("invalid", ENTRY_MESSAGES.notStored);
  const plan = async (e: InteractionLogEntry): Promise<Fields | undefined> => {
    const segment = e.loggedSegmentId ? await getSegment(core, e.loggedSegmentId) : undefined;
    if (e.loggedSegmentId && !segment)
      // The delete job removes a segment before its last (canceled) entries: they stay canceled.
      throw new StoreError("conflict", ENTRY_MESSAGES.segmentCanceled, { code: "segmentDeleted" });
    const change = uncancelChange(e, segment);
    return change && cancelToFields(change);
  };
  // The segment is read before planning; a re-read after a 412 plans again on the entry as stored now.
  const first = await plan(entry);
  if (first === undefined) return result([entry], []);
  const { done, failures } = await patchEntries(
    core,
    [entry],
    (e) => (e === entry ? first : planSync(e, entry, first)),
    { duplicate: LOGGED_AGAIN },
  );
  if (failures.length) throw failures[0]!.error;
  return result(done, []);
}

/** After a 412 the entry is re-read: un-cancel it only if it is still canceled (same segment, checked above). */
function planSync(
  fresh: InteractionLogEntry,
  original: InteractionLogEntry,
  first: Fields,
): Fields | undefined {
  if (!fresh.canceled) return undefined;
  if (fresh.loggedSegmentId !== original.loggedSegmentId)
    throw new StoreError("conflict", ENTRY_MESSAGES.changedMeanwhile);
  return first;
}

export async function getSegment(core: StoreCore, segmentId: string): Promise<LoggedSegment | undefined> {
  try {
    return await core.segments.getById(segmentId);
  } catch (e) {
    if (e instanceof StoreError && e.kind === "notFound") return undefined;
    throw e;
  }
}

/** Sets the segment's Canceled flag (eTag-guarded; re-read and retried once after a 412). */
async function setSegmentCanceled(
  core: StoreCore,
  segmentId: string,
  canceled: boolean,
): Promise<LoggedSegment> {
  for (let attempt = 0; ; attempt++) {
    const segment = await getSegment(core, segmentId);
    if (!segment) throw new StoreError("notFound", `Logged segment ${segmentId} does not exist (any more)`);
    if (segment.canceled === canceled) return segment;
    const fields = { [COL.segments.canceled]: canceled };
    const answers = await core.run([core.segments.updateStep("s", segmentId, fields, segment.eTag)], true);
    const r = answers.get("s")!;
    if (isSuccess(r)) return segmentFromItem({ id: segmentId, fields: { ...(r.body as Fields), ...fields } });
    if (r.status === 412 && attempt === 0) continue;
    if (r.status === 412)
      throw new StoreError("conflict", ENTRY_MESSAGES.segmentChangedMeanwhile, { status: 412 });
    throw fromHttpFailure(stepError(r), `Changing logged segment ${segmentId} failed`);
  }
}

/** Every entry of a segment, all fields (LoggedSegmentId is indexed; pages of 999). */
async function segmentEntries(core: StoreCore, segmentId: string): Promise<InteractionLogEntry[]> {
  return core.entries.listAll(entriesOfSegment(segmentId), 1000);
}

/**
 * The segment first, then every entry of it that is not canceled yet: run again after an interruption, it
 * finishes the job (a canceled segment is left as is, its remaining entries are canceled).
 */
export async function cancelSegment(core: StoreCore, segmentId: string): Promise<EntryChangeResult> {
  const segment = await setSegmentCanceled(core, segmentId, true);
  const entries = await segmentEntries(core, segmentId);
  const changed = await cancelEntries(core, entries);
  return { ...changed, segment };
}

/** The segment first (its entries could not be un-canceled before), then its entries, each with its own key. */
export async function uncancelSegment(core: StoreCore, segmentId: string): Promise<EntryChangeResult> {
  const segment = await setSegmentCanceled(core, segmentId, false);
  const entries = await segmentEntries(core, segmentId);
  const { done, failures } = await patchEntries(
    core,
    entries,
    (e) => {
      const change = uncancelChange(e, segment);
      return change && cancelToFields(change);
    },
    { duplicate: LOGGED_AGAIN },
  );
  return result(done, failures, segment);
}

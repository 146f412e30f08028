// One SourceId per meeting. A meeting logged while it was still an unsaved draft was logged under its draft id
// (Office.js gives a new meeting no other id); once saved it is known by its iCalUId, which the organiser's calendar
// copy and every attendee's copy share. Moving rewrites each such entry's SourceId and DedupeKey (a canceled entry
// keeps its `~canceled~<id>` form) and its logged segment's SourceId, eTag-guarded, so that every copy finds it as
// "already logged" and a later log for the same contact meets the unique DedupeKey instead of writing a second
// entry. An entry whose contact was meanwhile logged under the iCalUId (409 on the key) is a duplicate of that
// entry: it is canceled (its key made unique), so one entry per contact counts. Running it again finishes an
// interrupted move and changes nothing once done.
import { dedupeKey } from "../../domain/dedupe";
import { canceledDedupeKey } from "../../domain/entry-changes";
import type { EntryChangeFailure } from "../../domain/ports";
import { storedSourceId } from "../../domain/source-ref";
import type { InteractionLogEntry } from "../../domain/types";
import { isSuccess, stepError } from "../batch";
import { fromHttpFailure } from "../errors";
import type { Fields } from "../mapping";
import { COL } from "../schema";
import { patchEntries } from "./entry-patch";
import type { StoreCore } from "./store-core";

export interface SourceMoveOutcome {
  /** Every entry given, as stored afterwards (moved, canceled as a duplicate, or as it was when it failed). */
  entries: InteractionLogEntry[];
  /** Entries that could not be moved (changed or deleted meanwhile, or a failure): still under their old id. */
  failures: EntryChangeFailure[];
}

const DUPLICATE = {
  message: "The contact was logged under the meeting's own id meanwhile",
  code: "duplicate",
};

function movedKey(entry: InteractionLogEntry, to: string): string {
  const key = dedupeKey(entry.sourceKind, to, entry.contactNo);
  return entry.canceled ? canceledDedupeKey(key, entry.id!) : key;
}

/** Moves `entries` (read under another SourceId) to the SourceId `to`. */
export async function moveEntriesToSource(
  core: StoreCore,
  entries: InteractionLogEntry[],
  to: string,
): Promise<SourceMoveOutcome> {
  const target = storedSourceId(to.trim());
  const stored = entries.filter((e) => e.id);
  const moved = await patchEntries(
    core,
    stored,
    (e): Fields | undefined =>
      e.sourceId === target
        ? undefined
        : { [COL.entries.sourceId]: target, [COL.entries.dedupeKey]: movedKey(e, to) },
    { duplicate: DUPLICATE },
  );
  const taken = moved.failures.filter((f) => f.error.details?.code === DUPLICATE.code);
  const failures = moved.failures.filter((f) => !taken.includes(f));
  const done = [...moved.done];
  if (taken.length) {
    const ids = new Set(taken.map((f) => f.entryId));
    const canceled = await patchEntries(
      core,
      stored.filter((e) => ids.has(e.id!)),
      (e): Fields | undefined =>
        e.sourceId === target && e.canceled
          ? undefined
          : {
              [COL.entries.sourceId]: target,
              [COL.entries.canceled]: true,
              [COL.entries.dedupeKey]: canceledDedupeKey(dedupeKey(e.sourceKind, to, e.contactNo), e.id!),
            },
    );
    done.push(...canceled.done);
    failures.push(...canceled.failures);
  }
  await moveSegments(
    core,
    done.map((e) => e.loggedSegmentId),
    target,
  );
  const byId = new Map(done.map((e) => [e.id!, e]));
  return { entries: entries.map((e) => (e.id && byId.get(e.id)) || e), failures };
}

/** The segments of moved entries follow them (their DedupeKey is the log request's, not the item's). */
async function moveSegments(core: StoreCore, ids: Array<string | undefined>, target: string): Promise<void> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (!unique.length) return;
  const read = await core.run(
    unique.map((id, i) => core.segments.getStep(`g${i}`, id)),
    true,
  );
  const steps = [];
  for (const [i, id] of unique.entries()) {
    const r = read.get(`g${i}`);
    if (!r || !isSuccess(r)) continue; // deleted meanwhile: nothing to move
    const segment = core.segments.itemFromStep(r);
    if (segment.sourceId === target) continue;
    steps.push(core.segments.updateStep(`s${i}`, id, { [COL.segments.sourceId]: target }, segment.eTag));
  }
  if (!steps.length) return;
  const answers = await core.run(steps, true);
  for (const [stepId, r] of answers)
    // 412: changed meanwhile (canceled, say); the next move reads it again.
    if (!isSuccess(r) && r.status !== 412)
      throw fromHttpFailure(stepError(r), `Moving logged segment ${stepId.slice(1)} failed`);
}

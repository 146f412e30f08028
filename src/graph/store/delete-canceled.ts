// Business Central's "Delete Canceled Interaction Log Entries" batch job. Only entries with Canceled = true are
// ever deleted, each with the eTag it was read with (an entry un-canceled meanwhile answers 412 and stays). A
// logged segment none of whose entries would be left goes too, and it goes FIRST: interrupted after that, a
// second run still finds the segment's remaining (canceled) entries and deletes them; the other order would
// leave an orphan segment nobody can find again. Canceled is not indexed: the query narrows on an indexed
// column (contact, else template, else the date range; without any filter it pages the whole list by id) and
// Canceled, the group and the exact range are checked here, in pages of up to 999.
import { matchesEntry } from "../../domain/entry-match";
import { StoreError } from "../../domain/errors";
import type { DeleteCanceledFilter, DeleteCanceledProgress, DeleteCanceledResult } from "../../domain/ports";
import type { InteractionLogEntry } from "../../domain/types";
import { BATCH_LIMIT, isSuccess, stepError, type StepResult } from "../batch";
import { fromHttpFailure } from "../errors";
import { eq, type ItemQuery } from "../odata";
import { entriesOfSegment, MAX_PAGE } from "../repositories/entries";
import { COL } from "../schema";
import { allEntryPages, filterQuery, throwIfAborted } from "./entries-query";
import { removeUnusedContent } from "./content-cleanup";
import type { StoreCore } from "./store-core";

const E = COL.entries;
const FIELDS = [
  E.canceled,
  E.contactNo,
  E.interactionDate,
  E.groupCode,
  E.templateCode,
  E.loggedSegmentId,
  E.sourceId,
] as const;

/** The indexed query and the client-side check of the job's filter. */
export function deleteQuery(filter: DeleteCanceledFilter): {
  q: ItemQuery;
  match: Parameters<typeof matchesEntry>[1];
} {
  const contact = filter.contactNo?.trim();
  const { filter: f, match } = filterQuery(contact ? eq(E.contactNo, contact) : undefined, filter, {
    onlyCanceled: true,
  });
  return { q: { ...(f ? { filter: f } : {}), select: FIELDS, top: MAX_PAGE }, match };
}

/** Every canceled entry the filter selects (ids, eTags, segments): ⌈n/999⌉ requests. */
async function canceledEntries(
  core: StoreCore,
  filter: DeleteCanceledFilter,
  signal?: AbortSignal,
): Promise<InteractionLogEntry[]> {
  const { q, match } = deleteQuery(filter);
  const out: InteractionLogEntry[] = [];
  for await (const page of allEntryPages(core, q, signal))
    out.push(...page.filter((e) => matchesEntry(e, match)));
  return out;
}

/** The dry run: how many entries a run with this filter would delete now. */
export async function countCanceled(core: StoreCore, filter: DeleteCanceledFilter): Promise<number> {
  return (await canceledEntries(core, filter)).length;
}

export async function deleteCanceled(
  core: StoreCore,
  filter: DeleteCanceledFilter,
  onProgress?: (p: DeleteCanceledProgress) => void,
  signal?: AbortSignal,
): Promise<DeleteCanceledResult> {
  const targets = await canceledEntries(core, filter, signal);
  const total = targets.length;
  const result: DeleteCanceledResult = { deleted: 0, segmentsDeleted: 0, skipped: 0 };
  onProgress?.({ deleted: 0, total });
  if (!total) return result;

  // Segments that this run leaves without any entry: deleted before their entries (see the top of the file).
  const segments = await emptiedSegments(core, targets, signal);
  for (let i = 0; i < segments.length; i += BATCH_LIMIT) {
    throwIfAborted(signal);
    const chunk = segments.slice(i, i + BATCH_LIMIT);
    const answers = await core.run(
      chunk.map((id, j) => core.segments.deleteStep(`s${j}`, id)),
      true,
    );
    chunk.forEach((id, j) => {
      const r = answers.get(`s${j}`)!;
      if (isSuccess(r)) result.segmentsDeleted++;
      else if (r.status !== 404) throw failure(r, `Deleting logged segment ${id} failed`);
    });
  }

  const deletedEntries: InteractionLogEntry[] = [];
  for (let i = 0; i < targets.length; i += BATCH_LIMIT) {
    throwIfAborted(signal);
    const chunk = targets.slice(i, i + BATCH_LIMIT);
    const answers = await core.run(
      chunk.map((e, j) => core.entries.deleteStep(`d${j}`, e.id!, e.eTag)),
      true,
    );
    const failed: StepResult[] = [];
    chunk.forEach((e, j) => {
      const r = answers.get(`d${j}`)!;
      if (isSuccess(r)) {
        result.deleted++;
        deletedEntries.push(e);
      }
      // 412: changed since it was read (un-canceled, say): left alone. 404: gone already (a lost answer re-sent).
      else if (r.status === 412 || r.status === 404) result.skipped!++;
      else failed.push(r);
    });
    onProgress?.({ deleted: result.deleted, total });
    if (failed.length) throw failure(failed[0]!, `Deleting canceled entries failed after ${result.deleted}`);
  }
  // Issue 15: the kept content of a source goes with the last entry that points to it.
  const folders = await removeUnusedContent(core.deps.site, deletedEntries);
  if (folders) result.foldersDeleted = folders;
  return result;
}

/**
 * The segments of the targets none of whose entries would be left: every entry of the segment (read by the
 * indexed LoggedSegmentId, one $batch per 20 segments) is among the targets.
 */
async function emptiedSegments(
  core: StoreCore,
  targets: InteractionLogEntry[],
  signal?: AbortSignal,
): Promise<string[]> {
  const ids = new Set(targets.map((e) => e.id));
  const segmentIds = [...new Set(targets.map((e) => e.loggedSegmentId).filter((s): s is string => !!s))];
  const out: string[] = [];
  for (let i = 0; i < segmentIds.length; i += BATCH_LIMIT) {
    throwIfAborted(signal);
    const chunk = segmentIds.slice(i, i + BATCH_LIMIT);
    const steps = await Promise.all(
      chunk.map((s, j) => core.entries.listStep(`q${j}`, entriesOfSegment(s, [E.loggedSegmentId]))),
    );
    const answers = await core.run(steps, true);
    for (const [j, s] of chunk.entries()) {
      const page = core.entries.pageFromStep(answers.get(`q${j}`));
      const members = page.nextLink
        ? await core.entries.listAll(entriesOfSegment(s, [E.loggedSegmentId]), 1000)
        : page.items;
      if (members.every((m) => ids.has(m.id))) out.push(s);
    }
  }
  return out;
}

function failure(r: StepResult, what: string): StoreError {
  return fromHttpFailure(stepError(r), what);
}

// Business Central's "Delete Canceled Interaction Log Entries" batch job. Only entries with Canceled = true are
// ever deleted, each with the eTag it was read with (an entry un-canceled meanwhile answers 412 and stays). A
// logged segment goes only after its entries, and only when no entry (canceled or not) points to it any more:
// first every entry but the last of each segment this run empties (20 per $batch); a segment one of whose entries
// was not deleted (un-canceled meanwhile: 412) stays; then each remaining segment's last entry and the segment in
// one $batch, the segment depending on the entry (`dependsOn`: Graph deletes it only when the entry was deleted).
// A $batch is one request, so an interruption (pane closed, connection lost) never falls between a segment's last
// entry and the segment: a second run finds the segment's remaining canceled entries and finishes, no segment is
// left without entries, and no entry points at a deleted segment. Canceled is not indexed: the query narrows on an
// indexed column (contact, else template, else the date range; without any filter it pages the whole list by id)
// and Canceled, the group and the exact range are checked here, in pages of up to 999.
import { matchesEntry } from "../../domain/entry-match";
import { StoreError } from "../../domain/errors";
import type { DeleteCanceledFilter, DeleteCanceledProgress, DeleteCanceledResult } from "../../domain/ports";
import type { InteractionLogEntry } from "../../domain/types";
import { BATCH_LIMIT, isSuccess, stepError, type BatchStep, type StepResult } from "../batch";
import { fromHttpFailure } from "../errors";
import { eq, type ItemQuery } from "../odata";
import { entriesOfSegment, MAX_PAGE } from "../repositories/entries";
import { COL } from "../schema";
import { allEntryPages, filterQuery, throwIfAborted } from "./entries-query";
import { removeUnusedContent } from "./content-cleanup";
import { recountSegments } from "./segment-recount";
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
  const company = filter.companyNo?.trim();
  const contact = filter.contactNo?.trim();
  // A company's persons carry its number in ContactCompanyNo, as the company's own entries do (indexed).
  const scope = company ? eq(E.contactCompanyNo, company) : contact ? eq(E.contactNo, contact) : undefined;
  const { filter: f, match } = filterQuery(scope, filter, {
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

  // Segments that this run leaves without any entry: each goes after its entries, with its last one.
  const { emptied, members } = await emptiedSegments(core, targets, signal);
  const plan = deletionPlan(targets, emptied);
  /** Segments one of whose entries was not deleted (changed meanwhile, say): they stay. */
  const kept = new Set<string>();
  const deletedEntries: InteractionLogEntry[] = [];
  const failed: StepResult[] = [];
  const report = () => {
    onProgress?.({ deleted: result.deleted, total });
    if (failed.length) throw failure(failed[0]!, `Deleting canceled entries failed after ${result.deleted}`);
  };
  /** An entry's answer; false when it was not deleted now. */
  const settle = (entry: InteractionLogEntry, r: StepResult): boolean => {
    if (isSuccess(r)) {
      result.deleted++;
      deletedEntries.push(entry);
      return true;
    }
    // 412: changed since it was read (un-canceled, say): left alone, and so is its segment.
    // 404: gone already (a lost answer re-sent): its segment may still go, and its source's content too.
    if (r.status === 404) deletedEntries.push(entry);
    if (r.status === 412 || r.status === 404) result.skipped!++;
    else failed.push(r);
    if (r.status !== 404 && entry.loggedSegmentId) kept.add(entry.loggedSegmentId);
    return false;
  };

  try {
    await deleteInOrder();
  } catch (e) {
    // Stopped part-way (a failed step, the user's Stop): the content of the entries gone already goes now, or never
    // (a later run does not see those entries any more). Best effort: the job's own error is what the user sees.
    await removeUnusedContent(core.deps.site, deletedEntries).catch(() => 0);
    throw e;
  }
  const gone = new Set(plan.last.filter((p) => !kept.has(p.segmentId)).map((p) => p.segmentId));
  await recountSegments(core, members, deletedEntries, gone);
  // Issue 15: the kept content of a source goes with the last entry that points to it.
  const folders = await removeUnusedContent(core.deps.site, deletedEntries);
  if (folders) result.foldersDeleted = folders;
  return result;

  async function deleteInOrder(): Promise<void> {
    // 1. Every entry but the last of each emptied segment, 20 per $batch.
    const deleteAll = async (entries: InteractionLogEntry[]) => {
      for (let i = 0; i < entries.length; i += BATCH_LIMIT) {
        throwIfAborted(signal);
        const chunk = entries.slice(i, i + BATCH_LIMIT);
        const answers = await core.run(
          chunk.map((e, j) => core.entries.deleteStep(`d${j}`, e.id!, e.eTag)),
          true,
        );
        chunk.forEach((e, j) => settle(e, answers.get(`d${j}`)!));
        report();
      }
    };
    await deleteAll(plan.first);

    // 2. Each emptied segment's last entry and the segment, the segment depending on it. Graph's SDK accepts only a
    // serial chain of dependencies in one $batch, so pairs are chained: a pair after a failed step was not tried
    // (424) and goes in the next $batch.
    await deleteAll(plan.last.filter((p) => kept.has(p.segmentId)).map((p) => p.entry));
    let pairs = plan.last.filter((p) => !kept.has(p.segmentId));
    while (pairs.length) {
      throwIfAborted(signal);
      const chunk = pairs.slice(0, BATCH_LIMIT / 2);
      const steps: BatchStep[] = chunk.flatMap((p, i) => [
        {
          ...core.entries.deleteStep(`a${i}`, p.entry.id!, p.entry.eTag),
          ...(i ? { dependsOn: [`s${i - 1}`] } : {}),
        },
        { ...core.segments.deleteStep(`s${i}`, p.segmentId), dependsOn: [`a${i}`] },
      ]);
      const answers = await core.run(steps, true);
      const untried: typeof pairs = [];
      for (const [i, p] of chunk.entries()) {
        const entry = answers.get(`a${i}`)!;
        const segment = answers.get(`s${i}`)!;
        if (entry.status === 424) {
          untried.push(p);
          continue;
        }
        if (settle(p.entry, entry)) {
          if (isSuccess(segment)) result.segmentsDeleted++;
          else if (segment.status !== 404) failed.push(segment);
        } else if (entry.status === 404 && (await deleteIfUnused(core, p.segmentId)))
          result.segmentsDeleted++;
      }
      pairs = [...untried, ...pairs.slice(chunk.length)];
      report();
    }
  }
}

/**
 * The segments of the targets none of whose entries would be left: every entry of the segment (read by the
 * indexed LoggedSegmentId, one $batch per 20 segments) is among the targets.
 */
async function emptiedSegments(
  core: StoreCore,
  targets: InteractionLogEntry[],
  signal?: AbortSignal,
): Promise<{ emptied: Set<string>; members: Map<string, number> }> {
  const ids = new Set(targets.map((e) => e.id));
  const counts = new Map<string, number>();
  const segmentIds = [...new Set(targets.map((e) => e.loggedSegmentId).filter((s): s is string => !!s))];
  const out = new Set<string>();
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
      counts.set(s, members.length);
      if (members.every((m) => ids.has(m.id))) out.add(s);
    }
  }
  return { emptied: out, members: counts };
}

/** The order of deletion: `first` (loose entries, and all but the last of each emptied segment), then `last`. */
export interface DeletionPlan {
  first: InteractionLogEntry[];
  /** Each emptied segment's last entry, deleted with the segment. */
  last: { segmentId: string; entry: InteractionLogEntry }[];
}

export function deletionPlan(targets: InteractionLogEntry[], emptied: Set<string>): DeletionPlan {
  const last = new Map<string, InteractionLogEntry>();
  const first: InteractionLogEntry[] = [];
  for (const e of targets) {
    const s = e.loggedSegmentId;
    if (!s || !emptied.has(s)) first.push(e);
    else {
      const before = last.get(s);
      if (before) first.push(before);
      last.set(s, e);
    }
  }
  return { first, last: [...last].map(([segmentId, entry]) => ({ segmentId, entry })) };
}

/** Deletes a logged segment no entry (canceled or not) points to any more; false when one still does. */
async function deleteIfUnused(core: StoreCore, segmentId: string): Promise<boolean> {
  const left = await core.entries.list({ ...entriesOfSegment(segmentId, [E.loggedSegmentId]), top: 1 });
  if (left.items.length) return false;
  const answers = await core.run([core.segments.deleteStep("s", segmentId)], true);
  const r = answers.get("s")!;
  if (isSuccess(r)) return true;
  if (r.status === 404) return false;
  throw failure(r, `Deleting logged segment ${segmentId} failed`);
}

function failure(r: StepResult, what: string): StoreError {
  return fromHttpFailure(stepError(r), what);
}

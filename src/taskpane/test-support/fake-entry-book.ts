// The entry-management half of the FakeStore (issue 11), in memory and by the contract: canceling rewrites the
// dedupe key to `<key>~canceled~<id>`, un-canceling writes it back unless the item was logged again or the
// segment is canceled, edits are eTag-checked, totals are exact, and only canceled entries are ever deleted.
import { StoreError } from "../../domain/errors";
import type {
  DeleteCanceledFilter,
  DeleteCanceledProgress,
  DeleteCanceledResult,
  EntriesQuery,
  EntryChangeFailure,
  EntryChangeResult,
  EntryEdit,
  EntryFilter,
  EntryTotalsProgress,
  HistoryPage,
  LogResult,
} from "../../domain/ports";
import { computeStatistics, inDateRange, newestFirst } from "../../domain/statistics";
import type { InteractionLogEntry, InteractionStatistics, LoggedSegment } from "../../domain/types";

export const CANCELED_MARK = "~canceled~";
const DELETE_BATCH = 20;
const TOTALS_PAGE = 999;

/** Why an un-cancel was refused: StoreError details.code of the fake (the real store may use others). */
export type RefusalCode = "segmentCanceled" | "loggedAgain" | "modified";

function refuse(code: RefusalCode, message: string, status: number): StoreError {
  return new StoreError("conflict", message, { status, code });
}

const upper = (s: string | undefined) => (s ?? "").toUpperCase();

export function originalKey(dedupeKey: string): string {
  const at = dedupeKey.indexOf(CANCELED_MARK);
  return at < 0 ? dedupeKey : dedupeKey.slice(0, at);
}

export function matchesFilter(e: InteractionLogEntry, f: EntryFilter): boolean {
  const s = f.scope;
  if (s.kind === "contact") {
    const no = upper(s.contactNo);
    if (upper(e.contactNo) !== no && !(s.isCompany && upper(e.contactCompanyNo) === no)) return false;
  } else if (s.kind === "segment") {
    if (e.loggedSegmentId !== s.segmentId) return false;
  } else if (e.userId.toLowerCase() !== s.userId.toLowerCase()) return false;
  if (f.groupCode && e.groupCode !== f.groupCode) return false;
  if (f.templateCode && e.templateCode !== f.templateCode) return false;
  if (!f.includeCanceled && e.canceled) return false;
  return inDateRange(e.interactionDate, f);
}

function matchesDeleteFilter(e: InteractionLogEntry, f: DeleteCanceledFilter): boolean {
  if (!e.canceled) return false;
  if (f.companyNo && upper(e.contactCompanyNo) !== upper(f.companyNo)) return false;
  if (!f.companyNo && f.contactNo && upper(e.contactNo) !== upper(f.contactNo)) return false;
  if (f.groupCode && e.groupCode !== f.groupCode) return false;
  if (f.templateCode && e.templateCode !== f.templateCode) return false;
  return inDateRange(e.interactionDate, f);
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Entries and segments as SharePoint would hold them, with an eTag per item. */
export class FakeEntryBook {
  segments: LoggedSegment[] = [];
  private versions = new Map<string, number>();
  /** While set, entryTotals waits for it (to see the "counting…" state). */
  totalsGate?: Promise<void>;
  /** While set, deleteCanceled stops with an "offline" error after this many batches (an interruption). */
  failDeleteAfterBatches?: number;

  constructor(private readonly entries: () => InteractionLogEntry[]) {}

  /** Stamps a new eTag on a stored entry or segment (every write does). */
  stamp<T extends { id?: string; eTag?: string }>(item: T, prefix = "e"): T {
    const key = `${prefix}${item.id}`;
    const v = (this.versions.get(key) ?? 0) + 1;
    this.versions.set(key, v);
    item.eTag = `"${item.id},${v}"`;
    return item;
  }

  private stored(entry: InteractionLogEntry): InteractionLogEntry {
    const found = this.entries().find((e) => e.id !== undefined && e.id === entry.id);
    if (!found)
      throw new StoreError("notFound", `entry ${entry.id ?? "(unsaved)"} not found`, { status: 404 });
    return found;
  }

  private segment(id: string): LoggedSegment {
    const s = this.segments.find((x) => x.id === id);
    if (!s) throw new StoreError("notFound", `logged segment ${id} not found`, { status: 404 });
    return s;
  }

  /** As someone else's edit through SharePoint would: changes the entry and its eTag. */
  changeBehindTheBack(id: string, patch: Partial<InteractionLogEntry>): void {
    const e = this.stored({ id } as InteractionLogEntry);
    Object.assign(e, patch);
    this.stamp(e);
  }

  list(q: EntriesQuery): HistoryPage {
    const all = this.entries()
      .filter((e) => matchesFilter(e, q))
      .sort(newestFirst);
    const start = q.cursor ? Number(q.cursor) : 0;
    const next = start + q.pageSize;
    return {
      entries: all.slice(start, next).map((e) => ({ ...e })),
      ...(next < all.length ? { nextCursor: String(next) } : {}),
    };
  }

  async totals(
    filter: EntryFilter,
    onProgress?: (p: EntryTotalsProgress) => void,
    signal?: AbortSignal,
  ): Promise<InteractionStatistics> {
    if (this.totalsGate) await this.totalsGate;
    const all = this.entries().filter((e) => matchesFilter(e, { ...filter, includeCanceled: false }));
    for (let read = 0; read < all.length; read += TOTALS_PAGE) {
      if (signal?.aborted) throw new StoreError("unknown", "aborted");
      onProgress?.({ read: Math.min(all.length, read + TOTALS_PAGE) });
    }
    return computeStatistics(all);
  }

  private cancelOne(e: InteractionLogEntry): void {
    if (e.canceled) return;
    e.canceled = true;
    e.dedupeKey = `${originalKey(e.dedupeKey)}${CANCELED_MARK}${e.id}`;
    this.stamp(e);
  }

  cancel(entries: InteractionLogEntry[]): EntryChangeResult {
    const stored = entries.map((x) => this.stored(x));
    for (const e of stored) this.cancelOne(e);
    return { entries: stored.map((e) => ({ ...e })) };
  }

  uncancel(entry: InteractionLogEntry): EntryChangeResult {
    const e = this.stored(entry);
    if (!e.canceled) return { entries: [{ ...e }] };
    if (e.loggedSegmentId && this.segments.find((s) => s.id === e.loggedSegmentId)?.canceled)
      throw refuse("segmentCanceled", "its logged segment is canceled", 409);
    const key = originalKey(e.dedupeKey);
    if (this.entries().some((x) => x !== e && x.dedupeKey === key))
      throw refuse("loggedAgain", "the item was logged again for this contact", 409);
    e.canceled = false;
    e.dedupeKey = key;
    this.stamp(e);
    return { entries: [{ ...e }] };
  }

  cancelSegment(segmentId: string): EntryChangeResult {
    const s = this.segment(segmentId);
    const own = this.entries().filter((e) => e.loggedSegmentId === segmentId);
    for (const e of own) this.cancelOne(e);
    if (!s.canceled) {
      s.canceled = true;
      this.stamp(s, "s");
    }
    return { entries: own.map((e) => ({ ...e })), segment: { ...s } };
  }

  /** As the real store: the segment, then each entry; one logged again meanwhile stays canceled (a failure). */
  uncancelSegment(segmentId: string): EntryChangeResult {
    const s = this.segment(segmentId);
    const own = this.entries().filter((e) => e.loggedSegmentId === segmentId);
    if (s.canceled) {
      s.canceled = false;
      this.stamp(s, "s");
    }
    const done: InteractionLogEntry[] = [];
    const failures: EntryChangeFailure[] = [];
    for (const e of own) {
      const key = originalKey(e.dedupeKey);
      if (e.canceled && this.entries().some((x) => x !== e && x.dedupeKey === key)) {
        failures.push({
          entryId: e.id!,
          contactNo: e.contactNo,
          ...(e.contactName ? { contactName: e.contactName } : {}),
          error: refuse("loggedAgain", "the item was logged again for this contact", 409),
        });
        continue;
      }
      if (e.canceled) {
        e.canceled = false;
        e.dedupeKey = key;
        this.stamp(e);
      }
      done.push({ ...e });
    }
    return { entries: done, segment: { ...s }, ...(failures.length ? { failures } : {}) };
  }

  undo(result: LogResult): EntryChangeResult {
    if (result.segment?.id) return this.cancelSegment(result.segment.id);
    const written = result.results.filter((r) => r.status === "logged" && r.entry).map((r) => r.entry!);
    return this.cancel(written);
  }

  edit(entry: InteractionLogEntry, edit: EntryEdit): InteractionLogEntry {
    const e = this.stored(entry);
    if (entry.eTag !== e.eTag) throw refuse("modified", "the entry was changed meanwhile", 412);
    if (edit.evaluation !== undefined) {
      if (edit.evaluation === null) delete e.evaluation;
      else e.evaluation = edit.evaluation;
    }
    if (edit.attemptFailed !== undefined) e.attemptFailed = edit.attemptFailed;
    if (edit.comment !== undefined) {
      if (edit.comment === null || edit.comment === "") delete e.comment;
      else e.comment = edit.comment;
    }
    this.stamp(e);
    return { ...e };
  }

  getSegment(segmentId: string): LoggedSegment | undefined {
    const s = this.segments.find((x) => x.id === segmentId);
    return s ? { ...s } : undefined;
  }

  countCanceled(filter: DeleteCanceledFilter): number {
    return this.entries().filter((e) => matchesDeleteFilter(e, filter)).length;
  }

  async deleteCanceled(
    filter: DeleteCanceledFilter,
    remove: (ids: Set<string>) => void,
    onProgress?: (p: DeleteCanceledProgress) => void,
    signal?: AbortSignal,
  ): Promise<DeleteCanceledResult> {
    const doomed = this.entries().filter((e) => matchesDeleteFilter(e, filter));
    const total = doomed.length;
    const touchedSegments = new Set(doomed.flatMap((e) => (e.loggedSegmentId ? [e.loggedSegmentId] : [])));
    let deleted = 0;
    let batches = 0;
    for (let i = 0; i < doomed.length; i += DELETE_BATCH) {
      if (signal?.aborted) throw new StoreError("unknown", "aborted");
      if (this.failDeleteAfterBatches !== undefined && batches >= this.failDeleteAfterBatches) {
        this.failDeleteAfterBatches = undefined;
        throw new StoreError("offline", "connection lost", {});
      }
      const chunk = doomed.slice(i, i + DELETE_BATCH);
      remove(new Set(chunk.map((e) => e.id!)));
      deleted += chunk.length;
      batches += 1;
      onProgress?.({ deleted, total });
      await tick();
    }
    // A segment left without entries goes too: those this run emptied, and canceled ones an interrupted run left.
    const used = new Set(this.entries().flatMap((e) => (e.loggedSegmentId ? [e.loggedSegmentId] : [])));
    const orphans = this.segments.filter(
      (s) => s.id && !used.has(s.id) && (touchedSegments.has(s.id) || s.canceled),
    );
    this.segments = this.segments.filter((s) => !orphans.includes(s));
    return { deleted, segmentsDeleted: orphans.length };
  }
}

// Reading entries for the entries view, the history and the totals: one indexed query per filter, and the paged
// reader they share. Only indexed columns reach $filter: the scope's column comes first (it is the one that
// narrows the query on a big list), the date range (InteractionDate) and the template (InteractionTemplateCode)
// ride along because they are indexed too; the interaction group and Canceled are not indexed, so they are checked
// here while reading on, and a page cut short is continued by a cursor.
import { matchesEntry, type EntryMatch } from "../../domain/entry-match";
import { StoreError } from "../../domain/errors";
import type { EntriesQuery, EntryFilter, EntryScope, HistoryPage } from "../../domain/ports";
import { dateRangeBounds } from "../../domain/statistics";
import type { InteractionLogEntry } from "../../domain/types";
import { and, cmp, eq, type ItemQuery } from "../odata";
import { MAX_PAGE, segmentNumber } from "../repositories/entries";
import { COL } from "../schema";
import { readEntryPages } from "./entry-pages";
import type { StoreCore } from "./store-core";

const E = COL.entries;
/** Graph pages read for one page of entries at most; a thin result is continued by its cursor. */

/** The indexed clause that narrows a scope's query. */
export function scopeClause(scope: EntryScope): string {
  switch (scope.kind) {
    case "contact": {
      const no = scope.contactNo.trim();
      if (!no) throw new StoreError("invalid", "Entries need a contact number");
      // A company's entries include its persons': ContactCompanyNo is the company's own number on both.
      return eq(scope.isCompany ? E.contactCompanyNo : E.contactNo, no);
    }
    case "segment":
      return eq(E.loggedSegmentId, segmentNumber(scope.segmentId));
    case "user": {
      const upn = scope.userId.trim();
      if (!upn) throw new StoreError("invalid", "Entries need a user id");
      return eq(E.userId, upn);
    }
  }
}

/** InteractionDate bounds (indexed) for a date range; an unreadable bound is an "invalid" StoreError. */
export function dateClauses(range: { from?: string; to?: string }): string[] {
  let bounds: { from?: number; to?: number };
  try {
    bounds = dateRangeBounds(range);
  } catch (e) {
    throw new StoreError("invalid", e instanceof Error ? e.message : String(e));
  }
  const out: string[] = [];
  if (bounds.from !== undefined) out.push(cmp(E.interactionDate, "ge", iso(bounds.from)));
  if (bounds.to !== undefined)
    // SharePoint keeps seconds: a day's end (…23:59:59.999) is sent as "before the next second".
    out.push(
      (bounds.to + 1) % 1000 === 0
        ? cmp(E.interactionDate, "lt", iso(bounds.to + 1))
        : cmp(E.interactionDate, "le", iso(bounds.to)),
    );
  return out;
}

/** ISO 8601 UTC, without milliseconds when there are none. */
function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, "Z");
}

/** The server-side query of a filter and the client-side check of what it could not narrow. */
export function filterQuery(
  narrowing: string | undefined,
  f: { from?: string; to?: string; templateCode?: string; groupCode?: string },
  match: Omit<EntryMatch, "from" | "to" | "groupCode" | "templateCode">,
): { filter: string | undefined; match: EntryMatch } {
  const template = f.templateCode?.trim();
  const filter = and(narrowing, template ? eq(E.templateCode, template) : undefined, ...dateClauses(f));
  return {
    filter,
    match: {
      ...match,
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
      ...(f.groupCode?.trim() ? { groupCode: f.groupCode.trim() } : {}),
      ...(template ? { templateCode: template } : {}),
    },
  };
}

function checkPageSize(pageSize: number, what: string): void {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500)
    throw new StoreError("invalid", `${what} page size must be 1-500, got ${pageSize}`);
}

/** The entries view: newest first, `pageSize` at most, continued by `nextCursor`. */
export async function listEntries(core: StoreCore, query: EntriesQuery): Promise<HistoryPage> {
  checkPageSize(query.pageSize, "Entries");
  const { filter, match } = filterQuery(scopeClause(query.scope), query, {
    includeCanceled: query.includeCanceled === true,
  });
  // A group filter is checked here: read larger Graph pages so that a rare group still fills a page quickly.
  const top = match.groupCode ? Math.min(MAX_PAGE, Math.max(query.pageSize * 5, 100)) : query.pageSize;
  const q: ItemQuery = { filter, orderBy: { column: E.interactionDate, desc: true }, top };
  return readEntryPages(core, q, (e) => matchesEntry(e, match), query.pageSize, query.cursor);
}

/** Every entry of `q` in pages of up to 999, with a check for abort before each request. */
export async function* allEntryPages(
  core: StoreCore,
  q: ItemQuery,
  signal?: AbortSignal,
): AsyncGenerator<InteractionLogEntry[]> {
  let next: string | undefined;
  for (;;) {
    throwIfAborted(signal);
    const page = await core.entries.list({ ...q, top: MAX_PAGE }, next);
    yield page.items;
    if (!page.nextLink) return;
    next = page.nextLink;
  }
}

/** The filter of the totals (and the entries view): exported for the totals module. */
export function totalsQuery(
  filter: EntryFilter,
  select: readonly string[],
): { q: ItemQuery; match: EntryMatch } {
  const { filter: f, match } = filterQuery(scopeClause(filter.scope), filter, { includeCanceled: false });
  return { q: { filter: f, select, top: MAX_PAGE }, match };
}

/** An aborted job (the pane closed, the filter changed) stops between requests with StoreError code "aborted". */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new StoreError("unknown", "Stopped before it finished; run it again to finish", {
      code: "aborted",
      cause: signal.reason,
    });
}

// Reading entries for the entries view, the history and the totals: one indexed query per filter, and the paged
// reader they share. Only indexed columns reach $filter: the scope's column comes first (it is the one that
// narrows the query on a big list), the date range (InteractionDate) and the template (InteractionTemplateCode)
// ride along because they are indexed too; the interaction group and Canceled are not indexed, so they are checked
// here while reading on, and a page cut short is continued by a cursor.
import { matchesEntry, type EntryMatch } from "../../domain/entry-changes";
import { StoreError } from "../../domain/errors";
import type { EntriesQuery, EntryFilter, EntryScope, HistoryPage } from "../../domain/ports";
import { dateRangeBounds } from "../../domain/statistics";
import type { InteractionLogEntry } from "../../domain/types";
import { GRAPH_VERSION } from "../client";
import { and, cmp, eq, type ItemQuery } from "../odata";
import { MAX_PAGE, segmentNumber } from "../repositories/entries";
import { COL } from "../schema";
import type { StoreCore } from "./store-core";

const E = COL.entries;
/** Graph pages read for one page of entries at most; a thin result is continued by its cursor. */
const MAX_FETCHES = 5;

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

/**
 * Reads `q` (newest first) keeping the entries `keep` accepts, at most `pageSize` of them, in at most
 * MAX_FETCHES Graph pages. The cursor is a Graph page URL on our own Graph root (a `@odata.nextLink`, or the
 * first page's URL); a page cut short carries a fragment of ours (`#skip=N&after=ID`, never sent) and the next
 * call reads that Graph page again and resumes after entry ID (or at position N should that entry be gone).
 */
export async function readEntryPages(
  core: StoreCore,
  q: ItemQuery,
  keep: (e: InteractionLogEntry) => boolean,
  pageSize: number,
  cursor: string | undefined,
): Promise<HistoryPage> {
  const from = cursor !== undefined ? parseCursor(cursor, core.deps.baseUrl) : undefined;
  // The page being read, as an absolute URL on our Graph root (a cursor may have to point back into it).
  let pageUrl = from?.url ?? `${core.deps.baseUrl}/${GRAPH_VERSION}${await core.entries.url(q)}`;
  let resume = from;
  const out: InteractionLogEntry[] = [];
  for (let fetches = 0; fetches < MAX_FETCHES; fetches++) {
    const page = await core.entries.list(q, pageUrl);
    let start = 0;
    if (resume) {
      const after = resume.after;
      const at = after ? page.items.findIndex((e) => e.id === after) : -1;
      start = at >= 0 ? at + 1 : Math.min(resume.skip, page.items.length);
      resume = undefined;
    }
    for (let i = start; i < page.items.length; i++) {
      const e = page.items[i]!;
      if (!keep(e)) continue;
      if (out.length === pageSize) {
        const last = out[out.length - 1]!;
        return { entries: out, nextCursor: pageCursor(pageUrl, i, last.id) };
      }
      out.push(e);
    }
    if (!page.nextLink) return { entries: out };
    pageUrl = page.nextLink;
    if (out.length === pageSize) break;
  }
  return { entries: out, nextCursor: pageUrl };
}

/**
 * A cursor is a page URL on our own Graph root (anything else would carry the token elsewhere), with an optional
 * fragment `#skip=N&after=ID` of ours that is never sent.
 */
function parseCursor(cursor: string, baseUrl: string): { url: string; skip: number; after?: string } {
  let url: URL;
  try {
    url = new URL(cursor);
  } catch {
    throw new StoreError("invalid", "The history cursor is not valid");
  }
  if (url.origin !== new URL(baseUrl).origin)
    throw new StoreError("invalid", "The history cursor points elsewhere");
  const frag = new URLSearchParams(url.hash.slice(1));
  const skip = Number(frag.get("skip") ?? "0");
  if (!Number.isInteger(skip) || skip < 0) throw new StoreError("invalid", "The history cursor is not valid");
  const after = frag.get("after") ?? undefined;
  const hash = url.hash;
  return {
    url: hash ? cursor.slice(0, cursor.length - hash.length) : cursor,
    skip,
    ...(after ? { after } : {}),
  };
}

function pageCursor(pageUrl: string, skip: number, after: string | undefined): string {
  const frag = new URLSearchParams({ skip: String(skip), ...(after ? { after } : {}) });
  return `${pageUrl}#${frag.toString()}`;
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

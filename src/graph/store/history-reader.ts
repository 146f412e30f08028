// A contact's history, newest first, in pages of at most pageSize on indexed queries. Canceled is not indexed, so
// it is filtered here: pages that come back thin are read on, and a page cut short is continued by a cursor.
import { StoreError } from "../../domain/errors";
import type { HistoryPage, HistoryQuery } from "../../domain/ports";
import type { InteractionLogEntry } from "../../domain/types";
import { GRAPH_VERSION } from "../client";
import { historyQuery } from "../repositories/entries";
import type { StoreCore } from "./store-core";

const MAX_HISTORY_FETCHES = 5;

export async function readHistory(core: StoreCore, query: HistoryQuery): Promise<HistoryPage> {
  if (!query.contactNo.trim()) throw new StoreError("invalid", "History needs a contact number");
  if (!Number.isInteger(query.pageSize) || query.pageSize < 1 || query.pageSize > 500)
    throw new StoreError("invalid", `History page size must be 1-500, got ${query.pageSize}`);
  const q = historyQuery(query.contactNo.trim(), query.isCompany, query.pageSize);
  const from = query.cursor !== undefined ? parseCursor(query.cursor, core.deps.baseUrl) : undefined;
  // The page being read, as an absolute URL on our Graph root (a cursor may have to point back into it).
  let pageUrl = from?.url ?? `${core.deps.baseUrl}/${GRAPH_VERSION}${await core.entries.url(q)}`;
  let resume = from;
  const out: InteractionLogEntry[] = [];
  // A page cut short is continued by a cursor to that same Graph page plus the id of the last entry returned
  // (and its position, should that entry be gone).
  for (let fetches = 0; fetches < MAX_HISTORY_FETCHES; fetches++) {
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
      if (!query.includeCanceled && e.canceled) continue;
      if (out.length === query.pageSize) {
        const last = out[out.length - 1]!;
        return { entries: out, nextCursor: historyCursor(pageUrl, i, last.id) };
      }
      out.push(e);
    }
    if (!page.nextLink) return { entries: out };
    pageUrl = page.nextLink;
    if (out.length === query.pageSize) break;
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

function historyCursor(pageUrl: string, skip: number, after: string | undefined): string {
  const frag = new URLSearchParams({ skip: String(skip), ...(after ? { after } : {}) });
  return `${pageUrl}#${frag.toString()}`;
}

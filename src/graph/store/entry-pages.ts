// Reading entries page by page with a client-side filter and a cursor that can resume inside a Graph page: the
// contact history (first screen) and the entries window (on demand) share it, so it stands on its own.
import { StoreError } from "../../domain/errors";
import type { HistoryPage } from "../../domain/ports";
import type { InteractionLogEntry } from "../../domain/types";
import { GRAPH_VERSION } from "../client";
import type { ItemQuery } from "../odata";
import type { StoreCore } from "./store-core";

const MAX_FETCHES = 5;

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

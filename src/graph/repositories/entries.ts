// Interaction Log Entries: read by SourceId (already logged), DedupeKey (one entry per source and contact)
// and ContactNo / ContactCompanyNo ordered by InteractionDate (history); all indexed.
import { storedSourceId } from "../../domain/source-ref";
import type { InteractionLogEntry } from "../../domain/types";
import { entryFromItem } from "../mapping";
import { anyEq, eq, type ItemQuery } from "../odata";
import { StoreError } from "../../domain/errors";
import { COL } from "../schema";
import type { SharePointSite } from "../site";
import { ListRepository } from "./list-repository";

const E = COL.entries;

export function entriesRepository(site: SharePointSite): ListRepository<InteractionLogEntry> {
  return new ListRepository(site, "entries", entryFromItem);
}

/** By the item's id, in the form it is stored (a long id's hashed form; see domain/source-ref.ts). */
export const entriesBySource = (sourceId: string, top = 200): ItemQuery => ({
  filter: eq(E.sourceId, storedSourceId(sourceId.trim())),
  top,
});

export const entriesByDedupeKeys = (keys: readonly string[]): ItemQuery => ({
  filter: anyEq(E.dedupeKey, keys),
  top: Math.max(1, keys.length),
});

/** Newest first. Canceled is not indexed, so it is never part of the filter (see interaction-store). */
export const historyQuery = (contactNo: string, isCompany: boolean, pageSize: number): ItemQuery => ({
  filter: eq(isCompany ? E.contactCompanyNo : E.contactNo, contactNo),
  orderBy: { column: E.interactionDate, desc: true },
  top: pageSize,
});

/** Graph's largest page of list items: totals and the delete job read in pages of this size. */
export const MAX_PAGE = 999;

/** LoggedSegmentId is a number column; the domain keeps ids as strings. */
export function segmentNumber(segmentId: string): number {
  const n = Number(segmentId);
  if (!/^\d+$/.test(String(segmentId).trim()) || !Number.isSafeInteger(n) || n < 1)
    throw new StoreError("invalid", `"${segmentId}" is not a logged segment id`);
  return n;
}

/** Every entry of one logged segment (LoggedSegmentId is indexed). */
export const entriesOfSegment = (segmentId: string, select?: readonly string[]): ItemQuery => ({
  filter: eq(E.loggedSegmentId, segmentNumber(segmentId)),
  top: MAX_PAGE,
  ...(select ? { select } : {}),
});

// Logged Segments: one per log action for several contacts; DedupeKey (an extra unique column) makes its
// create idempotent like the entries'.
import type { LoggedSegment } from "../../domain/types";
import { segmentFromItem } from "../mapping";
import { eq, type ItemQuery } from "../odata";
import { COL } from "../schema";
import type { SharePointSite } from "../site";
import { ListRepository } from "./list-repository";

export function segmentsRepository(site: SharePointSite): ListRepository<LoggedSegment> {
  return new ListRepository(site, "segments", segmentFromItem);
}

export const segmentByDedupeKey = (key: string): ItemQuery => ({
  filter: eq(COL.segments.dedupeKey, key),
  top: 1,
});

// The client-side part of an entries filter: what an indexed query could not narrow. Shared by history (first
// screen) and the entries window (on demand), so it lives apart from the entries window's logic.
import { inDateRange, type DateRange } from "./statistics";
import type { InteractionLogEntry } from "./types";

export interface EntryMatch extends DateRange {
  groupCode?: string;
  templateCode?: string;
  includeCanceled?: boolean;
  /** Only canceled entries (the delete job). */
  onlyCanceled?: boolean;
}

const sameCode = (a: string | undefined, b: string): boolean =>
  (a ?? "").trim().toUpperCase() === b.trim().toUpperCase();

export function matchesEntry(
  entry: Pick<InteractionLogEntry, "canceled" | "interactionDate" | "groupCode" | "templateCode">,
  m: EntryMatch,
): boolean {
  if (m.onlyCanceled && !entry.canceled) return false;
  if (!m.onlyCanceled && !m.includeCanceled && entry.canceled) return false;
  if (m.groupCode && !sameCode(entry.groupCode, m.groupCode)) return false;
  if (m.templateCode && !sameCode(entry.templateCode, m.templateCode)) return false;
  return inDateRange(entry.interactionDate, m);
}

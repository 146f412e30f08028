// Contact statistics as Business Central computes them: entries that are not canceled, within a date filter.
import type { InteractionLogEntry, InteractionStatistics } from "./types";

export interface DateRange {
  /** ISO date or date-time, inclusive. */
  from?: string;
  /** ISO date or date-time, inclusive; a bare date covers the whole day. */
  to?: string;
}

export function inDateRange(isoDate: string, range: DateRange): boolean {
  const t = Date.parse(isoDate);
  if (range.from && t < Date.parse(range.from)) return false;
  if (range.to) {
    const end = /^\d{4}-\d{2}-\d{2}$/.test(range.to)
      ? Date.parse(range.to) + 86_400_000 - 1
      : Date.parse(range.to);
    if (t > end) return false;
  }
  return true;
}

export function computeStatistics(
  entries: InteractionLogEntry[],
  range: DateRange = {},
): InteractionStatistics {
  let count = 0;
  let cost = 0;
  let duration = 0;
  for (const e of entries) {
    if (e.canceled || !inDateRange(e.interactionDate, range)) continue;
    count += 1;
    cost += e.costLCY;
    duration += e.durationMin;
  }
  // Money in cents to avoid 0.1 + 0.2 drift in the displayed total.
  return { count, costLCY: Math.round(cost * 100) / 100, durationMin: duration };
}

/** Newest first; equal dates by entry number, newest first. */
export function newestFirst(a: InteractionLogEntry, b: InteractionLogEntry): number {
  const d = Date.parse(b.interactionDate) - Date.parse(a.interactionDate);
  if (d !== 0) return d;
  return Number(b.id ?? 0) - Number(a.id ?? 0);
}

// Contact statistics as Business Central computes them: entries that are not canceled, within a date filter.
import type { InteractionLogEntry, InteractionStatistics } from "./types";

export interface DateRange {
  /** ISO date or date-time, inclusive. A bare date starts at 00:00 UTC. */
  from?: string;
  /** ISO date or date-time, inclusive; a bare date covers the whole (UTC) day. */
  to?: string;
}

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function boundary(value: string, name: "from" | "to"): number {
  const t = Date.parse(value);
  if (!Number.isFinite(t)) throw new RangeError(`Date range: "${value}" is not a valid "${name}" date`);
  return name === "to" && BARE_DATE.test(value.trim()) ? t + DAY_MS - 1 : t;
}

/** The range as inclusive instants (ms since epoch); an unreadable bound throws a RangeError. */
export function dateRangeBounds(range: DateRange): { from?: number; to?: number } {
  return {
    ...(range.from ? { from: boundary(range.from, "from") } : {}),
    ...(range.to ? { to: boundary(range.to, "to") } : {}),
  };
}

/**
 * Inclusive on both ends. An entry whose date cannot be read is outside every bounded range (it cannot be
 * shown to belong there) and inside an unbounded one. An unreadable bound throws a RangeError.
 */
export function inDateRange(isoDate: string, range: DateRange): boolean {
  const from = range.from ? boundary(range.from, "from") : undefined;
  const to = range.to ? boundary(range.to, "to") : undefined;
  if (from === undefined && to === undefined) return true;
  const t = Date.parse(isoDate);
  if (!Number.isFinite(t)) return false;
  return (from === undefined || t >= from) && (to === undefined || t <= to);
}

// Amounts are summed as integer millionths so that many small values add without binary drift, then the
// total is rounded once: money to cents (as Business Central shows LCY), minutes to hundredths.
const MICRO = 1_000_000;
const toMicro = (x: number): number => (Number.isFinite(x) ? Math.round(x * MICRO) : 0);
const fromMicro = (micro: number, decimals: number): number => {
  const scale = 10 ** decimals;
  const rounded = Math.round(micro / (MICRO / scale)) / scale;
  return rounded === 0 ? 0 : rounded;
};

/**
 * Folds entries in as they arrive (page by page) with exactly computeStatistics' rules and rounding: the
 * totals of many pages equal the totals of all entries at once.
 */
export class StatisticsAccumulator {
  private count = 0;
  private cost = 0;
  private duration = 0;

  constructor(private readonly range: DateRange = {}) {}

  add(
    entries: Iterable<Pick<InteractionLogEntry, "canceled" | "interactionDate" | "costLCY" | "durationMin">>,
  ): this {
    for (const e of entries) {
      if (e.canceled || !inDateRange(e.interactionDate, this.range)) continue;
      this.count += 1;
      this.cost += toMicro(e.costLCY);
      this.duration += toMicro(e.durationMin);
    }
    return this;
  }

  result(): InteractionStatistics {
    return { count: this.count, costLCY: fromMicro(this.cost, 2), durationMin: fromMicro(this.duration, 2) };
  }
}

/** Count, cost and duration of the entries that are not canceled and fall in the range. */
export function computeStatistics(
  entries: InteractionLogEntry[],
  range: DateRange = {},
): InteractionStatistics {
  return new StatisticsAccumulator(range).add(entries).result();
}

function timeOf(e: InteractionLogEntry): number {
  const t = Date.parse(e.interactionDate);
  return Number.isFinite(t) ? t : Number.NEGATIVE_INFINITY;
}

function entryNo(e: InteractionLogEntry): number {
  const n = Number(e.id ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/** Newest first; equal dates by entry number, newest first; unreadable dates last. */
export function newestFirst(a: InteractionLogEntry, b: InteractionLogEntry): number {
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta !== tb) return tb > ta ? 1 : -1;
  return entryNo(b) - entryNo(a);
}

// Exact totals for the entries view and the contact card, as Business Central's contact statistics: number of
// interactions, cost and duration over every non-canceled entry in the filter (a company's include its persons').
// Never over a loaded page: every entry of the filter is read, but only the fields the totals need, in pages of
// up to 999 (⌈n/999⌉ requests), folded with computeStatistics' rules as they arrive.
import { matchesEntry } from "../../domain/entry-match";
import type { EntryFilter, EntryTotalsProgress } from "../../domain/ports";
import { StatisticsAccumulator } from "../../domain/statistics";
import type { InteractionStatistics } from "../../domain/types";
import { COL } from "../schema";
import { allEntryPages, totalsQuery } from "./entries-query";
import type { StoreCore } from "./store-core";

const E = COL.entries;
/** What the totals read of each entry (the filter's client-side checks included). */
export const TOTALS_FIELDS = [
  E.interactionDate,
  E.cost,
  E.duration,
  E.canceled,
  E.groupCode,
  E.templateCode,
] as const;

export async function entryTotals(
  core: StoreCore,
  filter: EntryFilter,
  onProgress?: (p: EntryTotalsProgress) => void,
  signal?: AbortSignal,
): Promise<InteractionStatistics> {
  const { q, match } = totalsQuery(filter, TOTALS_FIELDS);
  const acc = new StatisticsAccumulator(match);
  let read = 0;
  for await (const page of allEntryPages(core, q, signal)) {
    acc.add(page.filter((e) => matchesEntry(e, match)));
    read += page.length;
    onProgress?.({ read });
  }
  return acc.result();
}

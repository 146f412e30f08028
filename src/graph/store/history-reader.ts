// A contact's history, newest first, in pages of at most pageSize on indexed queries. Canceled is not indexed, so
// it is filtered while reading (entry-pages' shared reader): thin pages are read on, a page cut short is
// continued by a cursor.
import { StoreError } from "../../domain/errors";
import type { HistoryPage, HistoryQuery } from "../../domain/ports";
import { historyQuery } from "../repositories/entries";
import { readEntryPages } from "./entry-pages";
import type { StoreCore } from "./store-core";

export async function readHistory(core: StoreCore, query: HistoryQuery): Promise<HistoryPage> {
  if (!query.contactNo.trim()) throw new StoreError("invalid", "History needs a contact number");
  if (!Number.isInteger(query.pageSize) || query.pageSize < 1 || query.pageSize > 500)
    throw new StoreError("invalid", `History page size must be 1-500, got ${query.pageSize}`);
  const q = historyQuery(query.contactNo.trim(), query.isCompany, query.pageSize);
  return readEntryPages(core, q, (e) => !!query.includeCanceled || !e.canceled, query.pageSize, query.cursor);
}

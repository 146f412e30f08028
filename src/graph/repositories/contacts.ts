// Contacts: persons by Email/Email2, companies by Domain, numbering by ContactNo: all indexed columns.
import type { Contact } from "../../domain/types";
import { contactFromItem } from "../mapping";
import { anyEq, eq, startsWith, type ItemQuery } from "../odata";
import { COL } from "../schema";
import type { SharePointSite } from "../site";
import { ListRepository } from "./list-repository";

const C = COL.contacts;

export function contactsRepository(site: SharePointSite): ListRepository<Contact> {
  return new ListRepository(site, "contacts", contactFromItem);
}

/** OR of eq on one indexed column; undefined when there is nothing to look for. */
export function contactsWhere(
  column: "Email" | "Email2" | "Domain",
  values: readonly string[],
  top = 100,
): ItemQuery | undefined {
  const filter = anyEq(column, values.map((v) => v.trim().toLowerCase()).filter(Boolean));
  return filter ? { filter, top } : undefined;
}

/**
 * The same lookup split into groups of at most `perQuery` values: a meeting with many attendees would otherwise
 * build a filter longer than SharePoint accepts in a URL. The groups still travel in one $batch.
 */
export function contactsWhereChunks(
  column: "Email" | "Email2" | "Domain",
  values: readonly string[],
  perQuery = 12,
): ItemQuery[] {
  const distinct = [...new Set(values.map((v) => v.trim().toLowerCase()).filter(Boolean))];
  const out: ItemQuery[] = [];
  for (let i = 0; i < distinct.length; i += perQuery)
    out.push(contactsWhere(column, distinct.slice(i, i + perQuery))!);
  return out;
}

export const contactByNo = (contactNo: string): ItemQuery => ({
  filter: eq(C.contactNo, contactNo.trim().toUpperCase()),
  top: 1,
});

/** The highest ContactNo: the unique column decides races, this only proposes the next number. */
export const highestContactNo: ItemQuery = {
  orderBy: { column: C.contactNo, desc: true },
  top: 1,
  select: [C.contactNo],
};

/** Contact numbers that start with the typed part ("CT0000" finds CT000010, CT000011, …); the column is unique. */
export const contactsByNoPrefix = (text: string, top: number): ItemQuery => ({
  filter: startsWith(C.contactNo, text.trim().toUpperCase()),
  orderBy: { column: C.contactNo },
  top,
});

export const contactsByNamePrefix = (text: string, top: number): ItemQuery => ({
  filter: startsWith(COL.title, text),
  top,
});
export const contactsByEmailPrefix = (text: string, top: number): ItemQuery => ({
  filter: startsWith(C.email, text.toLowerCase()),
  top,
});

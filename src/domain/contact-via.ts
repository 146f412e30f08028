// Which address reached which contact: Business Central's "Contact Via" on an entry. Persons are reached by their
// own address; a company by the domain (or a parent domain) of an address that reached no person of its own.
import { domainOf, normalizeEmail, parentDomains } from "./matching";
import type { Contact, Correspondence } from "./types";

/** Address (lower-case) → ContactNo; each contact appears once, for the first participant that reached it. */
export function contactVia(c: Correspondence | undefined, contacts: Contact[]): Record<string, string> {
  const via: Record<string, string> = {};
  if (!c) return via;
  for (const p of c.participants) {
    const email = normalizeEmail(p.address);
    const domains = parentDomains(domainOf(email));
    const hit =
      contacts.find((k) => k.type === "Person" && (k.email === email || k.email2 === email)) ??
      contacts.find((k) => k.type === "Company" && !!k.domain && domains.includes(k.domain));
    if (hit && !Object.values(via).includes(hit.contactNo)) via[email] = hit.contactNo;
  }
  return via;
}

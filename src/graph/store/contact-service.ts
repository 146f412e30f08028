// Contacts the pane creates or looks for: a new contact gets the next free ContactNo (a clash moves on; a retried
// create that had landed returns that contact), and search runs every applicable indexed form in one $batch.
import { StoreError } from "../../domain/errors";
import { normalizeEmail } from "../../domain/matching";
import type { Contact } from "../../domain/types";
import { hasErrors, validateNewContact } from "../../domain/validation";
import { isSuccess, type BatchStep } from "../batch";
import { contactToFields } from "../mapping";
import {
  contactByNo,
  contactsByEmailPrefix,
  contactsByNamePrefix,
  contactsWhere,
  highestContactNo,
} from "../repositories/contacts";
import { describeErrors, type StoreCore } from "./store-core";

const CONTACT_NO = /^CT(\d{6})$/;
const MAX_CONTACT_NO_ATTEMPTS = 5;
const SEARCH_TOP = 25;

export type NewContact = Omit<Contact, "contactNo" | "id">;

export async function createContact(core: StoreCore, input: NewContact): Promise<Contact> {
  const email = input.email ? normalizeEmail(input.email) : undefined;
  const email2 = input.email2 ? normalizeEmail(input.email2) : undefined;
  const addresses = [email, email2].filter((x): x is string => !!x);
  const steps: BatchStep[] = [await core.contacts.listStep("highest", highestContactNo)];
  const q1 = contactsWhere("Email", addresses);
  const q2 = contactsWhere("Email2", addresses);
  if (q1) steps.push(await core.contacts.listStep("email", q1));
  if (q2) steps.push(await core.contacts.listStep("email2", q2));
  const answers = await core.run(steps, true);
  const taken = new Set<string>();
  for (const id of ["email", "email2"])
    if (answers.has(id))
      for (const k of core.contacts.pageFromStep(answers.get(id)).items)
        for (const a of [k.email, k.email2]) if (a && addresses.includes(a)) taken.add(a);
  const errors = validateNewContact({ ...input, email, email2 }, [...taken]);
  if (hasErrors(errors))
    throw new StoreError("invalid", `The contact cannot be created: ${describeErrors(errors)}`, {
      code: Object.values(errors).includes("duplicateEmail") ? "duplicateEmail" : "validation",
    });
  const highest = core.contacts.pageFromStep(answers.get("highest")).items[0]?.contactNo;
  let next = nextContactNumber(highest);
  for (let attempt = 0; attempt < MAX_CONTACT_NO_ATTEMPTS; attempt++, next++) {
    const contactNo = formatContactNo(next);
    const contact: Contact = {
      ...input,
      contactNo,
      name: input.name.trim(),
      ...(email ? { email } : {}),
      ...(email2 ? { email2 } : {}),
      ...(input.domain ? { domain: input.domain.trim().toLowerCase() } : {}),
      ...(input.type === "Company" ? { companyNo: contactNo, companyName: input.name.trim() } : {}),
    };
    try {
      return await core.contacts.add(contactToFields(contact));
    } catch (e) {
      if (!(e instanceof StoreError && e.kind === "duplicate")) throw e;
      // The number is taken: by someone else between our read and our write, or by this very contact when
      // the SDK retried a POST whose first answer was lost. Only the first case moves on to the next number.
      const holder = (await core.contacts.list(contactByNo(contactNo))).items[0];
      if (holder && sameNewContact(holder, contact)) return holder;
    }
  }
  throw new StoreError(
    "conflict",
    `No free contact number after ${MAX_CONTACT_NO_ATTEMPTS} attempts; try again`,
  );
}

export async function searchContacts(core: StoreCore, raw: string): Promise<Contact[]> {
  const text = raw.replace(/\s+/g, " ").trim();
  if (!text) return [];
  const top = SEARCH_TOP;
  const steps: BatchStep[] = [await core.contacts.listStep("name", contactsByNamePrefix(text, top))];
  if (/^[A-Za-z]{1,4}\d{1,10}$/.test(text)) steps.push(await core.contacts.listStep("no", contactByNo(text)));
  if (text.includes("@")) {
    steps.push(await core.contacts.listStep("email", contactsWhere("Email", [normalizeEmail(text)], top)!));
    steps.push(await core.contacts.listStep("email2", contactsWhere("Email2", [normalizeEmail(text)], top)!));
  } else if (!text.includes(" ")) {
    steps.push(await core.contacts.listStep("emailPrefix", contactsByEmailPrefix(text, top)));
    if (text.includes("."))
      steps.push(await core.contacts.listStep("domain", contactsWhere("Domain", [text], top)!));
  }
  const answers = await core.run(steps, true);
  const seen = new Map<string, Contact>();
  for (const s of steps) {
    const r = answers.get(s.id);
    // One refused search form (e.g. startswith not supported) must not hide the others' hits.
    if (!r || !isSuccess(r)) continue;
    for (const k of core.contacts.pageFromStep(r).items) if (!seen.has(k.contactNo)) seen.set(k.contactNo, k);
  }
  return [...seen.values()].slice(0, top);
}

export function nextContactNumber(highest: string | undefined): number {
  const m = highest ? CONTACT_NO.exec(highest.trim().toUpperCase()) : null;
  return m ? Number(m[1]) + 1 : 1;
}

export function formatContactNo(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999_999)
    throw new StoreError("invalid", `Contact numbers are exhausted (${n})`);
  return `CT${String(n).padStart(6, "0")}`;
}

/** Whether a stored contact is the one we were creating (a retried create that had landed). */
function sameNewContact(stored: Contact, created: Contact): boolean {
  const norm = (v: string | undefined) => (v ?? "").trim().toLowerCase();
  return (
    stored.type === created.type &&
    norm(stored.name) === norm(created.name) &&
    norm(stored.email) === norm(created.email) &&
    norm(stored.domain) === norm(created.domain)
  );
}

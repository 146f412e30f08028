// Contacts the pane creates: a new contact gets the next free ContactNo (a clash moves on; a retried create that had
// landed returns that contact); a person at a company gets that company's number and name; a person and a new
// company can be created in one step. Search lives in contact-search.ts, linking an address in contact-links.ts.
import { StoreError } from "../../domain/errors";
import { normalizeEmail } from "../../domain/matching";
import type { Contact } from "../../domain/types";
import { hasErrors, validateNewContact } from "../../domain/validation";
import type { NewContact } from "../../domain/ports";
import type { BatchStep, StepResult } from "../batch";
import { contactToFields } from "../mapping";
import { contactByNo, contactsWhere, highestContactNo } from "../repositories/contacts";
import { findContacts } from "./contact-search";
import { describeErrors, type StoreCore } from "./store-core";

const CONTACT_NO = /^CT(\d{6})$/;
const MAX_CONTACT_NO_ATTEMPTS = 5;

export type { NewContact } from "../../domain/ports";

export async function createContact(
  core: StoreCore,
  input: NewContact,
  knownCompany?: Contact,
): Promise<Contact> {
  const email = input.email ? normalizeEmail(input.email) : undefined;
  const email2 = input.email2 ? normalizeEmail(input.email2) : undefined;
  const addresses = [email, email2].filter((x): x is string => !!x);
  const companyNo = input.type === "Person" ? input.companyNo?.trim().toUpperCase() : undefined;
  const steps: BatchStep[] = [await core.contacts.listStep("highest", highestContactNo)];
  steps.push(...(await addressSteps(core, addresses)));
  const checkCompany = !!companyNo && knownCompany?.contactNo !== companyNo;
  if (checkCompany) steps.push(await core.contacts.listStep("company", contactByNo(companyNo)));
  const answers = await core.run(steps, true);
  const taken = takenAddresses(core, answers, addresses);
  const errors = validateNewContact({ ...input, email, email2 }, [...taken]);
  if (hasErrors(errors))
    throw new StoreError("invalid", `The contact cannot be created: ${describeErrors(errors)}`, {
      code: Object.values(errors).includes("duplicateEmail") ? "duplicateEmail" : "validation",
    });
  let company = companyNo ? knownCompany : undefined;
  if (checkCompany) {
    company = core.contacts.pageFromStep(answers.get("company")).items[0];
    if (!company || company.type !== "Company")
      throw new StoreError("invalid", `The company ${companyNo} does not exist`, { code: "unknownCompany" });
  }
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
      // A person's entries count in its company's history through CompanyNo; the name is the company's own.
      ...(company ? { companyNo: company.contactNo, companyName: company.name } : {}),
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

/**
 * A new company with its domain and a person at it. The person is validated (addresses free) before anything is
 * written; a company with the same name and domain that exists already (an earlier try whose person failed) is
 * reused rather than doubled.
 */
export async function createPersonWithCompany(
  core: StoreCore,
  person: NewContact,
  company: NewContact,
): Promise<{ person: Contact; company: Contact }> {
  const domain = company.domain?.trim().toLowerCase();
  const companyInput: NewContact = { ...company, type: "Company", ...(domain ? { domain } : {}) };
  const companyErrors = validateNewContact(companyInput);
  const email = person.email ? normalizeEmail(person.email) : undefined;
  const addresses = [email].filter((x): x is string => !!x);
  const steps = await addressSteps(core, addresses);
  if (domain) steps.push(await core.contacts.listStep("sameDomain", contactsWhere("Domain", [domain])!));
  const answers = steps.length ? await core.run(steps, true) : new Map();
  const personErrors = validateNewContact({ ...person, type: "Person", email }, [
    ...takenAddresses(core, answers, addresses),
  ]);
  if (hasErrors(personErrors) || hasErrors(companyErrors))
    throw new StoreError(
      "invalid",
      `The contacts cannot be created: ${describeErrors({ ...companyErrors, ...personErrors })}`,
      { code: Object.values(personErrors).includes("duplicateEmail") ? "duplicateEmail" : "validation" },
    );
  const norm = (v: string | undefined) => (v ?? "").replace(/\s+/g, " ").trim().toLowerCase();
  const existing = answers.has("sameDomain")
    ? core.contacts
        .pageFromStep(answers.get("sameDomain"))
        .items.find((k) => k.type === "Company" && norm(k.name) === norm(company.name))
    : undefined;
  const stored = existing ?? (await createContact(core, companyInput));
  const created = await createContact(
    core,
    { ...person, type: "Person", companyNo: stored.contactNo, companyName: stored.name },
    stored,
  );
  return { person: created, company: stored };
}

async function addressSteps(core: StoreCore, addresses: string[]): Promise<BatchStep[]> {
  const steps: BatchStep[] = [];
  const q1 = contactsWhere("Email", addresses);
  const q2 = contactsWhere("Email2", addresses);
  if (q1) steps.push(await core.contacts.listStep("email", q1));
  if (q2) steps.push(await core.contacts.listStep("email2", q2));
  return steps;
}

function takenAddresses(core: StoreCore, answers: Map<string, StepResult>, addresses: string[]): Set<string> {
  const taken = new Set<string>();
  for (const id of ["email", "email2"])
    if (answers.has(id))
      for (const k of core.contacts.pageFromStep(answers.get(id)).items)
        for (const a of [k.email, k.email2]) if (a && addresses.includes(a)) taken.add(a);
  return taken;
}

export async function searchContacts(core: StoreCore, raw: string): Promise<Contact[]> {
  return (await findContacts(core, { text: raw })).contacts;
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

// Contacts the pane creates: a new contact gets the next free ContactNo (a clash moves on; a retried create that had
// landed returns that contact); a person at a company gets that company's number and name. A person with a new
// company is contact-company.ts, search contact-search.ts, linking an address contact-links.ts (loaded on demand).
import { StoreError } from "../../domain/errors";
import { normalizeEmail } from "../../domain/matching";
import type { Contact } from "../../domain/types";
import { hasErrors, validateNewContact } from "../../domain/validation";
import type { NewContact } from "../../domain/ports";
import type { BatchStep, StepResult } from "../batch";
import { contactToFields } from "../mapping";
import { contactByNo, contactsWhere, highestContactNo } from "../repositories/contacts";
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

export async function addressSteps(core: StoreCore, addresses: string[]): Promise<BatchStep[]> {
  const steps: BatchStep[] = [];
  const q1 = contactsWhere("Email", addresses);
  const q2 = contactsWhere("Email2", addresses);
  if (q1) steps.push(await core.contacts.listStep("email", q1));
  if (q2) steps.push(await core.contacts.listStep("email2", q2));
  return steps;
}

export function takenAddresses(
  core: StoreCore,
  answers: Map<string, StepResult>,
  addresses: string[],
): Set<string> {
  const taken = new Set<string>();
  for (const id of ["email", "email2"])
    if (answers.has(id))
      for (const k of core.contacts.pageFromStep(answers.get(id)).items)
        for (const a of [k.email, k.email2]) if (a && addresses.includes(a)) taken.add(a);
  return taken;
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

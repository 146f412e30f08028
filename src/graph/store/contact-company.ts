// A person and a new company in one step (the pane's "new company" choice): the person is validated first, so a
// refused person writes nothing; a company with the same name and domain left by an earlier try is reused.
import { StoreError } from "../../domain/errors";
import { normalizeEmail } from "../../domain/matching";
import type { NewContact } from "../../domain/ports";
import type { Contact } from "../../domain/types";
import { hasErrors, validateNewContact } from "../../domain/validation";
import { contactsWhere } from "../repositories/contacts";
import { addressSteps, createContact, takenAddresses } from "./contact-service";
import { describeErrors, type StoreCore } from "./store-core";

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

// The "create contact" form for an unknown correspondent: prefilled from the display name and mail domain,
// validated with the domain's rules, and kept intact when the store refuses it.
import { useCallback, useState } from "react";
import type { StoreError } from "../../domain/errors";
import { companyNameFromDomain } from "../../domain/company-name";
import { domainOf, splitDisplayName } from "../../domain/matching";
import type { NewContact } from "../../domain/ports";
import type { Contact, ContactType, ParticipantMatch } from "../../domain/types";
import { hasErrors, validateNewContact, type ContactField, type FieldErrors } from "../../domain/validation";
import { asStoreError } from "../model/store-error";

export interface NewContactValues {
  type: ContactType;
  firstName: string;
  lastName: string;
  companyName: string;
  email: string;
  domain: string;
  jobTitle: string;
  /** A person's company: "" none, "new" a company created with the person, else the ContactNo of a known one. */
  companyChoice: string;
  newCompanyName: string;
  newCompanyDomain: string;
}

export type { NewContact } from "../../domain/ports";

/** Creates the person (or company); with a second argument, that new company first and the person at it. */
export type CreateContactFn = (contact: NewContact, newCompany?: NewContact) => Promise<Contact>;

export function prefillContact(match: ParticipantMatch, atCompany?: Contact): NewContactValues {
  const display = match.participant.displayName.trim();
  // Outlook often repeats the address as the display name; the local part is a better guess at a name then.
  const nameSource = !display || display.toLowerCase() === match.email ? match.email.split("@")[0]! : display;
  const { firstName, lastName } = splitDisplayName(nameSource.replace(/[._]+/g, " "));
  const domain = domainOf(match.email);
  const firstLabel = domain.split(".")[0] ?? "";
  return {
    type: "Person",
    firstName,
    lastName,
    companyName: firstLabel ? firstLabel[0]!.toUpperCase() + firstLabel.slice(1) : "",
    email: match.email,
    domain,
    jobTitle: "",
    companyChoice: atCompany?.contactNo ?? "",
    newCompanyName: companyNameFromDomain(domain),
    newCompanyDomain: domain,
  };
}

/** The new company the form would create with the person, if that is the choice. */
export function companyFromValues(v: NewContactValues): NewContact | undefined {
  if (v.type !== "Person" || v.companyChoice !== "new") return undefined;
  const domain = v.newCompanyDomain.trim().toLowerCase();
  return { type: "Company", name: v.newCompanyName.trim(), ...(domain ? { domain } : {}) };
}

export function contactFromValues(v: NewContactValues): NewContact {
  const email = v.email.trim().toLowerCase();
  if (v.type === "Company") {
    const name = v.companyName.trim();
    return {
      type: "Company",
      name,
      companyName: name,
      ...(email ? { email } : {}),
      ...(v.domain.trim() ? { domain: v.domain.trim().toLowerCase() } : {}),
    };
  }
  const companyNo = v.companyChoice && v.companyChoice !== "new" ? v.companyChoice : undefined;
  return {
    type: "Person",
    name: [v.firstName.trim(), v.lastName.trim()].filter(Boolean).join(" "),
    ...(email ? { email } : {}),
    ...(v.jobTitle.trim() ? { jobTitle: v.jobTitle.trim() } : {}),
    ...(companyNo ? { companyNo } : {}),
  };
}

export interface CreateContactState {
  values: NewContactValues;
  errors: FieldErrors<ContactField>;
  saving: boolean;
  error?: StoreError;
  set<K extends keyof NewContactValues>(field: K, value: NewContactValues[K]): void;
  /** Resolves with the created contact, or undefined when validation or the store refused it. */
  submit(): Promise<Contact | undefined>;
}

export function useCreateContact(
  match: ParticipantMatch,
  existingEmails: string[],
  create: CreateContactFn,
  atCompany?: Contact,
): CreateContactState {
  const [values, setValues] = useState(() => prefillContact(match, atCompany));
  const [validated, setValidated] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<StoreError | undefined>();

  const check = (v: NewContactValues): FieldErrors<ContactField> => {
    const errors = validateNewContact(contactFromValues(v), existingEmails);
    const company = companyFromValues(v);
    return company && !company.name ? { ...errors, companyNo: "required" } : errors;
  };
  const errors = validated ? check(values) : {};

  const set = useCallback(<K extends keyof NewContactValues>(field: K, value: NewContactValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
  }, []);

  const submit = async (): Promise<Contact | undefined> => {
    setValidated(true);
    if (hasErrors(check(values))) return undefined;
    setSaving(true);
    setError(undefined);
    try {
      const company = companyFromValues(values);
      return await (company ? create(contactFromValues(values), company) : create(contactFromValues(values)));
    } catch (e) {
      setError(asStoreError(e));
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  return { values, errors, saving, ...(error ? { error } : {}), set, submit };
}

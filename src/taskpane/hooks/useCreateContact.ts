// The "create contact" form for an unknown correspondent: prefilled from the display name and mail domain,
// validated with the domain's rules, and kept intact when the store refuses it.
import { useCallback, useState } from "react";
import type { StoreError } from "../../domain/errors";
import { domainOf, splitDisplayName } from "../../domain/matching";
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
}

export type NewContact = Omit<Contact, "contactNo" | "id">;

export function prefillContact(match: ParticipantMatch): NewContactValues {
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
  };
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
  return {
    type: "Person",
    name: [v.firstName.trim(), v.lastName.trim()].filter(Boolean).join(" "),
    ...(email ? { email } : {}),
    ...(v.jobTitle.trim() ? { jobTitle: v.jobTitle.trim() } : {}),
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
  create: (contact: NewContact) => Promise<Contact>,
): CreateContactState {
  const [values, setValues] = useState(() => prefillContact(match));
  const [validated, setValidated] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<StoreError | undefined>();

  const check = (v: NewContactValues) => validateNewContact(contactFromValues(v), existingEmails);
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
      return await create(contactFromValues(values));
    } catch (e) {
      setError(asStoreError(e));
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  return { values, errors, saving, ...(error ? { error } : {}), set, submit };
}

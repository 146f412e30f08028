// Field-level validation. Messages are keys, translated by the UI, so the domain stays language-free.
import { isValidEmail, normalizeEmail } from "./matching";
import { DESCRIPTION_MAX } from "./template-defaults";
import type { Contact, InteractionTemplate, LogDraft } from "./types";

export type ValidationMessage =
  | "required"
  | "tooLong"
  | "negative"
  | "notANumber"
  | "invalidDate"
  | "invalidEmail"
  | "noContact"
  | "unknownTemplate"
  | "blockedTemplate"
  | "duplicateEmail";

export type FieldErrors<K extends string> = Partial<Record<K, ValidationMessage>>;

export type DraftField = keyof LogDraft | "contacts";

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An ISO 8601 date or date-time whose fields exist on the calendar (no 30 February, no 24:00). */
export function isValidIsoDate(value: string): boolean {
  // Stryker disable next-line StringLiteral: equivalent, the stand-in is no date and is refused just as the empty string is
  const m = ISO_DATE_TIME.exec(String(value ?? "").trim());
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return false;
  return Number.isFinite(Date.parse(value.trim()));
}

/** Code points of the text as it will be stored (whitespace runs collapsed, trimmed). */
function storedLength(text: string): number {
  return [...text.replace(/\s+/g, " ").trim()].length;
}

/**
 * Every problem with a draft, by field. The template must match a code exactly (as the store looks it up);
 * the description counts code points after whitespace is collapsed, as it is stored.
 */
export function validateDraft(
  draft: LogDraft,
  templates: InteractionTemplate[],
  contactCount: number,
): FieldErrors<DraftField> {
  const errors: FieldErrors<DraftField> = {};
  const template = templates.find((t) => t.code === draft.templateCode);
  if (!draft.templateCode?.trim()) errors.templateCode = "required";
  else if (!template) errors.templateCode = "unknownTemplate";
  else if (template.blocked) errors.templateCode = "blockedTemplate";
  const description = draft.description ?? "";
  if (!description.trim()) errors.description = "required";
  else if (storedLength(description) > DESCRIPTION_MAX) errors.description = "tooLong";
  for (const field of ["costLCY", "durationMin"] as const) {
    const value: unknown = draft[field];
    if (typeof value !== "number" || !Number.isFinite(value)) errors[field] = "notANumber";
    else if (value < 0) errors[field] = "negative";
  }
  if (!isValidIsoDate(draft.interactionDate)) errors.interactionDate = "invalidDate";
  if (!(contactCount >= 1)) errors.contacts = "noContact";
  return errors;
}

export type ContactField = "name" | "email" | "email2" | "companyNo";

/** Business Central's Contact Name is Text[100]. */
export const CONTACT_NAME_MAX = 100;

/**
 * A Person needs an Email; every address given must be valid, not taken by another contact, and Email2 must
 * differ from Email. Addresses compare as normalised (case, spacing, IDN spelling).
 */
export function validateNewContact(
  contact: Pick<Contact, "name" | "email" | "email2" | "type">,
  // Stryker disable next-line ArrayDeclaration: equivalent, the stand-in normalises to a text without @, and only valid addresses are looked up in the set
  existingEmails: string[] = [],
): FieldErrors<ContactField> {
  const errors: FieldErrors<ContactField> = {};
  const name = contact.name ?? "";
  if (!name.trim()) errors.name = "required";
  else if (storedLength(name) > CONTACT_NAME_MAX) errors.name = "tooLong";
  // Stryker disable next-line MethodExpression: equivalent, "" in the set is never looked up: only the normal form of a valid, non-blank address is
  const taken = new Set(existingEmails.map((e) => normalizeEmail(e)).filter(Boolean));
  let first: string | undefined;
  for (const field of ["email", "email2"] as const) {
    const v = contact[field]?.trim();
    if (!v) {
      if (field === "email" && contact.type === "Person") errors.email = "required";
      continue;
    }
    const n = normalizeEmail(v);
    if (!isValidEmail(v)) errors[field] = "invalidEmail";
    else if (taken.has(n) || (field === "email2" && n === first)) errors[field] = "duplicateEmail";
    if (field === "email") first = n;
  }
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.keys(errors).length > 0;
}

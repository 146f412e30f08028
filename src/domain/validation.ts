// Field-level validation. Messages are keys, translated by the UI, so the domain stays language-free.
import { isValidEmail } from "./matching";
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

export function validateDraft(
  draft: LogDraft,
  templates: InteractionTemplate[],
  contactCount: number,
): FieldErrors<DraftField> {
  const errors: FieldErrors<DraftField> = {};
  const template = templates.find((t) => t.code === draft.templateCode);
  if (!draft.templateCode) errors.templateCode = "required";
  else if (!template) errors.templateCode = "unknownTemplate";
  else if (template.blocked) errors.templateCode = "blockedTemplate";
  if (!draft.description.trim()) errors.description = "required";
  else if ([...draft.description].length > DESCRIPTION_MAX) errors.description = "tooLong";
  if (!Number.isFinite(draft.costLCY)) errors.costLCY = "notANumber";
  else if (draft.costLCY < 0) errors.costLCY = "negative";
  if (!Number.isFinite(draft.durationMin)) errors.durationMin = "notANumber";
  else if (draft.durationMin < 0) errors.durationMin = "negative";
  if (!draft.interactionDate || Number.isNaN(Date.parse(draft.interactionDate)))
    errors.interactionDate = "invalidDate";
  if (contactCount < 1) errors.contacts = "noContact";
  return errors;
}

export type ContactField = "name" | "email" | "email2" | "companyNo";

export function validateNewContact(
  contact: Pick<Contact, "name" | "email" | "email2" | "type">,
  existingEmails: string[] = [],
): FieldErrors<ContactField> {
  const errors: FieldErrors<ContactField> = {};
  if (!contact.name.trim()) errors.name = "required";
  else if ([...contact.name].length > 100) errors.name = "tooLong";
  const taken = new Set(existingEmails.map((e) => e.trim().toLowerCase()));
  for (const field of ["email", "email2"] as const) {
    const v = contact[field]?.trim();
    if (!v) {
      if (field === "email" && contact.type === "Person") errors.email = "required";
      continue;
    }
    if (!isValidEmail(v)) errors[field] = "invalidEmail";
    else if (taken.has(v.toLowerCase())) errors[field] = "duplicateEmail";
  }
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.keys(errors).length > 0;
}

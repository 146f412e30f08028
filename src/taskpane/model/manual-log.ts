// A log without an Outlook item (a phone call, a visit, a letter): the form starts from the set-up's Outgoing
// Calls template, dated now; Business Central logs such interactions from the contact card.
import type { ReferenceData } from "../../domain/ports";
import { draftFor } from "../../domain/template-defaults";
import type { InteractionTemplate } from "../../domain/types";
import { valuesFromDraft, type LogFormValues } from "./log-form-values";

export function outgoingCallsTemplate(reference: ReferenceData): InteractionTemplate | undefined {
  const code = reference.setup["Outgoing Calls"]?.trim().toUpperCase();
  return code
    ? reference.templates.find((t) => t.code.trim().toUpperCase() === code && !t.blocked)
    : undefined;
}

export function manualInitialValues(reference: ReferenceData, now: Date = new Date()): LogFormValues {
  return valuesFromDraft(draftFor(undefined, outgoingCallsTemplate(reference), now));
}

// A follow-up (Business Central's resume interaction) starts from the entry it follows: same template,
// description, direction, correspondence type, cost and duration; dated now, not yet evaluated.
import type { InteractionLogEntry, InteractionTemplate, LogDraft } from "../../domain/types";
import { valuesFromDraft, type LogFormValues } from "./log-form-values";

export function followUpDraft(
  entry: InteractionLogEntry,
  templates: InteractionTemplate[],
  now: Date = new Date(),
): LogDraft {
  const template = templates.find((t) => t.code === entry.templateCode && !t.blocked);
  const draft: LogDraft = {
    templateCode: template ? template.code : "",
    description: entry.description,
    interactionDate: now.toISOString(),
    attemptFailed: false,
    costLCY: entry.costLCY,
    durationMin: entry.durationMin,
  };
  if (entry.informationFlow) draft.informationFlow = entry.informationFlow;
  if (entry.initiatedBy) draft.initiatedBy = entry.initiatedBy;
  if (entry.correspondenceType) draft.correspondenceType = entry.correspondenceType;
  return draft;
}

export function followUpValues(
  entry: InteractionLogEntry,
  templates: InteractionTemplate[],
  now?: Date,
): LogFormValues {
  return valuesFromDraft(followUpDraft(entry, templates, now));
}

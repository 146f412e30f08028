// The log form's editable state and its conversion to and from the domain's LogDraft. Text stays text until
// submit so nothing the user typed is lost to a conversion.
import { applyTemplate } from "../../domain/template-defaults";
import type {
  Correspondence,
  CorrespondenceType,
  Evaluation,
  InformationFlow,
  InitiatedBy,
  InteractionTemplate,
  LogDraft,
} from "../../domain/types";
import { fromLocalInput, toLocalInput } from "./datetime-local";
import { numberToInput, parseNumberInput } from "./number-input";

export interface LogFormValues {
  templateCode: string;
  description: string;
  /** What the date input shows. */
  dateText: string;
  /** ISO UTC behind dateText; kept exact (seconds included) until the user edits the date. */
  interactionDate: string;
  informationFlow: InformationFlow | "";
  initiatedBy: InitiatedBy | "";
  evaluation: Evaluation | "";
  correspondenceType: CorrespondenceType | "";
  attemptFailed: boolean;
  costText: string;
  durationText: string;
  comment: string;
}

export function valuesFromDraft(draft: LogDraft): LogFormValues {
  return {
    templateCode: draft.templateCode,
    description: draft.description,
    dateText: toLocalInput(draft.interactionDate),
    interactionDate: draft.interactionDate,
    informationFlow: draft.informationFlow ?? "",
    initiatedBy: draft.initiatedBy ?? "",
    evaluation: draft.evaluation ?? "",
    correspondenceType: draft.correspondenceType ?? "",
    attemptFailed: draft.attemptFailed,
    costText: numberToInput(draft.costLCY),
    durationText: numberToInput(draft.durationMin),
    comment: draft.comment ?? "",
  };
}

export function draftFromValues(v: LogFormValues): LogDraft {
  const draft: LogDraft = {
    templateCode: v.templateCode,
    description: v.description,
    interactionDate: v.interactionDate,
    attemptFailed: v.attemptFailed,
    costLCY: parseNumberInput(v.costText),
    durationMin: parseNumberInput(v.durationText),
  };
  if (v.informationFlow) draft.informationFlow = v.informationFlow;
  if (v.initiatedBy) draft.initiatedBy = v.initiatedBy;
  if (v.evaluation) draft.evaluation = v.evaluation;
  if (v.correspondenceType) draft.correspondenceType = v.correspondenceType;
  if (v.comment.trim()) draft.comment = v.comment;
  return draft;
}

/** Sets the date from the input's text; an unreadable date leaves interactionDate empty for validation. */
export function withDateText(v: LogFormValues, dateText: string): LogFormValues {
  return { ...v, dateText, interactionDate: fromLocalInput(dateText) };
}

/**
 * Switches template through the domain's applyTemplate: values that came from the old template follow the new
 * one, and only fields whose value actually changed are rewritten, so invalid text the user typed stays.
 */
export function withTemplate(
  v: LogFormValues,
  templates: InteractionTemplate[],
  nextCode: string,
  correspondence: Correspondence | undefined,
): LogFormValues {
  const next = templates.find((t) => t.code === nextCode);
  if (!next) return { ...v, templateCode: nextCode };
  const previous = templates.find((t) => t.code === v.templateCode);
  const draft = draftFromValues(v);
  const applied = applyTemplate(draft, previous, next, correspondence);
  const out: LogFormValues = { ...v, templateCode: next.code };
  if (applied.description !== draft.description) out.description = applied.description;
  if (applied.informationFlow !== draft.informationFlow) out.informationFlow = applied.informationFlow ?? "";
  if (applied.initiatedBy !== draft.initiatedBy) out.initiatedBy = applied.initiatedBy ?? "";
  if (applied.correspondenceType !== draft.correspondenceType)
    out.correspondenceType = applied.correspondenceType ?? "";
  if (!Object.is(applied.costLCY, draft.costLCY)) out.costText = numberToInput(applied.costLCY);
  if (!Object.is(applied.durationMin, draft.durationMin))
    out.durationText = numberToInput(applied.durationMin);
  return out;
}

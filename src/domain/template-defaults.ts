// Business Central's defaults: the Interaction Template Setup picks the template, the template gives cost and
// duration, and the direction of the correspondence fills a blank information flow / initiated by.
import type {
  Correspondence,
  CorrespondenceType,
  InformationFlow,
  InitiatedBy,
  InteractionTemplate,
  LogDraft,
  SetupPurpose,
  TemplateSetup,
} from "./types";

export const DESCRIPTION_MAX = 100;

export function setupPurposeFor(c: Correspondence | undefined): SetupPurpose | undefined {
  if (!c) return undefined;
  return c.kind === "meeting" ? "Meeting Invitation" : "Emails";
}

/** The set-up template for the item, when it exists and is not blocked. */
export function defaultTemplate(
  c: Correspondence | undefined,
  setup: TemplateSetup,
  templates: InteractionTemplate[],
): InteractionTemplate | undefined {
  const purpose = setupPurposeFor(c);
  const code = purpose ? setup[purpose] : undefined;
  const wanted = code?.trim().toUpperCase();
  if (!wanted) return undefined;
  return templates.find((t) => t.code.trim().toUpperCase() === wanted && !t.blocked);
}

export function directionDefaults(
  c: Correspondence | undefined,
  template: InteractionTemplate | undefined,
): { informationFlow?: InformationFlow; initiatedBy?: InitiatedBy } {
  const fromItem: { informationFlow?: InformationFlow; initiatedBy?: InitiatedBy } = !c
    ? {}
    : c.direction === "outbound"
      ? { informationFlow: "Outbound", initiatedBy: "Us" }
      : { informationFlow: "Inbound", initiatedBy: "Them" };
  return {
    informationFlow: template?.informationFlow ?? fromItem.informationFlow,
    initiatedBy: template?.initiatedBy ?? fromItem.initiatedBy,
  };
}

/** A meeting's length in whole minutes, or undefined when it has no valid end. */
export function meetingMinutes(c: Correspondence | undefined): number | undefined {
  if (!c || c.kind !== "meeting" || !c.end) return undefined;
  const ms = Date.parse(c.end) - Date.parse(c.date);
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 60000) : undefined;
}

/** Whitespace runs collapsed, then cut to DESCRIPTION_MAX code points (never inside a surrogate pair). */
export function truncateDescription(text: string): string {
  const t = String(text ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return [...t].length <= DESCRIPTION_MAX ? t : [...t].slice(0, DESCRIPTION_MAX).join("");
}

function correspondenceTypeFor(
  c: Correspondence | undefined,
  template: InteractionTemplate | undefined,
): CorrespondenceType | undefined {
  if (template?.correspondenceType) return template.correspondenceType;
  if (!c) return undefined;
  return c.kind === "meeting" ? "Meeting" : "Email";
}

/** The form's starting values for an item and a template. `now` is used when there is no item. */
export function draftFor(
  c: Correspondence | undefined,
  template: InteractionTemplate | undefined,
  now: Date = new Date(),
): LogDraft {
  const direction = directionDefaults(c, template);
  const subject = c?.subject?.trim() ?? "";
  return {
    templateCode: template?.code ?? "",
    description: truncateDescription(subject || template?.description || ""),
    interactionDate: c?.date ?? now.toISOString(),
    ...direction,
    attemptFailed: false,
    costLCY: template?.unitCostLCY ?? 0,
    durationMin: meetingMinutes(c) ?? template?.unitDurationMin ?? 0,
    correspondenceType: correspondenceTypeFor(c, template),
  };
}

/**
 * When the user picks another template, the values that came from the old template follow the new one;
 * values the user typed stay. A value equal to the old template's default counts as not typed. A blank
 * description is filled from the new template.
 */
export function applyTemplate(
  draft: LogDraft,
  previous: InteractionTemplate | undefined,
  next: InteractionTemplate,
  c: Correspondence | undefined,
): LogDraft {
  const before = draftFor(c, previous);
  const after = draftFor(c, next);
  const follow = <K extends keyof LogDraft>(k: K): LogDraft[K] =>
    draft[k] === before[k] ? after[k] : draft[k];
  return {
    ...draft,
    templateCode: next.code,
    informationFlow: follow("informationFlow"),
    initiatedBy: follow("initiatedBy"),
    costLCY: follow("costLCY"),
    durationMin: follow("durationMin"),
    correspondenceType: follow("correspondenceType"),
    description: draft.description.trim() ? follow("description") : after.description,
  };
}

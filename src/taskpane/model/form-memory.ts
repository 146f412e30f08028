// Outlook tells the pane about a draft's new recipients (and the user asks it to read a changed subject), and each
// read mounts a fresh view of the item. What the user already did in the log form must survive that: a typed comment,
// a changed template, an unchecked recipient, a contact added from search. The memory keeps the last view's state for
// one item; a view of the same item starts from it, a view of another item starts fresh.
import type { Contact } from "../../domain/types";
import type { LogFormValues } from "./log-form-values";

export interface FormState {
  /** The values the view started from (read from the item), to tell the user's changes from the item's. */
  start: LogFormValues;
  values: LogFormValues;
  /** Addresses (or added-contact keys) the view started with checked and the user unchecked. */
  unchecked: string[];
  /** Contacts added from search. */
  added: Contact[];
}

export class FormMemory {
  private last: (FormState & { sourceId: string }) | undefined;

  remember(sourceId: string | undefined, state: FormState): void {
    this.last = sourceId ? { ...state, sourceId } : undefined;
  }

  recall(sourceId: string | undefined): FormState | undefined {
    return sourceId && this.last?.sourceId === sourceId ? this.last : undefined;
  }
}

/** The date is one field for the user: its text and its exact value go together. */
const DATE_FIELDS = ["dateText", "interactionDate"] as const;

/**
 * The values a new view of the same item starts with: each field the user changed keeps their value; every other
 * field follows the item as read now (e.g. the description follows a changed subject).
 */
export function carryValues(previous: FormState, fresh: LogFormValues): LogFormValues {
  const changed = (k: keyof LogFormValues) => previous.values[k] !== previous.start[k];
  const out: LogFormValues = { ...fresh };
  for (const k of Object.keys(fresh) as Array<keyof LogFormValues>) {
    if ((DATE_FIELDS as readonly string[]).includes(k)) continue;
    if (changed(k)) (out as unknown as Record<string, unknown>)[k] = previous.values[k];
  }
  if (DATE_FIELDS.some(changed)) {
    out.dateText = previous.values.dateText;
    out.interactionDate = previous.values.interactionDate;
  }
  return out;
}

// Where a view of an item starts from (see FormMemory): the values read from the item, or what the user did in the
// previous view of the same item; and, while the view lives, what it remembers for the next one.
import { useEffect, useState } from "react";
import type { ItemContext } from "../../domain/ports";
import { carryValues, type FormMemory, type FormState } from "../model/form-memory";
import type { LogFormValues } from "../model/log-form-values";
import { initialValues } from "./useLogForm";
import type { ParticipantSelection } from "./useParticipantSelection";

export interface FormStart {
  /** The values read from the item now. */
  fresh: LogFormValues;
  /** The form's first values: `fresh`, with the user's changes from the previous view of the item. */
  values: LogFormValues;
  carried: FormState | undefined;
}

export function useFormStart(context: ItemContext, memory: FormMemory | undefined): FormStart {
  const [start] = useState<FormStart>(() => {
    const fresh = initialValues(context);
    const carried = memory?.recall(context.correspondence.sourceId);
    return { fresh, values: carried ? carryValues(carried, fresh) : fresh, carried };
  });
  return start;
}

export function useRememberForm(
  memory: FormMemory | undefined,
  context: ItemContext,
  start: FormStart,
  values: LogFormValues,
  participants: Pick<ParticipantSelection, "unchecked" | "added">,
): void {
  const { sourceId } = context.correspondence;
  const { unchecked, added } = participants;
  useEffect(() => {
    memory?.remember(sourceId, { start: start.fresh, values, unchecked, added });
  }, [memory, sourceId, start, values, unchecked, added]);
}

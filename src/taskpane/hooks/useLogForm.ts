// The log form's state: starts from the item's template defaults, follows template changes, validates with the
// domain's rules once the user tried to submit (then live, so messages disappear as fields are fixed).
import { useCallback, useMemo, useState } from "react";
import type { ItemContext } from "../../domain/ports";
import { defaultTemplate, draftFor } from "../../domain/template-defaults";
import { validateDraft, type DraftField, type FieldErrors } from "../../domain/validation";
import {
  draftFromValues,
  valuesFromDraft,
  withDateText,
  withTemplate,
  type LogFormValues,
} from "../model/log-form-values";

export type EditableField = Exclude<keyof LogFormValues, "interactionDate" | "templateCode">;

export interface LogFormState {
  values: LogFormValues;
  errors: FieldErrors<DraftField>;
  setField<K extends EditableField>(field: K, value: LogFormValues[K]): void;
  setTemplate(code: string): void;
  /** Validates everything; returns the errors (empty when the draft may be sent). */
  validate(): FieldErrors<DraftField>;
}

export function initialValues(context: ItemContext, now: Date = new Date()): LogFormValues {
  const template = defaultTemplate(context.correspondence, context.setup, context.templates);
  return valuesFromDraft(draftFor(context.correspondence, template, now));
}

/** `start`: the first values when they are not the item's defaults (the user's changes carried over). */
export function useLogForm(context: ItemContext, contactCount: number, start?: LogFormValues): LogFormState {
  const [values, setValues] = useState<LogFormValues>(() => start ?? initialValues(context));
  const [validated, setValidated] = useState(false);

  const errors = useMemo(
    () => (validated ? validateDraft(draftFromValues(values), context.templates, contactCount) : {}),
    [validated, values, context.templates, contactCount],
  );

  const setField = useCallback(<K extends EditableField>(field: K, value: LogFormValues[K]) => {
    setValues((v) => (field === "dateText" ? withDateText(v, value as string) : { ...v, [field]: value }));
  }, []);

  const setTemplate = useCallback(
    (code: string) => setValues((v) => withTemplate(v, context.templates, code, context.correspondence)),
    [context.templates, context.correspondence],
  );

  const validate = useCallback(() => {
    setValidated(true);
    return validateDraft(draftFromValues(values), context.templates, contactCount);
  }, [values, context.templates, contactCount]);

  return { values, errors, setField, setTemplate, validate };
}

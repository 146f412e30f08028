// Logging an interaction for one chosen contact with no Outlook item: reference data from the store (cached for
// the session), the form's state and validation, and the submission. The store gives the entry a Manual source
// and derives its dedupe key from the log request's id, so a retried request stays one entry.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { StoreError } from "../../domain/errors";
import type { InteractionStorePort, LogResult, ReferenceData } from "../../domain/ports";
import type { Contact, UserProfile } from "../../domain/types";
import { hasErrors, validateDraft, type DraftField, type FieldErrors } from "../../domain/validation";
import { draftFromValues, withDateText, withTemplate, type LogFormValues } from "../model/log-form-values";
import { manualInitialValues } from "../model/manual-log";
import { asStoreError } from "../model/store-error";
import type { EditableField } from "./useLogForm";

export interface ManualLogState {
  reference?: ReferenceData;
  loadError?: StoreError;
  values?: LogFormValues;
  errors: FieldErrors<DraftField>;
  busy: boolean;
  result?: LogResult;
  error?: StoreError;
  setField<K extends EditableField>(field: K, value: LogFormValues[K]): void;
  setTemplate(code: string): void;
  /** Resolves with the first invalid field, or undefined when the log was sent (or failed in the store). */
  submit(): Promise<DraftField | undefined>;
  reload(): void;
}

export function useManualLog(
  store: Pick<InteractionStorePort, "referenceData" | "logInteraction">,
  user: UserProfile,
  contact: Contact,
): ManualLogState {
  const [reference, setReference] = useState<ReferenceData | undefined>();
  const [loadError, setLoadError] = useState<StoreError | undefined>();
  const [values, setValues] = useState<LogFormValues | undefined>();
  const [validated, setValidated] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LogResult | undefined>();
  const [error, setError] = useState<StoreError | undefined>();
  const [loadKey, setLoadKey] = useState(0);
  // One id per interaction: Retry after a failure sends the same request again (never a second entry); a log that
  // went through starts a new one.
  const requestId = useRef(newRequestId());

  useEffect(() => {
    let live = true;
    setLoadError(undefined);
    store.referenceData().then(
      (r) => {
        if (!live) return;
        setReference(r);
        setValues((v) => v ?? manualInitialValues(r));
      },
      (e: unknown) => live && setLoadError(asStoreError(e)),
    );
    return () => {
      live = false;
    };
  }, [store, loadKey]);

  const templates = useMemo(() => reference?.templates ?? [], [reference]);
  const errors = useMemo(
    () => (validated && values ? validateDraft(draftFromValues(values), templates, 1) : {}),
    [validated, values, templates],
  );

  const setField = useCallback(<K extends EditableField>(field: K, value: LogFormValues[K]) => {
    setValues((v) =>
      !v ? v : field === "dateText" ? withDateText(v, value as string) : { ...v, [field]: value },
    );
  }, []);
  const setTemplate = useCallback(
    (code: string) => setValues((v) => (v ? withTemplate(v, templates, code, undefined) : v)),
    [templates],
  );

  const submit = async (): Promise<DraftField | undefined> => {
    if (!values) return undefined;
    setValidated(true);
    const found = validateDraft(draftFromValues(values), templates, 1);
    if (hasErrors(found)) return (Object.keys(found) as DraftField[])[0];
    setBusy(true);
    setError(undefined);
    try {
      const logged = await store.logInteraction(
        { contacts: [contact], draft: draftFromValues(values), user },
        { requestId: requestId.current },
      );
      if (logged.results.every((r) => r.status === "logged" || r.status === "alreadyLogged"))
        requestId.current = newRequestId();
      setResult(logged);
    } catch (e) {
      setError(asStoreError(e));
    } finally {
      setBusy(false);
    }
    return undefined;
  };

  return {
    ...(reference ? { reference } : {}),
    ...(loadError ? { loadError } : {}),
    ...(values ? { values } : {}),
    errors,
    busy,
    ...(result ? { result } : {}),
    ...(error ? { error } : {}),
    setField,
    setTemplate,
    submit,
    reload: () => setLoadKey((k) => k + 1),
  };
}

function newRequestId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `manual-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

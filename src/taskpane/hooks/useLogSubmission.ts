// Sending the log form: validation first (focus goes to the first invalid field), then the store; what the last
// log did, the message for screen readers, and a key that tells the history to reload.
import { useCallback, useRef, useState, type RefCallback } from "react";
import type { StoreError } from "../../domain/errors";
import type { InteractionStorePort, ItemContext, LogRequest, LogResult } from "../../domain/ports";
import type { Contact, UserProfile } from "../../domain/types";
import { hasErrors, type DraftField } from "../../domain/validation";
import { useI18n } from "../i18n";
import { draftFromValues } from "../model/log-form-values";
import type { LogGate } from "../model/log-gate";
import { asStoreError } from "../model/store-error";
import type { LogFormState } from "./useLogForm";
import type { ParticipantSelection } from "./useParticipantSelection";

/** Where focus goes when validation fails, in the form's order. */
const FOCUS_ORDER: DraftField[] = [
  "templateCode",
  "description",
  "interactionDate",
  "costLCY",
  "durationMin",
];

export interface LastLog {
  result: LogResult;
  /** ContactNo → display name, as they were when logged. */
  names: Map<string, string>;
}

export interface LogSubmission {
  busy: boolean;
  result?: LastLog;
  error?: StoreError;
  announcement: string;
  setAnnouncement(text: string): void;
  /** Bumped after each log that reached the store: the history reloads. */
  historyKey: number;
  bumpHistory(): void;
  /** Ref for the results heading: focused when the results appear (also when the results view loads later). */
  resultsHeading: RefCallback<HTMLHeadingElement>;
  submit(): Promise<void>;
}

export interface LogSubmissionOptions {
  context: ItemContext;
  store: InteractionStorePort;
  /** The log runs through it: reading the item again waits for the log to finish. */
  gate?: LogGate;
  user: UserProfile;
  form: LogFormState;
  participants: ParticipantSelection;
  /** Element id of a form field (LogForm's fieldId). */
  fieldElementId(field: DraftField): string;
  /** Element id of the correspondents heading (focused when no contact is chosen). */
  participantsHeadingId: string;
  onLogged(): void;
  /** Once the form is valid, just before the log is sent (e.g. reads the mail's content while it is selected). */
  beforeLog?(): void;
  /** After a log that reached the store: e.g. keeps the mail's content with the new entries. */
  afterLog?(result: LogResult, request: LogRequest): void;
}

export function useLogSubmission(options: LogSubmissionOptions): LogSubmission {
  const {
    context,
    store,
    gate,
    user,
    form,
    participants,
    fieldElementId,
    participantsHeadingId,
    onLogged,
    beforeLog,
    afterLog,
  } = options;
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LastLog | undefined>();
  const [error, setError] = useState<StoreError | undefined>();
  const [announcement, setAnnouncement] = useState("");
  const [historyKey, setHistoryKey] = useState(0);
  const heading = useRef<HTMLHeadingElement | null>(null);
  // The results view loads on demand: the first time, the heading mounts after the log finished.
  const focusHeading = useRef(false);
  const resultsHeading = useCallback((el: HTMLHeadingElement | null) => {
    heading.current = el;
    if (el && focusHeading.current) {
      focusHeading.current = false;
      el.focus();
    }
  }, []);
  const { contacts } = participants;

  const submit = useCallback(async () => {
    const errors = form.validate();
    if (hasErrors(errors)) {
      setAnnouncement(i18n.t("fixErrors"));
      const first = FOCUS_ORDER.find((f) => errors[f]);
      if (first) document.getElementById(fieldElementId(first))?.focus();
      else if (errors.contacts) document.getElementById(participantsHeadingId)?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    setAnnouncement("");
    beforeLog?.();
    const names = new Map(contacts.map((c: Contact) => [c.contactNo, c.name]));
    try {
      const request: LogRequest = {
        correspondence: context.correspondence,
        contacts,
        draft: draftFromValues(form.values),
        user,
      };
      const logResult = await (gate
        ? gate.run(() => store.logInteraction(request))
        : store.logInteraction(request));
      setResult({ result: logResult, names });
      const done = logResult.results.filter((r) => r.status === "logged" || r.status === "alreadyLogged");
      participants.markLogged(
        done.flatMap((r) => (r.entry ? [r.entry] : [])),
        new Set(done.map((r) => r.contactNo)),
      );
      const loggedCount = logResult.results.filter((r) => r.status === "logged").length;
      setAnnouncement(loggedCount > 0 ? i18n.plural("loggedSummary", loggedCount) : "");
      setHistoryKey((k) => k + 1);
      onLogged();
      afterLog?.(logResult, request);
      focusHeading.current = true;
      requestAnimationFrame(() => {
        if (!heading.current || !focusHeading.current) return;
        focusHeading.current = false;
        heading.current.focus();
      });
    } catch (e) {
      setError(asStoreError(e));
      setAnnouncement(i18n.t("logFailed"));
    } finally {
      setBusy(false);
    }
  }, [
    form,
    i18n,
    fieldElementId,
    participantsHeadingId,
    contacts,
    store,
    gate,
    context.correspondence,
    user,
    participants,
    onLogged,
    beforeLog,
    afterLog,
  ]);

  const bumpHistory = useCallback(() => setHistoryKey((k) => k + 1), []);

  return {
    busy,
    ...(result ? { result } : {}),
    ...(error ? { error } : {}),
    announcement,
    setAnnouncement,
    historyKey,
    bumpHistory,
    resultsHeading,
    submit,
  };
}

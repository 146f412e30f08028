// Everything about one Outlook item: who is on it, the log form, what the last log did, and history. Mounted
// with a key per item load, so a new selection starts from a fresh form.
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useId, useMemo, useRef, useState } from "react";
import type { StoreError } from "../../domain/errors";
import type { InteractionStorePort, ItemContext, LogResult } from "../../domain/ports";
import type { Contact, ParticipantMatch, UserProfile } from "../../domain/types";
import { hasErrors, type DraftField } from "../../domain/validation";
import { useLogForm } from "../hooks/useLogForm";
import { useI18n } from "../i18n";
import { draftFromValues } from "../model/log-form-values";
import {
  initialSelection,
  loggedContactNos,
  matchedContacts,
  matchWithCreated,
  selectedContacts,
  type CandidateChoices,
} from "../model/participant-selection";
import { asStoreError } from "../model/store-error";
import { AlreadyLoggedBanner } from "./AlreadyLoggedBanner";
import { ErrorState } from "./ErrorState";
import { HistoryPanel } from "./HistoryPanel";
import { fieldId, LogForm } from "./LogForm";
import { LogResults } from "./LogResults";
import { ParticipantList } from "./ParticipantList";

const FOCUS_ORDER: DraftField[] = [
  "templateCode",
  "description",
  "interactionDate",
  "costLCY",
  "durationMin",
];

export interface ItemViewProps {
  context: ItemContext;
  store: InteractionStorePort;
  user: UserProfile;
  /** Changes when something outside this view (the outbox) may have added history entries. */
  refreshKey?: number;
  /** Called after every log attempt that reached the store (the outbox may have changed). */
  onLogged(): void;
}

export function ItemView({ context, store, user, refreshKey = 0, onLogged }: ItemViewProps) {
  const i18n = useI18n();
  const idPrefix = useId();
  const participantsHeadingId = `${idPrefix}-participants`;
  const [matches, setMatches] = useState<ParticipantMatch[]>(context.matches);
  const [alreadyLogged, setAlreadyLogged] = useState(context.alreadyLogged);
  const loggedNos = useMemo(() => loggedContactNos(alreadyLogged), [alreadyLogged]);
  const [selection, setSelection] = useState(() =>
    initialSelection(context.matches, loggedContactNos(context.alreadyLogged)),
  );
  const [choices, setChoices] = useState<CandidateChoices>({});
  const contacts = useMemo(
    () => selectedContacts(matches, selection, choices),
    [matches, selection, choices],
  );
  const known = useMemo(() => matchedContacts(matches, choices), [matches, choices]);
  const form = useLogForm(context, contacts.length);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ result: LogResult; names: Map<string, string> } | undefined>();
  const [submitError, setSubmitError] = useState<StoreError | undefined>();
  const [announcement, setAnnouncement] = useState("");
  const [historyKey, setHistoryKey] = useState(0);
  const [historyNo, setHistoryNo] = useState<string | undefined>();
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  const historyContact = known.find((c) => c.contactNo === historyNo) ?? contacts[0] ?? known[0];

  const existingEmails = useMemo(
    () =>
      matches
        .flatMap((m) => [m.contact, ...(m.candidates ?? [])])
        .flatMap((c) => [c?.email, c?.email2])
        .filter((e): e is string => Boolean(e)),
    [matches],
  );

  const toggle = (email: string, checked: boolean) =>
    setSelection((s) => {
      const next = new Set(s);
      if (checked) next.add(email);
      else next.delete(email);
      return next;
    });

  const choose = (email: string, contactNo: string) => {
    setChoices((c) => ({ ...c, [email]: contactNo }));
    toggle(email, true);
  };

  const contactCreated = (match: ParticipantMatch, contact: Contact) => {
    setMatches((ms) => ms.map((m) => (m.email === match.email ? matchWithCreated(m, contact) : m)));
    toggle(match.email, true);
    setAnnouncement(i18n.t("contactCreated", { name: contact.name }));
  };

  const submit = async () => {
    const errors = form.validate();
    if (hasErrors(errors)) {
      setAnnouncement(i18n.t("fixErrors"));
      const first = FOCUS_ORDER.find((f) => errors[f]);
      if (first) document.getElementById(fieldId(idPrefix, first))?.focus();
      else if (errors.contacts) document.getElementById(participantsHeadingId)?.focus();
      return;
    }
    setBusy(true);
    setSubmitError(undefined);
    setAnnouncement("");
    const names = new Map(contacts.map((c) => [c.contactNo, c.name]));
    try {
      const logResult = await store.logInteraction({
        correspondence: context.correspondence,
        contacts,
        draft: draftFromValues(form.values),
        user,
      });
      setResult({ result: logResult, names });
      const done = logResult.results.filter((r) => r.status === "logged" || r.status === "alreadyLogged");
      const newEntries = done.flatMap((r) => (r.entry ? [r.entry] : []));
      if (newEntries.length) setAlreadyLogged((prev) => [...prev, ...newEntries]);
      const doneNos = new Set(done.map((r) => r.contactNo));
      setSelection((s) => {
        const next = new Set(s);
        for (const m of matches) {
          const c = m.contact ?? m.candidates?.find((x) => x.contactNo === choices[m.email]);
          if (c && doneNos.has(c.contactNo)) next.delete(m.email);
        }
        return next;
      });
      const loggedCount = logResult.results.filter((r) => r.status === "logged").length;
      setAnnouncement(loggedCount > 0 ? i18n.plural("loggedSummary", loggedCount) : "");
      setHistoryKey((k) => k + 1);
      onLogged();
      requestAnimationFrame(() => resultsHeading.current?.focus());
    } catch (e) {
      setSubmitError(asStoreError(e));
      setAnnouncement(i18n.t("logFailed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <AlreadyLoggedBanner entries={alreadyLogged} />
      <ParticipantList
        matches={matches}
        selection={selection}
        choices={choices}
        loggedNos={loggedNos}
        existingEmails={existingEmails}
        headingId={participantsHeadingId}
        {...(form.errors.contacts ? { error: i18n.validation(form.errors.contacts) } : {})}
        onToggle={toggle}
        onChoose={choose}
        onCreateContact={(c) => store.createContact(c)}
        onContactCreated={contactCreated}
      />
      <LogForm
        idPrefix={idPrefix}
        values={form.values}
        errors={form.errors}
        templates={context.templates}
        groups={context.groups}
        contactCount={contacts.length}
        busy={busy}
        onField={form.setField}
        onTemplate={form.setTemplate}
        onSubmit={() => void submit()}
      />
      <div role="status" aria-live="polite" aria-atomic="true">
        {announcement && !submitError && (
          <MessageBar intent={result ? "success" : "info"}>
            <MessageBarBody>{announcement}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {submitError && (
        <>
          <div role="alert">{i18n.t("logFailed")}</div>
          <ErrorState error={submitError} onRetry={() => void submit()} />
        </>
      )}
      {/* Always mounted, so screen readers announce the per-contact results when they appear. */}
      <div aria-live="polite" aria-relevant="additions text" data-testid="log-results-region">
        {result && <LogResults ref={resultsHeading} results={result.result.results} names={result.names} />}
      </div>
      <HistoryPanel
        store={store}
        contacts={known}
        selected={historyContact}
        onSelect={setHistoryNo}
        refreshKey={historyKey + refreshKey}
        templates={context.templates}
      />
    </>
  );
}

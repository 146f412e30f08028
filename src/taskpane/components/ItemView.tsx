// Everything about one Outlook item: who is on it, the log form, what the last log did, and history. Mounted
// with a key per item load, so a new selection starts from a fresh form.
import { Button, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { Add16Regular } from "@fluentui/react-icons";
import { Suspense, useCallback, useEffect, useId, useMemo, useState, type ReactNode } from "react";
import { companyNameFromSignature } from "../../domain/company-name";
import { domainOf } from "../../domain/matching";
import type {
  EntryChangeResult,
  EntryScope,
  InteractionStorePort,
  ItemContext,
  MailboxPort,
  NewContact,
} from "../../domain/ports";
import type { Contact, ParticipantMatch, UserProfile } from "../../domain/types";
import type { DraftField } from "../../domain/validation";
import { useEntryTotals } from "../hooks/useEntryTotals";
import { useFormStart, useRememberForm } from "../hooks/useFormMemory";
import { useHistory } from "../hooks/useHistory";
import { useKeepContent, type ContentKeeping } from "../hooks/useKeepContent";
import { useLogForm } from "../hooks/useLogForm";
import { useLogSubmission } from "../hooks/useLogSubmission";
import { useParticipantSelection } from "../hooks/useParticipantSelection";
import { canUndo, useUndoLog } from "../hooks/useUndoLog";
import { useI18n } from "../i18n";
import type { FormMemory } from "../model/form-memory";
import type { LogGate } from "../model/log-gate";
import { ContactCard } from "./ContactCard";
import { KeepContentField, KeepContentStatus } from "./content/lazy";
import { EntriesView } from "./EntriesViewLazy";
import { ErrorState } from "./ErrorState";
import { HistoryPanel } from "./HistoryPanel";
import { fieldId, LogForm } from "./LogForm";
import { lazyView } from "./lazy-view";
import { usePaneStyles } from "./Pane.styles";
import { ParticipantList } from "./ParticipantList";

// The per-contact results appear after a log: loaded while the user fills in the form (preloaded on mount).
const LogResults = lazyView(() =>
  import(/* webpackChunkName: "log-results" */ "./LogResults").then((m) => m.LogResults),
);
// "Logged for … on … by …": only for an item logged before, so loaded then.
const AlreadyLoggedBanner = lazyView(() =>
  import(/* webpackChunkName: "already-logged" */ "./AlreadyLoggedBanner").then((m) => m.AlreadyLoggedBanner),
);
// Contacts added from search: only there once the user has added someone, so loaded then.
const AddedContacts = lazyView(() =>
  import(/* webpackChunkName: "contacts" */ "./contacts/AddedContacts").then((m) => m.AddedContacts),
);

export interface ItemViewProps {
  context: ItemContext;
  store: InteractionStorePort;
  /** Logs run through it, so that reading the item again waits for them. */
  logGate?: LogGate;
  /** What the user did in the previous view of the same item (a draft read again), kept for this one. */
  formMemory?: FormMemory;
  user: UserProfile;
  /** Changes when something outside this view (the outbox) may have added history entries. */
  refreshKey?: number;
  /** Called after every log attempt that reached the store (the outbox may have changed). */
  onLogged(): void;
  /** Whether this user sees "Delete canceled entries" in the entries view; everyone by default. */
  canDeleteCanceled?: boolean;
  /** Remembered choices for ambiguous addresses, and the item's body for a new company's name. */
  mailbox?: Pick<MailboxPort, "rememberedChoices" | "rememberChoice" | "readBodyText">;
  /** A contact found by search that joins this item's log; `id` changes with each request. */
  addRequest?: { contact: Contact; id: number };
  /** Opens a contact's own view (a person's company). */
  onOpenContact?(contact: Contact): void;
  /** Keeping the mail with the entry (issue 15); absent where the host cannot read the mail. */
  keeping?: ContentKeeping;
  /** Shown right under the contact card (a draft's "Read the draft again"). */
  afterCard?: ReactNode;
}

export function ItemView({
  context,
  store,
  logGate,
  formMemory,
  user,
  refreshKey = 0,
  onLogged,
  canDeleteCanceled = true,
  mailbox,
  addRequest,
  onOpenContact,
  keeping,
  afterCard,
}: ItemViewProps) {
  const i18n = useI18n();
  const pane = usePaneStyles();
  const idPrefix = useId();
  const participantsHeadingId = `${idPrefix}-participants`;
  const [remembered] = useState(() => mailbox?.rememberedChoices() ?? {});
  const start = useFormStart(context, formMemory);
  const participants = useParticipantSelection(context, remembered, start.carried);
  const [rememberedNow, setRememberedNow] = useState(() => new Set(Object.keys(remembered)));
  const { matches, contacts, known } = participants;
  const form = useLogForm(context, contacts.length, start.values);
  useRememberForm(formMemory, context, start, form.values, participants);
  const fieldElementId = useCallback((f: DraftField) => fieldId(idPrefix, f), [idPrefix]);
  const keep = useKeepContent(context.correspondence, keeping, store);
  const log = useLogSubmission({
    context,
    store,
    ...(logGate ? { gate: logGate } : {}),
    user,
    form,
    participants,
    fieldElementId,
    participantsHeadingId,
    onLogged,
    beforeLog: keep.beforeLog,
    afterLog: (result, request) => void keep.keepAfterLog(result, request),
  });
  // The history shows the paper clip once the content is kept.
  const { bumpHistory } = log;
  const keptPhase = keep.run?.phase;
  useEffect(() => {
    if (keptPhase === "done") bumpHistory();
  }, [keptPhase, bumpHistory]);
  const [historyNo, setHistoryNo] = useState<string | undefined>();
  const historyContact = known.find((c) => c.contactNo === historyNo) ?? contacts[0] ?? known[0];
  const [changesKey, setChangesKey] = useState(0);
  const history = useHistory(store, historyContact, log.historyKey + refreshKey + changesKey);
  const firstPageShown = history.entries.length > 0 || (!history.loading && !history.error);
  const totals = useEntryTotals(
    store,
    historyContact ? { scope: contactScope(historyContact) } : undefined,
    firstPageShown,
    log.historyKey + refreshKey + changesKey,
  );
  // The form folds into one line once the item is logged for everyone selected; "Log another" opens it again.
  const [expanded, setExpanded] = useState(false);
  const finished = participants.loggedNos.size > 0 && contacts.length === 0 && !expanded;
  const [entriesScope, setEntriesScope] = useState<EntryScope | undefined>();

  // After an undo, or entries of this item canceled in the entries view: their contacts can be logged again.
  const undone = useCallback(
    (change: EntryChangeResult) => {
      const ofThisItem = new Set(participants.alreadyLogged.map((e) => e.id));
      const canceled = change.entries.filter((e) => e.canceled && ofThisItem.has(e.id));
      participants.updateLogged(change.entries);
      participants.reselect(new Set(canceled.map((e) => e.contactNo)));
      setExpanded(false);
      setChangesKey((k) => k + 1);
    },
    [participants],
  );
  const undo = useUndoLog(store, log.result?.result, undone);

  const contactCreated = (match: ParticipantMatch, contact: Contact) => {
    participants.contactCreated(match, contact);
    log.setAnnouncement(i18n.t("contactCreated", { name: contact.name }));
  };

  const contactLinked = (match: ParticipantMatch, contact: Contact) => {
    participants.contactCreated(match, contact);
    log.setAnnouncement(i18n.t("contactLinked", { address: match.email, name: contact.name }));
  };

  // The user's choice for an ambiguous address is remembered (roaming settings), and can be changed here.
  const choose = (email: string, contactNo: string) => {
    participants.choose(email, contactNo);
    if (!mailbox) return;
    setRememberedNow((s) => new Set([...s, email]));
    mailbox.rememberChoice(email, contactNo).catch(() => undefined);
  };

  const createContact = (contact: NewContact, newCompany?: NewContact) =>
    newCompany
      ? store.createPersonWithCompany(contact, newCompany).then((r) => r.person)
      : store.createContact(contact);

  const suggestCompanyName = useMemo(
    () =>
      mailbox
        ? async () => {
            const from = context.matches.find((m) => m.status === "unknown");
            return companyNameFromSignature(await mailbox.readBodyText(), domainOf(from?.email ?? ""));
          }
        : undefined,
    [mailbox, context.matches],
  );

  const { addContact } = participants;
  const { setAnnouncement } = log;
  const addedId = addRequest?.id;
  useEffect(() => {
    if (!addRequest) return;
    addContact(addRequest.contact);
    setAnnouncement(i18n.t("addedToLog", { name: addRequest.contact.name }));
    // Only a new request (a new id) adds.
  }, [addedId]);

  useEffect(() => {
    // Failing here is not fatal: rendering the results tries again.
    LogResults.preload().catch(() => undefined);
  }, []);
  useEffect(() => {
    if (keep.applicable) KeepContentField.preload().catch(() => undefined);
  }, [keep.applicable]);

  const submit = () => {
    setExpanded(false);
    void log.submit();
  };

  if (entriesScope && historyContact)
    return (
      <Suspense fallback={<Spinner label={i18n.t("loading")} />}>
        <EntriesView
          store={store}
          user={user}
          initialScope={entriesScope}
          contact={historyContact}
          templates={context.templates}
          groups={context.groups}
          canDeleteCanceled={canDeleteCanceled}
          onBack={(changed) => {
            setEntriesScope(undefined);
            if (changed.length) undone({ entries: changed });
            else setChangesKey((k) => k + 1);
          }}
        />
      </Suspense>
    );

  return (
    <>
      <ContactCard
        contacts={known}
        selected={historyContact}
        onSelect={setHistoryNo}
        history={history}
        totals={totals.state}
        onRetryTotals={totals.retry}
      />
      {afterCard}
      {participants.alreadyLogged.some((e) => !e.canceled) && (
        <Suspense fallback={null}>
          <AlreadyLoggedBanner entries={participants.alreadyLogged} />
        </Suspense>
      )}
      {!finished && (
        <>
          <ParticipantList
            matches={matches}
            selection={participants.selection}
            choices={participants.choices}
            loggedNos={participants.loggedNos}
            existingEmails={participants.existingEmails}
            headingId={participantsHeadingId}
            {...(form.errors.contacts ? { error: i18n.validation(form.errors.contacts) } : {})}
            onToggle={participants.toggle}
            onChoose={choose}
            onCreateContact={createContact}
            onContactCreated={contactCreated}
            remembered={rememberedNow}
            linkStore={store}
            onLinked={contactLinked}
            {...(onOpenContact ? { onOpenContact } : {})}
            {...(suggestCompanyName ? { suggestCompanyName } : {})}
            locked={log.busy}
          />
          {participants.added.length > 0 && (
            <Suspense fallback={null}>
              <AddedContacts
                contacts={participants.added}
                selection={participants.selection}
                onToggle={participants.toggle}
                onRemove={participants.removeContact}
                locked={log.busy}
              />
            </Suspense>
          )}
          <LogForm
            idPrefix={idPrefix}
            values={form.values}
            errors={form.errors}
            templates={context.templates}
            groups={context.groups}
            contactCount={contacts.length}
            busy={log.busy}
            onField={form.setField}
            onTemplate={form.setTemplate}
            onSubmit={submit}
            {...(keep.applicable
              ? {
                  extra: (
                    <Suspense fallback={null}>
                      <KeepContentField keep={keep} />
                    </Suspense>
                  ),
                }
              : {})}
          />
        </>
      )}
      <div role="status" aria-live="polite" aria-atomic="true">
        {log.announcement && !log.error && (
          <MessageBar intent={log.result ? "success" : "info"}>
            <MessageBarBody>{log.announcement}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {log.error && (
        <>
          <div role="alert">{i18n.t("logFailed")}</div>
          <ErrorState error={log.error} onRetry={() => void log.submit()} />
        </>
      )}
      {/* Always mounted, so screen readers announce the per-contact results when they appear. */}
      <div aria-live="polite" aria-relevant="additions text" data-testid="log-results-region">
        {log.result && (
          <Suspense fallback={null}>
            <LogResults
              ref={log.resultsHeading}
              results={log.result.result.results}
              names={log.result.names}
              {...(canUndo(log.result.result) ? { undo: { state: undo.state, onUndo: undo.undo } } : {})}
            />
          </Suspense>
        )}
      </div>
      <div role="status" aria-live="polite" data-testid="keep-status-region">
        {keep.run && (
          <Suspense fallback={null}>
            <KeepContentStatus run={keep.run} onRetry={keep.retry} />
          </Suspense>
        )}
      </div>
      {finished && (
        <div className={pane.oneLine}>
          <Button
            size="small"
            icon={<Add16Regular />}
            onClick={() => {
              setExpanded(true);
              requestAnimationFrame(() => document.getElementById(participantsHeadingId)?.focus());
            }}
          >
            {i18n.t("logAnother")}
          </Button>
        </div>
      )}
      <HistoryPanel
        selected={historyContact}
        history={history}
        templates={context.templates}
        onOpenEntries={() => historyContact && setEntriesScope(contactScope(historyContact))}
      />
    </>
  );
}

function contactScope(c: Contact): EntryScope {
  return { kind: "contact", contactNo: c.contactNo, isCompany: c.type === "Company" };
}

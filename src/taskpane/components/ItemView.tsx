// Everything about one Outlook item: who is on it, the log form, what the last log did, and history. Mounted
// with a key per item load, so a new selection starts from a fresh form.
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useCallback, useId, useState } from "react";
import type { InteractionStorePort, ItemContext } from "../../domain/ports";
import type { Contact, ParticipantMatch, UserProfile } from "../../domain/types";
import type { DraftField } from "../../domain/validation";
import { useLogForm } from "../hooks/useLogForm";
import { useLogSubmission } from "../hooks/useLogSubmission";
import { useParticipantSelection } from "../hooks/useParticipantSelection";
import { useI18n } from "../i18n";
import { AlreadyLoggedBanner } from "./AlreadyLoggedBanner";
import { ErrorState } from "./ErrorState";
import { HistoryPanel } from "./HistoryPanel";
import { fieldId, LogForm } from "./LogForm";
import { LogResults } from "./LogResults";
import { ParticipantList } from "./ParticipantList";

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
  const participants = useParticipantSelection(context);
  const { matches, contacts, known } = participants;
  const form = useLogForm(context, contacts.length);
  const fieldElementId = useCallback((f: DraftField) => fieldId(idPrefix, f), [idPrefix]);
  const log = useLogSubmission({
    context,
    store,
    user,
    form,
    participants,
    fieldElementId,
    participantsHeadingId,
    onLogged,
  });
  const [historyNo, setHistoryNo] = useState<string | undefined>();
  const historyContact = known.find((c) => c.contactNo === historyNo) ?? contacts[0] ?? known[0];

  const contactCreated = (match: ParticipantMatch, contact: Contact) => {
    participants.contactCreated(match, contact);
    log.setAnnouncement(i18n.t("contactCreated", { name: contact.name }));
  };

  return (
    <>
      <AlreadyLoggedBanner entries={participants.alreadyLogged} />
      <ParticipantList
        matches={matches}
        selection={participants.selection}
        choices={participants.choices}
        loggedNos={participants.loggedNos}
        existingEmails={participants.existingEmails}
        headingId={participantsHeadingId}
        {...(form.errors.contacts ? { error: i18n.validation(form.errors.contacts) } : {})}
        onToggle={participants.toggle}
        onChoose={participants.choose}
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
        busy={log.busy}
        onField={form.setField}
        onTemplate={form.setTemplate}
        onSubmit={() => void log.submit()}
      />
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
          <LogResults ref={log.resultsHeading} results={log.result.result.results} names={log.result.names} />
        )}
      </div>
      <HistoryPanel
        store={store}
        contacts={known}
        selected={historyContact}
        onSelect={setHistoryNo}
        refreshKey={log.historyKey + refreshKey}
        templates={context.templates}
      />
    </>
  );
}

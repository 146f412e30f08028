// "New interaction" for a found contact without an Outlook item: a call, a visit or a letter. The template
// defaults from the set-up's Outgoing Calls, the date is now; the results say what was stored.
import { Button, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useId } from "react";
import type { InteractionStorePort } from "../../../domain/ports";
import type { Contact, UserProfile } from "../../../domain/types";
import { useManualLog } from "../../hooks/useManualLog";
import { useI18n } from "../../i18n";
import { ErrorState } from "../ErrorState";
import { fieldId, LogForm } from "../LogForm";
import { LogResults } from "../LogResults";
import { usePaneStyles } from "../Pane.styles";

export interface ManualLogFormProps {
  store: InteractionStorePort;
  user: UserProfile;
  contact: Contact;
  onLogged(): void;
  onClose(): void;
}

export function ManualLogForm({ store, user, contact, onLogged, onClose }: ManualLogFormProps) {
  const i18n = useI18n();
  const pane = usePaneStyles();
  const idPrefix = useId();
  const log = useManualLog(store, user, contact);

  if (log.loadError) return <ErrorState error={log.loadError} onRetry={log.reload} />;
  if (!log.reference || !log.values) return <Spinner size="tiny" label={i18n.t("loading")} />;

  const submit = async () => {
    const invalid = await log.submit();
    if (invalid) document.getElementById(fieldId(idPrefix, invalid))?.focus();
    else onLogged();
  };
  const logged = log.result?.results.some((r) => r.status === "logged" || r.status === "queued");

  return (
    <section className={pane.section} aria-label={i18n.t("newInteractionFor", { name: contact.name })}>
      {!log.result ? (
        <LogForm
          idPrefix={idPrefix}
          values={log.values}
          errors={log.errors}
          templates={log.reference.templates}
          groups={log.reference.groups}
          contactCount={1}
          busy={log.busy}
          onField={log.setField}
          onTemplate={log.setTemplate}
          onSubmit={() => void submit()}
        />
      ) : (
        <>
          <div role="status">
            {logged && (
              <MessageBar intent="success">
                <MessageBarBody>{i18n.plural("loggedSummary", 1)}</MessageBarBody>
              </MessageBar>
            )}
          </div>
          <LogResults results={log.result.results} names={new Map([[contact.contactNo, contact.name]])} />
          <div className={pane.actions}>
            <Button onClick={onClose}>{i18n.t("done")}</Button>
          </div>
        </>
      )}
      {log.error && <ErrorState error={log.error} onRetry={() => void submit()} />}
      {!log.result && (
        <div className={pane.actions}>
          <Button onClick={onClose} disabled={log.busy}>
            {i18n.t("cancel")}
          </Button>
        </div>
      )}
    </section>
  );
}

// A found contact's recent interactions, newest first; a company's include its persons' entries.
import { Button, Spinner } from "@fluentui/react-components";
import { useId } from "react";
import type { InteractionStorePort } from "../../../domain/ports";
import type { Contact, InteractionTemplate } from "../../../domain/types";
import { useHistory } from "../../hooks/useHistory";
import { useI18n } from "../../i18n";
import { ErrorState } from "../ErrorState";
import { usePaneStyles } from "../Pane.styles";
import { useContactsStyles } from "./contacts.styles";

export interface ContactHistoryProps {
  store: InteractionStorePort;
  contact: Contact;
  templates: InteractionTemplate[];
  refreshKey: number;
}

export function ContactHistory({ store, contact, templates, refreshKey }: ContactHistoryProps) {
  const i18n = useI18n();
  const pane = usePaneStyles();
  const styles = useContactsStyles();
  const headingId = useId();
  const history = useHistory(store, contact, refreshKey);
  return (
    <section className={pane.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={pane.heading}>
        {i18n.t(contact.type === "Company" ? "companyHistoryHeading" : "historyHeading")}
      </h3>
      {history.error && <ErrorState error={history.error} onRetry={history.retry} />}
      {!history.loading && !history.error && history.entries.length === 0 && (
        <p className={pane.muted}>{i18n.t("historyEmpty")}</p>
      )}
      {history.entries.length > 0 && (
        <ul className={pane.list} aria-labelledby={headingId}>
          {history.entries.map((e, i) => (
            <li key={e.id ?? `${e.dedupeKey}-${i}`} data-testid="contact-history-entry">
              <span className={styles.name}>{e.description}</span>
              <br />
              <span className={styles.secondary}>
                {[
                  i18n.formatDateTime(e.interactionDate),
                  e.contactName && e.contactNo !== contact.contactNo ? e.contactName : "",
                  templates.find((t) => t.code === e.templateCode)?.description ?? e.templateCode,
                  e.canceled ? i18n.t("canceled") : "",
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </li>
          ))}
        </ul>
      )}
      {history.loading && <Spinner size="tiny" label={i18n.t("loading")} />}
      {history.hasMore && !history.loading && (
        <Button size="small" onClick={history.loadMore}>
          {i18n.t("loadMore")}
        </Button>
      )}
    </section>
  );
}

// A contact's most recent interactions, newest first, a page at a time; the full entries view (filters, exact
// statistics, cancel and edit) opens from here.
import { Badge, Button, mergeClasses, Spinner } from "@fluentui/react-components";
import { ArrowDownLeft16Regular, ArrowUpRight16Regular, List16Regular } from "@fluentui/react-icons";
import { Suspense, useId } from "react";
import type { Contact, InteractionLogEntry, InteractionTemplate } from "../../domain/types";
import type { HistoryState } from "../hooks/useHistory";
import { useI18n } from "../i18n";
import { KeptToggle } from "./content/lazy";
import { ErrorState } from "./ErrorState";
import { EVALUATION_KEYS } from "./LogForm";
import { useHistoryStyles } from "./HistoryPanel.styles";
import { usePaneStyles } from "./Pane.styles";

export interface HistoryPanelProps {
  selected: Contact | undefined;
  history: HistoryState;
  templates: InteractionTemplate[];
  /** Opens the entries view for the contact in view. */
  onOpenEntries(): void;
}

export function HistoryPanel({ selected, history, templates, onOpenEntries }: HistoryPanelProps) {
  const i18n = useI18n();
  const pane = usePaneStyles();
  const headingId = useId();

  return (
    <section className={pane.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={pane.heading}>
        {i18n.t("historyHeading")}
        {selected ? ` — ${selected.name}` : ""}
      </h2>
      {!selected ? (
        <p className={pane.muted}>{i18n.t("historyNoContact")}</p>
      ) : (
        <>
          {history.error && <ErrorState error={history.error} onRetry={history.retry} />}
          {!history.loading && !history.error && history.entries.length === 0 && (
            <p className={pane.muted}>{i18n.t("historyEmpty")}</p>
          )}
          {history.entries.length > 0 && (
            <ul className={pane.list} aria-labelledby={headingId}>
              {history.entries.map((e, i) => (
                <HistoryRow key={e.id ?? `${e.dedupeKey}-${i}`} entry={e} templates={templates} />
              ))}
            </ul>
          )}
          {history.loading && <Spinner size="tiny" label={i18n.t("loading")} />}
          <div className={pane.actions}>
            {history.hasMore && !history.loading && (
              <Button onClick={history.loadMore}>{i18n.t("loadMore")}</Button>
            )}
            <Button icon={<List16Regular />} onClick={onOpenEntries}>
              {i18n.t("openEntries")}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

function HistoryRow({ entry, templates }: { entry: InteractionLogEntry; templates: InteractionTemplate[] }) {
  const i18n = useI18n();
  const styles = useHistoryStyles();
  const pane = usePaneStyles();
  const template = templates.find((t) => t.code === entry.templateCode);
  const kept = !!(entry.documentUrl || entry.bodyExcerpt);
  const direction =
    entry.informationFlow === "Outbound"
      ? { icon: <ArrowUpRight16Regular aria-hidden />, text: i18n.t("directionOutbound") }
      : entry.informationFlow === "Inbound"
        ? { icon: <ArrowDownLeft16Regular aria-hidden />, text: i18n.t("directionInbound") }
        : { icon: null, text: i18n.t("directionNone") };
  return (
    <li className={styles.entry} data-testid="history-entry">
      <div className={styles.line}>
        {direction.icon}
        <span className={pane.visuallyHidden}>{direction.text}</span>
        <span className={mergeClasses(styles.description, entry.canceled && styles.canceled)}>
          {entry.description}
        </span>
        {entry.canceled && (
          <Badge appearance="outline" color="subtle">
            {i18n.t("canceled")}
          </Badge>
        )}
        {entry.attemptFailed && (
          <Badge appearance="tint" color="warning">
            {i18n.t("attemptFailedShort")}
          </Badge>
        )}
      </div>
      <div className={styles.meta}>
        {[
          i18n.formatDateTime(entry.interactionDate),
          template?.description || entry.templateCode,
          entry.evaluation ? i18n.t(EVALUATION_KEYS[entry.evaluation]) : "",
          i18n.t("byUser", { user: entry.userId }),
        ]
          .filter(Boolean)
          .join(" · ")}
      </div>
      {kept && (
        <Suspense fallback={null}>
          <KeptToggle entry={entry} />
        </Suspense>
      )}
    </li>
  );
}

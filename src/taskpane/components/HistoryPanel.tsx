// A contact's logged interactions, newest first, with statistics over what has been loaded so far.
import { Badge, Button, Field, Select, Spinner } from "@fluentui/react-components";
import { ArrowDownLeft16Regular, ArrowUpRight16Regular } from "@fluentui/react-icons";
import { useId } from "react";
import type { InteractionStorePort } from "../../domain/ports";
import { computeStatistics } from "../../domain/statistics";
import type { Contact, InteractionLogEntry, InteractionTemplate } from "../../domain/types";
import { useHistory } from "../hooks/useHistory";
import { useI18n } from "../i18n";
import { ErrorState } from "./ErrorState";
import { EVALUATION_KEYS } from "./LogForm";
import { useHistoryStyles } from "./HistoryPanel.styles";
import { usePaneStyles } from "./Pane.styles";

export interface HistoryPanelProps {
  store: InteractionStorePort;
  contacts: Contact[];
  selected: Contact | undefined;
  onSelect(contactNo: string): void;
  refreshKey: number;
  templates: InteractionTemplate[];
}

export function HistoryPanel({
  store,
  contacts,
  selected,
  onSelect,
  refreshKey,
  templates,
}: HistoryPanelProps) {
  const i18n = useI18n();
  const pane = usePaneStyles();
  const styles = useHistoryStyles();
  const headingId = useId();
  const history = useHistory(store, selected, refreshKey);
  const stats = computeStatistics(history.entries);

  return (
    <section className={pane.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={pane.heading}>
        {i18n.t("historyHeading")}
        {selected && contacts.length <= 1 ? ` — ${selected.name}` : ""}
      </h2>
      {!selected ? (
        <p className={pane.muted}>{i18n.t("historyNoContact")}</p>
      ) : (
        <>
          {contacts.length > 1 && (
            <Field label={i18n.t("historyContact")}>
              <Select value={selected.contactNo} onChange={(_, d) => onSelect(d.value)}>
                {contacts.map((c) => (
                  <option key={c.contactNo} value={c.contactNo}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {history.entries.length > 0 && (
            <div>
              <div className={styles.caption}>{i18n.plural("statisticsLabel", history.entries.length)}</div>
              <dl className={styles.stats}>
                <div className={styles.stat}>
                  <dt className={styles.statLabel}>{i18n.t("statCount")}</dt>
                  <dd className={styles.statValue}>{i18n.formatNumber(stats.count)}</dd>
                </div>
                <div className={styles.stat}>
                  <dt className={styles.statLabel}>{i18n.t("statCost")}</dt>
                  <dd className={styles.statValue}>{i18n.formatNumber(stats.costLCY, 2)}</dd>
                </div>
                <div className={styles.stat}>
                  <dt className={styles.statLabel}>{i18n.t("statDuration")}</dt>
                  <dd className={styles.statValue}>{i18n.formatNumber(stats.durationMin)}</dd>
                </div>
              </dl>
            </div>
          )}
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
          {history.hasMore && !history.loading && (
            <Button onClick={history.loadMore}>{i18n.t("loadMore")}</Button>
          )}
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
        <span className={entry.canceled ? `${styles.description} ${styles.canceled}` : styles.description}>
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
    </li>
  );
}

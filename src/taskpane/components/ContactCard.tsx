// Who this item is about, at the top of the pane: the contact in view (a choice when there are several), its
// company, its last interaction and its exact totals.
import { Field, Select } from "@fluentui/react-components";
import { useId } from "react";
import type { Contact } from "../../domain/types";
import type { TotalsState } from "../hooks/useEntryTotals";
import type { HistoryState } from "../hooks/useHistory";
import { useI18n } from "../i18n";
import { useContactCardStyles } from "./ContactCard.styles";
import { usePaneStyles } from "./Pane.styles";
import { TotalsLine } from "./TotalsLine";

export interface ContactCardProps {
  contacts: Contact[];
  selected: Contact | undefined;
  onSelect(contactNo: string): void;
  history: HistoryState;
  totals: TotalsState;
  onRetryTotals(): void;
}

export function ContactCard({
  contacts,
  selected,
  onSelect,
  history,
  totals,
  onRetryTotals,
}: ContactCardProps) {
  const i18n = useI18n();
  const pane = usePaneStyles();
  const styles = useContactCardStyles();
  const headingId = useId();
  if (!selected) return null;
  const last = history.entries.find((e) => !e.canceled);
  const company = selected.type === "Person" ? selected.companyName : i18n.t("contactTypeCompany");
  return (
    <section className={styles.card} aria-labelledby={headingId} data-testid="contact-card">
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
      <div>
        <h2 id={headingId} className={pane.heading}>
          {selected.name}
        </h2>
        {company && <div className={styles.secondary}>{company}</div>}
      </div>
      <div className={styles.secondary} data-testid="last-interaction">
        {last
          ? i18n.t("lastInteraction", {
              date: i18n.formatDateTime(last.interactionDate),
              description: last.description,
            })
          : history.loading
            ? i18n.t("loading")
            : i18n.t("lastInteractionNone")}
      </div>
      <TotalsLine
        state={totals}
        onRetry={onRetryTotals}
        label={i18n.t("totalsLabel", { name: selected.name })}
      />
    </section>
  );
}

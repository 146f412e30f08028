// Exact statistics as Business Central's contact statistics show them: interactions, cost, duration; a visible
// "counting…" while the store adds them up.
import { Button, Spinner } from "@fluentui/react-components";
import type { TotalsState } from "../hooks/useEntryTotals";
import { useI18n } from "../i18n";
import { useTotalsStyles } from "./TotalsLine.styles";

export function TotalsLine({
  state,
  onRetry,
  label,
}: {
  state: TotalsState;
  onRetry(): void;
  label: string;
}) {
  const i18n = useI18n();
  const styles = useTotalsStyles();
  if (state.status === "idle") return null;
  if (state.status === "counting")
    return (
      <div role="status" className={styles.counting}>
        <Spinner size="extra-tiny" label={i18n.t("counting")} labelPosition="after" />
      </div>
    );
  if (state.status === "error")
    return (
      <div role="alert" className={styles.counting}>
        {i18n.t("countFailed")}{" "}
        <Button size="small" onClick={onRetry}>
          {i18n.t("retry")}
        </Button>
      </div>
    );
  const { totals } = state;
  return (
    <dl className={styles.stats} aria-label={label} data-testid="entry-totals">
      <div className={styles.stat}>
        <dt className={styles.label}>{i18n.t("statCount")}</dt>
        <dd className={styles.value}>{i18n.formatNumber(totals.count)}</dd>
      </div>
      <div className={styles.stat}>
        <dt className={styles.label}>{i18n.t("statCost")}</dt>
        <dd className={styles.value}>{i18n.formatNumber(totals.costLCY, 2)}</dd>
      </div>
      <div className={styles.stat}>
        <dt className={styles.label}>{i18n.t("statDuration")}</dt>
        <dd className={styles.value}>{i18n.formatNumber(totals.durationMin)}</dd>
      </div>
    </dl>
  );
}

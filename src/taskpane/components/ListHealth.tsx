// Administrator-facing: what is wrong with the SharePoint lists and how to fix it, and the report of "Set up
// SharePoint lists", warnings included. Loaded on demand by ListCheck, only when there is something to show.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { ListWarning, ProvisionSummary } from "../../domain/ports";
import { useI18n, type Translator } from "../i18n";
import { usePaneStyles } from "./Pane.styles";

export interface ListHealthProps {
  /** What the once-per-start check found. */
  warnings: ListWarning[];
  /** The last "Set up SharePoint lists" report, if any. */
  report?: ProvisionSummary;
  onDismissReport(): void;
  /** Runs the set-up again (it may fix what is reported). */
  onProvision(): void;
  provisioning: boolean;
}

function describe(i18n: Translator, w: ListWarning): string[] {
  const p = { list: w.list, column: w.column };
  const lines =
    w.problem === "notUnique"
      ? [i18n.t("listWarningNotUnique", p), i18n.t("listFixUnique", p)]
      : w.problem === "missing"
        ? [i18n.t("listWarningMissing", p), i18n.t("listFixMissing", p)]
        : [i18n.t("listWarningNotIndexed", p), i18n.t("listFixIndex", p)];
  if (w.detail) lines.push(i18n.t("listWarningDetail", { detail: w.detail }));
  return lines;
}

function Warnings({ warnings }: { warnings: ListWarning[] }) {
  const i18n = useI18n();
  const styles = usePaneStyles();
  return (
    <ul className={styles.list}>
      {warnings.map((w) => (
        <li key={`${w.list}/${w.column}/${w.problem}`}>
          {describe(i18n, w).map((line, k) => (
            <div key={k} className={k === 0 ? undefined : styles.details}>
              {line}
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}

export default function ListHealth({
  warnings,
  report,
  onDismissReport,
  onProvision,
  provisioning,
}: ListHealthProps) {
  const i18n = useI18n();

  // A set-up run answers the check anew: what it could not fix is in its report.
  const shown = report ? [] : warnings;
  return (
    <>
      {shown.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="list-warnings">
          <MessageBarBody>
            <MessageBarTitle>{i18n.t("listWarningsHeading")}</MessageBarTitle>
            <Warnings warnings={shown} />
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onProvision} disabled={provisioning}>
              {provisioning ? i18n.t("provisioning") : i18n.t("provisionLists")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {report && (
        <MessageBar
          intent={report.listWarnings.length ? "warning" : "success"}
          layout="multiline"
          data-testid="provision-report"
        >
          <MessageBarBody>
            <MessageBarTitle>{i18n.t("provisionReportHeading")}</MessageBarTitle>
            <div>
              {[
                i18n.plural("provisionReportLists", report.createdLists.length),
                i18n.plural("provisionReportColumns", report.addedColumns.length),
                i18n.plural("provisionReportIndexes", report.indexedColumns.length),
              ].join(" · ")}
            </div>
            {report.listWarnings.length > 0 && (
              <>
                <div>{i18n.t("provisionReportWarnings")}</div>
                <Warnings warnings={report.listWarnings} />
              </>
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onDismissReport}>{i18n.t("dismiss")}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}

// What happened for each contact of the last log action.
import { Badge } from "@fluentui/react-components";
import { forwardRef } from "react";
import type { ContactLogResult, ContactLogStatus } from "../../domain/ports";
import { useI18n } from "../i18n";
import { usePaneStyles } from "./Pane.styles";

const COLORS: Record<ContactLogStatus, "success" | "informative" | "warning" | "danger"> = {
  logged: "success",
  alreadyLogged: "informative",
  queued: "warning",
  failed: "danger",
};

export interface LogResultsProps {
  results: ContactLogResult[];
  /** ContactNo → display name. */
  names: Map<string, string>;
}

export const LogResults = forwardRef<HTMLHeadingElement, LogResultsProps>(function LogResults(
  { results, names },
  headingRef,
) {
  const i18n = useI18n();
  const pane = usePaneStyles();
  const label = (r: ContactLogResult): string => {
    switch (r.status) {
      case "logged":
        return i18n.t("resultLogged");
      case "alreadyLogged":
        return i18n.t("resultAlreadyLogged");
      case "queued":
        return i18n.t("resultQueued");
      case "failed":
        return i18n.t("resultFailed", {
          message: r.error
            ? `${i18n.storeError(r.error.kind)} ${r.error.message}`.trim()
            : i18n.t("errorUnknown"),
        });
    }
  };
  return (
    <section className={pane.section} aria-labelledby="log-results-heading">
      <h2 id="log-results-heading" ref={headingRef} tabIndex={-1} className={pane.heading}>
        {i18n.t("resultsHeading")}
      </h2>
      <ul className={pane.list}>
        {results.map((r) => (
          <li key={r.contactNo} data-testid={`log-result-${r.contactNo}`}>
            <span>{names.get(r.contactNo) ?? r.contactNo}</span>{" "}
            <Badge appearance="tint" color={COLORS[r.status]}>
              {label(r)}
            </Badge>
          </li>
        ))}
      </ul>
    </section>
  );
});

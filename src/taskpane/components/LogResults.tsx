// What happened for each contact of the last log action.
import { Badge, Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { ArrowUndo16Regular } from "@fluentui/react-icons";
import { forwardRef } from "react";
import type { ContactLogResult, ContactLogStatus } from "../../domain/ports";
import type { UndoState } from "../hooks/useUndoLog";
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
  /** Offered when the log wrote entries: cancels them (segment included). */
  undo?: { state: UndoState; onUndo(): void };
}

export const LogResults = forwardRef<HTMLHeadingElement, LogResultsProps>(function LogResults(
  { results, names, undo },
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
      {undo && undo.state.status !== "done" && (
        <div className={pane.actions}>
          <Button icon={<ArrowUndo16Regular />} disabled={undo.state.status === "busy"} onClick={undo.onUndo}>
            {undo.state.status === "busy" ? i18n.t("undoing") : i18n.t("undo")}
          </Button>
        </div>
      )}
      <div role="status">
        {undo?.state.status === "done" && (
          <MessageBar intent="success">
            <MessageBarBody>
              {undo.state.queued ? i18n.t("undoQueued") : i18n.plural("undone", undo.state.count)}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {undo?.state.status === "error" && (
        <div role="alert">
          <MessageBar intent="error">
            <MessageBarBody>
              {i18n.t("undoFailed", { message: i18n.storeError(undo.state.error.kind) })}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
    </section>
  );
});

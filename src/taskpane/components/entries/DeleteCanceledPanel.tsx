// Delete Canceled Interaction Log Entries: filters (contact, date range, group, template), a dry run that says
// how many, progress while deleting (it can be stopped; running again finishes the job), the count at the end.
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import type { InteractionStorePort } from "../../../domain/ports";
import type { InteractionGroup, InteractionTemplate } from "../../../domain/types";
import { useDeleteCanceled } from "../../hooks/useDeleteCanceled";
import { useI18n } from "../../i18n";
import { EMPTY_FILTER, toDeleteFilter, type FilterValues } from "../../model/entry-filter-values";
import { usePaneStyles } from "../Pane.styles";
import { useEntriesStyles } from "./EntriesView.styles";
import { EntryFilters } from "./EntryFilters";

export interface DeleteCanceledPanelProps {
  store: InteractionStorePort;
  /** The contact in view: the contact filter starts with it. */
  contactNo: string;
  /** Set when the contact in view is a company: its persons' entries are included (as its view shows them). */
  company?: { contactNo: string; name: string };
  templates: InteractionTemplate[];
  groups: InteractionGroup[];
  onDeleted(): void;
  onClose(): void;
}

export function DeleteCanceledPanel(props: DeleteCanceledPanelProps) {
  const { store, templates, groups, onDeleted, onClose } = props;
  const i18n = useI18n();
  const styles = useEntriesStyles();
  const pane = usePaneStyles();
  const headingId = useId();
  const [contactNo, setContactNo] = useState(props.contactNo);
  const [withPersons, setWithPersons] = useState(true);
  const company = props.company;
  const companyInFilter =
    !!company && contactNo.trim().toUpperCase() === company.contactNo.trim().toUpperCase();
  const [values, setValues] = useState<FilterValues>(EMPTY_FILTER);
  const job = useDeleteCanceled(store, onDeleted);
  const { state } = job;
  const filter = toDeleteFilter({
    contactNo,
    ...(companyInFilter && withPersons ? { withPersonsOf: company.contactNo } : {}),
    ...values,
  });
  const working = state.phase === "counting" || state.phase === "deleting";
  const change = (next: () => void) => {
    next();
    job.reset();
  };

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h3 id={headingId} className={pane.heading}>
        {i18n.t("deleteCanceledHeading")}
      </h3>
      <p className={pane.muted}>{i18n.t("deleteCanceledHint")}</p>
      <Field label={i18n.t("deleteContactNo")} hint={i18n.t("deleteContactNoHint")}>
        <Input
          value={contactNo}
          disabled={working}
          onChange={(_, d) => change(() => setContactNo(d.value))}
        />
      </Field>
      {companyInFilter && (
        <Checkbox
          checked={withPersons}
          disabled={working}
          label={i18n.t("deleteWithPersons", { name: company.name })}
          onChange={(_, d) => change(() => setWithPersons(d.checked === true))}
        />
      )}
      <EntryFilters
        values={values}
        templates={templates}
        groups={groups}
        showIncludeCanceled={false}
        onChange={(v) => change(() => setValues(v))}
      />
      <div role="status" aria-live="polite">
        {state.phase === "counted" && (
          <MessageBar intent={state.count ? "warning" : "info"}>
            <MessageBarBody>{i18n.plural("deleteDryRun", state.count)}</MessageBarBody>
          </MessageBar>
        )}
        {state.phase === "done" && (
          <MessageBar intent="success">
            <MessageBarBody>
              {i18n.plural("deleteDone", state.result.deleted, {
                segments: i18n.formatNumber(state.result.segmentsDeleted),
              })}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.phase === "stopped" && (
          <MessageBar intent="warning">
            <MessageBarBody>
              {i18n.t("deleteStopped", {
                deleted: i18n.formatNumber(state.deleted),
                total: i18n.formatNumber(state.total),
              })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {state.phase === "error" && (
        <div role="alert">
          <MessageBar intent="error">
            <MessageBarBody>
              {i18n.t("deleteFailed", {
                deleted: i18n.formatNumber(state.deleted),
                message: i18n.storeError(state.error.kind),
              })}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
      {state.phase === "deleting" && (
        <Field
          label={i18n.t("deleteProgress", {
            deleted: i18n.formatNumber(state.deleted),
            total: i18n.formatNumber(state.total),
          })}
        >
          <ProgressBar value={state.total ? state.deleted / state.total : 0} thickness="large" />
        </Field>
      )}
      <div className={styles.actions}>
        {state.phase === "counted" && state.count > 0 && (
          <Button appearance="primary" onClick={() => void job.run(filter, state.count)}>
            {i18n.plural("deleteRun", state.count)}
          </Button>
        )}
        {state.phase === "deleting" ? (
          <Button onClick={job.stop}>{i18n.t("deleteStop")}</Button>
        ) : (
          <Button disabled={working} onClick={() => void job.count(filter)}>
            {state.phase === "stopped" || state.phase === "error"
              ? i18n.t("deleteAgain")
              : i18n.t("deleteCount")}
          </Button>
        )}
        <Button disabled={working} onClick={onClose}>
          {i18n.t("close")}
        </Button>
      </div>
    </section>
  );
}

// The interaction to log: template, description, when, direction, outcome, cost and duration.
import { Button, Checkbox, Field, Input, Select, Spinner, Textarea } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { DESCRIPTION_MAX } from "../../domain/template-defaults";
import {
  CORRESPONDENCE_TYPES,
  EVALUATIONS,
  INFORMATION_FLOWS,
  INITIATED_BY,
  type CorrespondenceType,
  type Evaluation,
  type InformationFlow,
  type InitiatedBy,
  type InteractionGroup,
  type InteractionTemplate,
} from "../../domain/types";
import type { DraftField, FieldErrors, ValidationMessage } from "../../domain/validation";
import type { EditableField } from "../hooks/useLogForm";
import { useI18n, type MessageKey } from "../i18n";
import type { LogFormValues } from "../model/log-form-values";
import { useLogFormStyles } from "./LogForm.styles";
import { usePaneStyles } from "./Pane.styles";

type ChoiceField = Extract<
  EditableField,
  "informationFlow" | "initiatedBy" | "evaluation" | "correspondenceType"
>;

export const FLOW_KEYS: Record<InformationFlow, MessageKey> = {
  Outbound: "flowOutbound",
  Inbound: "flowInbound",
};
export const INITIATED_KEYS: Record<InitiatedBy, MessageKey> = { Us: "initiatedUs", Them: "initiatedThem" };
export const EVALUATION_KEYS: Record<Evaluation, MessageKey> = {
  "Very Positive": "evalVeryPositive",
  Positive: "evalPositive",
  Neutral: "evalNeutral",
  Negative: "evalNegative",
  "Very Negative": "evalVeryNegative",
};
export const CORRESPONDENCE_KEYS: Record<CorrespondenceType, MessageKey> = {
  Email: "corrEmail",
  "Hard Copy": "corrHardCopy",
  Meeting: "corrMeeting",
  "Phone Call": "corrPhoneCall",
};

/** Element id of each field, so the pane can move focus to the first invalid one. */
export function fieldId(prefix: string, field: DraftField): string {
  return `${prefix}-${field}`;
}

export interface LogFormProps {
  idPrefix: string;
  values: LogFormValues;
  errors: FieldErrors<DraftField>;
  templates: InteractionTemplate[];
  groups: InteractionGroup[];
  contactCount: number;
  busy: boolean;
  onField<K extends EditableField>(field: K, value: LogFormValues[K]): void;
  onTemplate(code: string): void;
  onSubmit(): void;
  /** More fields inside the form (locked with it while sending): what to keep of the mail. */
  extra?: ReactNode;
}

/** Visible templates grouped by interaction group, groups in the order SharePoint gave them. */
export function templateGroups(
  templates: InteractionTemplate[],
  groups: InteractionGroup[],
): { code: string; label: string; templates: InteractionTemplate[] }[] {
  const visible = templates.filter((t) => !t.blocked);
  const order = [...groups.map((g) => g.code), ...visible.map((t) => t.groupCode)];
  const codes = [...new Set(order)];
  return codes
    .map((code) => ({
      code,
      label: groups.find((g) => g.code === code)?.description || code,
      templates: visible.filter((t) => t.groupCode === code),
    }))
    .filter((g) => g.templates.length > 0);
}

export function LogForm(props: LogFormProps) {
  const { idPrefix, values, errors, templates, groups, contactCount, busy, onField, onTemplate } = props;
  const i18n = useI18n();
  const styles = useLogFormStyles();
  const pane = usePaneStyles();
  const id = (f: DraftField) => fieldId(idPrefix, f);
  const invalid = (m: ValidationMessage | undefined) =>
    m ? { validationMessage: i18n.validation(m), validationState: "error" as const } : {};
  // One labelled Select per option set; the blank option means "not set" (Business Central's blank).
  const choiceField = <F extends ChoiceField, T extends string>(
    field: F,
    label: MessageKey,
    choices: readonly T[],
    keys: Record<T, MessageKey>,
  ): ReactNode => (
    <Field className={styles.cell} label={i18n.t(label)}>
      <Select
        className={styles.control}
        id={id(field)}
        value={values[field]}
        onChange={(_, d) => onField(field, d.value as LogFormValues[F])}
      >
        <option value="">{i18n.t("blank")}</option>
        {choices.map((v) => (
          <option key={v} value={v}>
            {i18n.t(keys[v])}
          </option>
        ))}
      </Select>
    </Field>
  );
  const descriptionLength = [...values.description].length;
  const grouped = templateGroups(templates, groups);

  return (
    <form
      className={styles.form}
      noValidate
      aria-labelledby={`${idPrefix}-heading`}
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <h2 id={`${idPrefix}-heading`} className={pane.heading}>
        {i18n.t("formHeading")}
      </h2>
      {/* Locked while the log is being sent: it was sent as it was, and an edit now would be silently lost. */}
      <fieldset className={styles.fields} disabled={busy}>
        <Field
          label={i18n.t("template")}
          required
          hint={grouped.length === 0 ? i18n.t("noTemplates") : undefined}
          {...invalid(errors.templateCode)}
        >
          <Select
            id={id("templateCode")}
            value={values.templateCode}
            onChange={(_, d) => onTemplate(d.value)}
          >
            <option value="">{i18n.t("templatePlaceholder")}</option>
            {grouped.map((g) => (
              <optgroup key={g.code} label={g.label}>
                {g.templates.map((t) => (
                  <option key={t.code} value={t.code}>
                    {t.description ? `${t.description} (${t.code})` : t.code}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </Field>
        <Field
          label={i18n.t("description")}
          required
          hint={i18n.t("descriptionCounter", { count: descriptionLength, max: DESCRIPTION_MAX })}
          {...invalid(errors.description)}
        >
          <Input
            id={id("description")}
            value={values.description}
            onChange={(_, d) => onField("description", d.value)}
          />
        </Field>
        <Field label={i18n.t("interactionDate")} required {...invalid(errors.interactionDate)}>
          <Input
            id={id("interactionDate")}
            type="datetime-local"
            value={values.dateText}
            onChange={(_, d) => onField("dateText", d.value)}
          />
        </Field>
        <div className={styles.pair}>
          {choiceField("informationFlow", "informationFlow", INFORMATION_FLOWS, FLOW_KEYS)}
          {choiceField("initiatedBy", "initiatedBy", INITIATED_BY, INITIATED_KEYS)}
        </div>
        <div className={styles.pair}>
          {choiceField("evaluation", "evaluation", EVALUATIONS, EVALUATION_KEYS)}
          {choiceField("correspondenceType", "correspondenceType", CORRESPONDENCE_TYPES, CORRESPONDENCE_KEYS)}
        </div>
        <div className={styles.pair}>
          <Field className={styles.cell} label={i18n.t("cost")} {...invalid(errors.costLCY)}>
            <Input
              className={styles.control}
              id={id("costLCY")}
              inputMode="decimal"
              value={values.costText}
              onChange={(_, d) => onField("costText", d.value)}
            />
          </Field>
          <Field className={styles.cell} label={i18n.t("duration")} {...invalid(errors.durationMin)}>
            <Input
              className={styles.control}
              id={id("durationMin")}
              inputMode="decimal"
              value={values.durationText}
              onChange={(_, d) => onField("durationText", d.value)}
            />
          </Field>
        </div>
        <Checkbox
          id={id("attemptFailed")}
          checked={values.attemptFailed}
          onChange={(_, d) => onField("attemptFailed", d.checked === true)}
          label={i18n.t("attemptFailed")}
        />
        <Field label={i18n.t("comment")}>
          <Textarea
            id={id("comment")}
            resize="vertical"
            value={values.comment}
            onChange={(_, d) => onField("comment", d.value)}
          />
        </Field>
        {props.extra}
      </fieldset>
      <div className={pane.actions}>
        <Button
          appearance="primary"
          type="submit"
          disabled={busy}
          icon={busy ? <Spinner size="tiny" /> : undefined}
        >
          {busy
            ? i18n.t("logging")
            : contactCount > 1
              ? i18n.plural("logButtonFor", contactCount)
              : i18n.t("logButton")}
        </Button>
      </div>
    </form>
  );
}

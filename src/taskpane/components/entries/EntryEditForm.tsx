// Business Central's "evaluate interaction": evaluation, attempt failed and comment of a logged entry.
import { Button, Checkbox, Field, Select, Textarea } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import type { EntryEdit } from "../../../domain/ports";
import { EVALUATIONS, type Evaluation, type InteractionLogEntry } from "../../../domain/types";
import { useI18n } from "../../i18n";
import { EVALUATION_KEYS } from "../LogForm";
import { useEntriesStyles } from "./EntriesView.styles";

export interface EntryEditFormProps {
  entry: InteractionLogEntry;
  busy: boolean;
  onSave(edit: EntryEdit): Promise<boolean>;
  onClose(): void;
}

export function EntryEditForm({ entry, busy, onSave, onClose }: EntryEditFormProps) {
  const i18n = useI18n();
  const styles = useEntriesStyles();
  const headingId = useId();
  const [evaluation, setEvaluation] = useState<Evaluation | "">(entry.evaluation ?? "");
  const [attemptFailed, setAttemptFailed] = useState(entry.attemptFailed);
  const [comment, setComment] = useState(entry.comment ?? "");
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const save = async () => {
    const edit: EntryEdit = {};
    if (evaluation !== (entry.evaluation ?? "")) edit.evaluation = evaluation || null;
    if (attemptFailed !== entry.attemptFailed) edit.attemptFailed = attemptFailed;
    if (comment !== (entry.comment ?? "")) edit.comment = comment.trim() ? comment : null;
    if (Object.keys(edit).length === 0) return onClose();
    if (await onSave(edit)) onClose();
  };

  return (
    <form
      className={styles.editor}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id={headingId} className={styles.legend}>
        {i18n.t("editHeading", { description: entry.description })}
      </h3>
      <Field label={i18n.t("evaluation")}>
        <Select ref={first} value={evaluation} onChange={(_, d) => setEvaluation(d.value as Evaluation | "")}>
          <option value="">{i18n.t("blank")}</option>
          {EVALUATIONS.map((v) => (
            <option key={v} value={v}>
              {i18n.t(EVALUATION_KEYS[v])}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        checked={attemptFailed}
        onChange={(_, d) => setAttemptFailed(d.checked === true)}
        label={i18n.t("attemptFailed")}
      />
      <Field label={i18n.t("comment")}>
        <Textarea resize="vertical" value={comment} onChange={(_, d) => setComment(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? i18n.t("saving") : i18n.t("save")}
        </Button>
        <Button onClick={onClose}>{i18n.t("cancel")}</Button>
      </div>
    </form>
  );
}

// "Log a follow-up" from an entry (Business Central's resume interaction): the log form prefilled from that
// entry, for its contact, dated now; logged as an interaction of its own.
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { InteractionStorePort } from "../../../domain/ports";
import type {
  InteractionGroup,
  InteractionLogEntry,
  InteractionTemplate,
  UserProfile,
} from "../../../domain/types";
import { hasErrors, validateDraft, type DraftField, type FieldErrors } from "../../../domain/validation";
import type { EditableField } from "../../hooks/useLogForm";
import { useI18n } from "../../i18n";
import { contactOfEntry } from "../../model/entry-filter-values";
import { draftFromValues, withDateText, withTemplate, type LogFormValues } from "../../model/log-form-values";
import { followUpValues } from "../../model/follow-up";
import { asStoreError } from "../../model/store-error";
import { ErrorState } from "../ErrorState";
import { fieldId, LogForm } from "../LogForm";
import { usePaneStyles } from "../Pane.styles";
import type { StoreError } from "../../../domain/errors";

export interface FollowUpFormProps {
  store: InteractionStorePort;
  user: UserProfile;
  entry: InteractionLogEntry;
  templates: InteractionTemplate[];
  groups: InteractionGroup[];
  onLogged(name: string): void;
  onClose(): void;
}

export function FollowUpForm({
  store,
  user,
  entry,
  templates,
  groups,
  onLogged,
  onClose,
}: FollowUpFormProps) {
  const i18n = useI18n();
  const pane = usePaneStyles();
  const idPrefix = useId();
  const contact = contactOfEntry(entry);
  const [values, setValues] = useState<LogFormValues>(() => followUpValues(entry, templates));
  const [errors, setErrors] = useState<FieldErrors<DraftField>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<StoreError | undefined>();

  const onField = <K extends EditableField>(field: K, value: LogFormValues[K]) =>
    setValues((v) => (field === "dateText" ? withDateText(v, value as string) : { ...v, [field]: value }));

  const submit = async () => {
    const found = validateDraft(draftFromValues(values), templates, 1);
    setErrors(found);
    if (hasErrors(found)) {
      const first = (Object.keys(found) as DraftField[])[0];
      if (first) document.getElementById(fieldId(idPrefix, first))?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await store.logInteraction({ contacts: [contact], draft: draftFromValues(values), user });
      onLogged(contact.name);
    } catch (e) {
      setError(asStoreError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={pane.section}>
      <MessageBar intent="info">
        <MessageBarBody>
          {i18n.t("followUpHint", { name: contact.name, description: entry.description })}
        </MessageBarBody>
      </MessageBar>
      <LogForm
        idPrefix={idPrefix}
        values={values}
        errors={errors}
        templates={templates}
        groups={groups}
        contactCount={1}
        busy={busy}
        onField={onField}
        onTemplate={(code) => setValues((v) => withTemplate(v, templates, code, undefined))}
        onSubmit={() => void submit()}
      />
      {error && <ErrorState error={error} onRetry={() => void submit()} />}
      <div className={pane.actions}>
        <Button onClick={onClose}>{i18n.t("backToEntries")}</Button>
      </div>
    </div>
  );
}

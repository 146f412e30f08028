// Creates a contact for an unknown correspondent, prefilled from what Outlook knows about them.
import { Button, Field, Input, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import type { Contact, ContactType, ParticipantMatch } from "../../domain/types";
import type { ValidationMessage } from "../../domain/validation";
import { useCreateContact, type CreateContactFn } from "../hooks/useCreateContact";
import { useI18n } from "../i18n";
import { useParticipantStyles } from "./ParticipantList.styles";
import { usePaneStyles } from "./Pane.styles";

export interface CreateContactFormProps {
  match: ParticipantMatch;
  existingEmails: string[];
  onCreate: CreateContactFn;
  onCreated(contact: Contact): void;
  onCancel(): void;
  /** "Create person at <company>": the address matched this company by its domain. */
  atCompany?: Contact;
  /** A better name for a new company than the domain gives (the mail's signature), when there is one. */
  suggestCompanyName?(): Promise<string | undefined>;
}

export function CreateContactForm({
  match,
  existingEmails,
  onCreate,
  onCreated,
  onCancel,
  atCompany,
  suggestCompanyName,
}: CreateContactFormProps) {
  const i18n = useI18n();
  const styles = useParticipantStyles();
  const pane = usePaneStyles();
  const form = useCreateContact(match, existingEmails, onCreate, atCompany);
  const [suggested, setSuggested] = useState(false);
  const headingId = useId();
  const firstField = useRef<HTMLSelectElement>(null);
  const { values, errors } = form;

  useEffect(() => firstField.current?.focus(), []);
  // Choosing "new company" the first time: the signature may name it better than the domain does.
  const wantsNewCompany = form.values.companyChoice === "new";
  const { set } = form;
  const domainGuess = form.values.newCompanyName;
  useEffect(() => {
    if (!wantsNewCompany || suggested || !suggestCompanyName) return;
    setSuggested(true);
    const before = domainGuess;
    void suggestCompanyName().then((name) => {
      if (name) set("newCompanyName", name === before ? before : name);
    });
  }, [wantsNewCompany, suggested, suggestCompanyName, set, domainGuess]);

  const message = (m: ValidationMessage | undefined) =>
    m ? { validationMessage: i18n.validation(m), validationState: "error" as const } : {};

  const submit = async () => {
    const created = await form.submit();
    if (created) onCreated(created);
  };

  return (
    <form
      className={styles.form}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={headingId} className={pane.heading}>
        {atCompany
          ? i18n.t("createPersonAtFor", { address: match.email, company: atCompany.name })
          : i18n.t("createContactFor", { address: match.email })}
      </h3>
      <Field label={i18n.t("contactType")}>
        <Select
          ref={firstField}
          value={values.type}
          onChange={(_, d) => form.set("type", d.value as ContactType)}
        >
          <option value="Person">{i18n.t("contactTypePerson")}</option>
          <option value="Company">{i18n.t("contactTypeCompany")}</option>
        </Select>
      </Field>
      {values.type === "Person" ? (
        <>
          <Field label={i18n.t("firstName")} {...message(errors.name)}>
            <Input value={values.firstName} onChange={(_, d) => form.set("firstName", d.value)} />
          </Field>
          <Field label={i18n.t("lastName")}>
            <Input value={values.lastName} onChange={(_, d) => form.set("lastName", d.value)} />
          </Field>
          <Field label={i18n.t("jobTitle")}>
            <Input value={values.jobTitle} onChange={(_, d) => form.set("jobTitle", d.value)} />
          </Field>
          <Field label={i18n.t("companyField")}>
            <Select value={values.companyChoice} onChange={(_, d) => form.set("companyChoice", d.value)}>
              {atCompany && <option value={atCompany.contactNo}>{atCompany.name}</option>}
              <option value="">{i18n.t("companyNone")}</option>
              {!atCompany && <option value="new">{i18n.t("companyNew")}</option>}
            </Select>
          </Field>
          {values.companyChoice === "new" && (
            <>
              <Field label={i18n.t("newCompanyName")} required {...message(errors.companyNo)}>
                <Input
                  value={values.newCompanyName}
                  onChange={(_, d) => form.set("newCompanyName", d.value)}
                />
              </Field>
              <Field label={i18n.t("newCompanyDomain")}>
                <Input
                  value={values.newCompanyDomain}
                  onChange={(_, d) => form.set("newCompanyDomain", d.value)}
                />
              </Field>
            </>
          )}
        </>
      ) : (
        <>
          <Field label={i18n.t("companyName")} required {...message(errors.name)}>
            <Input value={values.companyName} onChange={(_, d) => form.set("companyName", d.value)} />
          </Field>
          <Field label={i18n.t("domain")}>
            <Input value={values.domain} onChange={(_, d) => form.set("domain", d.value)} />
          </Field>
        </>
      )}
      <Field label={i18n.t("email")} required={values.type === "Person"} {...message(errors.email)}>
        <Input type="email" value={values.email} onChange={(_, d) => form.set("email", d.value)} />
      </Field>
      {form.error && (
        <div role="alert">
          <MessageBar intent="error">
            <MessageBarBody>
              {i18n.storeError(form.error.kind)} {form.error.message}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
      <div className={pane.actions}>
        <Button appearance="primary" type="submit" disabled={form.saving}>
          {form.saving ? i18n.t("saving") : i18n.t("save")}
        </Button>
        <Button onClick={onCancel} disabled={form.saving}>
          {i18n.t("cancel")}
        </Button>
      </div>
    </form>
  );
}

// One row per correspondent: what they matched, and whether to log for them.
import { Badge, Button, Checkbox, Field, Select } from "@fluentui/react-components";
import { PersonAdd16Regular } from "@fluentui/react-icons";
import { useEffect, useId, useRef, useState } from "react";
import type { Contact, ParticipantMatch } from "../../domain/types";
import type { NewContact } from "../hooks/useCreateContact";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";
import { contactOf, isAlreadyLogged, type CandidateChoices } from "../model/participant-selection";
import { CreateContactForm } from "./CreateContactForm";
import { useParticipantStyles } from "./ParticipantList.styles";
import { usePaneStyles } from "./Pane.styles";

const STATUS_KEYS: Record<ParticipantMatch["status"], MessageKey> = {
  person: "statusPerson",
  company: "statusCompany",
  unknown: "statusUnknown",
  ambiguous: "statusAmbiguous",
  internal: "statusInternal",
  neverLog: "statusNeverLog",
};

export interface ParticipantListProps {
  matches: ParticipantMatch[];
  selection: Set<string>;
  choices: CandidateChoices;
  loggedNos: Set<string>;
  existingEmails: string[];
  /** Shown under the list, e.g. "choose at least one contact". */
  error?: string;
  headingId: string;
  onToggle(email: string, checked: boolean): void;
  onChoose(email: string, contactNo: string): void;
  onCreateContact(contact: NewContact): Promise<Contact>;
  onContactCreated(match: ParticipantMatch, contact: Contact): void;
}

export function ParticipantList(props: ParticipantListProps) {
  const i18n = useI18n();
  const pane = usePaneStyles();
  const { matches, headingId, error } = props;
  return (
    <section className={pane.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={pane.heading} tabIndex={-1}>
        {i18n.t("participantsHeading")}
      </h2>
      {matches.length === 0 ? (
        <p className={pane.muted}>{i18n.t("noParticipants")}</p>
      ) : (
        <ul className={pane.list} aria-label={i18n.t("participantsLabel")}>
          {matches.map((m) => (
            <ParticipantRow key={m.email} match={m} {...props} />
          ))}
        </ul>
      )}
      {error && (
        <div role="alert" className={pane.details}>
          {error}
        </div>
      )}
    </section>
  );
}

function ParticipantRow({
  match,
  selection,
  choices,
  loggedNos,
  existingEmails,
  onToggle,
  onChoose,
  onCreateContact,
  onContactCreated,
}: ParticipantListProps & { match: ParticipantMatch }) {
  const i18n = useI18n();
  const styles = useParticipantStyles();
  const [creating, setCreating] = useState(false);
  // Where focus goes when the inline form closes: the new row's checkbox, or back to the button that opened it.
  const [focusAfter, setFocusAfter] = useState<"checkbox" | "button" | undefined>();
  const checkboxRef = useRef<HTMLInputElement>(null);
  const secondaryId = useId();
  const statusId = useId();
  const createButtonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusAfter) return;
    (focusAfter === "checkbox" ? checkboxRef : createButtonRef).current?.focus();
    setFocusAfter(undefined);
  }, [focusAfter, match.status]);
  const contact = contactOf(match, choices);
  const logged = isAlreadyLogged(contact, loggedNos);
  const address = match.participant.address.trim() || match.email;
  const display = match.participant.displayName.trim() || address;
  const statusText = i18n.t(STATUS_KEYS[match.status]);

  if (match.status === "internal" || match.status === "neverLog") {
    return (
      <li className={`${styles.row} ${styles.excluded}`}>
        <span>{display}</span>
        <span className={styles.secondary}>
          {match.email} · {statusText}
        </span>
      </li>
    );
  }

  const checkboxLabel =
    match.status === "person"
      ? contact!.name
      : match.status === "company"
        ? contact!.name
        : match.status === "ambiguous"
          ? (contact?.name ?? display)
          : display;

  const secondary =
    match.status === "person"
      ? [match.company?.name ?? contact?.companyName, match.email].filter(Boolean).join(" · ")
      : match.status === "company"
        ? `${display} · ${match.email}`
        : match.email;

  return (
    <li className={styles.row}>
      {match.status === "unknown" ? (
        <div className={styles.line}>
          <span className={styles.name}>{display}</span>
          <Badge appearance="outline" color="informative">
            {statusText}
          </Badge>
        </div>
      ) : (
        <div className={styles.line}>
          <Checkbox
            ref={checkboxRef}
            checked={selection.has(match.email)}
            disabled={match.status === "ambiguous" && !contact}
            onChange={(_, d) => onToggle(match.email, d.checked === true)}
            label={checkboxLabel}
            aria-describedby={match.status === "person" ? secondaryId : `${statusId} ${secondaryId}`}
          />
          {match.status !== "person" && (
            <Badge
              id={statusId}
              appearance="outline"
              color={match.status === "ambiguous" ? "warning" : "informative"}
            >
              {statusText}
            </Badge>
          )}
          {logged && (
            <Badge appearance="tint" color="success">
              {i18n.t("alreadyLoggedShort")}
            </Badge>
          )}
        </div>
      )}
      <span id={secondaryId} className={`${styles.secondary} ${styles.indent}`}>
        {secondary}
      </span>
      {match.status === "ambiguous" && (
        <div className={styles.indent}>
          <Field label={i18n.t("chooseCandidate", { address: match.email })}>
            <Select
              value={choices[match.email] ?? ""}
              onChange={(_, d) => d.value && onChoose(match.email, d.value)}
            >
              <option value="">{i18n.t("chooseCandidatePlaceholder")}</option>
              {match.candidates?.map((c) => (
                <option key={c.contactNo} value={c.contactNo}>
                  {c.companyName && c.type === "Person" ? `${c.name} (${c.companyName})` : c.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      )}
      {match.status === "unknown" &&
        (creating ? (
          <CreateContactForm
            match={match}
            existingEmails={existingEmails}
            onCreate={onCreateContact}
            onCreated={(c) => {
              setCreating(false);
              setFocusAfter("checkbox");
              onContactCreated(match, c);
            }}
            onCancel={() => {
              setCreating(false);
              setFocusAfter("button");
            }}
          />
        ) : (
          <div className={styles.indent}>
            <Button
              ref={createButtonRef}
              size="small"
              icon={<PersonAdd16Regular />}
              aria-label={i18n.t("createContactFor", { address: match.email })}
              onClick={() => setCreating(true)}
            >
              {i18n.t("createContact")}
            </Button>
          </div>
        ))}
    </li>
  );
}

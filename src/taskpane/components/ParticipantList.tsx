// One row per correspondent: what they matched, and whether to log for them.
import { Badge, Button, Checkbox, Field, Select, Spinner } from "@fluentui/react-components";
import { Building16Regular, Link16Regular, PersonAdd16Regular } from "@fluentui/react-icons";
import { Suspense, useEffect, useId, useRef, useState } from "react";
import type { Contact, ParticipantMatch } from "../../domain/types";
import type { InteractionStorePort } from "../../domain/ports";
import type { CreateContactFn } from "../hooks/useCreateContact";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";
import { contactOf, isAlreadyLogged, type CandidateChoices } from "../model/participant-selection";
import { LazyLinkAddressForm } from "./contacts/lazy";
import { CreateContactForm } from "./CreateContactFormLazy";
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
  onCreateContact: CreateContactFn;
  onContactCreated(match: ParticipantMatch, contact: Contact): void;
  /** Addresses whose choice among several companies comes from the user's remembered choices. */
  remembered?: ReadonlySet<string>;
  /** Opens a contact's own view (a person's company, with the history of its persons). */
  onOpenContact?(contact: Contact): void;
  /** Offered for addresses that matched no person: link the address to an existing contact (Email2). */
  linkStore?: Pick<InteractionStorePort, "findContacts" | "linkEmail">;
  onLinked?(match: ParticipantMatch, contact: Contact): void;
  /** A name for a new company from the item's signature. */
  suggestCompanyName?(): Promise<string | undefined>;
  /** While a log is being sent: who it is for can no longer change (a change would be silently ignored). */
  locked?: boolean;
}

/** A company row reached only by the address's domain: no person has this address yet. */
export function matchedByDomainOnly(match: ParticipantMatch): boolean {
  return (
    match.status === "company" &&
    !!match.contact &&
    match.contact.email !== match.email &&
    match.contact.email2 !== match.email
  );
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
  remembered,
  onOpenContact,
  linkStore,
  onLinked,
  suggestCompanyName,
  locked = false,
}: ParticipantListProps & { match: ParticipantMatch }) {
  const i18n = useI18n();
  const styles = useParticipantStyles();
  const [creating, setCreating] = useState(false);
  const [linking, setLinking] = useState(false);
  const domainOnly = matchedByDomainOnly(match);
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
            disabled={locked || (match.status === "ambiguous" && !contact)}
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
      {match.status === "person" && match.company && onOpenContact && (
        <span className={`${styles.secondary} ${styles.indent}`}>
          <Button
            size="small"
            appearance="transparent"
            icon={<Building16Regular />}
            onClick={() => onOpenContact(match.company!)}
          >
            {i18n.t("openCompany", { name: match.company.name })}
          </Button>
        </span>
      )}
      {match.status === "ambiguous" && (
        <div className={styles.indent}>
          <Field label={i18n.t("chooseCandidate", { address: match.email })}>
            <Select
              disabled={locked}
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
          {remembered?.has(match.email) && (
            <span className={styles.secondary}>{i18n.t("rememberedChoice")}</span>
          )}
        </div>
      )}
      {domainOnly &&
        (creating ? (
          <Suspense fallback={<Spinner size="tiny" label={i18n.t("loading")} />}>
            <CreateContactForm
              match={match}
              existingEmails={existingEmails}
              atCompany={match.contact!}
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
          </Suspense>
        ) : (
          !linking && (
            <div className={`${styles.indent}`}>
              <Button
                ref={createButtonRef}
                size="small"
                icon={<PersonAdd16Regular />}
                onClick={() => setCreating(true)}
              >
                {i18n.t("createPersonAt", { company: match.contact!.name })}
              </Button>
            </div>
          )
        ))}
      {(match.status === "unknown" || domainOnly) && linkStore && onLinked && !creating && (
        <div className={styles.indent}>
          {linking ? (
            <LazyLinkAddressForm
              store={linkStore}
              address={match.email}
              onLinked={(c) => {
                setLinking(false);
                onLinked(match, c);
              }}
              onCancel={() => setLinking(false)}
            />
          ) : (
            <Button
              size="small"
              icon={<Link16Regular />}
              aria-label={i18n.t("linkToContactFor", { address: match.email })}
              onClick={() => setLinking(true)}
            >
              {i18n.t("linkToContact")}
            </Button>
          )}
        </div>
      )}
      {match.status === "unknown" &&
        (creating ? (
          <Suspense fallback={<Spinner size="tiny" label={i18n.t("loading")} />}>
            <CreateContactForm
              match={match}
              existingEmails={existingEmails}
              {...(suggestCompanyName ? { suggestCompanyName } : {})}
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
          </Suspense>
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

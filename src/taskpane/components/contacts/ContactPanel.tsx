// Contacts beyond the open item, loaded on demand: find a contact, see it (a person's company one click away, a
// company's history with its persons'), log a call, visit or letter for it, or add it to the open item's log.
import { Button, Link } from "@fluentui/react-components";
import {
  Add16Regular,
  ArrowLeft16Regular,
  Building16Regular,
  Call16Regular,
  Person16Regular,
} from "@fluentui/react-icons";
import { useEffect, useId, useRef, useState } from "react";
import type { InteractionStorePort } from "../../../domain/ports";
import type { Contact, InteractionTemplate, UserProfile } from "../../../domain/types";
import { useI18n } from "../../i18n";
import { usePaneStyles } from "../Pane.styles";
import { ContactHistory } from "./ContactHistory";
import { ContactSearch } from "./ContactSearch";
import { useContactsStyles } from "./contacts.styles";
import { ManualLogForm } from "./ManualLogForm";

export interface ContactPanelProps {
  store: InteractionStorePort;
  user: UserProfile;
  /** Opens straight on this contact (a person's company, say); else the panel starts with the search. */
  initialContact?: Contact;
  /** Offered while an item is open: the contact joins the participants of that item's log. */
  onAddToLog?(contact: Contact): void;
  onClose(): void;
  /** Something was logged: the outbox and histories may have changed. */
  onLogged(): void;
}

/** A company as a person's row knows it: enough to show its history (by ContactCompanyNo). */
export function companyOf(person: Contact): Contact | undefined {
  return person.type === "Person" && person.companyNo
    ? { contactNo: person.companyNo, type: "Company", name: person.companyName || person.companyNo }
    : undefined;
}

export function ContactPanel({
  store,
  user,
  initialContact,
  onAddToLog,
  onClose,
  onLogged,
}: ContactPanelProps) {
  const i18n = useI18n();
  const pane = usePaneStyles();
  const headingId = useId();
  const [trail, setTrail] = useState<Contact[]>(initialContact ? [initialContact] : []);
  const [logging, setLogging] = useState(false);
  const [logKey, setLogKey] = useState(0);
  const [templates, setTemplates] = useState<InteractionTemplate[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const contact = trail[trail.length - 1];

  useEffect(() => {
    let live = true;
    store.referenceData().then(
      (r) => live && setTemplates(r.templates),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [store]);
  useEffect(() => {
    if (contact) heading.current?.focus();
  }, [contact]);

  const back = () => {
    setLogging(false);
    if (trail.length > (initialContact ? 1 : 0)) setTrail((t) => t.slice(0, -1));
    else onClose();
  };

  return (
    <section className={pane.section} aria-labelledby={headingId} data-testid="contact-panel">
      <div className={pane.oneLine}>
        <h2 id={headingId} ref={heading} tabIndex={-1} className={pane.heading}>
          {contact ? contact.name : i18n.t("findContactHeading")}
        </h2>
        <Button size="small" icon={<ArrowLeft16Regular />} onClick={back}>
          {i18n.t("back")}
        </Button>
      </div>
      {!contact ? (
        <ContactSearch
          store={store}
          label={i18n.t("searchContacts")}
          onPick={(c) => setTrail([c])}
          onCancel={onClose}
        />
      ) : (
        <>
          <ContactSummary contact={contact} onOpenCompany={(c) => setTrail((t) => [...t, c])} />
          {logging ? (
            <ManualLogForm
              store={store}
              user={user}
              contact={contact}
              onLogged={() => {
                setLogKey((k) => k + 1);
                onLogged();
              }}
              onClose={() => setLogging(false)}
            />
          ) : (
            <div className={pane.actions}>
              <Button appearance="primary" icon={<Call16Regular />} onClick={() => setLogging(true)}>
                {i18n.t("newInteraction")}
              </Button>
              {onAddToLog && (
                <Button icon={<Add16Regular />} onClick={() => onAddToLog(contact)}>
                  {i18n.t("addToLog")}
                </Button>
              )}
            </div>
          )}
          <ContactHistory store={store} contact={contact} templates={templates} refreshKey={logKey} />
        </>
      )}
    </section>
  );
}

function ContactSummary({ contact, onOpenCompany }: { contact: Contact; onOpenCompany(c: Contact): void }) {
  const i18n = useI18n();
  const styles = useContactsStyles();
  const company = companyOf(contact);
  return (
    <div className={styles.card} data-testid="contact-summary">
      <p className={styles.cardTitle}>
        {contact.type === "Company" ? <Building16Regular aria-hidden /> : <Person16Regular aria-hidden />}
        <span>
          {i18n.t(contact.type === "Company" ? "contactTypeCompany" : "contactTypePerson")} ·{" "}
          {contact.contactNo}
        </span>
      </p>
      {company && (
        <span>
          {i18n.t("worksAt")}{" "}
          <Link as="button" onClick={() => onOpenCompany(company)}>
            {company.name}
          </Link>
        </span>
      )}
      {[contact.email, contact.email2, contact.domain, contact.phone, contact.jobTitle]
        .filter(Boolean)
        .map((v) => (
          <span key={v} className={styles.secondary}>
            {v}
          </span>
        ))}
    </div>
  );
}

export default ContactPanel;

// Links an address that matched no person to an existing contact as its second address (Email2), so that the
// next mail from it matches that contact. The store refuses a taken address or a contact changed meanwhile;
// the message says which, and the user can pick again.
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { StoreError } from "../../../domain/errors";
import type { InteractionStorePort } from "../../../domain/ports";
import type { Contact } from "../../../domain/types";
import { useI18n } from "../../i18n";
import { asStoreError } from "../../model/store-error";
import { usePaneStyles } from "../Pane.styles";
import { ContactSearch } from "./ContactSearch";
import { useContactsStyles } from "./contacts.styles";

export interface LinkAddressFormProps {
  store: Pick<InteractionStorePort, "findContacts" | "linkEmail">;
  address: string;
  onLinked(contact: Contact): void;
  onCancel(): void;
}

export function LinkAddressForm({ store, address, onLinked, onCancel }: LinkAddressFormProps) {
  const i18n = useI18n();
  const pane = usePaneStyles();
  const styles = useContactsStyles();
  const headingId = useId();
  const [chosen, setChosen] = useState<Contact | undefined>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<StoreError | undefined>();

  const link = async (contact: Contact) => {
    setSaving(true);
    setError(undefined);
    try {
      onLinked(await store.linkEmail(contact, address));
    } catch (e) {
      setError(asStoreError(e));
    } finally {
      setSaving(false);
    }
  };

  const message = (e: StoreError): string => {
    switch (e.details.code) {
      case "emailTaken":
        return i18n.t("linkEmailTaken", { address });
      case "email2Taken":
        return i18n.t("linkEmail2Taken", { name: chosen?.name ?? "" });
      case "changed":
        return i18n.t("linkChanged", { name: chosen?.name ?? "" });
      default:
        return `${i18n.storeError(e.kind)} ${e.message}`;
    }
  };

  return (
    <section className={styles.form} aria-labelledby={headingId}>
      <h3 id={headingId} className={pane.heading}>
        {i18n.t("linkAddressHeading", { address })}
      </h3>
      {!chosen ? (
        <ContactSearch
          store={store}
          label={i18n.t("linkSearchLabel")}
          onPick={(c) => {
            setChosen(c);
            setError(undefined);
          }}
          onCancel={onCancel}
        />
      ) : (
        <p>{i18n.t("linkConfirm", { address, name: chosen.name })}</p>
      )}
      {error && (
        <div role="alert">
          <MessageBar intent="error">
            <MessageBarBody>{message(error)}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      <div className={pane.actions}>
        {chosen && (
          <Button appearance="primary" disabled={saving} onClick={() => void link(chosen)}>
            {saving ? i18n.t("saving") : i18n.t("linkAddress")}
          </Button>
        )}
        {chosen && (
          <Button disabled={saving} onClick={() => setChosen(undefined)}>
            {i18n.t("chooseAnother")}
          </Button>
        )}
        <Button disabled={saving} onClick={onCancel}>
          {i18n.t("cancel")}
        </Button>
      </div>
    </section>
  );
}

export default LinkAddressForm;

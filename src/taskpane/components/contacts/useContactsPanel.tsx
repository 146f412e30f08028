// The pane's way into contacts beyond the open item: a "Find a contact" button always on the first screen, and the
// contact panel (loaded on demand) in place of the item view while it is open. The item view stays mounted,
// hidden, so what the user typed there survives a look at a contact.
import { Button } from "@fluentui/react-components";
import { PersonSearch16Regular } from "@fluentui/react-icons";
import { useCallback, useRef, useState, type ReactNode } from "react";
import type { InteractionStorePort } from "../../../domain/ports";
import type { Contact, UserProfile } from "../../../domain/types";
import { useI18n } from "../../i18n";
import { LazyContactPanel } from "./lazy";

export interface ContactsPanelOptions {
  store: InteractionStorePort;
  user: UserProfile;
  /** The open item's load (undefined: no item): found contacts can join its log, and only its log. */
  itemKey: number | undefined;
  onLogged(): void;
}

export interface ContactsPanel {
  isOpen: boolean;
  /** The last "add to this item's log" request, for the item view. */
  addRequest?: { contact: Contact; id: number };
  /** Opens the panel on a contact (a person's company). */
  openContact(contact: Contact): void;
  button: ReactNode;
  panel: ReactNode;
}

export function useContactsPanel({ store, user, itemKey, onLogged }: ContactsPanelOptions): ContactsPanel {
  const i18n = useI18n();
  const [open, setOpen] = useState<{ contact?: Contact; key: number } | undefined>();
  const [request, setRequest] = useState<{ contact: Contact; id: number; itemKey: number } | undefined>();
  const addRequest = request && request.itemKey === itemKey ? request : undefined;
  const opener = useRef<HTMLButtonElement>(null);
  const openContact = useCallback(
    (contact: Contact) => setOpen((o) => ({ contact, key: (o?.key ?? 0) + 1 })),
    [],
  );
  const close = () => {
    setOpen(undefined);
    requestAnimationFrame(() => opener.current?.focus());
  };

  const button = (
    <Button
      ref={opener}
      icon={<PersonSearch16Regular />}
      aria-expanded={!!open}
      onClick={() => (open ? close() : setOpen({ key: Date.now() }))}
    >
      {i18n.t("findContact")}
    </Button>
  );
  const panel = open ? (
    <LazyContactPanel
      key={open.key}
      store={store}
      user={user}
      {...(open.contact ? { initialContact: open.contact } : {})}
      {...(itemKey !== undefined
        ? {
            onAddToLog: (contact: Contact) => {
              setRequest((r) => ({ contact, id: (r?.id ?? 0) + 1, itemKey }));
              close();
            },
          }
        : {})}
      onClose={close}
      onLogged={onLogged}
    />
  ) : null;
  return {
    isOpen: !!open,
    ...(addRequest ? { addRequest: { contact: addRequest.contact, id: addRequest.id } } : {}),
    openContact,
    button,
    panel,
  };
}

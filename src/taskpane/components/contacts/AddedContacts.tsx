// Contacts added to this item's log from the search: not on the mail, logged with the others (a segment), each
// with its checkbox and a way to take it off again.
import { Button, Checkbox } from "@fluentui/react-components";
import { Building16Regular, Dismiss16Regular, Person16Regular } from "@fluentui/react-icons";
import { useId } from "react";
import type { Contact } from "../../../domain/types";
import { useI18n } from "../../i18n";
import { addedKey } from "../../model/participant-selection";
import { usePaneStyles } from "../Pane.styles";

export interface AddedContactsProps {
  contacts: Contact[];
  selection: Set<string>;
  onToggle(key: string, checked: boolean): void;
  onRemove(contactNo: string): void;
  /** While a log is being sent: the list can no longer change. */
  locked?: boolean;
}

export function AddedContacts({
  contacts,
  selection,
  onToggle,
  onRemove,
  locked = false,
}: AddedContactsProps) {
  const i18n = useI18n();
  const pane = usePaneStyles();
  const headingId = useId();
  if (!contacts.length) return null;
  return (
    <section className={pane.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={pane.heading}>
        {i18n.t("addedHeading")}
      </h3>
      <ul className={pane.list} aria-label={i18n.t("addedLabel")}>
        {contacts.map((c) => (
          <li key={c.contactNo} className={pane.oneLine} data-testid="added-contact">
            <Checkbox
              disabled={locked}
              checked={selection.has(addedKey(c))}
              onChange={(_, d) => onToggle(addedKey(c), d.checked === true)}
              label={
                <>
                  {c.type === "Company" ? <Building16Regular aria-hidden /> : <Person16Regular aria-hidden />}{" "}
                  {c.name}
                  <span className={pane.visuallyHidden}>
                    {" "}
                    ({i18n.t(c.type === "Company" ? "contactTypeCompany" : "contactTypePerson")})
                  </span>
                </>
              }
            />
            <Button
              size="small"
              appearance="subtle"
              icon={<Dismiss16Regular />}
              aria-label={i18n.t("removeAdded", { name: c.name })}
              disabled={locked}
              onClick={() => onRemove(c.contactNo)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

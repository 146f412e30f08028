// Finds a contact by name prefix, e-mail, contact number or company domain. Keyboard first: type, arrows move
// through the results (aria-activedescendant keeps focus in the box), Enter picks, Escape leaves. Companies and
// persons are told apart by icon and by text.
import { Button, Field, Input, Spinner } from "@fluentui/react-components";
import { Building16Regular, Person16Regular, Search16Regular } from "@fluentui/react-icons";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { InteractionStorePort } from "../../../domain/ports";
import type { Contact } from "../../../domain/types";
import { SEARCH_CAP, useContactSearch } from "../../hooks/useContactSearch";
import { useI18n } from "../../i18n";
import { ErrorState } from "../ErrorState";
import { usePaneStyles } from "../Pane.styles";
import { useContactsStyles } from "./contacts.styles";

export interface ContactSearchProps {
  store: Pick<InteractionStorePort, "findContacts">;
  label: string;
  onPick(contact: Contact): void;
  onCancel?(): void;
  /** Contacts that cannot be picked here (already chosen), by ContactNo. */
  exclude?: ReadonlySet<string>;
}

export function contactLine(c: Contact, typeText: string): string {
  const where = c.type === "Person" ? c.companyName : c.domain;
  return [typeText, c.contactNo, where, c.email].filter(Boolean).join(" · ");
}

export function ContactSearch({ store, label, onPick, onCancel, exclude }: ContactSearchProps) {
  const i18n = useI18n();
  const pane = usePaneStyles();
  const styles = useContactsStyles();
  const search = useContactSearch(store);
  const [active, setActive] = useState(-1);
  const id = useId();
  const listId = `${id}-list`;
  const input = useRef<HTMLInputElement>(null);
  const results = search.results.filter((c) => !exclude?.has(c.contactNo));
  const open = search.text.trim().length > 0 && results.length > 0;

  useEffect(() => input.current?.focus(), []);
  // New results: nothing is highlighted until the user moves into the list.
  useEffect(() => setActive(-1), [search.searched]);
  useEffect(() => {
    if (active >= 0) document.getElementById(`${id}-opt-${active}`)?.scrollIntoView?.({ block: "nearest" });
  }, [active, id]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" && results.length) {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, results.length - 1));
    } else if (e.key === "ArrowUp" && results.length) {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Home" && open && active >= 0) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === "End" && open && active >= 0) {
      e.preventDefault();
      setActive(results.length - 1);
    } else if (e.key === "Enter") {
      e.preventDefault();
      const pick = results[active >= 0 ? active : 0];
      if (pick && search.searched === search.text) onPick(pick);
    } else if (e.key === "Escape") {
      e.preventDefault();
      if (search.text) search.setText("");
      else onCancel?.();
    }
  };

  const typeText = (c: Contact) => i18n.t(c.type === "Company" ? "contactTypeCompany" : "contactTypePerson");
  const status = search.error
    ? ""
    : search.loading
      ? i18n.t("searching")
      : !search.searched
        ? ""
        : results.length === 0
          ? i18n.t("searchNoResults", { text: search.searched })
          : search.capped
            ? i18n.t("searchCapped", { count: SEARCH_CAP })
            : i18n.plural("searchResults", results.length);

  return (
    <div className={pane.section}>
      <Field label={label} hint={i18n.t("searchHint")}>
        <Input
          ref={input}
          type="search"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          {...(active >= 0 && open ? { "aria-activedescendant": `${id}-opt-${active}` } : {})}
          contentBefore={<Search16Regular aria-hidden />}
          value={search.text}
          onChange={(_, d) => search.setText(d.value)}
          onKeyDown={onKeyDown}
        />
      </Field>
      <div role="status" aria-live="polite" className={pane.muted}>
        {search.loading ? <Spinner size="extra-tiny" label={status} /> : status}
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={i18n.t("searchResultsLabel")}
        className={styles.listbox}
        hidden={!open}
      >
        {results.map((c, i) => (
          <li
            key={c.contactNo}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? `${styles.option} ${styles.active}` : styles.option}
            data-testid="contact-option"
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => setActive(i)}
            onClick={() => onPick(c)}
          >
            <span className={styles.icon}>
              {c.type === "Company" ? <Building16Regular aria-hidden /> : <Person16Regular aria-hidden />}
            </span>
            <span>
              <span className={styles.name}>{c.name}</span>
              <br />
              <span className={styles.secondary}>{contactLine(c, typeText(c))}</span>
            </span>
          </li>
        ))}
      </ul>
      {search.hasMore && !search.loading && (
        <Button size="small" onClick={search.loadMore}>
          {i18n.t("searchMore")}
        </Button>
      )}
      {search.error && <ErrorState error={search.error} onRetry={search.retry} />}
    </div>
  );
}

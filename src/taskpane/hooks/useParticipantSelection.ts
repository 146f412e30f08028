// Who the user logs for on this item: the matches (with contacts created from the pane), the checked rows, the
// chosen candidates of ambiguous rows, and what is already logged for the item.
import { useCallback, useMemo, useState } from "react";
import type { ItemContext } from "../../domain/ports";
import type { Contact, InteractionLogEntry, ParticipantMatch } from "../../domain/types";
import {
  addedKey,
  initialSelection,
  loggedContactNos,
  matchedContacts,
  matchWithCreated,
  rememberedChoices,
  selectedContacts,
  withAdded,
  type CandidateChoices,
} from "../model/participant-selection";

export interface ParticipantSelection {
  matches: ParticipantMatch[];
  selection: Set<string>;
  choices: CandidateChoices;
  alreadyLogged: InteractionLogEntry[];
  /** ContactNos (upper-case) with a non-canceled entry for this item. */
  loggedNos: Set<string>;
  /** The checked rows' contacts, each once. */
  contacts: Contact[];
  /** Every distinct matched contact. */
  known: Contact[];
  /** Every address the item's contacts already use (for the create-contact form's duplicate check). */
  existingEmails: string[];
  toggle(email: string, checked: boolean): void;
  choose(email: string, contactNo: string): void;
  contactCreated(match: ParticipantMatch, contact: Contact): void;
  /** After a log: these entries are now logged, and their contacts' rows are unchecked. */
  markLogged(entries: InteractionLogEntry[], doneContactNos: Set<string>): void;
  /** Replaces stored entries (canceled, un-canceled, edited) by id. */
  updateLogged(entries: InteractionLogEntry[]): void;
  /** Checks the rows of these contacts again (after an undo, to log them once more). */
  reselect(contactNos: Set<string>): void;
  /** Contacts added from search: they join the log though they are not on the item. */
  added: Contact[];
  /** Rows (addresses, added-contact keys) checked when the view started that the user unchecked since. */
  unchecked: string[];
  addContact(contact: Contact): void;
  removeContact(contactNo: string): void;
}

/**
 * `remembered`: the user's earlier choices for ambiguous addresses (address → ContactNo), preselected. `carried`:
 * what the user did in the previous view of the same item (rows unchecked, contacts added), kept.
 */
export function useParticipantSelection(
  context: ItemContext,
  remembered: Record<string, string> = {},
  carried?: { unchecked: string[]; added: Contact[] },
): ParticipantSelection {
  const [matches, setMatches] = useState<ParticipantMatch[]>(context.matches);
  const [alreadyLogged, setAlreadyLogged] = useState(context.alreadyLogged);
  const loggedNos = useMemo(() => loggedContactNos(alreadyLogged), [alreadyLogged]);
  const [choices, setChoices] = useState<CandidateChoices>(() =>
    rememberedChoices(context.matches, remembered),
  );
  const [selection, setSelection] = useState(() => {
    const logged = loggedContactNos(context.alreadyLogged);
    const chosen = rememberedChoices(context.matches, remembered);
    // A remembered choice is checked like any matched row, unless that contact is logged already.
    const extra = Object.entries(chosen)
      .filter(([, no]) => !logged.has(no.toUpperCase()))
      .map(([email]) => email);
    const unchecked = new Set(carried?.unchecked);
    const added = (carried?.added ?? []).filter((c) => !logged.has(c.contactNo.toUpperCase())).map(addedKey);
    return new Set(
      [...initialSelection(context.matches, logged), ...extra, ...added].filter((e) => !unchecked.has(e)),
    );
  });
  const [started] = useState(() => [...selection]);
  const [added, setAdded] = useState<Contact[]>(() => carried?.added ?? []);
  const unchecked = useMemo(() => {
    const addedOff = added.map(addedKey).filter((k) => !selection.has(k) && !started.includes(k));
    return [...started.filter((e) => !selection.has(e)), ...addedOff];
  }, [started, selection, added]);
  const contacts = useMemo(
    () => withAdded(selectedContacts(matches, selection, choices), added, selection),
    [matches, selection, choices, added],
  );
  const known = useMemo(
    () => withAdded(matchedContacts(matches, choices), added, new Set(added.map(addedKey))),
    [matches, choices, added],
  );

  const existingEmails = useMemo(
    () =>
      matches
        .flatMap((m) => [m.contact, ...(m.candidates ?? [])])
        .flatMap((c) => [c?.email, c?.email2])
        .filter((e): e is string => Boolean(e)),
    [matches],
  );

  const toggle = useCallback(
    (email: string, checked: boolean) =>
      setSelection((s) => {
        const next = new Set(s);
        if (checked) next.add(email);
        else next.delete(email);
        return next;
      }),
    [],
  );

  const choose = useCallback(
    (email: string, contactNo: string) => {
      setChoices((c) => ({ ...c, [email]: contactNo }));
      toggle(email, true);
    },
    [toggle],
  );

  const contactCreated = useCallback(
    (match: ParticipantMatch, contact: Contact) => {
      setMatches((ms) => ms.map((m) => (m.email === match.email ? matchWithCreated(m, contact) : m)));
      toggle(match.email, true);
    },
    [toggle],
  );

  const markLogged = useCallback(
    (entries: InteractionLogEntry[], doneContactNos: Set<string>) => {
      if (entries.length) setAlreadyLogged((prev) => [...prev, ...entries]);
      setSelection((s) => {
        const next = new Set(s);
        for (const m of matches) {
          const c = m.contact ?? m.candidates?.find((x) => x.contactNo === choices[m.email]);
          if (c && doneContactNos.has(c.contactNo)) next.delete(m.email);
        }
        for (const c of added) if (doneContactNos.has(c.contactNo)) next.delete(addedKey(c));
        return next;
      });
    },
    [matches, choices, added],
  );

  const addContact = useCallback(
    (contact: Contact) => {
      setAdded((list) => (list.some((c) => c.contactNo === contact.contactNo) ? list : [...list, contact]));
      toggle(addedKey(contact), true);
    },
    [toggle],
  );

  const removeContact = useCallback(
    (contactNo: string) => {
      setAdded((list) => list.filter((c) => c.contactNo !== contactNo));
      toggle(addedKey({ contactNo }), false);
    },
    [toggle],
  );

  const updateLogged = useCallback((entries: InteractionLogEntry[]) => {
    const byId = new Map(entries.filter((e) => e.id).map((e) => [e.id, e]));
    setAlreadyLogged((prev) => prev.map((e) => (e.id && byId.get(e.id)) || e));
  }, []);

  const reselect = useCallback(
    (contactNos: Set<string>) => {
      const wanted = new Set([...contactNos].map((n) => n.toUpperCase()));
      setSelection((s) => {
        const next = new Set(s);
        for (const m of matches) {
          const c = m.contact ?? m.candidates?.find((x) => x.contactNo === choices[m.email]);
          if (c && wanted.has(c.contactNo.toUpperCase())) next.add(m.email);
        }
        return next;
      });
    },
    [matches, choices],
  );

  return {
    matches,
    selection,
    choices,
    alreadyLogged,
    loggedNos,
    contacts,
    known,
    existingEmails,
    toggle,
    choose,
    contactCreated,
    markLogged,
    updateLogged,
    reselect,
    added,
    unchecked,
    addContact,
    removeContact,
  };
}

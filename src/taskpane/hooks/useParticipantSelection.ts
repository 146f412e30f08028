// Who the user logs for on this item: the matches (with contacts created from the pane), the checked rows, the
// chosen candidates of ambiguous rows, and what is already logged for the item.
import { useCallback, useMemo, useState } from "react";
import type { ItemContext } from "../../domain/ports";
import type { Contact, InteractionLogEntry, ParticipantMatch } from "../../domain/types";
import {
  initialSelection,
  loggedContactNos,
  matchedContacts,
  matchWithCreated,
  selectedContacts,
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
}

export function useParticipantSelection(context: ItemContext): ParticipantSelection {
  const [matches, setMatches] = useState<ParticipantMatch[]>(context.matches);
  const [alreadyLogged, setAlreadyLogged] = useState(context.alreadyLogged);
  const loggedNos = useMemo(() => loggedContactNos(alreadyLogged), [alreadyLogged]);
  const [selection, setSelection] = useState(() =>
    initialSelection(context.matches, loggedContactNos(context.alreadyLogged)),
  );
  const [choices, setChoices] = useState<CandidateChoices>({});
  const contacts = useMemo(
    () => selectedContacts(matches, selection, choices),
    [matches, selection, choices],
  );
  const known = useMemo(() => matchedContacts(matches, choices), [matches, choices]);

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
        return next;
      });
    },
    [matches, choices],
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
  };
}

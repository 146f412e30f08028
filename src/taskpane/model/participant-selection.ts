// Which correspondents the user logs for: pure functions over the matches, so the rules are testable apart
// from the checkboxes that show them.
import type { Contact, InteractionLogEntry, ParticipantMatch } from "../../domain/types";

/** ContactNo of the one chosen among an ambiguous match's candidates, keyed by the match's email. */
export type CandidateChoices = Record<string, string>;

export function isLoggable(match: ParticipantMatch): boolean {
  return match.status === "person" || match.status === "company" || match.status === "ambiguous";
}

/** The contact a row stands for, once known (ambiguous rows need a choice). */
export function contactOf(match: ParticipantMatch, choices: CandidateChoices): Contact | undefined {
  if (match.status === "person" || match.status === "company") return match.contact;
  if (match.status === "ambiguous") {
    const chosen = choices[match.email];
    return chosen ? match.candidates?.find((c) => c.contactNo === chosen) : undefined;
  }
  return undefined;
}

export function loggedContactNos(entries: InteractionLogEntry[]): Set<string> {
  return new Set(entries.filter((e) => !e.canceled).map((e) => e.contactNo.toUpperCase()));
}

export function isAlreadyLogged(contact: Contact | undefined, logged: Set<string>): boolean {
  return Boolean(contact && logged.has(contact.contactNo.toUpperCase()));
}

/** Matched rows start checked, unless that contact is already logged for this item. */
export function initialSelection(matches: ParticipantMatch[], logged: Set<string>): Set<string> {
  return new Set(
    matches
      .filter((m) => (m.status === "person" || m.status === "company") && !isAlreadyLogged(m.contact, logged))
      .map((m) => m.email),
  );
}

/** The checked rows' contacts, each contact once (two addresses of one person log once). */
export function selectedContacts(
  matches: ParticipantMatch[],
  selection: Set<string>,
  choices: CandidateChoices,
): Contact[] {
  const seen = new Set<string>();
  const out: Contact[] = [];
  for (const m of matches) {
    if (!selection.has(m.email)) continue;
    const c = contactOf(m, choices);
    if (!c || seen.has(c.contactNo.toUpperCase())) continue;
    seen.add(c.contactNo.toUpperCase());
    out.push(c);
  }
  return out;
}

/** Every distinct matched contact, for the history selector. */
export function matchedContacts(matches: ParticipantMatch[], choices: CandidateChoices): Contact[] {
  const seen = new Set<string>();
  const out: Contact[] = [];
  for (const m of matches) {
    const c = contactOf(m, choices);
    if (!c || seen.has(c.contactNo.toUpperCase())) continue;
    seen.add(c.contactNo.toUpperCase());
    out.push(c);
  }
  return out;
}

/** A row after its contact was created: person or company, as the new contact is. */
export function matchWithCreated(match: ParticipantMatch, created: Contact): ParticipantMatch {
  if (created.type === "Company")
    return {
      participant: match.participant,
      email: match.email,
      status: "company",
      contact: created,
      company: created,
    };
  return {
    participant: match.participant,
    email: match.email,
    status: "person",
    contact: created,
    ...(created.companyNo
      ? {
          company: {
            contactNo: created.companyNo,
            type: "Company" as const,
            name: created.companyName ?? created.companyNo,
          },
        }
      : {}),
  };
}

/**
 * The remembered choices (from the user's roaming settings) that still apply: the address is ambiguous on this
 * item and the remembered contact is among its candidates.
 */
export function rememberedChoices(
  matches: ParticipantMatch[],
  remembered: Record<string, string>,
): CandidateChoices {
  const out: CandidateChoices = {};
  for (const m of matches) {
    const no = remembered[m.email];
    if (m.status === "ambiguous" && no && m.candidates?.some((c) => c.contactNo === no)) out[m.email] = no;
  }
  return out;
}

/** The selection key of a contact added from search (never an e-mail address: it has no "@" prefix clash). */
export function addedKey(contact: Pick<Contact, "contactNo">): string {
  return `added:${contact.contactNo.toUpperCase()}`;
}

/** The checked rows' contacts plus the checked contacts added from search, each contact once. */
export function withAdded(contacts: Contact[], added: Contact[], selection: Set<string>): Contact[] {
  const seen = new Set(contacts.map((c) => c.contactNo.toUpperCase()));
  const out = [...contacts];
  for (const c of added) {
    if (!selection.has(addedKey(c)) || seen.has(c.contactNo.toUpperCase())) continue;
    seen.add(c.contactNo.toUpperCase());
    out.push(c);
  }
  return out;
}

// Matching correspondents to contacts: persons by Email/Email2, else companies by mail domain (and parents).
import { normalizeDomain } from "./idn";
import type { Contact, EmailAddress, Participant, ParticipantMatch } from "./types";

export interface MatchingPolicy {
  /** The organisation's own mail domains: colleagues there are "us", never contacts. */
  ownDomains: string[];
  /** Addresses or domains never logged (e.g. personal mail providers). */
  neverLog: string[];
}

export const EMPTY_POLICY: MatchingPolicy = { ownDomains: [], neverLog: [] };

/**
 * Lower-case, trimmed, without a display name, angle brackets or a mailto: prefix; NFC with ACE (punycode)
 * domain labels decoded, so that every spelling of an IDN address compares equal. Plus-addressing is kept:
 * jane+news@x.example is a different address from jane@x.example.
 */
export function normalizeEmail(raw: string): string {
  let s = String(raw ?? "").trim();
  const bracketed = /<([^<>]*)>\s*$/.exec(s);
  // Stryker disable next-line StringLiteral: equivalent, group 1 always takes part in a match, so the fallback is never used
  if (bracketed) s = bracketed[1] ?? "";
  s = s.replace(/^mailto:/i, "").trim();
  const at = s.lastIndexOf("@");
  if (at < 0) return s.toLowerCase().normalize("NFC");
  return `${s.slice(0, at).toLowerCase().normalize("NFC")}@${normalizeDomain(s.slice(at + 1))}`;
}

/** The part after the last "@", normalised; "" when there is none. */
export function domainOf(email: string): string {
  const n = normalizeEmail(email);
  const at = n.lastIndexOf("@");
  return at < 0 ? "" : n.slice(at + 1);
}

/** mail.eu.acme.com → [mail.eu.acme.com, eu.acme.com, acme.com]: most specific first, never a bare top-level domain. */
export function parentDomains(domain: string): string[] {
  const labels = normalizeDomain(domain).split(".").filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i + 2 <= labels.length; i++) out.push(labels.slice(i).join("."));
  return out;
}

// Letters and digits of any script; hyphens only inside a label (ACE labels such as "xn--bcher-kva" qualify).
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;
// Deliberately permissive local part (plus-addressing, apostrophes, Unicode) but nothing that breaks a header.
const LOCAL_FORBIDDEN = /[\s\p{Cc}@<>()[\]\\,;:"]/u;

/**
 * A bare address as a user would type it (surrounding spaces and case do not matter). Display-name forms
 * such as "Jane <jane@x.example>" are not accepted: a field that stores an address must hold only the address.
 */
export function isValidEmail(raw: string): boolean {
  // Stryker disable next-line StringLiteral: equivalent, the stand-in has no @ and is refused just as the empty string is
  const n = String(raw ?? "")
    .trim()
    .toLowerCase()
    .normalize("NFC");
  if (!n || n.length > 254) return false;
  const at = n.indexOf("@");
  if (at <= 0 || at !== n.lastIndexOf("@")) return false;
  const local = n.slice(0, at);
  const domain = n.slice(at + 1);
  if (local.length > 64 || LOCAL_FORBIDDEN.test(local)) return false;
  if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) return false;
  const labels = domain.split(".");
  if (labels.length < 2 || labels.some((l) => l.length > 63 || !DOMAIN_LABEL.test(l))) return false;
  // Stryker disable next-line StringLiteral: equivalent, labels has at least two entries here, so the fallback is never used
  const tld = labels[labels.length - 1] ?? "";
  return [...tld].length >= 2 && !/^\d+$/.test(tld);
}

function domainListed(domain: string, listed: ReadonlySet<string>): boolean {
  if (!domain) return false;
  return listed.has(domain) || parentDomains(domain).some((d) => listed.has(d));
}

/** The policy and owner compiled once, so that matching a hundred recipients stays linear. */
function exclusionTester(
  policy: MatchingPolicy,
  mailboxOwner: EmailAddress,
): (email: string) => "internal" | "neverLog" | null {
  const owner = normalizeEmail(mailboxOwner?.address ?? "");
  const ownDomains = new Set(
    // Stryker disable next-line MethodExpression: equivalent, an empty domain in the set is never looked up (domainListed returns false for "" and parentDomains never yields it)
    [...(policy.ownDomains ?? []), domainOf(owner)].map(normalizeDomain).filter(Boolean),
  );
  const neverAddresses = new Set<string>();
  const neverDomains = new Set<string>();
  for (const raw of policy.neverLog ?? []) {
    const x = String(raw ?? "").trim();
    if (!x) continue;
    if (x.includes("@") && !x.startsWith("@")) neverAddresses.add(normalizeEmail(x));
    else neverDomains.add(normalizeDomain(x));
  }
  return (email) => {
    const n = normalizeEmail(email);
    const domain = domainOf(n);
    if (owner && n === owner) return "internal";
    if (domainListed(domain, ownDomains)) return "internal";
    if (neverAddresses.has(n) || domainListed(domain, neverDomains)) return "neverLog";
    return null;
  };
}

/**
 * Why an address is not a contact to log, or null when it may be one. The owner, the own domains and their
 * subdomains are "internal"; never-log entries are addresses, or domains with or without a leading "@"
 * (subdomains included). The owner's own mail domain counts as an own domain.
 */
export function exclusionReason(
  email: string,
  policy: MatchingPolicy,
  mailboxOwner: EmailAddress,
): "internal" | "neverLog" | null {
  return exclusionTester(policy, mailboxOwner)(email);
}

/** One row per distinct address, first role wins (callers list from before to before cc); blank addresses dropped. */
export function distinctParticipants(participants: Participant[]): Participant[] {
  const seen = new Set<string>();
  const out: Participant[] = [];
  // Stryker disable next-line ArrayDeclaration: equivalent, a string stand-in has no address, so it normalises to "" and is dropped as blank
  for (const p of participants ?? []) {
    if (!p) continue;
    const key = normalizeEmail(p.address);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/** The addresses and domains to query for, after exclusions: what the storage layer looks up. */
export function lookupKeys(
  participants: Participant[],
  policy: MatchingPolicy,
  mailboxOwner: EmailAddress,
): { emails: string[]; domains: string[] } {
  const excluded = exclusionTester(policy, mailboxOwner);
  const emails: string[] = [];
  const domains = new Set<string>();
  for (const p of distinctParticipants(participants)) {
    const email = normalizeEmail(p.address);
    if (excluded(email)) continue;
    emails.push(email);
    for (const d of parentDomains(domainOf(email))) domains.add(d);
  }
  return { emails, domains: [...domains] };
}

function addTo(index: Map<string, Contact[]>, key: string, contact: Contact): void {
  const list = index.get(key);
  if (!list) index.set(key, [contact]);
  else if (!list.some((c) => c.contactNo === contact.contactNo)) list.push(contact);
}

/**
 * Resolves every participant against the contacts found by email and by domain: persons by Email/Email2,
 * then companies by Email/Email2, then companies by the most specific matching Domain.
 * `remembered` maps an address to the ContactNo the user chose when it was ambiguous.
 */
export function resolveMatches(
  participants: Participant[],
  mailboxOwner: EmailAddress,
  policy: MatchingPolicy,
  found: Contact[],
  remembered: Record<string, string> = {},
): ParticipantMatch[] {
  const excluded = exclusionTester(policy, mailboxOwner);
  const personsByEmail = new Map<string, Contact[]>();
  const companiesByEmail = new Map<string, Contact[]>();
  const companiesByDomain = new Map<string, Contact[]>();
  const companyByNo = new Map<string, Contact>();
  // Stryker disable next-line ArrayDeclaration: equivalent, a string stand-in has no type, address or domain, so it adds no key to any map
  for (const c of found ?? []) {
    if (!c) continue;
    const byEmail = c.type === "Company" ? companiesByEmail : personsByEmail;
    for (const a of [c.email, c.email2]) {
      // Stryker disable next-line StringLiteral: equivalent, the stand-in key has upper case and spaces, and looked-up addresses are normalised, so it is never found
      const n = a ? normalizeEmail(a) : "";
      if (n) addTo(byEmail, n, c);
    }
    if (c.type === "Company") {
      if (!companyByNo.has(c.contactNo)) companyByNo.set(c.contactNo, c);
      // Stryker disable next-line StringLiteral: equivalent, the stand-in key has upper case and spaces, and looked-up domains are normalised, so it is never found
      const d = c.domain ? normalizeDomain(c.domain) : "";
      if (d) addTo(companiesByDomain, d, c);
    }
  }
  const choices = new Map<string, string>();
  for (const [address, contactNo] of Object.entries(remembered ?? {}))
    if (contactNo) choices.set(normalizeEmail(address), contactNo);

  return distinctParticipants(participants).map((participant): ParticipantMatch => {
    const email = normalizeEmail(participant.address);
    const reason = excluded(email);
    if (reason) return { participant, email, status: reason };

    const byDomain = (): Contact[] => {
      for (const d of parentDomains(domainOf(email))) {
        const hits = companiesByDomain.get(d);
        if (hits?.length) return hits;
      }
      return [];
    };
    const candidates = personsByEmail.get(email) ?? companiesByEmail.get(email) ?? byDomain();
    const chosenNo = choices.get(email);
    const chosen = chosenNo ? candidates.find((c) => c.contactNo === chosenNo) : undefined;
    const pick = chosen ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!pick) {
      return candidates.length > 1
        ? { participant, email, status: "ambiguous", candidates: [...candidates] }
        : { participant, email, status: "unknown" };
    }
    if (pick.type === "Company")
      return { participant, email, status: "company", contact: pick, company: pick };
    const company =
      (pick.companyNo && companyByNo.get(pick.companyNo)) ||
      (pick.companyNo
        ? { contactNo: pick.companyNo, type: "Company" as const, name: pick.companyName || pick.companyNo }
        : undefined);
    return { participant, email, status: "person", contact: pick, ...(company ? { company } : {}) };
  });
}

/** First/last name from a display name ("Doe, Jane" and "Jane Doe" both give Jane / Doe). */
export function splitDisplayName(displayName: string): { firstName: string; lastName: string } {
  const s = displayName.replace(/\s+/g, " ").trim();
  if (s.includes(",")) {
    const [last, first] = s.split(",", 2).map((x) => x.trim());
    // Stryker disable next-line StringLiteral: equivalent, split(",", 2) of a text that contains a comma always gives two parts
    return { firstName: first ?? "", lastName: last ?? "" };
  }
  const parts = s.split(" ");
  if (parts.length === 1) return { firstName: parts[0] ?? "", lastName: "" };
  return { firstName: parts.slice(0, -1).join(" "), lastName: parts[parts.length - 1] ?? "" };
}

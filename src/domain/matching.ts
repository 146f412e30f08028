// Matching correspondents to contacts: persons by Email/Email2, else companies by mail domain (and parents).
import type { Contact, EmailAddress, Participant, ParticipantMatch } from "./types";

export interface MatchingPolicy {
  /** The organisation's own mail domains: colleagues there are "us", never contacts. */
  ownDomains: string[];
  /** Addresses or domains never logged (e.g. personal mail providers). */
  neverLog: string[];
}

export const EMPTY_POLICY: MatchingPolicy = { ownDomains: [], neverLog: [] };

/** Lower-case, trimmed, without angle brackets or a mailto: prefix; NFC so that IDN spellings compare equal. */
export function normalizeEmail(raw: string): string {
  let s = (raw ?? "").normalize("NFC").trim();
  const bracketed = /<([^<>]*)>\s*$/.exec(s);
  if (bracketed) s = bracketed[1] ?? "";
  s = s.replace(/^mailto:/i, "").trim();
  return s.toLowerCase();
}

/** The part after the last "@", lower-case; "" when there is none. */
export function domainOf(email: string): string {
  const n = normalizeEmail(email);
  const at = n.lastIndexOf("@");
  return at < 0 ? "" : n.slice(at + 1);
}

/** mail.eu.acme.com → [mail.eu.acme.com, eu.acme.com, acme.com]; never a bare top-level domain. */
export function parentDomains(domain: string): string[] {
  const labels = domain.toLowerCase().split(".").filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i + 2 <= labels.length; i++) out.push(labels.slice(i).join("."));
  return out;
}

// Deliberately permissive on the local part (quotes, plus-addressing, apostrophes) and Unicode domains.
const EMAIL_PATTERN = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;.]{2,}$/u;

export function isValidEmail(raw: string): boolean {
  const n = normalizeEmail(raw);
  return n.length <= 254 && EMAIL_PATTERN.test(n) && !n.includes("..");
}

function domainListed(domain: string, list: string[]): boolean {
  const normalized = list.map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean);
  return parentDomains(domain).some((d) => normalized.includes(d)) || normalized.includes(domain);
}

/** Why an address is not a contact to log, or null when it may be one. */
export function exclusionReason(
  email: string,
  policy: MatchingPolicy,
  mailboxOwner: EmailAddress,
): "internal" | "neverLog" | null {
  const n = normalizeEmail(email);
  const domain = domainOf(n);
  if (n === normalizeEmail(mailboxOwner.address)) return "internal";
  const ownDomains = [...policy.ownDomains, domainOf(mailboxOwner.address)].filter(Boolean);
  if (domainListed(domain, ownDomains)) return "internal";
  const neverAddresses = policy.neverLog.filter((x) => x.includes("@") && !x.trim().startsWith("@"));
  if (neverAddresses.some((a) => normalizeEmail(a) === n)) return "neverLog";
  const neverDomains = policy.neverLog.filter((x) => !x.includes("@") || x.trim().startsWith("@"));
  if (domainListed(domain, neverDomains)) return "neverLog";
  return null;
}

/** One row per distinct address, first role wins (from before to before cc). */
export function distinctParticipants(participants: Participant[]): Participant[] {
  const seen = new Set<string>();
  const out: Participant[] = [];
  for (const p of participants) {
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
  const emails: string[] = [];
  const domains = new Set<string>();
  for (const p of distinctParticipants(participants)) {
    const email = normalizeEmail(p.address);
    if (exclusionReason(email, policy, mailboxOwner)) continue;
    emails.push(email);
    for (const d of parentDomains(domainOf(email))) domains.add(d);
  }
  return { emails, domains: [...domains] };
}

/**
 * Resolves every participant against the contacts found by email and by domain.
 * `remembered` maps an address to the ContactNo the user chose when it was ambiguous.
 */
export function resolveMatches(
  participants: Participant[],
  mailboxOwner: EmailAddress,
  policy: MatchingPolicy,
  found: Contact[],
  remembered: Record<string, string> = {},
): ParticipantMatch[] {
  const persons = found.filter((c) => c.type === "Person");
  const companies = found.filter((c) => c.type === "Company");
  const companyByNo = new Map(companies.map((c) => [c.contactNo, c]));
  return distinctParticipants(participants).map((participant): ParticipantMatch => {
    const email = normalizeEmail(participant.address);
    const excluded = exclusionReason(email, policy, mailboxOwner);
    if (excluded) return { participant, email, status: excluded };

    const byEmail = uniqueByNo(
      persons.filter(
        (c) => normalizeEmail(c.email ?? "") === email || normalizeEmail(c.email2 ?? "") === email,
      ),
    );
    const candidatesForDomain = (): Contact[] => {
      for (const d of parentDomains(domainOf(email))) {
        const hits = uniqueByNo(companies.filter((c) => (c.domain ?? "").toLowerCase() === d));
        if (hits.length) return hits;
      }
      return [];
    };
    const candidates = byEmail.length ? byEmail : candidatesForDomain();
    const chosenNo = remembered[email];
    const chosen = chosenNo ? candidates.find((c) => c.contactNo === chosenNo) : undefined;
    const pick = chosen ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!pick) {
      return candidates.length > 1
        ? { participant, email, status: "ambiguous", candidates }
        : { participant, email, status: "unknown" };
    }
    if (pick.type === "Company")
      return { participant, email, status: "company", contact: pick, company: pick };
    const company =
      (pick.companyNo && companyByNo.get(pick.companyNo)) ||
      (pick.companyNo
        ? { contactNo: pick.companyNo, type: "Company" as const, name: pick.companyName ?? pick.companyNo }
        : undefined);
    return { participant, email, status: "person", contact: pick, ...(company ? { company } : {}) };
  });
}

function uniqueByNo(contacts: Contact[]): Contact[] {
  const seen = new Map<string, Contact>();
  for (const c of contacts) if (!seen.has(c.contactNo)) seen.set(c.contactNo, c);
  return [...seen.values()];
}

/** First/last name from a display name ("Doe, Jane" and "Jane Doe" both give Jane / Doe). */
export function splitDisplayName(displayName: string): { firstName: string; lastName: string } {
  const s = displayName.replace(/\s+/g, " ").trim();
  if (s.includes(",")) {
    const [last, first] = s.split(",", 2).map((x) => x.trim());
    return { firstName: first ?? "", lastName: last ?? "" };
  }
  const parts = s.split(" ");
  if (parts.length === 1) return { firstName: parts[0] ?? "", lastName: "" };
  return { firstName: parts.slice(0, -1).join(" "), lastName: parts[parts.length - 1] ?? "" };
}

// A name for a company that is not a contact yet, guessed from what a mail gives: the signature when it names
// the company, else the mail domain. Only a proposal: the user sees it in the form and may change it.
import { normalizeDomain } from "./idn";

/** Second-level labels under which organisations register (example.co.uk → example). */
const GENERIC_SECOND_LEVEL = new Set(["co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc"]);

/** The label that names the organisation: mail.eu.northwind.example → northwind. */
export function organisationLabel(domain: string): string {
  const labels = normalizeDomain(domain).split(".").filter(Boolean);
  if (labels.length < 2) return labels[0] ?? "";
  const second = labels[labels.length - 2]!;
  if (labels.length >= 3 && GENERIC_SECOND_LEVEL.has(second)) return labels[labels.length - 3]!;
  return second;
}

/** "northwind-traders.example" → "Northwind Traders". */
export function companyNameFromDomain(domain: string): string {
  return organisationLabel(domain)
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toLocaleUpperCase() + w.slice(1))
    .join(" ");
}

const squash = (s: string): string => s.toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * The signature line that names the company: among the last lines of the body, the lowest one that contains the
 * domain's organisation name (spacing, hyphens and case ignored) and looks like a name, not an address, a link
 * or a phone number. Undefined when no line qualifies.
 */
export function companyNameFromSignature(body: string | undefined, domain: string): string | undefined {
  const label = squash(organisationLabel(domain));
  if (!body || label.length < 2) return undefined;
  const lines = body
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .slice(-12);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.length > 80 || /[@<>]|https?:|www\./i.test(line)) continue;
    // Stryker disable next-line ArrayDeclaration: equivalent, a one-element stand-in for no match has 1 digit, not more than 3, like the empty list
    if ((line.match(/\d/g) ?? []).length > 3) continue;
    if (squash(line).includes(label)) return line.replace(/^[-–—|•·,\s]+|[-–—|•·,\s]+$/g, "");
  }
  return undefined;
}

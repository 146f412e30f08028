// Turns one log action (a draft for one or many contacts) into the entries to store.
import { dedupeKey } from "./dedupe";
import { storedSourceId, storedWebLink } from "./source-ref";
import { normalizeEmail } from "./matching";
import { truncateDescription } from "./template-defaults";
import type {
  Contact,
  Correspondence,
  InteractionLogEntry,
  InteractionTemplate,
  LogDraft,
  LoggedSegment,
  SourceKind,
  UserProfile,
} from "./types";

export interface BuildEntriesInput {
  correspondence?: Correspondence;
  contacts: Contact[];
  draft: LogDraft;
  template: InteractionTemplate;
  user: UserProfile;
  /** Identifies this log action; the dedupe source for a manual log. */
  requestId: string;
  loggedSegmentId?: string;
  /** Which address each contact was reached by (normalised email → ContactNo). */
  contactVia?: Record<string, string>;
}

export function sourceKindOf(c: Correspondence | undefined): SourceKind {
  if (!c) return "Manual";
  return c.kind === "meeting" ? "Meeting" : "Email";
}

/**
 * One entry per distinct contact (ContactNo compared case-insensitively, first occurrence kept). The dedupe
 * source is the item's SourceId, or the request id when there is none (manual logs, unsaved drafts), so a
 * retried request produces the same keys. Throws a RangeError for values that would store corrupt data
 * (invalid date, non-finite or negative cost/duration, a contact without a number): validateDraft reports
 * these to the user first; this is the last guard.
 */
export function buildEntries(input: BuildEntriesInput): InteractionLogEntry[] {
  const { correspondence: c, draft, template, user } = input;
  const interactionDate = isoOrThrow(draft.interactionDate);
  for (const [name, value] of [
    ["costLCY", draft.costLCY],
    ["durationMin", draft.durationMin],
  ] as const)
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
      throw new RangeError(`buildEntries: ${name} must be a number of zero or more, got ${String(value)}`);
  const kind = sourceKindOf(c);
  const sourceId = c?.sourceId?.trim() || undefined;
  const source = sourceId ?? input.requestId;
  // The first address that reached a contact is the one shown as Contact Via.
  const viaByContact = new Map<string, string>();
  for (const [email, no] of Object.entries(input.contactVia ?? {})) {
    const key = contactKey(no);
    if (key && !viaByContact.has(key)) viaByContact.set(key, normalizeEmail(email));
  }
  const subject = c ? truncateDescription(c.subject) || undefined : undefined;
  const seen = new Set<string>();
  const entries: InteractionLogEntry[] = [];
  for (const contact of input.contacts) {
    const key = contactKey(contact?.contactNo);
    if (!key) throw new RangeError("buildEntries: a contact has no ContactNo");
    if (seen.has(key)) continue;
    seen.add(key);
    const entry: InteractionLogEntry = {
      description: truncateDescription(draft.description),
      contactNo: contact.contactNo,
      contactCompanyNo: contact.type === "Company" ? contact.contactNo : contact.companyNo || undefined,
      contactName: contact.name,
      interactionDate,
      informationFlow: draft.informationFlow,
      initiatedBy: draft.initiatedBy,
      templateCode: template.code,
      groupCode: template.groupCode || undefined,
      costLCY: draft.costLCY,
      durationMin: draft.durationMin,
      userId: normalizeEmail(user.emailAddress),
      subject,
      evaluation: draft.evaluation,
      attemptFailed: draft.attemptFailed,
      canceled: false,
      correspondenceType: draft.correspondenceType,
      contactVia: viaByContact.get(key) ?? (contact.email ? normalizeEmail(contact.email) : undefined),
      loggedSegmentId: input.loggedSegmentId,
      comment: draft.comment?.trim() ? draft.comment : undefined,
      sourceKind: kind,
      // Stored in 255-character columns (source-ref.ts); the DedupeKey still hashes the full id.
      sourceId: sourceId === undefined ? undefined : storedSourceId(sourceId),
      dedupeKey: dedupeKey(kind, source, contact.contactNo),
      webLink: storedWebLink(c?.webLink),
    };
    entries.push(stripUndefined(entry));
  }
  return entries;
}

function contactKey(contactNo: string | undefined): string {
  return String(contactNo ?? "")
    .trim()
    .toUpperCase();
}

function isoOrThrow(value: string): string {
  const t = value ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError(`buildEntries: "${String(value)}" is not a valid date`);
  return new Date(t).toISOString();
}

/** A logged segment is made when one action logs for more than one contact. */
export function buildSegment(
  input: Pick<BuildEntriesInput, "correspondence" | "draft" | "user">,
  now: Date = new Date(),
): LoggedSegment {
  return stripUndefined({
    description: truncateDescription(input.draft.description),
    creationDate: now.toISOString(),
    userId: normalizeEmail(input.user.emailAddress),
    canceled: false,
    sourceId: storedSourceIdOf(input.correspondence?.sourceId),
  });
}

function storedSourceIdOf(id: string | undefined): string | undefined {
  const t = id?.trim();
  return t ? storedSourceId(t) : undefined;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

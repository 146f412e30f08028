// Turns one log action (a draft for one or many contacts) into the entries to store.
import { dedupeKey } from "./dedupe";
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

export function buildEntries(input: BuildEntriesInput): InteractionLogEntry[] {
  const { correspondence: c, draft, template, user } = input;
  const kind = sourceKindOf(c);
  const source = c?.sourceId ?? input.requestId;
  const viaByContact = new Map<string, string>();
  for (const [email, no] of Object.entries(input.contactVia ?? {}))
    viaByContact.set(no, normalizeEmail(email));
  const seen = new Set<string>();
  const entries: InteractionLogEntry[] = [];
  for (const contact of input.contacts) {
    if (seen.has(contact.contactNo)) continue;
    seen.add(contact.contactNo);
    const entry: InteractionLogEntry = {
      description: truncateDescription(draft.description),
      contactNo: contact.contactNo,
      contactCompanyNo: contact.type === "Company" ? contact.contactNo : contact.companyNo || undefined,
      contactName: contact.name,
      interactionDate: new Date(draft.interactionDate).toISOString(),
      informationFlow: draft.informationFlow,
      initiatedBy: draft.initiatedBy,
      templateCode: template.code,
      groupCode: template.groupCode,
      costLCY: draft.costLCY,
      durationMin: draft.durationMin,
      userId: normalizeEmail(user.emailAddress),
      subject: c ? truncateDescription(c.subject) : undefined,
      evaluation: draft.evaluation,
      attemptFailed: draft.attemptFailed,
      canceled: false,
      correspondenceType: draft.correspondenceType,
      contactVia: viaByContact.get(contact.contactNo) ?? contact.email,
      loggedSegmentId: input.loggedSegmentId,
      comment: draft.comment?.trim() ? draft.comment : undefined,
      sourceKind: kind,
      sourceId: c?.sourceId,
      dedupeKey: dedupeKey(kind, source, contact.contactNo),
      webLink: c?.webLink,
    };
    entries.push(stripUndefined(entry));
  }
  return entries;
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
    sourceId: input.correspondence?.sourceId,
  });
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

// The interaction model, after Business Central's relationship management (see ../shared/domain/).
// Option sets are string unions whose values are exactly the SharePoint choice values.

export const INFORMATION_FLOWS = ["Outbound", "Inbound"] as const;
export type InformationFlow = (typeof INFORMATION_FLOWS)[number];

export const INITIATED_BY = ["Us", "Them"] as const;
export type InitiatedBy = (typeof INITIATED_BY)[number];

export const CORRESPONDENCE_TYPES = ["Email", "Hard Copy", "Meeting", "Phone Call"] as const;
export type CorrespondenceType = (typeof CORRESPONDENCE_TYPES)[number];

export const EVALUATIONS = ["Very Positive", "Positive", "Neutral", "Negative", "Very Negative"] as const;
export type Evaluation = (typeof EVALUATIONS)[number];

export const CONTACT_TYPES = ["Company", "Person"] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

export const SOURCE_KINDS = ["Email", "Meeting", "Manual"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Purposes of the Interaction Template Setup: the Title of each setup item. */
export const SETUP_PURPOSES = ["Emails", "Meeting Invitation", "Outgoing Calls", "E-Mail Draft"] as const;
export type SetupPurpose = (typeof SETUP_PURPOSES)[number];

export interface InteractionGroup {
  /** SharePoint item id; absent before the group is stored. */
  id?: string;
  code: string;
  description: string;
}

export interface InteractionTemplate {
  id?: string;
  code: string;
  description: string;
  groupCode: string;
  /** Blank (undefined) means "taken from the direction of the correspondence". */
  informationFlow?: InformationFlow;
  initiatedBy?: InitiatedBy;
  unitCostLCY: number;
  unitDurationMin: number;
  correspondenceType?: CorrespondenceType;
  languageCode?: string;
  blocked: boolean;
}

/** Which template is used for each purpose; a purpose may be unset. */
export type TemplateSetup = Partial<Record<SetupPurpose, string>>;

export interface Contact {
  id?: string;
  /** Item eTag as last read; an update (linking an address) sends it as If-Match. */
  eTag?: string;
  contactNo: string;
  type: ContactType;
  name: string;
  /** For a person: the ContactNo of its company (may be empty). For a company: its own ContactNo. */
  companyNo?: string;
  companyName?: string;
  /** Always stored lower-case. */
  email?: string;
  email2?: string;
  /** Company contacts: the mail domain that identifies them, lower-case. */
  domain?: string;
  phone?: string;
  jobTitle?: string;
}

export interface InteractionLogEntry {
  /** SharePoint item id = Entry No. Absent before it is stored. */
  id?: string;
  /** Item eTag as last read; updates send it as If-Match. */
  eTag?: string;
  description: string;
  contactNo: string;
  contactCompanyNo?: string;
  contactName?: string;
  /** ISO 8601 UTC date and time of the interaction. */
  interactionDate: string;
  informationFlow?: InformationFlow;
  initiatedBy?: InitiatedBy;
  templateCode: string;
  groupCode?: string;
  costLCY: number;
  durationMin: number;
  /** UPN of the user who logged it. */
  userId: string;
  subject?: string;
  evaluation?: Evaluation;
  attemptFailed: boolean;
  canceled: boolean;
  correspondenceType?: CorrespondenceType;
  contactVia?: string;
  /** Item id in Logged Segments, when logged as part of a segment. */
  loggedSegmentId?: string;
  comment?: string;
  sourceKind: SourceKind;
  /** internetMessageId for mail, iCalUId/UID for meetings. */
  sourceId?: string;
  /** Unique per (source, contact): see dedupe.ts. */
  dedupeKey: string;
  webLink?: string;
  /** The folder in Interaction Documents that keeps the logged item's content (its webUrl); issue 15. */
  documentUrl?: string;
  /** The plain-text start of the mail, ≤ 2,000 characters, quoted history cut; issue 15. */
  bodyExcerpt?: string;
}

export interface LoggedSegment {
  id?: string;
  eTag?: string;
  description: string;
  /** ISO 8601 UTC. */
  creationDate: string;
  userId: string;
  canceled: boolean;
  sourceId?: string;
  /** Entries written for the segment (Business Central's "No. of Interactions"); absent on older segments. */
  noOfInteractions?: number;
}

/** One person on the mail or meeting: as Outlook gives it. */
export interface EmailAddress {
  displayName: string;
  /** As given by Outlook; may carry case, spaces or angle brackets. */
  address: string;
}

export type ParticipantRole = "from" | "sender" | "to" | "cc" | "bcc" | "organizer" | "required" | "optional";

export interface Participant extends EmailAddress {
  role: ParticipantRole;
}

export type CorrespondenceKind = "email" | "meeting";
export type ItemMode = "read" | "compose";

/**
 * The open Outlook item, read once into plain data. The office layer builds it; nothing else knows Office.
 * "Direction" is relative to the mailbox user: received mail and meetings we attend are inbound.
 */
export interface Correspondence {
  kind: CorrespondenceKind;
  mode: ItemMode;
  /** internetMessageId (mail, read), iCalUId/UID (meeting) or a stable per-draft id (compose); undefined if none. */
  sourceId?: string;
  /**
   * Meetings only: the draft id (`draft:…`) the organiser's item carries when `sourceId` is its iCalUId. Entries
   * logged while the meeting was an unsaved draft are under this id; the store moves them to `sourceId`.
   */
  draftSourceId?: string;
  /** Exchange item id when known (read mode, or saved drafts): used for WebLink. */
  itemId?: string;
  subject: string;
  /** ISO 8601 UTC: received/sent time for mail, start for a meeting. */
  date: string;
  /** Meetings: ISO 8601 UTC end; absent for mail. */
  end?: string;
  direction: "inbound" | "outbound";
  /** Meetings: true when the mailbox user organises it. */
  isOrganizer?: boolean;
  participants: Participant[];
  /** The mailbox owner (for shared/delegate mailboxes, the owner, not the signed-in user). */
  mailboxOwner: EmailAddress;
  webLink?: string;
}

export interface UserProfile {
  displayName: string;
  emailAddress: string;
}

/** What a matched participant resolved to. */
export type MatchStatus = "person" | "company" | "unknown" | "ambiguous" | "internal" | "neverLog";

export interface ParticipantMatch {
  participant: Participant;
  /** Normalised address (lower-case, trimmed, no angle brackets). */
  email: string;
  status: MatchStatus;
  /** The matched person or company; for "person" also see `company`. */
  contact?: Contact;
  company?: Contact;
  /** Every candidate when more than one contact matches the address. */
  candidates?: Contact[];
}

export interface LogDraft {
  templateCode: string;
  description: string;
  /** ISO 8601 UTC. */
  interactionDate: string;
  informationFlow?: InformationFlow;
  initiatedBy?: InitiatedBy;
  evaluation?: Evaluation;
  attemptFailed: boolean;
  costLCY: number;
  durationMin: number;
  comment?: string;
  correspondenceType?: CorrespondenceType;
}

export interface InteractionStatistics {
  count: number;
  costLCY: number;
  durationMin: number;
}

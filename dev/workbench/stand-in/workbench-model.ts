// The workbench's mailbox state, shared by the page (which owns it) and the Office stand-in in the pane's iframe
// (which reads it through the bridge). Plain data in Outlook's own shapes, so the stand-in only has to wrap it.
import inbox from "../../fixtures/mailbox/inbox.json";
import sent from "../../fixtures/mailbox/sent.json";
import calendar from "../../fixtures/mailbox/calendar.json";
import type { RecipientField } from "./item-events";
import type { RoamingStore } from "./roaming-settings";

export interface FixtureAddress {
  displayName: string;
  emailAddress: string;
}

/**
 * An attachment of a fixture message, in Outlook's read-mode shape (AttachmentDetails) plus where its content comes
 * from, so the JSON never holds megabytes: `text` (literal UTF-8; `size` is its byte length) or `generated` (exactly
 * `size` deterministic bytes from `seed`, see attachment-content.ts). Cloud attachments have neither: Outlook gives
 * their URL as the id and as the content.
 */
export interface FixtureAttachment {
  /** The Exchange attachment id; for a cloud attachment the file's URL (as Outlook reports it). */
  id: string;
  /** Item attachments carry no file extension in Outlook's name. */
  name: string;
  contentType: string;
  size: number;
  attachmentType: "file" | "item" | "cloud";
  isInline?: boolean;
  /** Inline images: the cid the HTML body refers to (Outlook on the web reports it). */
  contentId?: string;
  /** Cloud attachments: the file's URL (equal to `id`). */
  url?: string;
  text?: string;
  generated?: { seed: number };
}

export interface FixtureMessage {
  itemId: string;
  /** Outlook's item class; "IPM.Note" when absent ("IPM.Note.SMIME" for an S/MIME-protected mail). */
  itemClass?: string;
  internetMessageId: string;
  subject: string;
  from: FixtureAddress;
  sender?: FixtureAddress;
  to: FixtureAddress[];
  cc: FixtureAddress[];
  dateTimeCreated: string;
  body: string;
  /** Set when the item sits in a folder shared by another user (getSharedPropertiesAsync exists then). */
  sharedOwner?: string;
  attachments?: FixtureAttachment[];
}

export interface FixtureMeeting {
  itemId: string;
  /** The meeting's iCalendar UID. Outlook's add-in API does not expose it; Graph does (iCalUId). */
  uid: string;
  subject: string;
  location: string;
  organizer: FixtureAddress;
  requiredAttendees: FixtureAddress[];
  optionalAttendees: FixtureAddress[];
  start: string;
  end: string;
  dateTimeCreated: string;
  body: string;
}

export interface DraftBase {
  /** Workbench-local key of the draft; not visible to the add-in. */
  key: string;
  /** Set once the draft is saved (item.saveAsync). */
  itemId?: string;
  subject: string;
  body: string;
  /** What loadCustomPropertiesAsync returns; replaced on customProperties.saveAsync. */
  customProperties: Record<string, unknown>;
}

export interface DraftMessage extends DraftBase {
  from: FixtureAddress;
  to: FixtureAddress[];
  cc: FixtureAddress[];
  bcc: FixtureAddress[];
}

export interface DraftMeeting extends DraftBase {
  organizer: FixtureAddress;
  requiredAttendees: FixtureAddress[];
  optionalAttendees: FixtureAddress[];
  location: string;
  start: string;
  end: string;
  /** The iCalendar UID Exchange gives the meeting when it is first saved (or sent). */
  uid?: string;
}

export type FolderId = "inbox" | "sent" | "calendar";

export type WorkbenchItem =
  | { kind: "message"; mode: "read"; folder: "inbox" | "sent"; data: FixtureMessage }
  | { kind: "appointment"; mode: "read"; folder: "calendar"; data: FixtureMeeting }
  | { kind: "message"; mode: "compose"; draft: DraftMessage }
  | { kind: "appointment"; mode: "compose"; draft: DraftMeeting };

/** What the page exposes to the stand-in (window.parent.__iloWorkbench). */
export interface HostBridge {
  readonly user: FixtureAddress;
  readonly displayLanguage: string;
  readonly theme: "light" | "dark";
  currentItem(): WorkbenchItem | null;
  /** Called on every selection change; returns an unsubscribe function. */
  onSelectionChanged(listener: () => void): () => void;
  /** The add-in changed a compose field (setAsync); the page redraws its form. */
  draftEdited(): void;
  /** The user changed a recipient field of the open draft; returns an unsubscribe function. */
  onRecipientsChanged?(listener: (field: RecipientField) => void): () => void;
  /** Where roamingSettings.saveAsync keeps the add-in's settings (the page's localStorage). */
  readonly roaming?: RoamingStore;
  /** A meeting draft was saved under `itemId`: the page files it in the organiser's calendar (Graph knows it). */
  meetingSaved?(draft: DraftMeeting, itemId: string): Promise<void>;
}

/** The page's launch-event host (window.__iloLaunchRuntime): where an event runtime registers its handlers. */
export interface LaunchRuntimeHost {
  associate(name: string, handler: (event: unknown) => void): void;
  /** OfficeRuntime.storage: one per add-in origin, shared by the pane and the event runtimes. */
  readonly storage: {
    getItem(key: string): Promise<string | null>;
    setItem(key: string, value: string): Promise<void>;
    removeItem(key: string): Promise<void>;
    getKeys(): Promise<string[]>;
  };
}

export const WORKBENCH_USER: FixtureAddress = {
  displayName: "Annette Hill",
  emailAddress: "annette.hill@cronus.example",
};
export const OWN_DOMAINS = ["cronus.example"];

/**
 * The mailboxes the workbench can show (the header's Mailbox switch): Annette's, with the fixture mail, and Kim
 * Akers' (an attendee of Annette's meetings and the organiser of one fixture meeting), whose calendar receives the
 * invitations sent to her.
 */
export const WORKBENCH_MAILBOXES: readonly FixtureAddress[] = [
  WORKBENCH_USER,
  { displayName: "Kim Akers", emailAddress: "kim.akers@treyresearch.example" },
];

export const FIXTURES = {
  inbox: inbox as FixtureMessage[],
  sent: sent as FixtureMessage[],
  calendar: calendar as FixtureMeeting[],
};

export function itemKey(item: WorkbenchItem): string {
  return item.mode === "compose" ? `draft:${item.draft.key}` : `${item.folder}:${item.data.itemId}`;
}

export function itemSubject(item: WorkbenchItem): string {
  return item.mode === "compose" ? item.draft.subject : item.data.subject;
}

/** "Name <a@b>; c@d" → addresses; rejects what Outlook would not resolve, with the offending entry named. */
export function parseRecipients(text: string): FixtureAddress[] {
  const out: FixtureAddress[] = [];
  for (const raw of text.split(/[;,\n]/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const m = /^(.*?)\s*<([^<>\s]+)>$/.exec(entry);
    const address = (m ? m[2]! : entry).trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) throw new Error(`Not an email address: ${entry}`);
    const name = m ? m[1]!.trim().replace(/^"(.*)"$/, "$1") : "";
    out.push({ displayName: name || address, emailAddress: address });
  }
  return out;
}

export function formatRecipients(list: FixtureAddress[]): string {
  return list
    .map((a) =>
      a.displayName && a.displayName !== a.emailAddress
        ? `${a.displayName} <${a.emailAddress}>`
        : a.emailAddress,
    )
    .join("; ");
}

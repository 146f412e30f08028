// What Exchange does once an item is sent: a copy in Sent Items (a mail, with a new item id and internetMessageId)
// or in the calendar (a meeting), keeping the draft's custom properties, as the copy in Sent Items does in Outlook.
// A meeting also lands in each attendee's calendar (their own item id, the same iCalendar UID, none of the
// organiser's custom properties) when that attendee has a mailbox in the workbench.
import type {
  DraftMeeting,
  DraftMessage,
  FixtureAddress,
  FixtureMeeting,
  FixtureMessage,
  WorkbenchItem,
} from "../stand-in/workbench-model";

/** One mailbox's folders, as the page keeps them. */
export interface MailboxFolders {
  sent: FixtureMessage[];
  calendar: FixtureMeeting[];
}

/** What Graph's calendar must learn about a sent meeting: each mailbox's copy (POST /_emulator/events). */
export interface MeetingRegistration {
  iCalUId: string;
  subject: string;
  start: string;
  end: string;
  copies: Array<{ mailbox: string; itemId: string }>;
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

/** The UID Exchange gives a meeting when it is first saved or sent. */
export function newMeetingUid(): string {
  return `040000008200E00074C5B7101A82E008${randomHex(24)}`;
}

/** The registration of a meeting saved as a draft: the organiser's calendar holds it under `itemId`. */
export function savedMeetingRegistration(d: DraftMeeting, itemId: string): MeetingRegistration {
  d.uid ??= newMeetingUid();
  return {
    iCalUId: d.uid,
    subject: d.subject,
    start: d.start,
    end: d.end,
    copies: [{ mailbox: d.organizer.emailAddress, itemId }],
  };
}

/**
 * Files the sent draft in `mailboxOf(address)` (the sender's, and for a meeting each attendee's that exists) and
 * returns the new read-mode item of the sender, with the meeting's registration for Graph's calendar.
 */
export function fileSent(
  item: Extract<WorkbenchItem, { mode: "compose" }>,
  mailboxOf: (address: string) => MailboxFolders | undefined,
  now = new Date(),
): { filed: WorkbenchItem; registration?: MeetingRegistration } {
  const props = JSON.parse(JSON.stringify(item.draft.customProperties)) as Record<string, unknown>;
  if (item.kind === "message") {
    const d = item.draft as DraftMessage;
    const sent: FixtureMessage & { customProperties: Record<string, unknown> } = {
      itemId: `AAMkAGI2TSentWB${d.key}AAA=`,
      internetMessageId: `<WB${randomHex(8)}.${d.key}@cronus.example>`,
      subject: d.subject,
      from: d.from,
      to: d.to,
      cc: d.cc,
      dateTimeCreated: now.toISOString(),
      body: d.body,
      customProperties: props,
    };
    mailboxOf(d.from.emailAddress)?.sent.unshift(sent);
    return { filed: { kind: "message", mode: "read", folder: "sent", data: sent } };
  }
  const d = item.draft as DraftMeeting;
  const uid = (d.uid ??= newMeetingUid());
  const copy = (itemId: string): FixtureMeeting => ({
    itemId,
    uid,
    subject: d.subject,
    location: d.location,
    organizer: d.organizer,
    requiredAttendees: d.requiredAttendees,
    optionalAttendees: d.optionalAttendees,
    start: d.start,
    end: d.end,
    dateTimeCreated: now.toISOString(),
    body: d.body,
  });
  const meeting = { ...copy(`AAMkAGI2TCalWB${d.key}AAA=`), customProperties: props };
  mailboxOf(d.organizer.emailAddress)?.calendar.unshift(meeting);
  const same = (a: FixtureAddress, b: FixtureAddress) =>
    a.emailAddress.toLowerCase() === b.emailAddress.toLowerCase();
  const copies = [
    ...(d.itemId ? [{ mailbox: d.organizer.emailAddress, itemId: d.itemId }] : []),
    { mailbox: d.organizer.emailAddress, itemId: meeting.itemId },
  ];
  const attendees = [...d.requiredAttendees, ...d.optionalAttendees].filter(
    (a, i, all) => !same(a, d.organizer) && all.findIndex((b) => same(a, b)) === i,
  );
  attendees.forEach((a, i) => {
    const box = mailboxOf(a.emailAddress);
    if (!box) return;
    const invitation = copy(`AAMkAGI2TInvWB${d.key}${i}AAA=`);
    box.calendar.unshift(invitation);
    copies.push({ mailbox: a.emailAddress, itemId: invitation.itemId });
  });
  return {
    filed: { kind: "appointment", mode: "read", folder: "calendar", data: meeting },
    registration: { iCalUId: uid, subject: d.subject, start: d.start, end: d.end, copies },
  };
}

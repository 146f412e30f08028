// What Exchange does once an item is sent: a copy in Sent Items (a mail, with a new item id and internetMessageId)
// or in the calendar (a meeting), keeping the draft's custom properties, as the copy in Sent Items does in Outlook.
import {
  FIXTURES,
  WORKBENCH_USER,
  type DraftMeeting,
  type DraftMessage,
  type FixtureMeeting,
  type FixtureMessage,
  type WorkbenchItem,
} from "../stand-in/workbench-model";

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

/** Files the sent draft and returns the new read-mode item. */
export function fileSent(item: Extract<WorkbenchItem, { mode: "compose" }>, now = new Date()): WorkbenchItem {
  const props = JSON.parse(JSON.stringify(item.draft.customProperties)) as Record<string, unknown>;
  if (item.kind === "message") {
    const d = item.draft as DraftMessage;
    const sent: FixtureMessage & { customProperties: Record<string, unknown> } = {
      itemId: `AAMkAGI2TSentWB${d.key}AAA=`,
      internetMessageId: `<WB${randomHex(8)}.${d.key}@cronus.example>`,
      subject: d.subject,
      from: WORKBENCH_USER,
      to: d.to,
      cc: d.cc,
      dateTimeCreated: now.toISOString(),
      body: d.body,
      customProperties: props,
    };
    FIXTURES.sent.unshift(sent);
    return { kind: "message", mode: "read", folder: "sent", data: sent };
  }
  const d = item.draft as DraftMeeting;
  const meeting: FixtureMeeting & { customProperties: Record<string, unknown> } = {
    itemId: `AAMkAGI2TCalWB${d.key}AAA=`,
    uid: `040000008200E00074C5B7101A82E008${randomHex(24)}`,
    subject: d.subject,
    location: d.location,
    organizer: d.organizer,
    requiredAttendees: d.requiredAttendees,
    optionalAttendees: d.optionalAttendees,
    start: d.start,
    end: d.end,
    dateTimeCreated: now.toISOString(),
    body: d.body,
    customProperties: props,
  };
  FIXTURES.calendar.unshift(meeting);
  return { kind: "appointment", mode: "read", folder: "calendar", data: meeting };
}

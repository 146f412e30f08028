// Turns the selected Outlook item into a domain Correspondence. Read-mode items expose plain properties; compose
// items expose every field only through getAsync, so the two shapes have separate readers.
import type { Correspondence, EmailAddress, Participant, ParticipantRole } from "../domain/types";
import { normalizeEmail } from "../domain/matching";
import { officeAsync } from "./office-async";
import { ensureDraftId, existingDraftId } from "./draft-id";
import type { HostAsyncField, HostEmailAddress, HostItem, HostOffice } from "./host-shapes";

export interface ReadContext {
  office: HostOffice;
  mailboxOwner: EmailAddress;
  now: () => Date;
  /** Maps an item's REST id to the meeting's iCalUId (Office.js has no UID property up to Mailbox 1.8). */
  resolveMeetingUid?: (restId: string) => Promise<string | undefined>;
  /** Outlook on the web root for deep links, e.g. "https://outlook.office.com". */
  outlookWebUrl: string;
  isSetSupported: (name: string, version: string) => boolean;
}

export function isAsyncField<T>(value: unknown): value is HostAsyncField<T> {
  return (
    typeof value === "object" && value !== null && typeof (value as HostAsyncField<T>).getAsync === "function"
  );
}

function sameAddress(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  return normalizeEmail(a) === normalizeEmail(b);
}

function toParticipant(raw: unknown, role: ParticipantRole): Participant | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const { displayName, emailAddress } = raw as HostEmailAddress;
  const address = typeof emailAddress === "string" ? emailAddress.trim() : "";
  // A draft's empty From or an unresolved recipient has no address to match on.
  if (!address) return undefined;
  return { role, displayName: typeof displayName === "string" ? displayName : "", address };
}

function toParticipants(raw: unknown, role: ParticipantRole): Participant[] {
  if (!Array.isArray(raw)) return [];
  const out: Participant[] = [];
  for (const entry of raw) {
    const p = toParticipant(entry, role);
    if (p) out.push(p);
  }
  return out;
}

function toIsoDate(value: unknown, what: string): string {
  const date =
    value instanceof Date
      ? value
      : typeof value === "string" || typeof value === "number"
        ? new Date(value)
        : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new Error(`The Outlook item has no valid ${what}`);
  }
  return date.toISOString();
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

async function getField<T>(item: HostItem, name: keyof HostItem, api: string): Promise<T | undefined> {
  const field = item[name];
  if (!isAsyncField<T>(field)) return undefined;
  return officeAsync<T>(api, (cb) => field.getAsync(cb));
}

function restIdOf(ctx: ReadContext, itemId: string | undefined): string | undefined {
  const convert = ctx.office.context.mailbox.convertToRestId;
  if (!itemId || typeof convert !== "function") return undefined;
  try {
    return (
      convert.call(ctx.office.context.mailbox, itemId, ctx.office.MailboxEnums.RestVersion.v2_0) || undefined
    );
  } catch {
    // Some hosts already hand out REST ids and refuse to convert them again.
    return undefined;
  }
}

function webLinkOf(
  ctx: ReadContext,
  kind: Correspondence["kind"],
  restId: string | undefined,
): string | undefined {
  if (!restId) return undefined;
  const base = ctx.outlookWebUrl.replace(/\/+$/, "");
  const id = encodeURIComponent(restId);
  return kind === "email" ? `${base}/mail/deeplink/read/${id}` : `${base}/calendar/item/${id}`;
}

async function meetingUid(ctx: ReadContext, restId: string | undefined): Promise<string | undefined> {
  if (!restId || !ctx.resolveMeetingUid) return undefined;
  try {
    return optionalString(await ctx.resolveMeetingUid(restId));
  } catch {
    // Offline or no calendar permission: the caller falls back to a mailbox-local id.
    return undefined;
  }
}

/** Saved compose items have an id; a new, unsaved draft answers ItemNotSaved, which is not an error here. */
async function composeItemId(ctx: ReadContext, item: HostItem): Promise<string | undefined> {
  if (typeof item.getItemIdAsync !== "function" || !ctx.isSetSupported("Mailbox", "1.8")) return undefined;
  try {
    return optionalString(await officeAsync<string>("getItemIdAsync", (cb) => item.getItemIdAsync!(cb)));
  } catch {
    return undefined;
  }
}

async function readMessage(ctx: ReadContext, item: HostItem): Promise<Correspondence> {
  const participants: Participant[] = [];
  const from = toParticipant(item.from, "from");
  const sender = toParticipant(item.sender, "sender");
  if (from) participants.push(from);
  // A delegate or "send on behalf" mail has a sender different from From; both are correspondents.
  if (sender && !sameAddress(sender.address, from?.address)) participants.push(sender);
  participants.push(...toParticipants(item.to, "to"), ...toParticipants(item.cc, "cc"));
  const sentByOwner =
    sameAddress(from?.address, ctx.mailboxOwner.address) ||
    sameAddress(sender?.address, ctx.mailboxOwner.address);
  const itemId = optionalString(item.itemId);
  const restId = restIdOf(ctx, itemId);
  const result: Correspondence = {
    kind: "email",
    mode: "read",
    subject: typeof item.subject === "string" ? item.subject : "",
    date: toIsoDate(item.dateTimeCreated, "date"),
    direction: sentByOwner ? "outbound" : "inbound",
    participants,
    mailboxOwner: ctx.mailboxOwner,
  };
  // A mail we sent carries its draft's id (custom properties survive the send): draft, send-time log and sent
  // copy are one item. A received mail has none and is known by its internetMessageId.
  const sourceId =
    (sentByOwner ? await existingDraftId(item) : undefined) ?? optionalString(item.internetMessageId);
  if (sourceId) result.sourceId = sourceId;
  if (itemId) result.itemId = itemId;
  const webLink = webLinkOf(ctx, "email", restId);
  if (webLink) result.webLink = webLink;
  return result;
}

async function readMessageCompose(ctx: ReadContext, item: HostItem): Promise<Correspondence> {
  // from.getAsync is Mailbox 1.7; without it the sender is the mailbox owner.
  const canReadFrom = isAsyncField(item.from) && ctx.isSetSupported("Mailbox", "1.7");
  const [subject, to, cc, bcc, from, itemId, draftId] = await Promise.all([
    getField<string>(item, "subject", "subject.getAsync"),
    getField<unknown[]>(item, "to", "to.getAsync"),
    getField<unknown[]>(item, "cc", "cc.getAsync"),
    getField<unknown[]>(item, "bcc", "bcc.getAsync"),
    canReadFrom ? getField<HostEmailAddress>(item, "from", "from.getAsync") : Promise.resolve(undefined),
    composeItemId(ctx, item),
    ensureDraftId(item),
  ]);
  const participants: Participant[] = [];
  const fromP = toParticipant(from, "from");
  if (fromP) participants.push(fromP);
  participants.push(...toParticipants(to, "to"), ...toParticipants(cc, "cc"), ...toParticipants(bcc, "bcc"));
  const result: Correspondence = {
    kind: "email",
    mode: "compose",
    sourceId: draftId,
    subject: typeof subject === "string" ? subject : "",
    date: ctx.now().toISOString(),
    direction: "outbound",
    participants,
    mailboxOwner: ctx.mailboxOwner,
  };
  if (itemId) {
    result.itemId = itemId;
    const webLink = webLinkOf(ctx, "email", restIdOf(ctx, itemId));
    if (webLink) result.webLink = webLink;
  }
  return result;
}

async function readAppointment(ctx: ReadContext, item: HostItem): Promise<Correspondence> {
  const organizer = toParticipant(item.organizer, "organizer");
  const isOrganizer = sameAddress(organizer?.address, ctx.mailboxOwner.address);
  const participants: Participant[] = [];
  if (organizer) participants.push(organizer);
  participants.push(
    ...toParticipants(item.requiredAttendees, "required"),
    ...toParticipants(item.optionalAttendees, "optional"),
  );
  const itemId = optionalString(item.itemId);
  const restId = restIdOf(ctx, itemId);
  const result: Correspondence = {
    kind: "meeting",
    mode: "read",
    subject: typeof item.subject === "string" ? item.subject : "",
    date: toIsoDate(item.start, "start time"),
    end: toIsoDate(item.end, "end time"),
    direction: isOrganizer ? "outbound" : "inbound",
    isOrganizer,
    participants,
    mailboxOwner: ctx.mailboxOwner,
  };
  // The iCalUId is shared by the organiser's and every attendee's copy. Without it, a meeting we organised is still
  // the draft it was sent from (its custom properties), and otherwise the REST id identifies it in this mailbox.
  // With both, the draft id comes along: entries logged before the meeting was saved are found (and moved).
  const [uid, draftId] = await Promise.all([
    meetingUid(ctx, restId),
    isOrganizer ? existingDraftId(item) : Promise.resolve(undefined),
  ]);
  const sourceId = uid ?? draftId ?? restId;
  if (sourceId) result.sourceId = sourceId;
  if (uid && draftId) result.draftSourceId = draftId;
  if (itemId) result.itemId = itemId;
  const webLink = webLinkOf(ctx, "meeting", restId);
  if (webLink) result.webLink = webLink;
  return result;
}

async function readAppointmentCompose(ctx: ReadContext, item: HostItem): Promise<Correspondence> {
  const canReadOrganizer = isAsyncField(item.organizer) && ctx.isSetSupported("Mailbox", "1.7");
  const [subject, start, end, required, optional, organizer, itemId] = await Promise.all([
    getField<string>(item, "subject", "subject.getAsync"),
    getField<unknown>(item, "start", "start.getAsync"),
    getField<unknown>(item, "end", "end.getAsync"),
    getField<unknown[]>(item, "requiredAttendees", "requiredAttendees.getAsync"),
    getField<unknown[]>(item, "optionalAttendees", "optionalAttendees.getAsync"),
    canReadOrganizer
      ? getField<HostEmailAddress>(item, "organizer", "organizer.getAsync")
      : Promise.resolve(undefined),
    composeItemId(ctx, item),
  ]);
  const organizerP = toParticipant(organizer, "organizer") ?? {
    role: "organizer" as const,
    displayName: ctx.mailboxOwner.displayName,
    address: ctx.mailboxOwner.address,
  };
  const restId = restIdOf(ctx, itemId);
  const result: Correspondence = {
    kind: "meeting",
    mode: "compose",
    subject: typeof subject === "string" ? subject : "",
    date: toIsoDate(start, "start time"),
    end: toIsoDate(end, "end time"),
    direction: "outbound",
    isOrganizer: true,
    participants: [
      organizerP,
      ...toParticipants(required, "required"),
      ...toParticipants(optional, "optional"),
    ],
    mailboxOwner: ctx.mailboxOwner,
  };
  // A sent meeting reopened by its organiser can resolve its UID; a new one keeps a per-draft id. A saved meeting
  // that was logged as a new draft keeps that id too, so its draft-time entries are found (and moved).
  const uid = await meetingUid(ctx, restId);
  if (uid) {
    result.sourceId = uid;
    const draftId = await existingDraftId(item);
    if (draftId) result.draftSourceId = draftId;
  } else result.sourceId = await ensureDraftId(item);
  if (itemId) result.itemId = itemId;
  const webLink = webLinkOf(ctx, "meeting", restId);
  if (webLink) result.webLink = webLink;
  return result;
}

/** Reads `item`; null when it is neither a message nor an appointment. */
export async function readItem(
  ctx: ReadContext,
  item: HostItem | null | undefined,
): Promise<Correspondence | null> {
  if (!item) return null;
  const types = ctx.office.MailboxEnums.ItemType;
  const compose = isAsyncField(item.subject);
  if (item.itemType === types.Message)
    return compose ? readMessageCompose(ctx, item) : readMessage(ctx, item);
  if (item.itemType === types.Appointment) {
    return compose ? readAppointmentCompose(ctx, item) : readAppointment(ctx, item);
  }
  return null;
}

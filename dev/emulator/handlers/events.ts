// GET /me/events/{id}: the workbench's calendar as Exchange would answer it through Graph, for the one thing the
// add-in reads there: a meeting's iCalUId (the id the organiser's and every attendee's copy share). The calendar
// holds the workbench fixture (an event is in the mailbox of its organiser and of each attendee) and the meetings
// the workbench saves and sends, registered through POST /_emulator/events with each mailbox's copy (its own item
// id, one iCalUId), as Exchange files a meeting in the organiser's calendar and delivers a copy to each attendee.
// Registered meetings live in memory: a restarted emulator knows the fixture only.
import calendar from "../../fixtures/mailbox/calendar.json";
import type { GraphRequest, GraphResponse } from "../context";
import { json } from "../context";
import { invalidRequest, itemNotFound, methodNotAllowed } from "../errors/graph-error-factory";

interface FixtureEvent {
  itemId: string;
  uid: string;
  subject: string;
  organizer: { emailAddress: string };
  requiredAttendees: Array<{ emailAddress: string }>;
  optionalAttendees: Array<{ emailAddress: string }>;
  start: string;
  end: string;
}

/** One mailbox's copy of a meeting: its REST id there. */
export interface EventCopy {
  mailbox: string;
  id: string;
}

export interface CalendarEvent {
  iCalUId: string;
  subject: string;
  start?: string;
  end?: string;
  copies: EventCopy[];
}

/** Office's REST ids are its EWS ids in URL-safe base64 (a REST id stays as it is). */
export const restIdOf = (ewsId: string): string => ewsId.replace(/\//g, "-").replace(/\+/g, "_");

export const EVENTS_PREFIX = "/me/events/";
export const ADMIN_EVENTS_PATH = "/events";

const text = (v: unknown, name: string, max = 1024): string => {
  if (typeof v !== "string" || !v.trim() || v.length > max)
    throw invalidRequest(`${name} must be a non-empty string of at most ${max} characters`);
  return v.trim();
};
const optionalDate = (v: unknown, name: string): string | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== "string" || Number.isNaN(Date.parse(v))) throw invalidRequest(`${name} must be a date`);
  return v;
};

/** Every meeting the emulator's Exchange knows, by iCalUId. */
export class Calendar {
  private readonly events = new Map<string, CalendarEvent>();

  constructor() {
    for (const e of calendar as FixtureEvent[])
      this.add({
        iCalUId: e.uid,
        subject: e.subject,
        start: e.start,
        end: e.end,
        copies: [e.organizer, ...e.requiredAttendees, ...e.optionalAttendees].map((a) => ({
          mailbox: a.emailAddress.toLowerCase(),
          id: restIdOf(e.itemId),
        })),
      });
  }

  /** Adds a meeting, or more copies of one already known (a saved meeting, then the copies its send made). */
  add(event: CalendarEvent): CalendarEvent {
    const known = this.events.get(event.iCalUId);
    const merged: CalendarEvent = known
      ? {
          ...known,
          subject: event.subject,
          ...(event.start ? { start: event.start } : {}),
          ...(event.end ? { end: event.end } : {}),
          copies: [...known.copies],
        }
      : { ...event, copies: [] };
    for (const c of event.copies)
      if (!merged.copies.some((k) => k.mailbox === c.mailbox && k.id === c.id)) merged.copies.push(c);
    this.events.set(event.iCalUId, merged);
    return merged;
  }

  /** The meeting whose copy in `mailbox` has the REST id `id`. */
  find(id: string, mailbox: string): CalendarEvent | undefined {
    const me = mailbox.toLowerCase();
    for (const e of this.events.values()) if (e.copies.some((c) => c.id === id && c.mailbox === me)) return e;
    return undefined;
  }

  /** `POST /_emulator/events` {iCalUId, subject, start?, end?, copies: [{mailbox, itemId}]} (EWS or REST ids). */
  register(body: unknown): GraphResponse {
    if (typeof body !== "object" || body === null || Array.isArray(body))
      throw invalidRequest("The request body must be a JSON object");
    const b = body as Record<string, unknown>;
    if (!Array.isArray(b.copies) || b.copies.length === 0)
      throw invalidRequest("copies must list at least one {mailbox, itemId}");
    const copies = b.copies.map((c: unknown, i) => {
      const copy = (typeof c === "object" && c !== null ? c : {}) as Record<string, unknown>;
      return {
        mailbox: text(copy.mailbox, `copies[${i}].mailbox`, 320).toLowerCase(),
        id: restIdOf(text(copy.itemId, `copies[${i}].itemId`)),
      };
    });
    const start = optionalDate(b.start, "start");
    const end = optionalDate(b.end, "end");
    const event = this.add({
      iCalUId: text(b.iCalUId, "iCalUId"),
      subject: typeof b.subject === "string" ? b.subject : "",
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      copies,
    });
    return json(201, event);
  }
}

export function getEvent(req: GraphRequest, path: string, events: Calendar): GraphResponse {
  if (req.method !== "GET") throw methodNotAllowed(req.method, path);
  let id: string;
  try {
    id = decodeURIComponent(path.slice(EVENTS_PREFIX.length));
  } catch {
    throw itemNotFound("The specified object was not found in the store.");
  }
  const event = events.find(id, req.caller.email);
  if (!event) throw itemNotFound("The specified object was not found in the store.");
  const full: Record<string, unknown> = {
    id,
    iCalUId: event.iCalUId,
    subject: event.subject,
    ...(event.start ? { start: { dateTime: event.start.replace(/Z$/, ""), timeZone: "UTC" } } : {}),
    ...(event.end ? { end: { dateTime: event.end.replace(/Z$/, ""), timeZone: "UTC" } } : {}),
  };
  const select = req.query.get("$select");
  const body = select
    ? Object.fromEntries(
        Object.entries(full).filter(
          ([k]) =>
            k === "id" ||
            select
              .split(",")
              .map((s) => s.trim())
              .includes(k),
        ),
      )
    : full;
  return json(200, {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/events/$entity",
    ...body,
  });
}

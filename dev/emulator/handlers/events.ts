// GET /me/events/{id}: the workbench's calendar as Exchange would answer it through Graph, for the one thing the
// add-in reads there: a meeting's iCalUId (the id the organiser's and every attendee's copy share). The calendar is
// the workbench fixture; an event is in the mailbox of its organiser and of each attendee.
import calendar from "../../fixtures/mailbox/calendar.json";
import type { GraphRequest, GraphResponse } from "../context";
import { json } from "../context";
import { itemNotFound, methodNotAllowed } from "../errors/graph-error-factory";

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

/** Office's REST ids are its EWS ids in URL-safe base64. */
const restIdOf = (ewsId: string): string => ewsId.replace(/\//g, "-").replace(/\+/g, "_");

export const EVENTS_PREFIX = "/me/events/";

export function getEvent(req: GraphRequest, path: string): GraphResponse {
  if (req.method !== "GET") throw methodNotAllowed(req.method, path);
  let id: string;
  try {
    id = decodeURIComponent(path.slice(EVENTS_PREFIX.length));
  } catch {
    throw itemNotFound("The specified object was not found in the store.");
  }
  const me = req.caller.email.toLowerCase();
  const event = (calendar as FixtureEvent[]).find(
    (e) =>
      restIdOf(e.itemId) === id &&
      [e.organizer, ...e.requiredAttendees, ...e.optionalAttendees].some(
        (a) => a.emailAddress.toLowerCase() === me,
      ),
  );
  if (!event) throw itemNotFound("The specified object was not found in the store.");
  const full: Record<string, unknown> = {
    id: restIdOf(event.itemId),
    iCalUId: event.uid,
    subject: event.subject,
    start: { dateTime: event.start.replace(/Z$/, ""), timeZone: "UTC" },
    end: { dateTime: event.end.replace(/Z$/, ""), timeZone: "UTC" },
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

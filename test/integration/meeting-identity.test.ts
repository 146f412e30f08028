// One SourceId per meeting, from the new draft to every calendar copy (issue 14). A meeting logged from the compose
// pane while still unsaved is logged under its draft id; sending saves it, and from then on every copy (the
// organiser's, each attendee's) is known by the iCalUId. The rule: the draft-time entries move to the iCalUId —
// at send, whatever log on send says for that meeting, or, when the send could not do it, the next time the
// organiser's copy (which still carries the draft id) is opened. Real handler, real store, real emulator; Office
// and the calendar's GET /me/events are stood in for.
import { seedEmulator } from "../../dev/seed/seed";
import { DEFAULT_EMULATOR_SITE_URL } from "../../src/config/app-config";
import { dedupeKey } from "../../src/domain/dedupe";
import type { MatchingPolicy } from "../../src/domain/matching";
import { sendTimeLogRequest } from "../../src/domain/send-log";
import type { Correspondence, InteractionLogEntry, UserProfile } from "../../src/domain/types";
import { createInteractionStore, MemoryOutbox } from "../../src/graph";
import { MemoryKeyValue, SendLogQueue } from "../../src/graph/send-queue";
import type { HostItem, HostOffice } from "../../src/office/host-shapes";
import { readItem, type ReadContext } from "../../src/office/item-reader";
import { createSendHandler } from "../../src/launchevent/send-handler";
import { emulatorConfig, startTestEmulator, storeFor, USER, type TestEmulator } from "./harness";

jest.setTimeout(60_000);

const KIM: UserProfile = { displayName: "Kim Akers", emailAddress: "kim.akers@treyresearch.example" };
const ROBIN = { displayName: "Robin Danielsen", emailAddress: "robin.danielsen@adatum.example" };
const JESSE = { displayName: "Jesse Ulrich", emailAddress: "jesse.ulrich@adatum.example" };
const POLICY: MatchingPolicy = { ownDomains: ["cronus.example"], neverLog: [] };
const START = "2026-04-02T09:00:00.000Z";
const END = "2026-04-02T10:00:00.000Z";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  await seedEmulator({ baseUrl: emu.url, siteUrl: DEFAULT_EMULATOR_SITE_URL, user: USER });
});
afterAll(async () => emu?.dispose());

type Callback<T> = (r: { status: string; value: T; error?: { name: string; message: string } }) => void;
const later = <T>(cb: Callback<T>, value: T) => setTimeout(() => cb({ status: "succeeded", value }), 1);

/** Exchange's calendar as GET /me/events/{id}?$select=iCalUId sees it: each mailbox's REST ids → iCalUId. */
class Calendar {
  private readonly ids = new Map<string, string>();
  private n = 0;
  add(mailbox: string, restId: string, uid: string): void {
    this.ids.set(`${mailbox.toLowerCase()} ${restId}`, uid);
  }
  newUid(): string {
    return `040000008200E00074C5B7101A82E00800000000${Date.now().toString(16)}${(++this.n).toString(16)}`;
  }
  resolver(mailbox: string): (restId: string) => Promise<string | undefined> {
    return async (restId) => {
      const uid = this.ids.get(`${mailbox.toLowerCase()} ${restId}`);
      if (!uid) throw Object.assign(new Error("ErrorItemNotFound"), { statusCode: 404 });
      return uid;
    };
  }
}

function customProperties(values: Record<string, unknown>) {
  return (cb: Callback<unknown>) => {
    const pending = { ...values };
    later(cb, {
      get: (n: string) => pending[n],
      set: (n: string, v: unknown) => (pending[n] = JSON.parse(JSON.stringify(v))),
      remove: (n: string) => delete pending[n],
      getAll: () => ({ ...pending }),
      saveAsync: (done: Callback<void>) => {
        for (const k of Object.keys(values)) delete values[k];
        Object.assign(values, pending);
        later(done, undefined);
      },
    });
  };
}

/** A new meeting Annette is composing: unsaved (no item id) until saveAsync, which puts it in her calendar. */
function newMeeting(calendar: Calendar, subject: string, attendees = [ROBIN, JESSE, KIM]) {
  const draft = {
    subject,
    customProperties: {} as Record<string, unknown>,
    itemId: undefined as string | undefined,
    uid: undefined as string | undefined,
  };
  const field = <T>(get: () => T) => ({ getAsync: (cb: Callback<T>) => later(cb, get()) });
  const item = {
    itemType: "appointment",
    subject: field(() => draft.subject),
    start: field(() => new Date(START)),
    end: field(() => new Date(END)),
    requiredAttendees: field(() => attendees),
    optionalAttendees: field(() => []),
    organizer: field(() => ({ displayName: USER.displayName, emailAddress: USER.emailAddress })),
    getItemIdAsync: (cb: Callback<string | undefined>) =>
      setTimeout(
        () =>
          draft.itemId
            ? cb({ status: "succeeded", value: draft.itemId })
            : cb({
                status: "failed",
                value: undefined,
                error: { name: "ItemNotSaved", message: "The item isn't saved yet." },
              }),
        1,
      ),
    saveAsync: (cb: Callback<string>) => {
      draft.itemId ??= `AAMkMeet${subject.replace(/\W/g, "")}AAA=`;
      draft.uid ??= calendar.newUid();
      calendar.add(USER.emailAddress, draft.itemId, draft.uid);
      later(cb, draft.itemId);
    },
    loadCustomPropertiesAsync: customProperties(draft.customProperties),
  };
  return { draft, item: item as unknown as HostItem };
}

/** A calendar copy in read mode: the organiser's keeps the draft's custom properties, an attendee's has none. */
function calendarCopy(
  calendar: Calendar,
  mailbox: UserProfile,
  meeting: { subject: string; uid: string },
  customProps: Record<string, unknown>,
  attendees = [ROBIN, JESSE, KIM],
): HostItem {
  const itemId = `AAMkCal${mailbox.displayName.replace(/\W/g, "")}${meeting.subject.replace(/\W/g, "")}AAA=`;
  calendar.add(mailbox.emailAddress, itemId, meeting.uid);
  return {
    itemType: "appointment",
    itemId,
    subject: meeting.subject,
    start: new Date(START),
    end: new Date(END),
    organizer: { displayName: USER.displayName, emailAddress: USER.emailAddress },
    requiredAttendees: attendees,
    optionalAttendees: [],
    loadCustomPropertiesAsync: customProperties({ ...customProps }),
  } as unknown as HostItem;
}

function officeFor(user: UserProfile, item: HostItem | null, settings: Record<string, unknown> = {}) {
  return {
    context: {
      mailbox: { item, userProfile: { ...user }, convertToRestId: (id: string) => id },
      roamingSettings: { get: (n: string) => settings[n], set: () => undefined, saveAsync: () => undefined },
      // Mailbox 1.12 (launch events): every lower set, 1.8 (getItemIdAsync) included.
      requirements: {
        isSetSupported: (name: string, v: string) =>
          name === "Mailbox" && (Number(v.split(".")[1] ?? 0) <= 12 || v === "1"),
      },
    },
    MailboxEnums: {
      ItemType: { Message: "message", Appointment: "appointment" },
      RestVersion: { v2_0: "v2.0" },
    },
    EventType: { ItemChanged: "olkItemSelectedChanged" },
  } as unknown as HostOffice;
}

function readContext(user: UserProfile, calendar: Calendar): ReadContext {
  return {
    office: officeFor(user, null),
    mailboxOwner: { displayName: user.displayName, address: user.emailAddress },
    now: () => new Date(),
    outlookWebUrl: "https://outlook.office.com",
    isSetSupported: () => true,
    resolveMeetingUid: calendar.resolver(user.emailAddress),
  };
}

function storeAs(user: UserProfile) {
  return createInteractionStore({ config: emulatorConfig(emu.url), user, outbox: new MemoryOutbox() });
}

/** The compose pane's Log: the item's known contacts with the Meeting Invitation template. */
async function logFromComposePane(calendar: Calendar, item: HostItem): Promise<Correspondence> {
  const c = (await readItem(readContext(USER, calendar), item))!;
  const store = storeFor(emu.url);
  const decided = sendTimeLogRequest(await store.loadItemContext(c, POLICY), USER, new Date());
  if (!("request" in decided)) throw new Error(`nothing to log: ${decided.nothing}`);
  const result = await store.logInteraction(decided.request);
  expect(result.results.length).toBeGreaterThan(1);
  expect(result.results.every((r) => r.status === "logged")).toBe(true);
  return c;
}

function memoryQueue() {
  const kv = new MemoryKeyValue();
  return { map: kv.map, queue: new SendLogQueue(kv) };
}

/** Outlook fires OnAppointmentSend; resolves with the completed() options and how long it took. */
async function send(
  item: HostItem,
  options: {
    settings?: Record<string, unknown>;
    resolveMeetingUid: (id: string) => Promise<string | undefined>;
  },
) {
  const { map, queue } = memoryQueue();
  const handler = createSendHandler({
    office: officeFor(USER, item, options.settings ?? { iloLogSentMail: true }) as never,
    store: async () => storeFor(emu.url),
    queue,
    policy: POLICY,
    newId: () => globalThis.crypto.randomUUID(),
    resolveMeetingUid: options.resolveMeetingUid,
    report: (m) => reports.push(m),
  });
  const started = Date.now();
  const completed = await new Promise<unknown>((resolve) => handler({ completed: resolve }));
  return { completed, ms: Date.now() - started, kept: map };
}

/** Every entry under either id, straight from the list. */
async function entriesUnder(...sourceIds: string[]): Promise<InteractionLogEntry[]> {
  const store = storeFor(emu.url);
  const out: InteractionLogEntry[] = [];
  for (const id of sourceIds) {
    const ctx = await store.loadItemContext(
      {
        kind: "meeting",
        mode: "read",
        sourceId: id,
        subject: "",
        date: START,
        direction: "outbound",
        participants: [],
        mailboxOwner: { displayName: USER.displayName, address: USER.emailAddress },
      },
      POLICY,
    );
    out.push(...ctx.alreadyLogged);
  }
  return out;
}

const reports: string[] = [];
afterEach(() => {
  if (reports.length) process.stdout.write(`handler reports: ${reports.splice(0).join(" | ")}\n`);
});

const counting = (entries: InteractionLogEntry[]) =>
  entries
    .filter((e) => !e.canceled)
    .map((e) => e.contactNo)
    .sort();

describe("a meeting logged from the compose pane while still an unsaved draft, then sent", () => {
  it("is one item: the send moves its entries to the iCalUId, and the organiser's and an attendee's copies find them", async () => {
    const calendar = new Calendar();
    const { draft, item } = newMeeting(calendar, "Showroom visit, logged as a draft");
    const composed = await logFromComposePane(calendar, item);
    const draftId = composed.sourceId!;
    expect(draftId).toMatch(/^draft:/);

    const sent = await send(item, { resolveMeetingUid: calendar.resolver(USER.emailAddress) });
    expect(sent.completed).toEqual({ allowEvent: true });
    const uid = draft.uid!;
    expect(uid).toBeDefined();

    // Under the iCalUId now, keys included (so a later log meets the unique DedupeKey), none left under the draft.
    const moved = await entriesUnder(uid);
    expect(counting(moved)).toEqual(["CT000010", "CT000011", "CT000012"]);
    for (const e of moved) {
      expect(e.sourceId).toBe(uid);
      expect(e.dedupeKey).toBe(dedupeKey("Meeting", uid, e.contactNo));
    }
    await expect(entriesUnder(draftId)).resolves.toEqual([]);
    const segment = await storeFor(emu.url).getSegment(moved[0]!.loggedSegmentId!);
    expect(segment?.sourceId).toBe(uid);
    // Nothing new was logged at send, nothing kept for later.
    expect(sent.kept.size).toBe(0);
    expect(draft.customProperties.iloSendLog).toMatchObject({ state: "nothing" });

    // Kim's copy (an attendee: no custom properties) and Annette's calendar copy are the same item.
    const kims = (await readItem(
      readContext(KIM, calendar),
      calendarCopy(calendar, KIM, { subject: draft.subject, uid }, {}),
    ))!;
    expect(kims.sourceId).toBe(uid);
    const kimSees = await storeAs(KIM).loadItemContext(kims, POLICY);
    expect(counting(kimSees.alreadyLogged)).toEqual(["CT000010", "CT000011", "CT000012"]);

    const annettes = (await readItem(
      readContext(USER, calendar),
      calendarCopy(calendar, USER, { subject: draft.subject, uid }, draft.customProperties),
    ))!;
    expect(annettes).toMatchObject({ sourceId: uid, draftSourceId: draftId });
    const annetteSees = await storeFor(emu.url).loadItemContext(annettes, POLICY);
    expect(counting(annetteSees.alreadyLogged)).toEqual(["CT000010", "CT000011", "CT000012"]);
    // Logging it again from the calendar writes nothing: every contact is already logged.
    expect(sendTimeLogRequest(annetteSees, USER, new Date())).toEqual({ nothing: "noContacts" });
  });

  it("moves the entries even when log on send is off for that meeting", async () => {
    const calendar = new Calendar();
    const { draft, item } = newMeeting(calendar, "Showroom visit, switch off", [ROBIN, JESSE]);
    const draftId = (await logFromComposePane(calendar, item)).sourceId!;
    draft.customProperties.iloLogOnSend = false;

    const sent = await send(item, {
      settings: { iloLogSentMail: true },
      resolveMeetingUid: calendar.resolver(USER.emailAddress),
    });
    expect(sent.completed).toEqual({ allowEvent: true });
    expect(draft.customProperties.iloSendLog).toBeUndefined();
    expect(counting(await entriesUnder(draft.uid!))).toEqual(["CT000010", "CT000011"]);
    await expect(entriesUnder(draftId)).resolves.toEqual([]);
  });

  it("when the send could not move them (no iCalUId then), the organiser's calendar copy finds and moves them, in one $batch once moved", async () => {
    const calendar = new Calendar();
    const { draft, item } = newMeeting(calendar, "Showroom visit, offline calendar", [ROBIN, JESSE]);
    const draftId = (await logFromComposePane(calendar, item)).sourceId!;
    const offline = () => Promise.reject(new TypeError("fetch failed"));
    const sent = await send(item, { resolveMeetingUid: offline });
    expect(sent.completed).toEqual({ allowEvent: true });
    expect(counting(await entriesUnder(draftId))).toEqual(["CT000010", "CT000011"]);
    const uid = draft.uid!;

    // Before Annette opens her copy, Kim's does not know them yet.
    const kimsItem = calendarCopy(calendar, KIM, { subject: draft.subject, uid }, {}, [ROBIN, JESSE, KIM]);
    const kims = (await readItem(readContext(KIM, calendar), kimsItem))!;
    expect((await storeAs(KIM).loadItemContext(kims, POLICY)).alreadyLogged).toEqual([]);

    const annettesItem = calendarCopy(
      calendar,
      USER,
      { subject: draft.subject, uid },
      draft.customProperties,
    );
    const annettes = (await readItem(readContext(USER, calendar), annettesItem))!;
    expect(annettes).toMatchObject({ sourceId: uid, draftSourceId: draftId });
    const store = storeFor(emu.url);
    const first = await store.loadItemContext(annettes, POLICY);
    expect(counting(first.alreadyLogged)).toEqual(["CT000010", "CT000011"]);
    expect(first.alreadyLogged.every((e) => e.sourceId === uid)).toBe(true);
    expect(counting((await storeAs(KIM).loadItemContext(kims, POLICY)).alreadyLogged)).toEqual([
      "CT000010",
      "CT000011",
    ]);

    // Opened again: nothing left to move, one $batch (both ids asked in it).
    await emu.resetStats();
    const again = await store.loadItemContext(annettes, POLICY);
    expect(counting(again.alreadyLogged)).toEqual(["CT000010", "CT000011"]);
    const stats = await emu.stats();
    expect(stats.http.total).toBe(1);
    expect(stats.http.byKind).toEqual({ batch: 1 });
  });

  it("an entry whose contact was logged under the iCalUId meanwhile is canceled as its duplicate: one counting entry per contact", async () => {
    const calendar = new Calendar();
    const { draft, item } = newMeeting(calendar, "Showroom visit, logged twice", [ROBIN, JESSE]);
    const draftId = (await logFromComposePane(calendar, item)).sourceId!;
    await send(item, { resolveMeetingUid: () => Promise.reject(new TypeError("fetch failed")) });
    const uid = draft.uid!;

    // Kim logs Robin from her copy before Annette's copy moved anything.
    const kims = (await readItem(
      readContext(KIM, calendar),
      calendarCopy(calendar, KIM, { subject: draft.subject, uid }, {}, [ROBIN, JESSE, KIM]),
    ))!;
    const asKim = storeAs(KIM);
    const kimContext = await asKim.loadItemContext(kims, POLICY);
    const robin = kimContext.matches.find((m) => m.contact?.contactNo === "CT000010")!.contact!;
    const decided = sendTimeLogRequest(kimContext, KIM, new Date());
    if (!("request" in decided)) throw new Error("Kim has nothing to log");
    await asKim.logInteraction({ ...decided.request, contacts: [robin] });

    const annettes = (await readItem(
      readContext(USER, calendar),
      calendarCopy(calendar, USER, { subject: draft.subject, uid }, draft.customProperties),
    ))!;
    const seen = await storeFor(emu.url).loadItemContext(annettes, POLICY);
    expect(counting(seen.alreadyLogged)).toEqual(["CT000010", "CT000011"]);
    const all = await entriesUnder(uid, draftId);
    expect(all.every((e) => e.sourceId === uid)).toBe(true);
    expect(counting(all)).toEqual(["CT000010", "CT000011"]);
    const robins = all.filter((e) => e.contactNo === "CT000010");
    expect(robins).toHaveLength(2);
    expect(robins.find((e) => !e.canceled)?.userId).toBe(KIM.emailAddress);
    expect(robins.find((e) => e.canceled)?.dedupeKey).toMatch(/~canceled~\d+$/);
  });
});

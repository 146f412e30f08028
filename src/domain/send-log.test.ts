import type { ItemContext } from "./ports";
import {
  canAdoptSendLogs,
  choicesFor,
  parseSendLogMarker,
  sendTimeContacts,
  sendTimeLogRequest,
  shouldLogOnSend,
} from "./send-log";
import { mail, meeting, template } from "./test-fixtures";
import type { Contact, InteractionLogEntry, ParticipantMatch } from "./types";

const person = (no: string, email: string): Contact => ({
  contactNo: no,
  type: "Person",
  name: `Person ${no}`,
  email,
});

function match(email: string, status: ParticipantMatch["status"], contact?: Contact): ParticipantMatch {
  return {
    participant: { role: "to", displayName: email, address: email },
    email,
    status,
    ...(contact ? { contact } : {}),
  };
}

function context(overrides: Partial<ItemContext> = {}): ItemContext {
  return {
    correspondence: mail({ mode: "compose", direction: "outbound", sourceId: "draft:1234abcd" }),
    matches: [],
    templates: [template({ code: "EMAIL" }), template({ code: "MEETING", unitDurationMin: 60 })],
    groups: [],
    setup: { Emails: "EMAIL", "Meeting Invitation": "MEETING" },
    alreadyLogged: [],
    ...overrides,
  };
}

const user = { displayName: "Owen", emailAddress: "owen@contoso.example" };
const now = new Date("2026-05-01T10:00:00Z");

describe("shouldLogOnSend", () => {
  it("follows the per-mail choice when there is one, else the user's setting", () => {
    expect(shouldLogOnSend(undefined, false)).toBe(false);
    expect(shouldLogOnSend(undefined, true)).toBe(true);
    expect(shouldLogOnSend(false, true)).toBe(false);
    expect(shouldLogOnSend(true, false)).toBe(true);
  });
});

describe("parseSendLogMarker", () => {
  const good = { id: "0f3a9c1e-1111-4222-8333-444455556666", state: "pending", at: "2026-05-01T10:00:00Z" };
  it("reads a marker from an object or its JSON", () => {
    expect(parseSendLogMarker(good)).toEqual(good);
    expect(parseSendLogMarker(JSON.stringify({ ...good, state: "logged" }))?.state).toBe("logged");
  });
  it("treats anything malformed as absent", () => {
    expect(parseSendLogMarker(undefined)).toBeUndefined();
    expect(parseSendLogMarker("{not json")).toBeUndefined();
    expect(parseSendLogMarker({ ...good, state: "done" })).toBeUndefined();
    expect(parseSendLogMarker({ ...good, id: "x" })).toBeUndefined();
    expect(parseSendLogMarker({ ...good, at: "yesterday" })).toBeUndefined();
  });
});

describe("sendTimeLogRequest", () => {
  const robin = person("CT000010", "robin@adatum.example");
  const jesse = person("CT000011", "jesse@adatum.example");

  it("logs every known contact once with the Emails template, leaving unknown and internal people out", () => {
    const ctx = context({
      matches: [
        match("robin@adatum.example", "person", robin),
        match("jesse@adatum.example", "person", jesse),
        match("robin.other@adatum.example", "person", robin),
        match("sam@northwind.example", "unknown"),
        match("peter@contoso.example", "internal"),
        match("info@relecloud.example", "ambiguous"),
      ],
    });
    const result = sendTimeLogRequest(ctx, user, now);
    if (!("request" in result)) throw new Error("expected a request");
    expect(result.request.contacts.map((c) => c.contactNo)).toEqual(["CT000010", "CT000011"]);
    expect(result.request.draft).toMatchObject({
      templateCode: "EMAIL",
      informationFlow: "Outbound",
      initiatedBy: "Us",
      description: "Quote for 200 widgets",
    });
    expect(result.request.user).toBe(user);
  });

  it("uses the Meeting Invitation template and the meeting's length for a meeting", () => {
    const ctx = context({
      correspondence: meeting({ mode: "compose", direction: "outbound" }),
      matches: [match("robin@adatum.example", "person", robin)],
    });
    const result = sendTimeLogRequest(ctx, user, now);
    if (!("request" in result)) throw new Error("expected a request");
    expect(result.request.draft).toMatchObject({ templateCode: "MEETING", durationMin: 90 });
  });

  it("leaves out contacts already logged for the item (a logged draft), and says so when none is left", () => {
    const entry = { contactNo: "ct000010", canceled: false } as InteractionLogEntry;
    const ctx = context({
      matches: [match("robin@adatum.example", "person", robin)],
      alreadyLogged: [entry],
    });
    expect(sendTimeContacts(ctx)).toEqual([]);
    expect(sendTimeLogRequest(ctx, user, now)).toEqual({ nothing: "noContacts" });
    const canceled = { ...entry, canceled: true };
    expect(sendTimeContacts({ ...ctx, alreadyLogged: [canceled] })).toEqual([robin]);
  });

  it("logs nothing when the set-up template is missing or blocked", () => {
    const matches = [match("robin@adatum.example", "person", robin)];
    expect(sendTimeLogRequest(context({ matches, setup: {} }), user, now)).toEqual({ nothing: "noTemplate" });
    expect(
      sendTimeLogRequest(
        context({ matches, templates: [template({ code: "EMAIL", blocked: true })] }),
        user,
        now,
      ),
    ).toEqual({ nothing: "noTemplate" });
  });
});

describe("send-log markers and contacts, exactly", () => {
  const good = { id: "0f3a9c1e-1111-4222-8333-444455556666", state: "pending", at: "2026-05-01T10:00:00Z" };

  it.each(["pending", "logged", "nothing"])("reads the state %s", (state) => {
    expect(parseSendLogMarker({ ...good, state })?.state).toBe(state);
  });

  it.each([
    ["null", null],
    ["a number", 42],
    ["JSON of a string", JSON.stringify("pending")],
    ["an id of 7 characters", { ...good, id: "abcdefg" }],
    ["an id of 81 characters", { ...good, id: "a".repeat(81) }],
    ["an id with a space before it", { ...good, id: ` ${good.id}` }],
    ["an id with a character after it", { ...good, id: `${good.id}!` }],
    ["an id that is not text", { ...good, id: 12345678 }],
    ["a state that is not text", { ...good, state: 1 }],
    ["a time that is not text", { ...good, at: 1714557600000 }],
    ["a time that is a number Date.parse would read as a year", { ...good, at: 2026 }],
    ["a time that is a Date object", { ...good, at: new Date("2026-05-01T10:00:00Z") }],
  ])("treats %s as absent", (_label, raw) => {
    expect(parseSendLogMarker(raw)).toBeUndefined();
  });

  it("accepts ids of 8 and of 80 characters", () => {
    expect(parseSendLogMarker({ ...good, id: "draft:12" })?.id).toBe("draft:12");
    expect(parseSendLogMarker({ ...good, id: "a".repeat(80) })?.id).toBe("a".repeat(80));
  });

  it("reads contacts matched as persons or companies only, each once whatever the case of its number", () => {
    const robin = person("CT000010", "robin@adatum.example");
    const company: Contact = { contactNo: "CT000001", type: "Company", name: "Adatum" };
    const ctx = context({
      matches: [
        match("robin@adatum.example", "person", robin),
        match("r2@adatum.example", "person", { ...robin, contactNo: " ct000010 " }),
        match("info@adatum.example", "company", company),
        match("x@adatum.example", "person"),
        match("y@adatum.example", "unknown", robin),
        match("z@adatum.example", "ambiguous", company),
      ],
      alreadyLogged: [{ contactNo: " ct000001 ", canceled: false } as InteractionLogEntry],
    });
    expect(sendTimeContacts(ctx)).toEqual([robin]);
    expect(sendTimeContacts({ ...ctx, alreadyLogged: [] })).toEqual([robin, company]);
  });
});

describe("send-time contacts by match status", () => {
  const company: Contact = { contactNo: "CT000001", type: "Company", name: "Adatum" };

  it("keeps a contact matched as a company", () => {
    expect(
      sendTimeContacts(context({ matches: [match("info@adatum.example", "company", company)] })),
    ).toEqual([company]);
  });

  it.each(["ambiguous", "unknown", "internal", "neverLog"] as const)(
    "leaves out a match that is %s, even when it carries a contact",
    (status) => {
      expect(sendTimeContacts(context({ matches: [match("info@adatum.example", status, company)] }))).toEqual(
        [],
      );
    },
  );
});

describe("canAdoptSendLogs", () => {
  it("is true only for a store with an adoptSendLog function", () => {
    expect(canAdoptSendLogs({ adoptSendLog: async () => true })).toBe(true);
    expect(canAdoptSendLogs({})).toBe(false);
    expect(canAdoptSendLogs({ adoptSendLog: true })).toBe(false);
  });
});

describe("send-time contacts for an address that matches several contacts", () => {
  const adatum: Contact = { contactNo: "CT000001", type: "Company", name: "Adatum" };
  const adatumEu: Contact = { contactNo: "CT000002", type: "Company", name: "Adatum Europe" };
  const ambiguous = (email: string): ParticipantMatch => ({
    ...match(email, "ambiguous"),
    candidates: [adatum, adatumEu],
  });

  it("logs the candidate the user chose before (address case and spaces aside, ContactNo case aside)", () => {
    const ctx = context({ matches: [ambiguous("alex@adatum.example")] });
    expect(sendTimeContacts(ctx, { "alex@adatum.example": "ct000002" })).toEqual([adatumEu]);
    const shouted = context({ matches: [ambiguous("Alex@Adatum.example")] });
    expect(sendTimeContacts(shouted, { "alex@adatum.example": "CT000001" })).toEqual([adatum]);
  });

  it("leaves the address out without a choice, or with a choice that is no longer a candidate", () => {
    const ctx = context({ matches: [ambiguous("alex@adatum.example")] });
    expect(sendTimeContacts(ctx)).toEqual([]);
    expect(sendTimeContacts(ctx, { "alex@adatum.example": "CT000099" })).toEqual([]);
    expect(sendTimeContacts(ctx, { "other@adatum.example": "CT000001" })).toEqual([]);
  });

  it("logs the chosen contact once, and not when it is logged for the item already", () => {
    const ctx = context({
      matches: [match("info@adatum.example", "company", adatum), ambiguous("alex@adatum.example")],
    });
    expect(sendTimeContacts(ctx, { "alex@adatum.example": "CT000001" })).toEqual([adatum]);
    const logged = context({
      matches: [ambiguous("alex@adatum.example")],
      alreadyLogged: [{ contactNo: "CT000002", canceled: false } as InteractionLogEntry],
    });
    expect(sendTimeContacts(logged, { "alex@adatum.example": "CT000002" })).toEqual([]);
  });

  it("matches a candidate whose stored number has spaces, and survives a match without candidates", () => {
    const spaced = { ...adatumEu, contactNo: " CT000002 " };
    const ctx = context({
      matches: [{ ...match("alex@adatum.example", "ambiguous"), candidates: [spaced] }],
    });
    expect(sendTimeContacts(ctx, { "alex@adatum.example": "CT000002" })).toEqual([spaced]);
    const bare = context({ matches: [match("alex@adatum.example", "ambiguous")] });
    expect(sendTimeContacts(bare, { "alex@adatum.example": "CT000002" })).toEqual([]);
  });

  it("passes the choices through sendTimeLogRequest", () => {
    const ctx = context({ matches: [ambiguous("alex@adatum.example")] });
    expect(sendTimeLogRequest(ctx, user, now)).toEqual({ nothing: "noContacts" });
    const result = sendTimeLogRequest(ctx, user, now, { "alex@adatum.example": "CT000002" });
    if (!("request" in result)) throw new Error("expected a request");
    expect(result.request.contacts).toEqual([adatumEu]);
  });
});

describe("choicesFor", () => {
  it("keeps only the choices for the item's addresses, keyed as the pane keys them", () => {
    const c = mail({
      participants: [
        { role: "from", displayName: "Owen", address: "owen@contoso.example" },
        { role: "to", displayName: "Alex", address: " Alex@Adatum.example " },
      ],
    });
    expect(choicesFor(c, { "alex@adatum.example": "CT000002", "kim@trey.example": "CT000007" })).toEqual({
      "alex@adatum.example": "CT000002",
    });
    expect(choicesFor(c, {})).toStrictEqual({});
    // An address without a choice, and a blank address, add no key at all.
    const blank = mail({ participants: [{ role: "to", displayName: "?", address: " " }] });
    expect(choicesFor(blank, { "": "CT000001" })).toStrictEqual({});
    expect(choicesFor(c, { "kim@trey.example": "CT000007" })).toStrictEqual({});
  });
});

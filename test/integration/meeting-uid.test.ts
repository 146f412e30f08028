// A meeting's iCalUId through Graph, as the pane and the send handler resolve it: the emulator answers
// GET /me/events/{id}?$select=iCalUId for the workbench calendar, in the organiser's and every attendee's mailbox.
import { startEmulator, type RunningEmulator } from "../../dev/emulator";
import calendar from "../../dev/fixtures/mailbox/calendar.json";
import { createMeetingUidResolver } from "../../src/graph/meeting-uid";
import { emulatorConfig, startTestEmulator, USER, type TestEmulator } from "./harness";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => emu?.dispose());

it("gives the organiser and an attendee the same iCalUId for their copies of a meeting", async () => {
  const attendeeMeeting = calendar[1]!;
  const asAnnette = createMeetingUidResolver({ config: emulatorConfig(emu.url), user: USER });
  const asKim = createMeetingUidResolver({
    config: emulatorConfig(emu.url),
    user: { displayName: "Kim Akers", emailAddress: "kim.akers@treyresearch.example" },
  });
  await expect(asAnnette(attendeeMeeting.itemId)).resolves.toBe(attendeeMeeting.uid);
  await expect(asKim(attendeeMeeting.itemId)).resolves.toBe(attendeeMeeting.uid);
});

it("answers 404 for an event that is not in the caller's mailbox", async () => {
  const stranger = createMeetingUidResolver({
    config: emulatorConfig(emu.url),
    user: { displayName: "Sam Taylor", emailAddress: "sam.taylor@northwind.example" },
  });
  await expect(stranger(calendar[0]!.itemId)).rejects.toMatchObject({ statusCode: 404 });
});

it("gives up at the configured request deadline (ILO_REQUEST_TIMEOUT_SECONDS) when Graph does not answer", async () => {
  await emu.setFaults({ slowRate: 1, slowMs: 5_000, paths: ["/me/**"] });
  try {
    const resolve = createMeetingUidResolver({
      config: { ...emulatorConfig(emu.url), requestTimeoutMs: 300 },
      user: USER,
    });
    const started = Date.now();
    await expect(resolve(calendar[1]!.itemId)).rejects.toBeDefined();
    expect(Date.now() - started).toBeLessThan(2_000);
  } finally {
    await emu.setFaults({});
  }
});

describe("meetings the workbench saves and sends (POST /_emulator/events)", () => {
  let own: RunningEmulator;
  beforeAll(async () => {
    own = await startEmulator({ port: 0, quiet: true });
  });
  afterAll(async () => own?.close());

  const register = (body: unknown, secret: string | undefined = own.adminSecret) =>
    fetch(`${own.url}/_emulator/events`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(secret ? { "X-Emulator-Secret": secret } : {}) },
      body: JSON.stringify(body),
    });
  const uid = "040000008200E00074C5B7101A82E00800000000AABBCCDDEEFF0011";
  const kim = { displayName: "Kim Akers", emailAddress: "kim.akers@treyresearch.example" };

  it("answers each mailbox's copy with the one iCalUId: the saved draft, the organiser's calendar copy, an attendee's", async () => {
    // Saving the new meeting files it in the organiser's calendar; sending delivers the attendees' copies.
    expect(
      (
        await register({
          iCalUId: uid,
          subject: "Showroom",
          copies: [{ mailbox: USER.emailAddress, itemId: "AAMk/Meet+1AAA=" }],
        })
      ).status,
    ).toBe(201);
    const sent = await register({
      iCalUId: uid,
      subject: "Showroom",
      start: "2026-03-24T10:00:00.000Z",
      end: "2026-03-24T11:00:00.000Z",
      copies: [
        { mailbox: USER.emailAddress, itemId: "AAMkCalWB1AAA=" },
        { mailbox: kim.emailAddress.toUpperCase(), itemId: "AAMkCalWB1KimAAA=" },
      ],
    });
    expect(sent.status).toBe(201);
    expect(((await sent.json()) as { copies: unknown[] }).copies).toHaveLength(3);

    const asAnnette = createMeetingUidResolver({ config: emulatorConfig(own.url), user: USER });
    const asKim = createMeetingUidResolver({ config: emulatorConfig(own.url), user: kim });
    // Office converts EWS ids to REST ids ("/" → "-", "+" → "_") before asking Graph.
    await expect(asAnnette("AAMk-Meet_1AAA=")).resolves.toBe(uid);
    await expect(asAnnette("AAMkCalWB1AAA=")).resolves.toBe(uid);
    await expect(asKim("AAMkCalWB1KimAAA=")).resolves.toBe(uid);
    // A copy is found only in its own mailbox.
    await expect(asKim("AAMkCalWB1AAA=")).rejects.toMatchObject({ statusCode: 404 });
    await expect(asAnnette("AAMkCalWB1KimAAA=")).rejects.toMatchObject({ statusCode: 404 });
  });

  it("refuses a registration without the admin secret or without copies", async () => {
    expect(
      (await register({ iCalUId: uid, copies: [{ mailbox: "a@b.example", itemId: "X" }] }, "")).status,
    ).toBe(401);
    const bad = await register({ iCalUId: uid, subject: "x", copies: [] });
    expect(bad.status).toBe(400);
    await expect(bad.json()).resolves.toMatchObject({ error: { message: expect.stringMatching(/copies/) } });
    expect((await register({ iCalUId: " ", copies: [{ mailbox: "a@b.example", itemId: "X" }] })).status).toBe(
      400,
    );
  });
});

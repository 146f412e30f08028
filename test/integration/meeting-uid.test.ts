// A meeting's iCalUId through Graph, as the pane and the send handler resolve it: the emulator answers
// GET /me/events/{id}?$select=iCalUId for the workbench calendar, in the organiser's and every attendee's mailbox.
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

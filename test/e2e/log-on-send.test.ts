// Log on send in the workbench: the compose form's Send runs the add-in's OnMessageSend / OnAppointmentSend handler
// the way Outlook does (launchevent.html in a hidden frame, or launchevent.js alone in a worker for classic
// Outlook), then files the item. The lists are checked through Graph.
import { startEmulator } from "../../dev/emulator";
import { listItems, paneFrame, useWorkbench } from "./stack";

jest.setTimeout(150_000);

const t = useWorkbench();
const ROBIN = "Robin Danielsen <robin.danielsen@adatum.example>";
const JESSE = "Jesse Ulrich <jesse.ulrich@adatum.example>";
const SAM = "Sam Taylor <sam.taylor@northwind.example>";

interface SendOutcome {
  ms: number;
  result: string;
  noticeShown: boolean;
}

async function entriesTitled(title: string): Promise<Array<Record<string, unknown>>> {
  const all = [
    ...(await listItems(t.stack.graph, "Interaction Log Entries", "fields/ContactNo eq 'CT000010'")),
    ...(await listItems(t.stack.graph, "Interaction Log Entries", "fields/ContactNo eq 'CT000011'")),
  ];
  return all.filter((e) => e.Title === title);
}

async function newEmail(to: string, subject: string): Promise<void> {
  await t.stack.page.getByTestId("new-email").click();
  await t.stack.page.getByTestId("compose-to").fill(to);
  await t.stack.page.getByTestId("compose-subject").fill(subject);
  t.pane = await paneFrame(t.stack.page);
  await t.pane.getByRole("checkbox", { name: "Log when sent" }).waitFor();
}

/**
 * "Read the draft again" replaces the form with one read from the draft: wait until a new form (not the one marked
 * before the click) shows the typed subject, so that the Log click reaches it, not the one being replaced.
 */
async function readDraftAgain(subject: string): Promise<void> {
  const description = t.pane.getByLabel(/^Description/);
  await description.evaluate((el) => el.setAttribute("data-e2e-replaced", ""));
  await t.pane.getByRole("button", { name: "Read the draft again" }).click();
  for (let i = 0; i < 150; i++) {
    const fresh = (await description.getAttribute("data-e2e-replaced").catch(() => "")) === null;
    if (fresh && (await description.inputValue().catch(() => "")) === subject) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the pane never read the draft's subject "${subject}" again`);
}

/**
 * Waits for the pane to say the draft is logged: the log's announcement, or (when Outlook's RecipientsChanged made
 * the pane read the draft again meanwhile) the new view's "Logged for …". When neither comes, the error carries
 * what the pane shows instead.
 */
async function waitForLogged(text: RegExp): Promise<void> {
  try {
    await t.pane.getByText(text).first().waitFor({ timeout: 90_000 });
  } catch (e) {
    const shown = await t.pane
      .locator("body")
      .innerText()
      .catch(() => "(pane unreadable)");
    throw new Error(`${String(e)}\n--- the pane showed ---\n${shown}`);
  }
}

async function send(): Promise<SendOutcome> {
  await t.stack.page.evaluate(() => delete document.body.dataset.lastSend);
  await t.stack.page.getByTestId("compose-send").click();
  const handle = await t.stack.page.waitForFunction(() => document.body.dataset.lastSend, undefined, {
    timeout: 20_000,
  });
  const outcome = JSON.parse((await handle.jsonValue()) as string) as SendOutcome;
  process.stdout.write(`send: ${outcome.ms} ms until the item left (${outcome.result})\n`);
  return outcome;
}

async function openSent(subject: string): Promise<void> {
  await t.stack.page.getByTestId("folder-sent").click();
  await t.stack.page.getByTestId("item-list").getByText(subject, { exact: true }).click();
  t.pane = await paneFrame(t.stack.page);
}

async function waitForEntries(title: string, count: number): Promise<Array<Record<string, unknown>>> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const found = await entriesTitled(title);
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

it("turns the user's setting on in the pane (off by default)", async () => {
  await t.stack.page.getByTestId("new-email").click();
  t.pane = await paneFrame(t.stack.page);
  const setting = t.pane.getByRole("checkbox", { name: "Log sent mail and meetings to known contacts" });
  await expect(setting.isChecked()).resolves.toBe(false);
  await expect(t.pane.getByRole("checkbox", { name: "Log when sent" }).isChecked()).resolves.toBe(false);
  await setting.click();
  await expect(t.pane.getByRole("checkbox", { name: "Log when sent" }).isChecked()).resolves.toBe(true);
  await t.stack.page.getByTestId("compose-discard").click();
});

it("logs a mail to two known contacts and an unknown one as one segment when sent, and the sent copy is already logged", async () => {
  const subject = "Chairs: delivery dates";
  await newEmail(`${ROBIN}; ${JESSE}; ${SAM}`, subject);
  const outcome = await send();
  expect(outcome).toMatchObject({ result: "completed", noticeShown: false });
  expect(outcome.ms).toBeLessThan(5000);

  const entries = await entriesTitled(subject);
  expect(entries.map((e) => e.ContactNo).sort()).toEqual(["CT000010", "CT000011"]);
  expect(new Set(entries.map((e) => e.LoggedSegmentId)).size).toBe(1);
  expect(entries[0]).toMatchObject({ InteractionTemplateCode: "EMAIL", InformationFlow: "Outbound" });
  expect(String(entries[0]!.SourceId)).toMatch(/^draft:/);
  const segments = (await listItems(t.stack.graph, "Logged Segments")).filter((s) => s.Title === subject);
  expect(segments).toHaveLength(1);

  await openSent(subject);
  await t.pane.getByText(/Logged for Robin Danielsen and Jesse Ulrich/).waitFor();
});

it("sends within 5 s with the emulator down, shows the sent copy as pending, and logs exactly once when it is back", async () => {
  const subject = "Chairs: sent while offline";
  await newEmail(`${ROBIN}; ${JESSE}`, subject);
  await t.stack.emulator.close();
  const outcome = await send();
  expect(outcome.result).toBe("completed");
  expect(outcome.ms).toBeLessThan(5000);

  t.stack.emulator = await startEmulator({
    port: t.stack.emulator.port,
    dataDir: t.stack.dataDir,
    quiet: true,
  });
  await expect(entriesTitled(subject)).resolves.toHaveLength(0);
  await openSent(subject);
  await t.pane.getByText(/Log pending/).waitFor();
  // The pane writes the kept log (after the item loads, every minute, or with Send now).
  const sendNow = t.pane.getByRole("button", { name: /^Send now/ });
  if (await sendNow.count()) await sendNow.click().catch(() => undefined);
  const entries = await waitForEntries(subject, 2);
  expect(entries.map((e) => e.ContactNo).sort()).toEqual(["CT000010", "CT000011"]);
  // Exactly once: another replay finds the same DedupeKeys.
  await t.stack.page.reload();
  t.pane = await paneFrame(t.stack.page);
  await new Promise((r) => setTimeout(r, 3000));
  await expect(entriesTitled(subject)).resolves.toHaveLength(2);
});

it("logs nothing for a mail whose 'Log when sent' switch is off", async () => {
  const subject = "Chairs: private note";
  await newEmail(ROBIN, subject);
  await t.pane.getByRole("checkbox", { name: "Log when sent" }).click();
  await expect(t.pane.getByRole("checkbox", { name: "Log when sent" }).isChecked()).resolves.toBe(false);
  const outcome = await send();
  expect(outcome.result).toBe("completed");
  await expect(entriesTitled(subject)).resolves.toHaveLength(0);
});

it("keeps one entry per contact for a draft logged from the pane and then sent", async () => {
  const subject = "Chairs: logged as a draft";
  await newEmail(`${ROBIN}; ${JESSE}`, subject);
  await readDraftAgain(subject);
  await t.pane.getByRole("button", { name: /^Log for 2 contacts/ }).click();
  await waitForLogged(/Interaction logged for 2 contacts|Logged for Robin Danielsen and Jesse Ulrich/);
  await expect(entriesTitled(subject)).resolves.toHaveLength(2);
  await send();
  const entries = await entriesTitled(subject);
  expect(entries.map((e) => e.ContactNo).sort()).toEqual(["CT000010", "CT000011"]);
  await openSent(subject);
  await t.pane.getByText(/Logged for Robin Danielsen and Jesse Ulrich/).waitFor();
});

it("logs a meeting invitation when sent with the Meeting Invitation template", async () => {
  const subject = "Chairs: showroom visit";
  await t.stack.page.getByTestId("new-meeting").click();
  await t.stack.page.getByTestId("compose-required").fill(`${ROBIN}; ${JESSE}`);
  await t.stack.page.getByTestId("compose-subject").fill(subject);
  t.pane = await paneFrame(t.stack.page);
  await t.pane.getByRole("checkbox", { name: "Log when sent" }).waitFor();
  const outcome = await send();
  expect(outcome.ms).toBeLessThan(5000);
  const entries = await entriesTitled(subject);
  expect(entries.map((e) => e.ContactNo).sort()).toEqual(["CT000010", "CT000011"]);
  for (const e of entries)
    expect(e).toMatchObject({ InteractionTemplateCode: "MEETING", SourceKind: "Meeting", DurationMin: 60 });
  // The organiser's copy in the calendar is the same meeting.
  await t.stack.page.getByTestId("folder-calendar").click();
  await t.stack.page.getByTestId("item-list").getByText(subject, { exact: true }).click();
  t.pane = await paneFrame(t.stack.page);
  await t.pane.getByText(/Logged for Robin Danielsen and Jesse Ulrich/).waitFor();
});

it("keeps one entry per contact for a new meeting logged from the compose pane and then sent, and its calendar copy is already logged", async () => {
  const subject = "Chairs: showroom visit, logged as a draft";
  await t.stack.page.getByTestId("new-meeting").click();
  await t.stack.page.getByTestId("compose-required").fill(`${ROBIN}; ${JESSE}`);
  await t.stack.page.getByTestId("compose-subject").fill(subject);
  t.pane = await paneFrame(t.stack.page);
  await readDraftAgain(subject);
  await t.pane.getByRole("button", { name: /^Log for 2 contacts/ }).click();
  await waitForLogged(/Interaction logged for 2 contacts|Logged for Robin Danielsen and Jesse Ulrich/);
  // Unsaved: Office gives the new meeting no id but the one the pane keeps in its custom properties.
  const drafted = await entriesTitled(subject);
  expect(drafted).toHaveLength(2);
  for (const e of drafted) expect(String(e.SourceId)).toMatch(/^draft:/);

  const outcome = await send();
  expect(outcome).toMatchObject({ result: "completed" });
  expect(outcome.ms).toBeLessThan(5000);
  // One entry per contact, none canceled, all under the meeting's iCalUId now (the id every copy resolves).
  const entries = await entriesTitled(subject);
  const counting = entries.filter((e) => !e.Canceled).map((e) => String(e.ContactNo));
  expect(counting.sort()).toEqual(["CT000010", "CT000011"]);
  expect(entries).toHaveLength(2);
  expect(new Set(entries.map((e) => e.SourceId)).size).toBe(1);
  expect(String(entries[0]!.SourceId)).toMatch(/^040000008200E00074C5B7101A82E008/);

  await t.stack.page.getByTestId("folder-calendar").click();
  await t.stack.page.getByTestId("item-list").getByText(subject, { exact: true }).click();
  t.pane = await paneFrame(t.stack.page);
  await t.pane.getByText(/Logged for Robin Danielsen and Jesse Ulrich/).waitFor();
  // Opening it wrote nothing more.
  await expect(entriesTitled(subject)).resolves.toHaveLength(2);
});

it("shows the attendee's copy of a meeting sent from the workbench as already logged for the organiser's entries (same iCalUId)", async () => {
  // Annette organises and sends it (the add-in's send handler logs it); Kim Akers attends, in her own mailbox.
  const subject = "Chairs: supplier day with Trey Research";
  await t.stack.page.getByTestId("new-meeting").click();
  await t.stack.page
    .getByTestId("compose-required")
    .fill(`${ROBIN}; Kim Akers <kim.akers@treyresearch.example>`);
  await t.stack.page.getByTestId("compose-subject").fill(subject);
  t.pane = await paneFrame(t.stack.page);
  await t.pane.getByRole("checkbox", { name: "Log when sent" }).waitFor();
  const outcome = await send();
  expect(outcome.result).toBe("completed");
  const [robin] = await entriesTitled(subject);
  expect(robin).toMatchObject({ ContactNo: "CT000010", UserId: "annette.hill@cronus.example" });
  expect(String(robin!.SourceId)).toMatch(/^040000008200E00074C5B7101A82E008/);

  await t.stack.page.getByTestId("mailbox-select").selectOption("kim.akers@treyresearch.example");
  try {
    await t.stack.page.getByTestId("signed-in-user").getByText("Kim Akers").waitFor();
    await t.stack.page.getByTestId("folder-calendar").click();
    await t.stack.page.getByTestId("item-list").getByText(subject, { exact: true }).click();
    t.pane = await paneFrame(t.stack.page);
    await t.pane.getByText(/Logged for .*Robin Danielsen.* by annette\.hill@cronus\.example/).waitFor();
    // Kim's copy is another item in another mailbox; only the iCalUId is shared.
    const kims = await t.stack.page.getByTestId("reading-pane").innerText();
    expect(kims).toContain("Organizer: Annette Hill <annette.hill@cronus.example>");
  } finally {
    await t.stack.page.getByTestId("mailbox-select").selectOption("annette.hill@cronus.example");
  }
});

it("logs a mail to an address of an ambiguous domain for the company the user chose for it before", async () => {
  // Alex's domain matches two companies: the user chose Relecloud Services (CT000006) on one of his mails.
  await t.stack.page.getByTestId("folder-inbox").click();
  await t.stack.page.getByTestId("item-AAMkAGI2TInbox0005AAA").click();
  t.pane = await paneFrame(t.stack.page);
  await t.pane.getByLabel("Which contact is alex.wilber@relecloud.example?").selectOption("CT000006");
  for (let i = 0; ; i++) {
    const saved = await t.stack.page.evaluate(() => localStorage.getItem("ilo-workbench-roaming-settings"));
    if (/CT000006/.test(saved ?? "")) break;
    if (i > 100) throw new Error("the choice was never saved to the roaming settings");
    await new Promise((r) => setTimeout(r, 100));
  }

  const subject = "Support: renewal quote";
  await newEmail("Alex Wilber <alex.wilber@relecloud.example>", subject);
  const outcome = await send();
  expect(outcome.result).toBe("completed");
  const entries = (
    await listItems(t.stack.graph, "Interaction Log Entries", "fields/ContactNo eq 'CT000006'")
  ).filter((e) => e.Title === subject);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ InteractionTemplateCode: "EMAIL", InformationFlow: "Outbound" });
  const other = (
    await listItems(t.stack.graph, "Interaction Log Entries", "fields/ContactNo eq 'CT000005'")
  ).filter((e) => e.Title === subject);
  expect(other).toHaveLength(0);
});

it("classic Outlook: the JavaScript-only runtime (a worker, no DOM) logs on send, and keeps the log in OfficeRuntime.storage when offline", async () => {
  await t.stack.page.goto(`${t.stack.workbench.url}?runtime=js`);
  t.pane = await paneFrame(t.stack.page);
  const online = "Chairs: from classic Outlook";
  await newEmail(`${ROBIN}; ${JESSE}`, online);
  const first = await send();
  expect(first.result).toBe("completed");
  expect(first.ms).toBeLessThan(5000);
  await expect(entriesTitled(online)).resolves.toHaveLength(2);

  const offline = "Chairs: classic Outlook offline";
  await newEmail(ROBIN, offline);
  await t.stack.emulator.close();
  const second = await send();
  expect(second.ms).toBeLessThan(5000);
  const kept = await t.stack.page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("ilo-officeruntime:ilo-send-log:")),
  );
  expect(kept).toHaveLength(1);
  t.stack.emulator = await startEmulator({
    port: t.stack.emulator.port,
    dataDir: t.stack.dataDir,
    quiet: true,
  });
  await openSent(offline);
  const sendNow = t.pane.getByRole("button", { name: /^Send now/ });
  if (await sendNow.count()) await sendNow.click().catch(() => undefined);
  const entries = await waitForEntries(offline, 1);
  expect(entries.map((e) => e.ContactNo)).toEqual(["CT000010"]);
});

it("shows Outlook's 'taking longer than expected' notice after 5 s for a slow handler, and Send Anyway sends", async () => {
  // A stand-in for a slow add-in: the workbench must treat it as Outlook does (PromptUser).
  await t.stack.page.route("**/launchevent.js", (route) =>
    route.fulfill({
      contentType: "text/javascript",
      body: `Office.actions.associate("onMessageSendHandler", (e) => setTimeout(() => e.completed({ allowEvent: true }), 20000));`,
    }),
  );
  try {
    await t.stack.page.goto(`${t.stack.workbench.url}?runtime=html`);
    t.pane = await paneFrame(t.stack.page);
    const subject = "Chairs: slow add-in";
    await newEmail(ROBIN, subject);
    await t.stack.page.evaluate(() => delete document.body.dataset.lastSend);
    const started = Date.now();
    await t.stack.page.getByTestId("compose-send").click();
    await t.stack.page.getByTestId("send-notice").waitFor();
    expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
    await expect(t.stack.page.getByTestId("send-notice").innerText()).resolves.toMatch(
      /taking longer than expected/,
    );
    await t.stack.page.getByTestId("send-anyway").click();
    const handle = await t.stack.page.waitForFunction(() => document.body.dataset.lastSend);
    const outcome = JSON.parse((await handle.jsonValue()) as string) as SendOutcome;
    expect(outcome).toMatchObject({ result: "sentAnyway", noticeShown: true });
    await t.stack.page.getByTestId("item-list").getByText(subject, { exact: true }).waitFor();
  } finally {
    await t.stack.page.unroute("**/launchevent.js");
  }
});

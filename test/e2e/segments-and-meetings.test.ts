// Beyond the single email: a sent mail to several contacts logged as one segment, a meeting we organise logged
// with its length as duration, and the pane in Dutch.
import { FIXTURE, listItems, paneFrame, useWorkbench } from "./stack";

jest.setTimeout(90_000);

const t = useWorkbench();

it("logs a sent mail for all four recipients as one logged segment", async () => {
  await t.stack.page.getByTestId("folder-sent").click();
  await t.stack.page.getByTestId(`item-${FIXTURE.sentToMany}`).click();
  await t.pane.getByRole("checkbox", { name: "Mary O'Brien" }).waitFor();
  await t.pane.getByRole("button", { name: /^Log for 4 contacts/ }).click();
  await t.pane.getByText(/Interaction logged for 4 contacts/).waitFor();

  const segments = await listItems(t.stack.graph, "Logged Segments");
  expect(segments).toHaveLength(1);
  const segmentId = Number(segments[0]?.id);
  const entries = await listItems(
    t.stack.graph,
    "Interaction Log Entries",
    `fields/LoggedSegmentId eq ${segmentId}`,
  );
  expect(entries.map((e) => e.ContactNo).sort()).toEqual(["CT000011", "CT000012", "CT000013", "CT000014"]);
  for (const e of entries)
    expect(e).toMatchObject({ InformationFlow: "Outbound", InitiatedBy: "Us", SourceKind: "Email" });
});

it("logs a meeting we organise with the meeting template and its length as duration", async () => {
  await t.stack.page.getByTestId("folder-calendar").click();
  await t.stack.page.getByTestId(`item-${FIXTURE.meetingWeOrganise}`).click();
  // Robin is on the meeting but not on the sent mail shown before it: the pane has moved to the meeting.
  await t.pane.getByRole("checkbox", { name: "Robin Danielsen" }).waitFor();
  await expect(t.pane.getByLabel(/Interaction template/).inputValue()).resolves.toBe("MEETING");
  await expect(t.pane.getByLabel(/^Duration/).inputValue()).resolves.toBe("90");
  await t.pane.getByRole("button", { name: /^Log for 3 contacts/ }).click();
  await t.pane.getByText(/Interaction logged for 3 contacts/).waitFor();
  const entries = await listItems(t.stack.graph, "Interaction Log Entries", "fields/ContactNo eq 'CT000010'");
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({
    SourceKind: "Meeting",
    InteractionTemplateCode: "MEETING",
    DurationMin: 90,
    InformationFlow: "Outbound",
    InteractionDate: "2026-03-17T09:00:00Z",
  });
});

it("speaks Dutch when Outlook's display language is Dutch", async () => {
  await t.stack.page.getByTestId("language-select").selectOption("nl-NL");
  t.pane = await paneFrame(t.stack.page);
  await t.stack.page.getByTestId("folder-inbox").click();
  await t.stack.page.getByTestId(`item-${FIXTURE.samMail}`).click();
  await t.pane
    .getByRole("button", { name: /^Interactie registreren|^Registreren voor/ })
    .first()
    .waitFor();
  await t.pane
    .getByText(/Contact (aanmaken|maken)/i)
    .first()
    .waitFor();
});

it("creates an unknown sender as a contact with the next free number, and the row becomes matched", async () => {
  await t.stack.page.goto(
    `${t.stack.workbench.url}?lang=en-US&folder=inbox&item=${encodeURIComponent(`${FIXTURE.samMail}=`)}`,
  );
  t.pane = await paneFrame(t.stack.page);
  await t.pane.getByText("Sam Taylor", { exact: true }).first().waitFor();
  await t.pane
    .getByRole("button", { name: /Create contact/ })
    .first()
    .click();
  await expect(t.pane.getByLabel(/^First name/).inputValue()).resolves.toBe("Sam");
  await expect(t.pane.getByLabel(/^Last name/).inputValue()).resolves.toBe("Taylor");
  await t.pane.getByRole("button", { name: /^Save/ }).click();
  await t.pane.getByRole("checkbox", { name: /Sam Taylor/ }).waitFor();
  const contacts = await listItems(
    t.stack.graph,
    "Contacts",
    "fields/Email eq 'sam.taylor@northwind.example'",
  );
  expect(contacts).toHaveLength(1);
  expect(contacts[0]).toMatchObject({ Title: "Sam Taylor", ContactNo: "CT000016", ContactType: "Person" });
});

it("reads a new email in compose mode through the async getters and logs it as outbound", async () => {
  await t.stack.page.goto(`${t.stack.workbench.url}?lang=en-US`);
  await t.stack.page.getByTestId("new-email").click();
  await t.stack.page.getByTestId("compose-to").fill("ian.deberry@alpineskihouse.example");
  await t.stack.page.getByTestId("compose-subject").fill("Ski trip follow-up");
  await t.stack.page.getByTestId("compose-save").click();
  t.pane = await paneFrame(t.stack.page);
  await t.pane.getByRole("button", { name: "Read the draft again" }).click();
  await t.pane.getByText("Ian Deberry", { exact: true }).first().waitFor();
  await t.pane
    .getByText(/Alpine Ski House/)
    .first()
    .waitFor();
  await expect(t.pane.getByLabel(/^Description/).inputValue()).resolves.toBe("Ski trip follow-up");
  await t.pane.getByRole("button", { name: /^Log interaction/ }).click();
  await t.pane.getByText(/Interaction logged for 1 contact/).waitFor();
  // Ian was logged earlier from the sent mail; the draft is a different item.
  const entries = await listItems(t.stack.graph, "Interaction Log Entries", "fields/ContactNo eq 'CT000013'");
  const fromDraft = entries.filter((e) => String(e.SourceId).startsWith("draft:"));
  expect(fromDraft).toHaveLength(1);
  expect(fromDraft[0]).toMatchObject({
    Title: "Ski trip follow-up",
    InformationFlow: "Outbound",
    InitiatedBy: "Us",
    SourceKind: "Email",
  });
});

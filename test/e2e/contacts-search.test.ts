// Contacts beyond the open item, in Chromium against the workbench, checked in the SharePoint lists through Graph:
// a phone call logged for a contact found by search (no item needed), a found contact added to a mail's segment,
// and an unknown address linked to an existing contact so that the next mail from it matches that contact.
import type { Frame } from "playwright-core";
import { axeViolations } from "./entries-helpers";
import { FIXTURE, listItems, useWorkbench } from "./stack";

jest.setTimeout(120_000);

const t = useWorkbench();

async function openItem(id: string, folder: "inbox" | "sent" | "calendar" = "inbox"): Promise<void> {
  await t.stack.page.getByTestId(`folder-${folder}`).click();
  await t.stack.page.getByTestId(`item-${id}`).click();
}

/** Types into the contact search and picks the match with the keyboard only: arrows, then Enter. */
async function searchAndPick(pane: Frame, text: string, name: RegExp): Promise<void> {
  const box = pane.getByRole("combobox", { name: /Name, e-mail, contact no\. or domain/ });
  await box.waitFor();
  await box.pressSequentially(text, { delay: 30 });
  await pane.getByRole("option", { name }).waitFor();
  // The search with its results, as a screen reader meets it: no axe violations.
  await expect(axeViolations(pane).then((v) => v.map((x) => `${x.id}: ${x.help}`))).resolves.toEqual([]);
  const options = await pane.getByRole("option").allTextContents();
  const index = options.findIndex((o) => name.test(o));
  for (let i = 0; i <= index; i++) await box.press("ArrowDown");
  await expect(box.getAttribute("aria-activedescendant")).resolves.toBeTruthy();
  await box.press("Enter");
}

/** Waits until the log form's description shows `text`: the pane has moved to that item. */
async function descriptionIs(pane: Frame, text: string): Promise<void> {
  const field = pane.getByLabel(/^Description/);
  for (let i = 0; i < 100; i++) {
    if ((await field.inputValue().catch(() => "")) === text) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the description never became "${text}"`);
}

it("logs a phone call for a contact found by search, with the Outgoing Calls template", async () => {
  await t.pane.getByRole("button", { name: "Find a contact" }).click();
  await searchAndPick(t.pane, "Kim", /Kim Akers/);
  await t.pane.getByRole("heading", { name: "Kim Akers" }).waitFor();
  // Persons and companies are told apart by text, not only by icon.
  await t.pane
    .getByTestId("contact-summary")
    .getByText(/Person · CT000012/)
    .waitFor();
  await expect(axeViolations(t.pane).then((v) => v.map((x) => `${x.id}: ${x.help}`))).resolves.toEqual([]);
  await t.pane.getByRole("button", { name: "New interaction" }).click();
  await expect(t.pane.getByLabel(/Interaction template/).inputValue()).resolves.toBe("PHONE");
  await t.pane.getByLabel(/^Comment/).fill("Called about the lab furniture");
  const before = Date.now();
  await t.pane.getByRole("button", { name: /^Log interaction/ }).click();
  await t.pane.getByText(/Interaction logged for 1 contact/).waitFor();
  await t.pane.getByTestId("contact-history-entry").first().waitFor();

  const entries = await listItems(t.stack.graph, "Interaction Log Entries", "fields/ContactNo eq 'CT000012'");
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({
    ContactNo: "CT000012",
    ContactCompanyNo: "CT000002",
    InteractionTemplateCode: "PHONE",
    SourceKind: "Manual",
    CorrespondenceType: "Phone Call",
    Comment: "Called about the lab furniture",
  });
  // No item: no SourceId; the dedupe key comes from the log request's id, so a retry stays one entry.
  expect(entries[0]!.SourceId).toBeUndefined();
  expect(String(entries[0]!.DedupeKey)).toMatch(/\S/);
  // Dated now, not by any item.
  expect(Math.abs(Date.parse(String(entries[0]!.InteractionDate)) - before)).toBeLessThan(5 * 60_000);
  await t.pane.getByRole("button", { name: "Done" }).click();
  // Back to the search, then out of it.
  await t.pane.getByRole("button", { name: "Back" }).click();
  await t.pane.getByRole("button", { name: "Back" }).click();
  await t.pane.getByTestId("contact-panel").waitFor({ state: "detached" });
});

it("adds a contact found by search to a mail's segment", async () => {
  await openItem(FIXTURE.robinMail);
  await descriptionIs(t.pane, "Re: Quote for 40 ergonomic chairs");
  await t.pane.getByRole("button", { name: "Find a contact" }).click();
  // The item view is hidden (kept, not lost) while the contact panel is open.
  await expect(t.pane.getByRole("heading", { name: "Correspondents" }).isVisible()).resolves.toBe(false);
  await searchAndPick(t.pane, "ian.deb", /Ian Deberry/);
  await t.pane.getByRole("button", { name: "Add to this item's log" }).click();
  await t.pane.getByText("Ian Deberry was added to this item's log.").waitFor();
  await expect(t.pane.getByRole("checkbox", { name: /Ian Deberry/ }).isChecked()).resolves.toBe(true);
  await t.pane.getByRole("button", { name: /^Log for 2 contacts/ }).click();
  await t.pane.getByText(/Interaction logged for 2 contacts/).waitFor();

  const entries = await listItems(
    t.stack.graph,
    "Interaction Log Entries",
    `fields/SourceId eq '${FIXTURE.robinMessageId}'`,
  );
  expect(entries.map((e) => e.ContactNo).sort()).toEqual(["CT000010", "CT000013"]);
  const segments = entries.map((e) => e.LoggedSegmentId);
  expect(segments[0]).toBeTruthy();
  expect(segments[1]).toBe(segments[0]);
  expect(entries.find((e) => e.ContactNo === "CT000013")).toMatchObject({ SourceKind: "Email" });
});

it("links an unknown address to an existing contact; the next mail from it matches that contact", async () => {
  await openItem("AAMkAGI2TInbox0010AAA");
  await descriptionIs(t.pane, "From my private address");
  await t.pane
    .getByRole("button", { name: "Link robin@danielsen-home.example to an existing contact" })
    .click();
  const box = t.pane.getByRole("combobox", { name: /Which contact uses this address/ });
  await box.pressSequentially("Robin", { delay: 30 });
  await t.pane.getByRole("option", { name: /Robin Danielsen/ }).click();
  await t.pane
    .getByText(/Add robin@danielsen-home\.example to Robin Danielsen as second e-mail address/)
    .waitFor();
  await t.pane.getByRole("button", { name: "Link address" }).click();
  await t.pane.getByRole("checkbox", { name: "Robin Danielsen" }).waitFor();

  const robin = await listItems(t.stack.graph, "Contacts", "fields/ContactNo eq 'CT000010'");
  expect(robin[0]).toMatchObject({
    Email: "robin.danielsen@adatum.example",
    Email2: "robin@danielsen-home.example",
  });

  await openItem("AAMkAGI2TInbox0011AAA");
  await descriptionIs(t.pane, "Re: From my private address");
  await expect(t.pane.getByRole("checkbox", { name: "Robin Danielsen" }).isChecked()).resolves.toBe(true);
  await t.pane.getByRole("button", { name: /^Log interaction/ }).click();
  await t.pane.getByText(/Interaction logged for 1 contact/).waitFor();
  const logged = await listItems(
    t.stack.graph,
    "Interaction Log Entries",
    "fields/SourceId eq '<CAF7qZ0011.robin@danielsen-home.example>'",
  );
  expect(logged).toEqual([
    expect.objectContaining({ ContactNo: "CT000010", ContactVia: "robin@danielsen-home.example" }),
  ]);
});

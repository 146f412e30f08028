// Creating contacts from the pane and remembering choices, in Chromium against the workbench, checked in the
// SharePoint lists through Graph: a person at Adatum from a domain match (counted in Adatum's history), Sam Taylor
// with a new company Northwind Traders (the next @northwind.example mail matches it), a remembered choice for an
// ambiguous domain, and a recipient added in compose shown without pressing anything.
import type { Frame } from "playwright-core";
import { listItems, paneFrame, useWorkbench } from "./stack";

jest.setTimeout(120_000);

const t = useWorkbench();

async function openItem(id: string, folder: "inbox" | "sent" | "calendar" = "inbox"): Promise<void> {
  await t.stack.page.getByTestId(`folder-${folder}`).click();
  await t.stack.page.getByTestId(`item-${id}`).click();
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const descriptionIs = (pane: Frame, text: string) =>
  until(`description "${text}"`, async () => (await pane.getByLabel(/^Description/).inputValue()) === text);

it("creates a person at Adatum from a domain match; the person counts in Adatum's history", async () => {
  await openItem("AAMkAGI2TInbox0008AAA");
  await descriptionIs(t.pane, "Delivery address for the chairs");
  await t.pane.getByRole("button", { name: "Create person at Adatum Corporation" }).click();
  const form = t.pane.getByRole("form", {
    name: "Create a person for nora.adams@adatum.example at Adatum Corporation",
  });
  await expect(form.getByLabel("First name").inputValue()).resolves.toBe("Nora");
  await expect(form.getByLabel("Last name").inputValue()).resolves.toBe("Adams");
  await expect(form.getByLabel("Company").inputValue()).resolves.toBe("CT000001");
  await form.getByRole("button", { name: "Save" }).click();
  await t.pane.getByRole("checkbox", { name: "Nora Adams" }).waitFor();

  const [nora] = await listItems(t.stack.graph, "Contacts", "fields/Email eq 'nora.adams@adatum.example'");
  expect(nora).toMatchObject({
    Title: "Nora Adams",
    ContactType: "Person",
    CompanyNo: "CT000001",
    CompanyName: "Adatum Corporation",
  });

  await t.pane.getByRole("button", { name: /^Log interaction/ }).click();
  await t.pane.getByText(/Interaction logged for 1 contact/).waitFor();
  const history = await listItems(
    t.stack.graph,
    "Interaction Log Entries",
    "fields/ContactCompanyNo eq 'CT000001'",
  );
  expect(history.map((e) => e.ContactNo)).toContain(nora!.ContactNo);

  // The person's row links to its company's view, whose history includes its persons' entries. (Once logged for
  // everyone, the form folds away; "Log another interaction" brings the rows back.)
  await t.pane.getByRole("button", { name: "Log another interaction" }).click();
  await t.pane.getByRole("button", { name: "Open Adatum Corporation" }).click();
  await t.pane.getByRole("heading", { name: "Adatum Corporation" }).waitFor();
  await t.pane.getByText("History (with its persons)").waitFor();
  await t.pane
    .getByTestId("contact-history-entry")
    .filter({ hasText: "Delivery address for the chairs" })
    .waitFor();
  await t.pane.getByRole("button", { name: "Back" }).click();
});

it("creates Sam Taylor with a new company Northwind Traders; another @northwind.example mail matches it", async () => {
  await openItem("AAMkAGI2TInbox0002AAA");
  await descriptionIs(t.pane, "Introduction: Northwind Traders");
  await t.pane.getByRole("button", { name: "Create contact for sam.taylor@northwind.example" }).click();
  const form = t.pane.getByRole("form", { name: "Create contact for sam.taylor@northwind.example" });
  await form.getByLabel("Company").selectOption("new");
  // The name comes from the mail's signature, the domain from the address.
  const name = form.getByLabel(/New company name/);
  await until("the signature's company name", async () => (await name.inputValue()) === "Northwind Traders");
  await expect(form.getByLabel("Its mail domain").inputValue()).resolves.toBe("northwind.example");
  await form.getByRole("button", { name: "Save" }).click();
  await t.pane.getByRole("checkbox", { name: "Sam Taylor" }).waitFor();

  const [company] = await listItems(t.stack.graph, "Contacts", "fields/Domain eq 'northwind.example'");
  expect(company).toMatchObject({ Title: "Northwind Traders", ContactType: "Company" });
  const [sam] = await listItems(t.stack.graph, "Contacts", "fields/Email eq 'sam.taylor@northwind.example'");
  expect(sam).toMatchObject({ CompanyNo: company!.ContactNo, CompanyName: "Northwind Traders" });

  await openItem("AAMkAGI2TInbox0009AAA");
  await descriptionIs(t.pane, "Northwind catalogue 2026");
  await expect(t.pane.getByRole("checkbox", { name: "Northwind Traders" }).isChecked()).resolves.toBe(true);
});

it("remembers the choice for an ambiguous domain per address, across items and pane loads, and lets it change", async () => {
  await openItem("AAMkAGI2TInbox0005AAA");
  await descriptionIs(t.pane, "Support contract renewal");
  const choice = () => t.pane.getByLabel("Which contact is alex.wilber@relecloud.example?");
  await choice().selectOption("CT000006");
  await until("the roaming settings saved", async () =>
    /CT000006/.test(
      (await t.stack.page.evaluate(() => localStorage.getItem("ilo-workbench-roaming-settings"))) ?? "",
    ),
  );

  await openItem("AAMkAGI2TInbox0001AAA");
  await descriptionIs(t.pane, "Re: Quote for 40 ergonomic chairs");
  // A new pane load (as when Outlook reopens the pane) reads the roaming settings again.
  await t.stack.page.getByTestId("theme-select").selectOption("dark");
  t.pane = await paneFrame(t.stack.page);
  await openItem("AAMkAGI2TInbox0005AAA");
  await descriptionIs(t.pane, "Support contract renewal");
  await expect(choice().inputValue()).resolves.toBe("CT000006");
  await t.pane.getByText("Your choice for this address is remembered; change it here.").waitFor();
  await expect(t.pane.getByRole("checkbox", { name: "Relecloud Services" }).isChecked()).resolves.toBe(true);
  await t.pane.getByRole("button", { name: /^Log interaction/ }).click();
  await t.pane.getByText(/Interaction logged for 1 contact/).waitFor();
  const entries = await listItems(
    t.stack.graph,
    "Interaction Log Entries",
    "fields/SourceId eq '<SN6PR05MB0005.alex@relecloud.example>'",
  );
  expect(entries.map((e) => e.ContactNo)).toEqual(["CT000006"]);

  // Changed: the new choice is what is remembered.
  await t.pane.getByRole("button", { name: "Log another interaction" }).click();
  await choice().selectOption("CT000005");
  await until("the changed choice saved", async () =>
    /CT000005/.test(
      (await t.stack.page.evaluate(() => localStorage.getItem("ilo-workbench-roaming-settings"))) ?? "",
    ),
  );
});

it("shows a recipient added in compose without pressing anything", async () => {
  await t.stack.page.getByTestId("new-email").click();
  await t.pane.getByRole("button", { name: "Read the draft again" }).waitFor();
  await t.stack.page.getByTestId("compose-subject").fill("Lab furniture");
  await t.stack.page.getByTestId("compose-to").fill("Kim Akers <kim.akers@treyresearch.example>");
  await t.pane.getByRole("checkbox", { name: "Kim Akers" }).waitFor({ timeout: 10_000 });
  await t.stack.page.getByTestId("compose-cc").fill("ian.deberry@alpineskihouse.example");
  await t.pane.getByRole("checkbox", { name: "Ian Deberry" }).waitFor({ timeout: 10_000 });
  await expect(t.pane.getByRole("checkbox", { name: "Kim Akers" }).isChecked()).resolves.toBe(true);
});

// Contacts beyond the open item, in the pane over fake ports: search (debounced, keyboard, paged with a cap), a
// log without an item, adding a found contact to the item's log, a remembered ambiguous choice, creating a
// person at a company or with a new company, and linking an address.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { Contact, Correspondence } from "../../src/domain/types";
import { PaneRoot } from "../../src/taskpane/components/PaneRoot";
import { FakeMailbox } from "../../src/taskpane/test-support/fake-mailbox";
import { FakeStore } from "../../src/taskpane/test-support/fake-store";
import { mailFromJane, mailToSegment, OWNER } from "../../src/taskpane/test-support/fixtures";
import { TEST_POLICY } from "../../src/taskpane/test-support/render";

function pane(item: Correspondence | null, store = new FakeStore(), mailbox = new FakeMailbox(item)) {
  render(<PaneRoot mailbox={mailbox} store={store} policy={TEST_POLICY} />);
  return { store, mailbox };
}

async function openSearch() {
  fireEvent.click(await screen.findByRole("button", { name: "Find a contact" }));
  return screen.findByRole("combobox", { name: /Name, e-mail, contact no\. or domain/ });
}

function mailFrom(address: string, displayName: string, subject = "Hello"): Correspondence {
  return {
    ...mailFromJane(),
    sourceId: `<${address}>`,
    subject,
    participants: [
      { displayName, address, role: "from" },
      { displayName: OWNER.displayName, address: OWNER.address, role: "to" },
    ],
  };
}

describe("contact search", () => {
  it("asks the store once per typing burst and opens a contact with the keyboard only", async () => {
    const { store } = pane(null);
    const box = await openSearch();
    expect(box).toHaveFocus();
    for (const text of ["J", "Ja", "Jan"]) fireEvent.change(box, { target: { value: text } });
    const option = await screen.findByRole("option", { name: /Jane Doe/ });
    expect(store.callsOf("findContacts")).toEqual([[{ text: "Jan", pageSize: 25 }]]);
    // Persons and companies differ in text, not only in icon.
    expect(option).toHaveTextContent("Person · CT000002 · Acme Corp · jane@acme.com");
    expect(box).not.toHaveAttribute("aria-activedescendant");
    fireEvent.keyDown(box, { key: "ArrowDown" });
    expect(box).toHaveAttribute("aria-activedescendant", option.id);
    expect(option).toHaveAttribute("aria-selected", "true");
    fireEvent.keyDown(box, { key: "Enter" });
    const heading = await screen.findByRole("heading", { name: "Jane Doe" });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText("Person · CT000002")).toBeInTheDocument();
  });

  it("finds companies by domain and says so; Escape clears, then leaves", async () => {
    pane(null);
    const box = await openSearch();
    fireEvent.change(box, { target: { value: "acme.com" } });
    expect(await screen.findByRole("option", { name: /Acme Corp/ })).toHaveTextContent(/^Acme CorpCompany/);
    fireEvent.keyDown(box, { key: "Escape" });
    expect(box).toHaveValue("");
    fireEvent.keyDown(box, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("combobox")).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole("button", { name: "Find a contact" })).toHaveFocus());
  });

  it("pages many matches 25 at a time and stops at 100, asking for more letters", async () => {
    const store = new FakeStore();
    for (let i = 0; i < 150; i++)
      store.contacts.push({
        contactNo: `CT5${String(i).padStart(5, "0")}`,
        type: "Person",
        name: `Quinn ${i}`,
      });
    pane(null, store);
    const box = await openSearch();
    fireEvent.change(box, { target: { value: "q" } });
    await waitFor(() => expect(screen.getAllByRole("option")).toHaveLength(25));
    expect(screen.getByText("25 contacts found.")).toBeInTheDocument();
    for (const n of [50, 75, 100]) {
      fireEvent.click(screen.getByRole("button", { name: "More results" }));
      await waitFor(() => expect(screen.getAllByRole("option")).toHaveLength(n));
    }
    expect(screen.getByText(/Showing the first 100 contacts/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "More results" })).not.toBeInTheDocument();
  });

  it("shows what hostile text found without failing", async () => {
    const store = new FakeStore();
    store.contacts.push({ contactNo: "CT800001", type: "Company", name: `O'Neil & Söhne #1 100% *` });
    pane(null, store);
    const box = await openSearch();
    fireEvent.change(box, { target: { value: `O'Neil & Söhne #1 100% *` } });
    expect(await screen.findByRole("option", { name: /O'Neil & Söhne/ })).toBeInTheDocument();
    fireEvent.change(box, { target: { value: `'; drop` } });
    expect(await screen.findByText(/No contact matches/)).toBeInTheDocument();
  });
});

describe("a log without an item", () => {
  it("logs a call for a found contact with the Outgoing Calls template, dated now, with no correspondence", async () => {
    const store = new FakeStore();
    store.setup["Outgoing Calls"] = "SALESCALL";
    pane(null, store);
    const box = await openSearch();
    fireEvent.change(box, { target: { value: "Peter" } });
    fireEvent.click(await screen.findByRole("option", { name: /Peter Green/ }));
    fireEvent.click(await screen.findByRole("button", { name: "New interaction" }));
    expect(await screen.findByLabelText(/Interaction template/)).toHaveValue("SALESCALL");
    expect(screen.getByLabelText(/^Description/)).toHaveValue("Sales call");
    const before = Date.now();
    fireEvent.click(screen.getByRole("button", { name: /^Log interaction/ }));
    expect(await screen.findByText("Interaction logged for 1 contact.")).toBeInTheDocument();
    const [request] = store.callsOf("logInteraction")[0] as [import("../../src/domain/ports").LogRequest];
    expect(request.correspondence).toBeUndefined();
    expect(request.contacts.map((c) => c.contactNo)).toEqual(["CT000011"]);
    expect(request.draft).toMatchObject({ templateCode: "SALESCALL", informationFlow: "Outbound" });
    expect(Math.abs(Date.parse(request.draft.interactionDate) - before)).toBeLessThan(120_000);
    expect(store.entries[0]).toMatchObject({ sourceKind: "Manual", contactNo: "CT000011" });
    expect(await screen.findByTestId("contact-history-entry")).toHaveTextContent("Sales call");
  });

  it("retries a failed log with the same request id, so a retry can never write a second entry", async () => {
    const store = new FakeStore();
    store.setup["Outgoing Calls"] = "SALESCALL";
    store.fail("logInteraction", "unknown", "the answer was lost");
    pane(null, store);
    const box = await openSearch();
    fireEvent.change(box, { target: { value: "Peter" } });
    fireEvent.click(await screen.findByRole("option", { name: /Peter Green/ }));
    fireEvent.click(await screen.findByRole("button", { name: "New interaction" }));
    fireEvent.click(await screen.findByRole("button", { name: /^Log interaction/ }));
    fireEvent.click(await screen.findByRole("button", { name: "Retry" }));
    expect(await screen.findByText("Interaction logged for 1 contact.")).toBeInTheDocument();
    const ids = store.callsOf("logInteraction").map((args) => (args[1] as { requestId?: string }).requestId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBeTruthy();
    expect(ids[1]).toBe(ids[0]);
    expect(store.entries.filter((e) => e.contactNo === "CT000011")).toHaveLength(1);
  });

  it("shows a company's history with its persons' entries from a person's view", async () => {
    const store = new FakeStore();
    store.seedEntries([
      {
        description: "Visit at Globex",
        contactNo: "CT000011",
        contactCompanyNo: "CT000010",
        contactName: "Peter Green",
        interactionDate: "2024-04-01T10:00:00Z",
        templateCode: "SALESCALL",
        costLCY: 0,
        durationMin: 0,
        userId: "mia@contoso.com",
        attemptFailed: false,
        canceled: false,
        sourceKind: "Manual",
        dedupeKey: "M-1",
      },
    ]);
    pane(null, store);
    const box = await openSearch();
    fireEvent.change(box, { target: { value: "Peter" } });
    fireEvent.click(await screen.findByRole("option", { name: /Peter Green/ }));
    fireEvent.click(await screen.findByRole("button", { name: "Globex" }));
    expect(await screen.findByRole("heading", { name: "Globex" })).toBeInTheDocument();
    expect(screen.getByText("History (with its persons)")).toBeInTheDocument();
    expect(await screen.findByTestId("contact-history-entry")).toHaveTextContent("Visit at Globex");
    expect(store.callsOf("getHistory").at(-1)![0]).toMatchObject({ contactNo: "CT000010", isCompany: true });
  });
});

describe("the open item's log", () => {
  it("adds a found contact to the participants: one log for both, a segment", async () => {
    const { store } = pane(mailFromJane());
    await screen.findByRole("checkbox", { name: "Jane Doe" });
    const box = await openSearch();
    fireEvent.change(box, { target: { value: "Peter" } });
    fireEvent.click(await screen.findByRole("option", { name: /Peter Green/ }));
    fireEvent.click(await screen.findByRole("button", { name: "Add to this item's log" }));
    expect(await screen.findByRole("checkbox", { name: /Peter Green/ })).toBeChecked();
    expect(screen.getByText("Peter Green was added to this item's log.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: /^Log for 2 contacts/ }));
    await screen.findByText("Interaction logged for 2 contacts.");
    const [request] = store.callsOf("logInteraction")[0] as [import("../../src/domain/ports").LogRequest];
    expect(request.contacts.map((c) => c.contactNo)).toEqual(["CT000002", "CT000011"]);
    expect(request.correspondence?.sourceId).toBe("<msg-1@acme.com>");
    expect(new Set(store.entries.map((e) => e.loggedSegmentId)).size).toBe(1);
  });

  it("a person's row opens its company's view", async () => {
    pane(mailFromJane());
    fireEvent.click(await screen.findByRole("button", { name: "Open Acme Corp" }));
    expect(await screen.findByRole("heading", { name: "Acme Corp" })).toBeInTheDocument();
    expect(screen.getByText("Company · CT000001")).toBeInTheDocument();
  });

  it("preselects the remembered choice for an ambiguous address, and remembers a change", async () => {
    const mailbox = new FakeMailbox(mailToSegment());
    mailbox.choices = { "info@initech.com": "CT000021" };
    pane(mailToSegment(), new FakeStore(), mailbox);
    const select = await screen.findByLabelText("Which contact is info@initech.com?");
    expect(select).toHaveValue("CT000021");
    expect(screen.getByText(/Your choice for this address is remembered/)).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Bert Info" })).toBeChecked();
    fireEvent.change(select, { target: { value: "CT000020" } });
    await waitFor(() => expect(mailbox.choices).toEqual({ "info@initech.com": "CT000020" }));
    expect(screen.getByRole("checkbox", { name: "Anna Info" })).toBeChecked();
  });
});

describe("creating and linking from an address", () => {
  it("creates a person at the company the domain matched: CompanyNo set", async () => {
    const { store } = pane(mailFrom("sales@globex.com", "Sam Seller"));
    fireEvent.click(await screen.findByRole("button", { name: "Create person at Globex" }));
    const form = await screen.findByRole("form", { name: "Create a person for sales@globex.com at Globex" });
    expect(within(form).getByLabelText("First name")).toHaveValue("Sam");
    expect(within(form).getByLabelText("Company")).toHaveValue("CT000010");
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("checkbox", { name: "Sam Seller" })).toBeChecked();
    const created = store.contacts.at(-1)!;
    expect(created).toMatchObject({ name: "Sam Seller", companyNo: "CT000010", companyName: "Globex" });
  });

  it("creates a person with a new company named from the signature, in one step", async () => {
    const mailbox = new FakeMailbox(null);
    mailbox.bodyText = "Hello,\n\nNice to meet you.\n\nSam\nNorthwind Traders\n+1 555 0100";
    const item = mailFrom("sam@northwind.example", "Sam Taylor");
    const { store } = pane(item, new FakeStore(), Object.assign(mailbox, {}));
    act(() => mailbox.select(item));
    fireEvent.click(await screen.findByRole("button", { name: "Create contact for sam@northwind.example" }));
    const form = await screen.findByRole("form", { name: "Create contact for sam@northwind.example" });
    fireEvent.change(within(form).getByLabelText("Company"), { target: { value: "new" } });
    await waitFor(() =>
      expect(within(form).getByLabelText(/New company name/)).toHaveValue("Northwind Traders"),
    );
    expect(within(form).getByLabelText("Its mail domain")).toHaveValue("northwind.example");
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("checkbox", { name: "Sam Taylor" })).toBeChecked();
    expect(store.callsOf("createPersonWithCompany")[0]).toEqual([
      { type: "Person", name: "Sam Taylor", email: "sam@northwind.example" },
      { type: "Company", name: "Northwind Traders", domain: "northwind.example" },
    ]);
  });

  it("refuses an empty new company name", async () => {
    const { store } = pane(mailFrom("sam@northwind.example", "Sam Taylor"));
    fireEvent.click(await screen.findByRole("button", { name: "Create contact for sam@northwind.example" }));
    const form = await screen.findByRole("form", { name: "Create contact for sam@northwind.example" });
    fireEvent.change(within(form).getByLabelText("Company"), { target: { value: "new" } });
    fireEvent.change(within(form).getByLabelText(/New company name/), { target: { value: " " } });
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));
    expect(await within(form).findByText(/required|Fill in/i)).toBeInTheDocument();
    expect(store.callsOf("createPersonWithCompany")).toHaveLength(0);
  });

  it("links an unknown address to a found contact as Email2; a clash says why", async () => {
    const store = new FakeStore();
    const { mailbox } = pane(mailFromJane(), store);
    // Someone else changes Peter after the pane found him: his eTag moves on.
    const peter = store.contacts.find((c) => c.contactNo === "CT000011")! as Contact;
    peter.eTag = '"v7"';
    store.findContacts = async () => ({ contacts: [{ ...peter, eTag: '"v6"' }] });
    fireEvent.click(
      await screen.findByRole("button", { name: "Link tom@fabrikam.com to an existing contact" }),
    );
    const box = await screen.findByRole("combobox", { name: /Which contact uses this address/ });
    fireEvent.change(box, { target: { value: "Peter" } });
    fireEvent.click(await screen.findByRole("option", { name: /Peter Green/ }));
    expect(
      screen.getByText("Add tom@fabrikam.com to Peter Green as second e-mail address?"),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Link address" }));
    expect(await screen.findByText(/Peter Green was changed by someone else meanwhile/)).toBeInTheDocument();
    expect(peter.email2).toBeUndefined();
    fireEvent.click(screen.getByRole("button", { name: "Choose another" }));
    store.findContacts = FakeStore.prototype.findContacts.bind(store);
    fireEvent.change(await screen.findByRole("combobox", { name: /Which contact uses this address/ }), {
      target: { value: "Peter" },
    });
    fireEvent.click(await screen.findByRole("option", { name: /Peter Green/ }));
    fireEvent.click(screen.getByRole("button", { name: "Link address" }));
    expect(await screen.findByRole("checkbox", { name: "Peter Green" })).toBeChecked();
    expect(peter.email2).toBe("tom@fabrikam.com");
    expect(screen.getByText("tom@fabrikam.com now belongs to Peter Green.")).toBeInTheDocument();
    expect(mailbox).toBeDefined();
  });
});

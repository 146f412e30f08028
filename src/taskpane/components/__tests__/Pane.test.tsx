import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Contact, InteractionLogEntry } from "../../../domain/types";
import { FakeStore } from "../../test-support/fake-store";
import { JANE, mailFromJane, mailToSegment, USER } from "../../test-support/fixtures";
import { renderPane } from "../../test-support/render";

const ready = () => screen.findByRole("button", { name: /^(Log|Registreren|Interactie registreren)/ });

function entryFor(contactNo: string, i: number, extra: Partial<InteractionLogEntry> = {}) {
  return {
    description: `Entry ${i}`,
    contactNo,
    contactCompanyNo: "CT000001",
    interactionDate: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
    templateCode: "EMAIL",
    costLCY: 1,
    durationMin: 2,
    userId: "mia@contoso.com",
    attemptFailed: false,
    canceled: false,
    sourceKind: "Manual" as const,
    dedupeKey: `X-${i}-${contactNo}`,
    ...extra,
  };
}

describe("Dutch", () => {
  it("renders the pane in Dutch for nl-NL, with Dutch dates", async () => {
    const store = new FakeStore();
    store.seedEntries([entryFor(JANE.contactNo, 3, { informationFlow: "Outbound" })]);
    renderPane(mailFromJane(), { displayLanguage: "nl-NL", store });
    expect(await screen.findByRole("heading", { name: "Interactie registreren" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("nl-NL");
    expect(screen.getByRole("heading", { name: "Correspondenten" })).toBeInTheDocument();
    expect(screen.getByLabelText("Omschrijving", { exact: false })).toHaveValue("Quote for 40 widgets");
    expect(screen.getByLabelText("Informatiestroom")).toHaveDisplayValue("Inkomend");
    expect(screen.getByRole("button", { name: "Contact maken voor tom@fabrikam.com" })).toBeInTheDocument();
    const row = await screen.findByTestId("history-entry");
    expect(row).toHaveTextContent(/4 jan\.? 2024/);
    expect(within(row).getByText("Uitgaand")).toBeInTheDocument();
    const totals = await screen.findByTestId("entry-totals", {}, { timeout: 5000 });
    expect(totals).toHaveAccessibleName("Statistieken van Jane Doe");
    expect(
      within(totals)
        .getAllByRole("definition")
        .map((d) => d.textContent),
    ).toEqual(["1", "1,00", "2"]);
  });

  it("shows Dutch validation and error messages", async () => {
    const store = new FakeStore();
    store.fail("logInteraction", "offline");
    renderPane(mailFromJane(), { displayLanguage: "nl-BE", store });
    await ready();
    fireEvent.change(screen.getByLabelText("Kosten (LV)"), { target: { value: "-1" } });
    fireEvent.click(screen.getByRole("button", { name: "Interactie registreren" }));
    expect(await screen.findByText("Mag niet negatief zijn.")).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("Kosten (LV)"), { target: { value: "1" } });
    fireEvent.click(screen.getByRole("button", { name: "Interactie registreren" }));
    expect(await screen.findByText(/SharePoint is niet bereikbaar/)).toBeInTheDocument();
  });
});

describe("create contact", () => {
  it("prefills from the display name and domain, validates, creates and checks the new row", async () => {
    const store = new FakeStore();
    renderPane(mailFromJane(), { store });
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Create contact for tom@fabrikam.com" }));
    const form = await screen.findByRole("form", { name: "Create contact for tom@fabrikam.com" });
    expect(within(form).getByLabelText("Type")).toHaveFocus();
    expect(within(form).getByLabelText("First name")).toHaveValue("Tom");
    expect(within(form).getByLabelText("Last name")).toHaveValue("Stranger");
    expect(within(form).getByLabelText(/Email/)).toHaveValue("tom@fabrikam.com");

    fireEvent.change(within(form).getByLabelText(/Email/), { target: { value: "jane@acme.com" } });
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));
    expect(
      await within(form).findByText("A contact with this email address already exists."),
    ).toBeInTheDocument();
    fireEvent.change(within(form).getByLabelText(/Email/), { target: { value: "not-an-address" } });
    expect(within(form).getByText("Enter a valid email address.")).toBeInTheDocument();
    expect(store.callsOf("createContact")).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText(/Email/), { target: { value: "Tom@Fabrikam.com" } });
    fireEvent.change(within(form).getByLabelText("Job title"), { target: { value: "Buyer" } });
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));

    const row = await screen.findByRole("checkbox", { name: "Tom Stranger" });
    expect(row).toBeChecked();
    await waitFor(() => expect(row).toHaveFocus());
    const [sent] = store.callsOf("createContact")[0] as [Omit<Contact, "contactNo">];
    expect(sent).toEqual({
      type: "Person",
      name: "Tom Stranger",
      email: "tom@fabrikam.com",
      jobTitle: "Buyer",
    });
    expect(screen.getByText("Contact Tom Stranger created.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Log for 2 contacts" })).toBeInTheDocument();
  });

  it("creates a company with its domain, and keeps the form when the store refuses", async () => {
    const store = new FakeStore();
    store.fail("createContact", "duplicate", "ContactNo taken");
    renderPane(mailFromJane(), { store });
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Create contact for tom@fabrikam.com" }));
    let form = screen.getByRole("form", { name: "Create contact for tom@fabrikam.com" });
    fireEvent.change(within(form).getByLabelText("Type"), { target: { value: "Company" } });
    expect(within(form).getByLabelText(/Company name/)).toHaveValue("Fabrikam");
    expect(within(form).getByLabelText("Mail domain")).toHaveValue("fabrikam.com");
    fireEvent.click(within(form).getByRole("button", { name: "Cancel" }));
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Create contact for tom@fabrikam.com" })).toHaveFocus(),
    );
    fireEvent.click(screen.getByRole("button", { name: "Create contact for tom@fabrikam.com" }));
    form = screen.getByRole("form", { name: "Create contact for tom@fabrikam.com" });
    fireEvent.change(within(form).getByLabelText("Type"), { target: { value: "Company" } });
    fireEvent.change(within(form).getByLabelText(/Company name/), { target: { value: "Fabrikam Ltd" } });
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));
    expect(
      await within(form).findByText(/That value is already in use\. ContactNo taken/),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText(/Company name/)).toHaveValue("Fabrikam Ltd");

    fireEvent.click(within(form).getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("checkbox", { name: "Fabrikam Ltd" })).toBeChecked();
    const [sent] = store.callsOf("createContact")[1] as [Omit<Contact, "contactNo">];
    expect(sent).toMatchObject({ type: "Company", name: "Fabrikam Ltd", domain: "fabrikam.com" });
  });
});

describe("pending outbox", () => {
  it("shows the count and sends on request", async () => {
    const store = new FakeStore();
    store.pending = [
      {
        id: "p1",
        queuedAt: "2024-05-01T00:00:00Z",
        attempts: 1,
        request: {
          contacts: [JANE],
          user: USER,
          draft: {
            templateCode: "EMAIL",
            description: "Queued earlier",
            interactionDate: "2024-05-01T00:00:00Z",
            attemptFailed: false,
            costLCY: 0,
            durationMin: 0,
          },
        },
      },
    ];
    // The automatic send at start finds SharePoint still unreachable; "Send now" later succeeds.
    store.flushOffline = "Failed to fetch";
    renderPane(mailFromJane(), { store });
    expect(await screen.findByText("1 interaction waiting to be sent")).toBeInTheDocument();
    await waitFor(() => expect(store.callsOf("flushPending")).toHaveLength(1));
    await waitFor(() => expect(screen.getByRole("button", { name: "Send now" })).toBeEnabled());
    store.flushOffline = undefined;
    fireEvent.click(screen.getByRole("button", { name: "Send now" }));
    expect(await screen.findByText("1 interaction sent.")).toBeInTheDocument();
    expect(screen.queryByText(/waiting to be sent/)).toBeNull();
    expect(store.callsOf("flushPending")).toHaveLength(2);
  });
});

describe("history", () => {
  it("pages with Load more; statistics are exact totals from the store, canceled excluded", async () => {
    const store = new FakeStore();
    store.seedEntries(
      Array.from({ length: 25 }, (_, i) => entryFor(JANE.contactNo, i, i === 24 ? { canceled: true } : {})),
    );
    renderPane(mailFromJane(), { store });
    await waitFor(() => expect(screen.getAllByTestId("history-entry")).toHaveLength(20));
    const rows = screen.getAllByTestId("history-entry");
    expect(rows[0]).toHaveTextContent("Entry 24");
    expect(within(rows[0]!).getByText("Canceled")).toBeInTheDocument();
    // Over all 24 non-canceled entries, not the 20 loaded, without pressing Load more.
    const totals = await screen.findByTestId("entry-totals", {}, { timeout: 5000 });
    expect(
      within(totals)
        .getAllByRole("definition")
        .map((d) => d.textContent),
    ).toEqual(["24", "24.00", "48"]);
    expect(store.callsOf("entryTotals")[0]?.[0]).toEqual({
      scope: { kind: "contact", contactNo: JANE.contactNo, isCompany: false },
    });
    fireEvent.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(screen.getAllByTestId("history-entry")).toHaveLength(25));
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
    expect(
      within(totals)
        .getAllByRole("definition")
        .map((d) => d.textContent),
    ).toEqual(["24", "24.00", "48"]);
    expect(store.callsOf("getHistory").at(-1)?.[0]).toMatchObject({ cursor: "20", pageSize: 20 });
  });

  it("switches between contacts when several are on the item", async () => {
    const store = new FakeStore();
    store.seedEntries([entryFor("CT000011", 1, { description: "Peter's call" })]);
    renderPane(mailToSegment(), { store });
    await ready();
    const select = screen.getByLabelText("Show history for");
    expect(select).toHaveDisplayValue("Jane Doe");
    expect(await screen.findByText("No interactions logged yet.")).toBeInTheDocument();
    fireEvent.change(select, { target: { value: "CT000011" } });
    expect(await screen.findByText("Peter's call")).toBeInTheDocument();
  });
});

describe("theme", () => {
  it("follows Outlook's dark theme", async () => {
    const { container } = renderPane(null, { theme: "dark" });
    await screen.findByRole("heading", { name: "Nothing to log" });
    const provider = container.querySelector(".fui-FluentProvider") as HTMLElement;
    // Fluent writes the theme's tokens as CSS variables on the provider's class; dark has a dark background.
    const css = [...document.styleSheets]
      .flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText))
      .join("\n");
    expect(provider).toBeTruthy();
    expect(css).toMatch(/--colorNeutralBackground1:\s*#292929/);
  });
});

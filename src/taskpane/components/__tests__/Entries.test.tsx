// The entries view and managing entries, over the FakeStore's in-memory contract: undo, cancel / un-cancel and
// their refusals, segment cancel, eTag-checked edits, filters, exact totals, follow-up, delete canceled.
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { InteractionLogEntry } from "../../../domain/types";
import { FakeStore, gate } from "../../test-support/fake-store";
import { ACME, JANE, mailFromJane, PETER } from "../../test-support/fixtures";
import { renderPane } from "../../test-support/render";

const ready = () => screen.findByRole("heading", { name: "Log interaction" });
const button = (name: string | RegExp) => screen.getByRole("button", { name });

function entry(contactNo: string, i: number, extra: Partial<InteractionLogEntry> = {}) {
  return {
    description: `Entry ${i}`,
    contactNo,
    contactName:
      contactNo === JANE.contactNo ? JANE.name : contactNo === ACME.contactNo ? ACME.name : contactNo,
    contactCompanyNo: ACME.contactNo,
    interactionDate: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
    templateCode: "EMAIL",
    groupCode: "LETTER",
    costLCY: 1.25,
    durationMin: 5,
    userId: "mia@contoso.com",
    attemptFailed: false,
    canceled: false,
    sourceKind: "Email" as const,
    sourceId: `<src-${i}>`,
    dedupeKey: `E|src-${i}|${contactNo}`,
    ...extra,
  };
}

const rows = () => screen.queryAllByTestId("entry-row");
const nonCanceled = (store: FakeStore, contactNo: string) =>
  store.entries.filter((e) => e.contactNo === contactNo && !e.canceled);

async function openEntries() {
  fireEvent.click(await screen.findByRole("button", { name: "All entries" }));
  return screen.findByRole("heading", { name: "Interaction log entries" });
}

async function act_on(row: HTMLElement, item: string) {
  fireEvent.click(within(row).getByRole("button", { name: /^Actions for / }));
  fireEvent.click(await within(row).findByRole("button", { name: item }));
}

const rowOf = (text: string) => rows().find((r) => r.textContent?.includes(text))!;

describe("undo right after a log", () => {
  it("cancels what was just written, brings the form back, and the item logs again correctly", async () => {
    const store = new FakeStore();
    renderPane(mailFromJane(), { store });
    await ready();
    fireEvent.change(screen.getByLabelText(/Interaction template/), { target: { value: "SALESCALL" } });
    fireEvent.click(button("Log interaction"));
    await screen.findByText("Interaction logged for 1 contact.");
    expect(screen.queryByRole("heading", { name: "Log interaction" })).toBeNull();

    fireEvent.click(button("Undo"));
    expect(await screen.findByText(/^Undone: 1 entry canceled/)).toBeInTheDocument();
    expect(store.callsOf("undoLog")).toHaveLength(1);
    const [wrong] = store.entries;
    expect(wrong).toMatchObject({ canceled: true, templateCode: "SALESCALL" });
    expect(wrong!.dedupeKey).toMatch(new RegExp(`~canceled~${wrong!.id}$`));

    // The form is back with Jane checked again: log with the right template.
    await ready();
    expect(screen.getByRole("checkbox", { name: "Jane Doe" })).toBeChecked();
    fireEvent.change(screen.getByLabelText(/Interaction template/), { target: { value: "EMAIL" } });
    fireEvent.click(button("Log interaction"));
    await screen.findByText("Interaction logged for 1 contact.");
    expect(nonCanceled(store, JANE.contactNo)).toEqual([
      expect.objectContaining({ templateCode: "EMAIL", dedupeKey: wrong!.dedupeKey.split("~canceled~")[0] }),
    ]);
  });

  it("undoes a segment as a whole", async () => {
    const store = new FakeStore();
    const { mailToSegment } = await import("../../test-support/fixtures");
    renderPane(mailToSegment(), { store });
    await ready();
    fireEvent.click(button("Log for 2 contacts"));
    await screen.findByText("Interaction logged for 2 contacts.");
    fireEvent.click(button("Undo"));
    expect(await screen.findByText(/^Undone: 2 entries canceled/)).toBeInTheDocument();
    expect(store.entries.every((e) => e.canceled)).toBe(true);
    expect(store.book.segments).toEqual([expect.objectContaining({ canceled: true })]);
  });
});

describe("entries view", () => {
  it("loads on demand: newest first, Load more, exact totals after the first page with a counting state", async () => {
    const store = new FakeStore();
    store.seedEntries(
      Array.from({ length: 30 }, (_, i) => entry(JANE.contactNo, i, i === 29 ? { canceled: true } : {})),
    );
    renderPane(mailFromJane(), { store });
    const totalsGate = gate();
    await screen.findByTestId("entry-totals", {}, { timeout: 5000 });
    store.book.totalsGate = totalsGate.promise;
    await openEntries();
    await waitFor(() => expect(rows()).toHaveLength(25));
    expect(rows()[0]).toHaveTextContent("Entry 28");
    expect(await screen.findByText("Counting…")).toBeInTheDocument();
    await act(async () => {
      totalsGate.open();
      await totalsGate.promise;
    });
    // The entries view replaces the item view: its totals are the only ones on screen.
    const totals = await screen.findByTestId("entry-totals", {}, { timeout: 5000 });
    expect(
      within(totals)
        .getAllByRole("definition")
        .map((d) => d.textContent),
    ).toEqual(["29", "36.25", "145"]);
    expect(screen.queryByText("Counting…")).toBeNull();
    fireEvent.click(button("Load more"));
    await waitFor(() => expect(rows()).toHaveLength(29));
    const query = store.callsOf("listEntries").at(-1)?.[0] as Record<string, unknown>;
    expect(query).toMatchObject({ cursor: "25", pageSize: 25 });
    expect(query.includeCanceled).toBeUndefined();
  });

  it("filters by template, date range and group, and shows canceled entries only when asked", async () => {
    const store = new FakeStore();
    store.seedEntries([
      entry(JANE.contactNo, 1),
      entry(JANE.contactNo, 2, { templateCode: "SALESCALL", groupCode: "SALES", description: "Call" }),
      entry(JANE.contactNo, 40, { canceled: true, description: "Wrong one" }),
    ]);
    renderPane(mailFromJane(), { store });
    await openEntries();
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.change(screen.getByLabelText("Interaction template"), { target: { value: "SALESCALL" } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent("Call");
    fireEvent.change(screen.getByLabelText("Interaction template"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("Interaction group"), { target: { value: "LETTER" } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent("Entry 1");
    fireEvent.change(screen.getByLabelText("Interaction group"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("From date"), { target: { value: "2024-01-03" } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent("Call");
    fireEvent.change(screen.getByLabelText("From date"), { target: { value: "" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Include canceled entries" }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    const canceled = rowOf("Wrong one");
    expect(within(canceled).getByText("Canceled")).toBeInTheDocument();
    expect(store.callsOf("listEntries").at(-1)?.[0]).toMatchObject({ includeCanceled: true });
  });

  it("shows a company's own and its persons' entries, each saying with whom", async () => {
    const store = new FakeStore();
    store.seedEntries([entry(JANE.contactNo, 1), entry(ACME.contactNo, 2, { description: "Company call" })]);
    renderPane(
      mailFromJane({ participants: [{ displayName: "Acme", address: "info@acme.com", role: "from" }] }),
      {
        store,
      },
    );
    await openEntries();
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rowOf("Entry 1")).toHaveTextContent("with Jane Doe");
    expect(rowOf("Company call")).toHaveTextContent("with Acme Corp");
    expect(store.callsOf("listEntries")[0]?.[0]).toMatchObject({
      scope: { kind: "contact", contactNo: ACME.contactNo, isCompany: true },
    });
  });

  it("renders every field of a row, user text as text, and links only a safe WebLink", async () => {
    const store = new FakeStore();
    store.seedEntries([
      entry(JANE.contactNo, 1, {
        description: "<img src=x onerror=alert(1)>",
        evaluation: "Positive",
        attemptFailed: true,
        informationFlow: "Outbound",
        comment: "Line one\nLine two",
        webLink: "https://outlook.office.com/owa/?ItemID=1",
      }),
      entry(JANE.contactNo, 2, { description: "Script link", webLink: "javascript:alert(1)" }),
    ]);
    renderPane(mailFromJane(), { store });
    await openEntries();
    await waitFor(() => expect(rows()).toHaveLength(2));
    const row = rowOf("<img");
    expect(row.querySelector("img")).toBeNull();
    expect(row).toHaveTextContent("Outbound");
    expect(row).toHaveTextContent("Evaluation: Positive");
    expect(row).toHaveTextContent("Attempt failed");
    expect(row).toHaveTextContent("Cost (LCY): 1.25");
    expect(row).toHaveTextContent("5 min.");
    expect(row).toHaveTextContent("by mia@contoso.com");
    expect(row).toHaveTextContent("Emails (EMAIL)");
    const link = within(row).getByRole("link", { name: "Open in Outlook" });
    expect(link).toHaveAttribute("href", "https://outlook.office.com/owa/?ItemID=1");
    expect(link).toHaveAttribute("rel", expect.stringContaining("noopener"));
    expect(within(rowOf("Script link")).queryByRole("link")).toBeNull();
  });

  it("opens a row's kept mail: the excerpt as text and the folder in SharePoint", async () => {
    const store = new FakeStore();
    store.seedEntries([
      entry(JANE.contactNo, 1, {
        description: "Kept",
        bodyExcerpt: "<b>Dear Mia</b>,\nthe offer",
        documentUrl: "https://contoso.sharepoint.com/sites/crm/InteractionDocuments/item-1",
      }),
      entry(JANE.contactNo, 2, { description: "Nothing kept" }),
    ]);
    renderPane(mailFromJane(), { store });
    await openEntries();
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(within(rowOf("Nothing kept")).queryByRole("button", { name: /Show kept mail/ })).toBeNull();
    const row = rowOf("Kept");
    fireEvent.click(await within(row).findByRole("button", { name: /Show kept mail/ }));
    const kept = await within(row).findByTestId("kept-content");
    expect(kept).toHaveTextContent("<b>Dear Mia</b>, the offer");
    expect(kept.querySelector("b")).toBeNull();
    expect(within(kept).getByRole("link", { name: "Open the kept mail in SharePoint" })).toHaveAttribute(
      "href",
      "https://contoso.sharepoint.com/sites/crm/InteractionDocuments/item-1",
    );
  });
});

describe("managing entries", () => {
  it("cancels and un-cancels an entry; un-cancel is refused once the item was logged again", async () => {
    const store = new FakeStore();
    store.seedEntries([entry(JANE.contactNo, 1)]);
    renderPane(mailFromJane(), { store });
    await openEntries();
    await waitFor(() => expect(rows()).toHaveLength(1));
    await act_on(rowOf("Entry 1"), "Cancel entry");
    expect(await screen.findByText("Canceled: Entry 1.")).toBeInTheDocument();
    expect(store.entries[0]).toMatchObject({
      canceled: true,
      dedupeKey: `E|src-1|${JANE.contactNo}~canceled~1`,
    });
    expect(within(rowOf("Entry 1")).getByText("Canceled")).toBeInTheDocument();

    await act_on(rowOf("Entry 1"), "Un-cancel entry");
    expect(await screen.findByText("Un-canceled: Entry 1.")).toBeInTheDocument();
    expect(store.entries[0]).toMatchObject({ canceled: false, dedupeKey: `E|src-1|${JANE.contactNo}` });

    await act_on(rowOf("Entry 1"), "Cancel entry");
    await screen.findByText("Canceled: Entry 1.");
    store.seedEntries([entry(JANE.contactNo, 1, { description: "Logged again" })]);
    await act_on(rowOf("Entry 1"), "Un-cancel entry");
    expect(await screen.findByText(/the item was logged again for this contact/)).toBeInTheDocument();
    expect(store.entries.filter((e) => !e.canceled).map((e) => e.description)).toEqual(["Logged again"]);
  });

  it("an entry of this item canceled in the entries view can be logged again once back at the item", async () => {
    const store = new FakeStore();
    renderPane(mailFromJane(), { store });
    await ready();
    fireEvent.click(button("Log interaction"));
    await screen.findByText("Interaction logged for 1 contact.");
    await openEntries();
    await waitFor(() => expect(rows()).toHaveLength(1));
    await act_on(rows()[0]!, "Cancel entry");
    await screen.findByText("Canceled: Quote for 40 widgets.");
    fireEvent.click(button("Back"));
    await ready();
    expect(screen.getByRole("checkbox", { name: "Jane Doe" })).toBeChecked();
    fireEvent.click(button("Log interaction"));
    await screen.findByText("Interaction logged for 1 contact.");
    expect(nonCanceled(store, JANE.contactNo)).toHaveLength(1);
    expect(store.entries).toHaveLength(2);
  });

  it("cancels a logged segment; an entry of a canceled segment cannot be un-canceled", async () => {
    const store = new FakeStore();
    const segmentId = store.seedSegment({
      description: "Newsletter",
      creationDate: "2024-01-01T00:00:00Z",
      userId: "mia@contoso.com",
      canceled: false,
    });
    store.seedEntries([
      entry(JANE.contactNo, 1, { loggedSegmentId: segmentId }),
      entry(PETER.contactNo, 1, { loggedSegmentId: segmentId, contactName: PETER.name }),
    ]);
    renderPane(mailFromJane(), { store });
    await openEntries();
    await waitFor(() => expect(rows()).toHaveLength(1));
    await act_on(rowOf("Entry 1"), "Cancel logged segment");
    expect(await screen.findByText("Logged segment canceled: 2 entries.")).toBeInTheDocument();
    expect(store.entries.every((e) => e.canceled)).toBe(true);
    expect(store.book.getSegment(segmentId)?.canceled).toBe(true);

    await act_on(rowOf("Entry 1"), "Un-cancel entry");
    expect(await screen.findByText(/while its logged segment is canceled/)).toBeInTheDocument();
    expect(store.entries.every((e) => e.canceled)).toBe(true);

    // The segment's own entries (canceled, so shown once asked for): both contacts, each saying with whom.
    fireEvent.click(screen.getByRole("checkbox", { name: "Include canceled entries" }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    await act_on(rowOf("Entry 1"), "Show logged segment");
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.getByLabelText("Show entries of")).toHaveDisplayValue(`Logged segment ${segmentId}`);
    expect(rowOf(PETER.name)).toHaveTextContent(`with ${PETER.name}`);
  });

  it("edits evaluation, attempt failed and comment; a concurrent change is reported and reloaded, never overwritten", async () => {
    const store = new FakeStore();
    store.seedEntries([entry(JANE.contactNo, 1)]);
    renderPane(mailFromJane(), { store });
    await openEntries();
    await waitFor(() => expect(rows()).toHaveLength(1));
    await act_on(rowOf("Entry 1"), "Edit evaluation and comment");
    const form = screen.getByRole("form", { name: "Evaluate: Entry 1" });
    fireEvent.change(within(form).getByLabelText("Evaluation"), { target: { value: "Positive" } });
    fireEvent.click(within(form).getByRole("checkbox", { name: "Attempt failed" }));
    fireEvent.change(within(form).getByLabelText("Comment"), { target: { value: "Wants a demo" } });
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Entry saved.")).toBeInTheDocument();
    expect(store.entries[0]).toMatchObject({
      evaluation: "Positive",
      attemptFailed: true,
      comment: "Wants a demo",
    });
    expect(rowOf("Entry 1")).toHaveTextContent("Wants a demo");

    // Someone else changes it meanwhile; our edit starts from the row as read before.
    await act_on(rowOf("Entry 1"), "Edit evaluation and comment");
    store.book.changeBehindTheBack(store.entries[0]!.id!, { evaluation: "Negative" });
    const again = screen.getByRole("form", { name: "Evaluate: Entry 1" });
    fireEvent.change(within(again).getByLabelText("Evaluation"), { target: { value: "Very Positive" } });
    fireEvent.click(within(again).getByRole("button", { name: "Save" }));
    expect(
      await screen.findByText(/Someone else changed this entry.*Nothing was overwritten/),
    ).toBeInTheDocument();
    expect(store.entries[0]!.evaluation).toBe("Negative");
    await waitFor(() => expect(rowOf("Entry 1")).toHaveTextContent("Evaluation: Negative"));
  });

  it("logs a follow-up prefilled from an entry, for its contact", async () => {
    const store = new FakeStore();
    store.seedEntries([
      entry(JANE.contactNo, 1, {
        templateCode: "SALESCALL",
        groupCode: "SALES",
        description: "Pricing call",
        costLCY: 12.5,
        durationMin: 15,
        informationFlow: "Outbound",
      }),
    ]);
    renderPane(mailFromJane(), { store });
    await openEntries();
    await waitFor(() => expect(rows()).toHaveLength(1));
    await act_on(rowOf("Pricing call"), "Log a follow-up");
    expect(await screen.findByRole("heading", { name: "Follow-up for Jane Doe" })).toBeInTheDocument();
    expect(screen.getByLabelText(/Interaction template/)).toHaveValue("SALESCALL");
    expect(screen.getByLabelText(/Description/)).toHaveValue("Pricing call");
    expect(screen.getByLabelText("Information flow")).toHaveValue("Outbound");
    expect(screen.getByLabelText("Cost (LCY)")).toHaveValue("12.5");
    fireEvent.change(screen.getByLabelText(/Description/), { target: { value: "Pricing call: follow-up" } });
    fireEvent.click(button("Log interaction"));
    expect(await screen.findByText("Follow-up logged for Jane Doe.")).toBeInTheDocument();
    const [request] = store.callsOf("logInteraction")[0] as [
      { contacts: { contactNo: string }[]; correspondence?: unknown; draft: { description: string } },
    ];
    expect(request.contacts.map((c) => c.contactNo)).toEqual([JANE.contactNo]);
    expect(request.correspondence).toBeUndefined();
    expect(request.draft.description).toBe("Pricing call: follow-up");
    await waitFor(() => expect(rows()).toHaveLength(2));
  });
});

describe("delete canceled entries", () => {
  it("counts first, shows progress, is interrupted once and finished by a second run; only canceled entries go", async () => {
    const store = new FakeStore();
    const segmentId = store.seedSegment({
      description: "Old",
      creationDate: "2024-01-01T00:00:00Z",
      userId: "mia@contoso.com",
      canceled: true,
    });
    store.seedEntries([
      ...Array.from({ length: 45 }, (_, i) =>
        entry(JANE.contactNo, i, { canceled: true, dedupeKey: `k${i}~canceled~x` }),
      ),
      entry(JANE.contactNo, 50, { canceled: true, loggedSegmentId: segmentId, dedupeKey: "seg~canceled~y" }),
      entry(JANE.contactNo, 51, { description: "Keep me" }),
      entry(PETER.contactNo, 52, { canceled: true, description: "Other contact" }),
    ]);
    renderPane(mailFromJane(), { store });
    await openEntries();
    fireEvent.click(button("Delete canceled entries…"));
    expect(screen.getByLabelText(/Contact No\./)).toHaveValue(JANE.contactNo);
    fireEvent.click(button("Count entries to delete"));
    expect(await screen.findByText("46 canceled entries will be deleted.")).toBeInTheDocument();
    expect(store.entries).toHaveLength(48);

    store.book.failDeleteAfterBatches = 1;
    fireEvent.click(button("Delete 46 entries"));
    expect(await screen.findByText(/^Stopped after 20 deleted: Can't reach SharePoint/)).toBeInTheDocument();
    expect(store.entries).toHaveLength(28);

    fireEvent.click(button("Run again"));
    expect(await screen.findByText("26 canceled entries will be deleted.")).toBeInTheDocument();
    fireEvent.click(button("Delete 26 entries"));
    expect(
      await screen.findByText("Deleted 26 canceled entries and 1 empty logged segments."),
    ).toBeInTheDocument();
    expect(store.entries.map((e) => e.description).sort()).toEqual(["Keep me", "Other contact"]);
    expect(store.book.segments).toEqual([]);
  });

  it("deletes a company's canceled entries with its persons' from the company's view, as the view shows them", async () => {
    const store = new FakeStore();
    store.seedEntries([
      entry(JANE.contactNo, 1, { canceled: true, description: "Jane canceled" }),
      entry(ACME.contactNo, 2, { canceled: true, description: "Acme canceled" }),
      entry(ACME.contactNo, 3, { description: "Acme live" }),
      entry(PETER.contactNo, 4, {
        canceled: true,
        description: "Other company",
        contactCompanyNo: "CT000010",
      }),
    ]);
    renderPane(
      mailFromJane({ participants: [{ displayName: "Acme", address: "info@acme.com", role: "from" }] }),
      {
        store,
      },
    );
    await openEntries();
    fireEvent.click(button("Delete canceled entries…"));
    const withPersons = screen.getByRole("checkbox", { name: "Include the entries of Acme Corp's persons" });
    expect(withPersons).toBeChecked();
    fireEvent.click(button("Count entries to delete"));
    expect(await screen.findByText("2 canceled entries will be deleted.")).toBeInTheDocument();
    expect(store.callsOf("countCanceled").at(-1)?.[0]).toEqual({ companyNo: ACME.contactNo });

    // Only the company's own entries when the user says so.
    fireEvent.click(withPersons);
    fireEvent.click(button("Count entries to delete"));
    expect(await screen.findByText("1 canceled entry will be deleted.")).toBeInTheDocument();
    fireEvent.click(withPersons);
    fireEvent.click(button("Count entries to delete"));
    await screen.findByText("2 canceled entries will be deleted.");
    fireEvent.click(button("Delete 2 entries"));
    await screen.findByText(/^Deleted 2 canceled entries/);
    expect(store.entries.map((e) => e.description).sort()).toEqual(["Acme live", "Other company"]);
  });

  it("is shown only to users allowed to delete", async () => {
    const { render } = await import("@testing-library/react");
    const { EntriesView } = await import("../entries/EntriesView");
    const { I18nProvider, createTranslator } = await import("../../i18n");
    const { FluentProvider, webLightTheme } = await import("@fluentui/react-components");
    const { TEMPLATES, GROUPS, USER } = await import("../../test-support/fixtures");
    const store = new FakeStore();
    const view = (canDeleteCanceled: boolean) => (
      <FluentProvider theme={webLightTheme}>
        <I18nProvider translator={createTranslator("en-US")}>
          <EntriesView
            store={store}
            user={USER}
            contact={JANE}
            initialScope={{ kind: "contact", contactNo: JANE.contactNo, isCompany: false }}
            templates={TEMPLATES}
            groups={GROUPS}
            canDeleteCanceled={canDeleteCanceled}
            onBack={() => undefined}
          />
        </I18nProvider>
      </FluentProvider>
    );
    const r = render(view(false));
    await screen.findByText("No entries match the filters.");
    expect(screen.queryByRole("button", { name: "Delete canceled entries…" })).toBeNull();
    r.rerender(view(true));
    expect(screen.getByRole("button", { name: "Delete canceled entries…" })).toBeInTheDocument();
  });
});

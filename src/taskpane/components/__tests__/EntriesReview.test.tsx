// Gaps a review of issue 11 found, over the FakeStore's in-memory contract: un-canceling a canceled logged segment
// from the entries view, an edit made offline (waiting in the outbox, sent later, or refused after a change made
// meanwhile), the kind of a pending change in the user's language, the "Logged by me" scope, and the contact card's
// last interaction.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { PendingLog } from "../../../domain/ports";
import type { InteractionLogEntry } from "../../../domain/types";
import { createTranslator, I18nProvider, loadViewMessages } from "../../i18n";
import { FakeStore } from "../../test-support/fake-store";
import {
  ACME,
  GROUPS,
  JANE,
  mailFromJane,
  PETER,
  queuedForJane,
  TEMPLATES,
  USER,
} from "../../test-support/fixtures";
import { renderPane } from "../../test-support/render";
import { EntriesView } from "../entries/EntriesView";

function entry(contactNo: string, i: number, extra: Partial<InteractionLogEntry> = {}) {
  return {
    description: `Entry ${i}`,
    contactNo,
    contactName:
      contactNo === JANE.contactNo ? JANE.name : contactNo === PETER.contactNo ? PETER.name : contactNo,
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
const rowOf = (text: string) => rows().find((r) => r.textContent?.includes(text))!;

async function openEntries() {
  fireEvent.click(await screen.findByRole("button", { name: "All entries" }));
  return screen.findByRole("heading", { name: "Interaction log entries" });
}

async function openActions(row: HTMLElement) {
  // Opening a canceled entry's actions may read its segment: let that settle inside act.
  await act(async () => {
    fireEvent.click(within(row).getByRole("button", { name: /^Actions for / }));
  });
  return within(row).findByRole("group", { name: /^Actions for / });
}

async function actOn(row: HTMLElement, item: string) {
  const group = await openActions(row);
  fireEvent.click(await within(group).findByRole("button", { name: item }));
}

describe("un-cancel a canceled logged segment from the entries view", () => {
  it("is offered once the segment is canceled, the refusal points to it, and it brings the segment and its entries back", async () => {
    const store = new FakeStore();
    const segmentId = store.seedSegment({
      description: "Newsletter",
      creationDate: "2024-01-01T00:00:00Z",
      userId: "mia@contoso.com",
      canceled: false,
    });
    store.seedEntries([
      entry(JANE.contactNo, 1, { loggedSegmentId: segmentId }),
      entry(PETER.contactNo, 1, { loggedSegmentId: segmentId }),
    ]);
    const keys = store.entries.map((e) => e.dedupeKey);
    renderPane(mailFromJane(), { store });
    await openEntries();
    await waitFor(() => expect(rows()).toHaveLength(1));
    // Not canceled: only "Cancel logged segment".
    let group = await openActions(rowOf("Entry 1"));
    expect(within(group).queryByRole("button", { name: "Un-cancel the logged segment" })).toBeNull();
    fireEvent.click(within(group).getByRole("button", { name: "Cancel logged segment" }));
    await screen.findByText("Logged segment canceled: 2 entries.");

    // Un-canceling the entry alone is refused, and the message names the action that works.
    await actOn(rowOf("Entry 1"), "Un-cancel entry");
    expect(
      await screen.findByText(
        "This entry can't be un-canceled while its logged segment is canceled. Use “Un-cancel the logged segment” in its actions instead.",
      ),
    ).toBeInTheDocument();
    group = await openActions(rowOf("Entry 1"));
    expect(within(group).queryByRole("button", { name: "Cancel logged segment" })).toBeNull();
    fireEvent.click(within(group).getByRole("button", { name: "Un-cancel the logged segment" }));

    expect(await screen.findByText("Logged segment un-canceled: 2 entries count again.")).toBeInTheDocument();
    expect(store.callsOf("uncancelSegment")).toEqual([[segmentId]]);
    expect(store.book.getSegment(segmentId)?.canceled).toBe(false);
    expect(store.entries.map((e) => ({ canceled: e.canceled, dedupeKey: e.dedupeKey }))).toEqual(
      keys.map((dedupeKey) => ({ canceled: false, dedupeKey })),
    );
    await waitFor(() => expect(within(rowOf("Entry 1")).queryByText("Canceled")).toBeNull());
    group = await openActions(rowOf("Entry 1"));
    expect(within(group).getByRole("button", { name: "Cancel logged segment" })).toBeInTheDocument();
  });

  it("reads the segment's state when a canceled entry's actions open; an entry logged again meanwhile stays canceled and is named", async () => {
    const store = new FakeStore();
    const segmentId = store.seedSegment({
      description: "Newsletter",
      creationDate: "2024-01-01T00:00:00Z",
      userId: "mia@contoso.com",
      canceled: true,
    });
    store.seedEntries([
      entry(JANE.contactNo, 1, { loggedSegmentId: segmentId, canceled: true }),
      entry(PETER.contactNo, 1, { loggedSegmentId: segmentId, canceled: true }),
    ]);
    for (const e of store.entries) e.dedupeKey = `${e.dedupeKey}~canceled~${e.id}`;
    // Peter's item was logged again meanwhile: his original key is taken.
    store.seedEntries([entry(PETER.contactNo, 1, { description: "Logged again" })]);
    renderPane(mailFromJane(), { store });
    await openEntries();
    fireEvent.click(screen.getByRole("checkbox", { name: "Include canceled entries" }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    const group = await openActions(rowOf("Entry 1"));
    await within(group).findByRole("button", { name: "Un-cancel the logged segment" });
    expect(store.callsOf("getSegment")).toEqual([[segmentId]]);
    fireEvent.click(within(group).getByRole("button", { name: "Un-cancel the logged segment" }));

    expect(
      await screen.findByText(
        `Logged segment un-canceled: 1 entry counts again. Still canceled: ${PETER.name}. The item was logged again for that contact meanwhile; cancel the newer entry first if this one should count.`,
      ),
    ).toBeInTheDocument();
    const [jane, peter, again] = store.entries;
    expect(jane).toMatchObject({ canceled: false, dedupeKey: `E|src-1|${JANE.contactNo}` });
    expect(peter).toMatchObject({
      canceled: true,
      dedupeKey: `E|src-1|${PETER.contactNo}~canceled~${peter!.id}`,
    });
    expect(again).toMatchObject({ canceled: false, dedupeKey: `E|src-1|${PETER.contactNo}` });
    expect(store.book.getSegment(segmentId)?.canceled).toBe(false);
  });
});

describe("an edit made offline", () => {
  const renderView = async (store: FakeStore) => {
    await loadViewMessages();
    render(
      <FluentProvider theme={webLightTheme}>
        <I18nProvider translator={createTranslator("en-US")}>
          <EntriesView
            store={store}
            user={USER}
            contact={JANE}
            initialScope={{ kind: "contact", contactNo: JANE.contactNo, isCompany: false }}
            templates={TEMPLATES}
            groups={GROUPS}
            pendingPollMs={30}
            onBack={() => undefined}
          />
        </I18nProvider>
      </FluentProvider>,
    );
    await waitFor(() => expect(rows()).toHaveLength(1));
  };

  async function editOffline(store: FakeStore) {
    store.fail("editEntry", "offline", "Failed to fetch");
    await actOn(rowOf("Entry 1"), "Edit evaluation and comment");
    const form = screen.getByRole("form", { name: "Evaluate: Entry 1" });
    fireEvent.change(within(form).getByLabelText("Evaluation"), { target: { value: "Positive" } });
    fireEvent.change(within(form).getByLabelText("Comment"), { target: { value: "Offline note" } });
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));
    expect(
      await screen.findByText(
        "Saved on this device: the edit is sent when SharePoint can be reached, and never written over a change someone else made meanwhile.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Evaluate: Entry 1" })).toBeNull();
  }

  it("says it waits, on the row too, and is sent later: the row then shows what was stored", async () => {
    const store = new FakeStore();
    store.seedEntries([entry(JANE.contactNo, 1)]);
    const readETag = store.entries[0]!.eTag;
    await renderView(store);
    await editOffline(store);

    // Kept with the eTag read; nothing written yet.
    expect(store.pending).toHaveLength(1);
    expect(store.pending[0]!.change).toEqual({
      kind: "edit",
      entries: [expect.objectContaining({ id: store.entries[0]!.id, eTag: readETag })],
      edit: { evaluation: "Positive", comment: "Offline note" },
    });
    expect(store.entries[0]).not.toHaveProperty("evaluation");
    const row = rowOf("Entry 1");
    expect(await within(row).findByText("Edit waiting to be sent")).toBeInTheDocument();
    expect(row).not.toHaveTextContent("Evaluation: Positive");
    // A second edit before the first is sent would meet its new eTag: not offered until then.
    const group = await openActions(row);
    expect(within(group).queryByRole("button", { name: "Edit evaluation and comment" })).toBeNull();
    expect(within(group).getByRole("button", { name: "Cancel entry" })).toBeInTheDocument();

    await act(async () => {
      expect(await store.flushPending()).toBe(1);
    });
    expect(store.entries[0]).toMatchObject({ evaluation: "Positive", comment: "Offline note" });
    await waitFor(() => expect(rowOf("Entry 1")).toHaveTextContent("Evaluation: Positive"));
    expect(within(rowOf("Entry 1")).queryByText("Edit waiting to be sent")).toBeNull();
    expect(rowOf("Entry 1")).toHaveTextContent("Offline note");
  });

  it("a change made meanwhile by someone else is reported, not overwritten, and the entry can be edited again", async () => {
    const store = new FakeStore();
    store.seedEntries([entry(JANE.contactNo, 1)]);
    await renderView(store);
    await editOffline(store);
    await within(rowOf("Entry 1")).findByText("Edit waiting to be sent");

    store.book.changeBehindTheBack(store.entries[0]!.id!, { comment: "Theirs" });
    await act(async () => {
      expect(await store.flushPending()).toBe(0);
    });
    expect(store.entries[0]).toMatchObject({ comment: "Theirs" });
    expect(store.entries[0]).not.toHaveProperty("evaluation");
    expect(store.pending[0]).toMatchObject({ failed: true, change: { kind: "edit" } });
    expect(store.pending[0]!.lastError).toMatch(
      /^Your edit of this entry, kept on this device, was not saved/,
    );

    await within(rowOf("Entry 1")).findByText("Change not sent: see “Could not be sent” above");
    const group = await openActions(rowOf("Entry 1"));
    expect(within(group).getByRole("button", { name: "Edit evaluation and comment" })).toBeInTheDocument();
  });
});

describe("the pending list words the kind of a change", () => {
  const change = (
    id: string,
    kind: "cancel" | "uncancel" | "edit",
    description: string,
    segmentIds?: string[],
  ): PendingLog => {
    const e = { ...entry(JANE.contactNo, 1), id: "41", description };
    const base = queuedForJane(description, id);
    return {
      ...base,
      failed: true,
      lastError: "Refused",
      ...(kind === "edit"
        ? { change: { kind, entries: [e], edit: { comment: "x" } } }
        : {
            change: {
              kind,
              entries: segmentIds && !description ? [] : [e],
              ...(segmentIds ? { segmentIds } : {}),
            },
          }),
      ...(segmentIds && !description ? { request: { ...base.request, contacts: [] } } : {}),
    };
  };

  it("in Dutch: cancel, un-cancel, edit, a segment alone, and a change queued with the old English wording", async () => {
    const store = new FakeStore();
    store.pending = [
      change("c1", "cancel", "Offerte"),
      change("c2", "uncancel", "Nieuwsbrief", ["7"]),
      change("c3", "edit", "Belafspraak"),
      change("c4", "cancel", "", ["9"]),
      change("c5", "cancel", "Cancel: Oude post"),
    ];
    renderPane(mailFromJane(), { store, displayLanguage: "nl-NL" });
    const list = await screen.findByTestId("pending-failed");
    const texts = within(list)
      .getAllByTestId("pending-failed-log")
      .map((li) => li.firstElementChild?.textContent);
    expect(texts).toEqual([
      `${JANE.name} — Annuleren: Offerte`,
      `${JANE.name} — Annulering opheffen: Nieuwsbrief (geregistreerd segment 7)`,
      `${JANE.name} — Bewerken: Belafspraak`,
      "Annuleren: geregistreerd segment 9",
      `${JANE.name} — Annuleren: Oude post`,
    ]);
    expect(
      within(list).getByRole("button", { name: `Verwijderen ${JANE.name} — Bewerken: Belafspraak` }),
    ).toBeInTheDocument();
  });
});

describe("the entries view's scopes", () => {
  const descriptions = [
    "Mine for Jane",
    "Robin's for Jane",
    "Mine for Peter",
    "Robin's for Peter",
    "Mine, canceled",
  ];
  const shown = () => rows().map((r) => descriptions.find((d) => r.textContent?.includes(d)));

  it("“Logged by me” lists only the user's entries, any contact, each saying with whom", async () => {
    const store = new FakeStore();
    store.seedEntries([
      entry(JANE.contactNo, 1, { description: "Mine for Jane" }),
      entry(JANE.contactNo, 2, { description: "Robin's for Jane", userId: "robin@contoso.com" }),
      entry(PETER.contactNo, 3, { description: "Mine for Peter", userId: "mia@contoso.com" }),
      entry(PETER.contactNo, 4, { description: "Robin's for Peter", userId: "robin@contoso.com" }),
      entry(PETER.contactNo, 5, { description: "Mine, canceled", canceled: true }),
    ]);
    renderPane(mailFromJane(), { store });
    await openEntries();
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.change(screen.getByLabelText("Show entries of"), { target: { value: "me" } });
    await waitFor(() => expect(shown()).toEqual(["Mine for Peter", "Mine for Jane"]));
    expect(rowOf("Mine for Peter")).toHaveTextContent(`with ${PETER.name}`);
    expect(rowOf("Mine for Jane")).toHaveTextContent(`with ${JANE.name}`);
    expect(store.callsOf("listEntries").at(-1)?.[0]).toMatchObject({
      scope: { kind: "user", userId: "mia@contoso.com" },
    });
    // Its exact totals are the user's too: 2 entries of 1.25 and 5 min.
    const totals = await screen.findByTestId("entry-totals", {}, { timeout: 5000 });
    await waitFor(() =>
      expect(
        within(totals)
          .getAllByRole("definition")
          .map((d) => d.textContent),
      ).toEqual(["2", "2.50", "10"]),
    );
    // Back to the contact.
    fireEvent.change(screen.getByLabelText("Show entries of"), { target: { value: "contact" } });
    await waitFor(() => expect(shown()).toEqual(["Robin's for Jane", "Mine for Jane"]));
  });
});

describe("the contact card", () => {
  it("shows the contact's last interaction: the newest non-canceled entry", async () => {
    const store = new FakeStore();
    store.seedEntries([
      entry(JANE.contactNo, 1, { description: "Older" }),
      entry(JANE.contactNo, 5, { description: "Newest that counts" }),
      entry(JANE.contactNo, 9, { description: "Canceled later one", canceled: true }),
      entry(PETER.contactNo, 12, { description: "Someone else's" }),
    ]);
    renderPane(mailFromJane(), { store });
    const card = await screen.findByTestId("contact-card");
    const date = createTranslator("en-US").formatDateTime(new Date(Date.UTC(2024, 0, 6)).toISOString());
    await waitFor(() =>
      expect(within(card).getByTestId("last-interaction")).toHaveTextContent(
        `Last interaction: ${date} · Newest that counts`,
      ),
    );
  });

  it("says none when nothing was logged for the contact", async () => {
    const store = new FakeStore();
    store.seedEntries([entry(PETER.contactNo, 2, { description: "Peter's" })]);
    renderPane(mailFromJane(), { store });
    const card = await screen.findByTestId("contact-card");
    await waitFor(() =>
      expect(within(card).getByTestId("last-interaction")).toHaveTextContent("Last interaction: none"),
    );
  });
});

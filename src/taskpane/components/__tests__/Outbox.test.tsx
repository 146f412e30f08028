// The outbox in the whole pane: automatic sending after the first item load, on `online`, quiet failures, and the
// shown contact's history refreshing after anything was sent (automatically or with "Send now").
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { FakeStore, gate } from "../../test-support/fake-store";
import { JANE, mailFromJane, queuedForJane } from "../../test-support/fixtures";
import { renderPane } from "../../test-support/render";

const outbox = () => screen.getByTestId("pending-outbox");
const historyTexts = () => screen.queryAllByTestId("history-entry").map((e) => e.textContent ?? "");

describe("outbox, automatic sending", () => {
  it("sends once the first item has loaded, then shows the sent entry in the contact's history", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane("Queued while offline")];
    const held = gate();
    store.contextGates.set("<msg-1@acme.com>", held);
    renderPane(mailFromJane(), { store });
    expect(await within(outbox()).findByText("1 interaction waiting to be sent")).toBeInTheDocument();
    expect(store.callsOf("flushPending")).toHaveLength(0);

    held.open();
    expect(await within(outbox()).findByText("1 interaction sent.")).toBeInTheDocument();
    expect(within(outbox()).queryByText(/waiting to be sent/)).toBeNull();
    const methods = store.calls.map((c) => c.method);
    expect(methods.indexOf("flushPending")).toBeGreaterThan(methods.indexOf("loadItemContext"));
    await waitFor(() => expect(historyTexts().join()).toContain("Queued while offline"));
  });

  it("does not call flushPending when nothing is pending", async () => {
    const store = new FakeStore();
    renderPane(mailFromJane(), { store });
    await screen.findByRole("heading", { name: "Log interaction" });
    await waitFor(() => expect(store.callsOf("pendingLogs").length).toBeGreaterThan(0));
    expect(store.callsOf("flushPending")).toHaveLength(0);
  });

  it("stays quiet when SharePoint is still unreachable: indicator with the last error, no alert", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane()];
    store.flushOffline = "Failed to fetch";
    renderPane(mailFromJane(), { store });
    expect(await within(outbox()).findByText("Last error: Failed to fetch")).toBeInTheDocument();
    expect(store.callsOf("flushPending")).toHaveLength(1);
    expect(within(outbox()).getByText("1 interaction waiting to be sent")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("dialog")).toBeNull();
    // The rest of the pane works as usual.
    expect(screen.getByRole("button", { name: "Log interaction" })).toBeEnabled();
  });

  it("keeps a thrown failure in the indicator without an alert or a crash", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane()];
    store.fail("flushPending", "offline", "network down");
    renderPane(mailFromJane(), { store });
    expect(
      await within(outbox()).findByText(/1 interaction waiting to be sent — Can't reach SharePoint/),
    ).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("heading", { name: "Log interaction" })).toBeInTheDocument();
  });

  it("sends when the browser comes back online and refreshes the history", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane("Sent when back online")];
    store.flushOffline = "Failed to fetch";
    renderPane(mailFromJane(), { store });
    await within(outbox()).findByText("Last error: Failed to fetch");
    expect(await screen.findByText("No interactions logged yet.")).toBeInTheDocument();

    store.flushOffline = undefined;
    act(() => void window.dispatchEvent(new Event("online")));
    expect(await within(outbox()).findByText("1 interaction sent.")).toBeInTheDocument();
    await waitFor(() => expect(historyTexts().join()).toContain("Sent when back online"));
    expect(store.callsOf("flushPending")).toHaveLength(2);
  });

  it("refreshes the history after a successful Send now", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane("Sent by hand")];
    store.flushOffline = "Failed to fetch";
    renderPane(mailFromJane(), { store });
    await within(outbox()).findByText("Last error: Failed to fetch");
    await screen.findByText("No interactions logged yet.");
    const historyCalls = store.callsOf("getHistory").length;

    store.flushOffline = undefined;
    fireEvent.click(within(outbox()).getByRole("button", { name: "Send now" }));
    expect(await within(outbox()).findByText("1 interaction sent.")).toBeInTheDocument();
    await waitFor(() => expect(historyTexts().join()).toContain("Sent by hand"));
    expect(store.callsOf("getHistory").length).toBeGreaterThan(historyCalls);
  });

  it("does not refresh the history after a run that sent nothing", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane()];
    store.flushOffline = "Failed to fetch";
    renderPane(mailFromJane(), { store });
    await within(outbox()).findByText("Last error: Failed to fetch");
    await screen.findByText("No interactions logged yet.");
    const historyCalls = store.callsOf("getHistory").length;
    fireEvent.click(within(outbox()).getByRole("button", { name: "Send now" }));
    await waitFor(() => expect(store.callsOf("flushPending")).toHaveLength(2));
    await waitFor(() => expect(within(outbox()).getByRole("button", { name: "Send now" })).toBeEnabled());
    expect(store.callsOf("getHistory")).toHaveLength(historyCalls);
  });
});

describe("outbox, logs that failed for good", () => {
  const failedLog = (description: string, id: string, lastError: string) => ({
    ...queuedForJane(description, id),
    failed: true,
    lastError,
  });

  it("lists them with their error, leaves them out of automatic runs and discards one after confirmation", async () => {
    const store = new FakeStore();
    store.pending = [
      failedLog("Blocked template", "p1", "<b>The template is blocked</b>"),
      failedLog("Forbidden", "p2", "Access denied"),
    ];
    renderPane(mailFromJane(), { store });
    const list = await within(outbox()).findByTestId("pending-failed");
    expect(within(outbox()).getByRole("heading", { name: /needs your attention/ })).toBeInTheDocument();
    // The error is text, never markup.
    expect(within(list).getByText("Error: <b>The template is blocked</b>")).toBeInTheDocument();
    expect(list.querySelector("b")).toBeNull();
    expect(within(outbox()).getByText("2 interactions waiting to be sent")).toBeInTheDocument();
    // Nothing retryable: no automatic run at start (the timer is covered in usePendingLogs.test).
    await screen.findByRole("heading", { name: "Log interaction" });
    expect(store.callsOf("flushPending")).toHaveLength(0);

    const discard = within(list).getByRole("button", { name: `Discard ${JANE.name} — Blocked template` });
    expect(discard).toHaveTextContent("Discard");
    fireEvent.click(discard);
    expect(within(list).getByText("Discard this interaction? It will not be logged.")).toBeInTheDocument();
    const yes = within(list).getByRole("button", { name: `Yes, discard ${JANE.name} — Blocked template` });
    expect(yes).toHaveFocus();
    expect(store.callsOf("discardPending")).toHaveLength(0);

    // "Keep" backs out without removing anything.
    fireEvent.click(within(list).getByRole("button", { name: "Keep" }));
    expect(store.callsOf("discardPending")).toHaveLength(0);
    expect(
      within(list).getByRole("button", { name: `Discard ${JANE.name} — Blocked template` }),
    ).toHaveFocus();

    fireEvent.click(within(list).getByRole("button", { name: `Discard ${JANE.name} — Blocked template` }));
    fireEvent.click(
      within(list).getByRole("button", { name: `Yes, discard ${JANE.name} — Blocked template` }),
    );
    expect(await within(outbox()).findByText("1 interaction waiting to be sent")).toBeInTheDocument();
    expect(store.callsOf("discardPending")).toEqual([["p1"]]);
    expect(store.pending.map((p) => p.id)).toEqual(["p2"]);
    expect(within(outbox()).queryByText(/Blocked template/)).toBeNull();
    expect(within(outbox()).getByText("Error: Access denied")).toBeInTheDocument();
  });

  it("names a mail's content waiting to be kept as such, in Dutch too", async () => {
    const store = new FakeStore();
    store.pending = [
      {
        ...failedLog("Quote for 40 widgets", "c1", "Access denied"),
        content: { sourceId: "<msg-1@acme.com>", choice: "excerpt", plainBody: "Hi", entryIds: ["7"] },
      },
    ];
    const { unmount } = renderPane(mailFromJane(), { store });
    const list = await within(outbox()).findByTestId("pending-failed");
    expect(
      within(list).getByRole("button", {
        name: `Discard ${JANE.name} — Keep the mail: Quote for 40 widgets`,
      }),
    ).toBeInTheDocument();
    unmount();
    renderPane(mailFromJane(), { store, displayLanguage: "nl-NL" });
    const nl = await within(outbox()).findByTestId("pending-failed");
    expect(within(nl).getByText(`${JANE.name} — Mail bewaren: Quote for 40 widgets`)).toBeInTheDocument();
  });

  it("marks a log refused on replay and stops retrying it; Send now tries it again", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane("Refused", "p1")];
    store.flushRefused = "The template is blocked";
    renderPane(mailFromJane(), { store });
    expect(await within(outbox()).findByText("Error: The template is blocked")).toBeInTheDocument();
    // An automatic run: a background one (silent sign-in only).
    expect(store.callsOf("flushPending")).toEqual([[{ background: true }]]);

    store.flushRefused = undefined;
    fireEvent.click(within(outbox()).getByRole("button", { name: "Send now" }));
    expect(await within(outbox()).findByText("1 interaction sent.")).toBeInTheDocument();
    expect(store.callsOf("flushPending")[1]).toEqual([{ includeFailed: true }]);
    expect(within(outbox()).queryByTestId("pending-failed")).toBeNull();
  });

  it("shows a failed discard next to the log and keeps it", async () => {
    const store = new FakeStore();
    store.pending = [failedLog("Stays", "p1", "Access denied")];
    store.fail("discardPending", "unknown", "disk full");
    renderPane(mailFromJane(), { store });
    const list = await within(outbox()).findByTestId("pending-failed");
    fireEvent.click(within(list).getByRole("button", { name: `Discard ${JANE.name} — Stays` }));
    fireEvent.click(within(list).getByRole("button", { name: `Yes, discard ${JANE.name} — Stays` }));
    expect(await within(list).findByText("Could not discard: disk full")).toBeInTheDocument();
    expect(store.pending).toHaveLength(1);
  });
});

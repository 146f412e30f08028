// The outbox in the whole pane: automatic sending after the first item load, on `online`, quiet failures, and the
// shown contact's history refreshing after anything was sent (automatically or with "Send now").
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { FakeStore, gate } from "../../test-support/fake-store";
import { mailFromJane, queuedForJane } from "../../test-support/fixtures";
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

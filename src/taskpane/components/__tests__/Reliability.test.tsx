// Issue 12 in the whole pane: the administrator-facing warning when DedupeKey is not unique (checked once per
// start) and the set-up report; "Sign in to send N pending logs" after a background run needed the user; logs of
// other accounts only counted; the log form locked while a log is being sent.
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { StoreError } from "../../../domain/errors";
import type { LogRequest } from "../../../domain/ports";
import { FakeStore, gate } from "../../test-support/fake-store";
import { mailFromJane, queuedForJane } from "../../test-support/fixtures";
import { renderPane } from "../../test-support/render";

const outbox = () => screen.getByTestId("pending-outbox");

describe("the lists' DedupeKey", () => {
  it("is checked once per start; a list that does not enforce unique values gets an administrator warning", async () => {
    const store = new FakeStore();
    store.listWarnings = [{ list: "Interaction Log Entries", column: "DedupeKey", problem: "notUnique" }];
    const view = renderPane(mailFromJane(), { store });
    const warning = await screen.findByTestId("list-warnings", {}, { timeout: 5000 });
    expect(warning).toHaveTextContent(/Interaction Log Entries/);
    expect(warning).toHaveTextContent(/DedupeKey/);
    expect(warning).toHaveTextContent(/Enforce unique values/);
    expect(within(warning).getByRole("button", { name: "Set up SharePoint lists" })).toBeEnabled();
    // Only after the item is shown, and only once, whatever the pane does next.
    const methods = store.calls.map((c) => c.method);
    expect(methods.indexOf("checkLists")).toBeGreaterThan(methods.indexOf("loadItemContext"));
    act(() => view.mailbox.select(mailFromJane({ sourceId: "<msg-2@acme.com>" })));
    await screen.findByRole("heading", { name: "Log interaction" });
    expect(store.callsOf("checkLists")).toHaveLength(1);
  });

  it("shows nothing when the lists are fine", async () => {
    const store = new FakeStore();
    renderPane(mailFromJane(), { store });
    await waitFor(() => expect(store.callsOf("checkLists")).toHaveLength(1));
    expect(screen.queryByTestId("list-warnings")).toBeNull();
  });

  it("Set up SharePoint lists shows its report, warnings included, instead of dropping it", async () => {
    const store = new FakeStore();
    store.provisioned = false;
    store.provisionReport = {
      createdLists: ["Logged Segments"],
      addedColumns: [],
      indexedColumns: ["Interaction Log Entries/DedupeKey"],
      listWarnings: [
        {
          list: "Interaction Log Entries",
          column: "DedupeKey",
          problem: "notUnique",
          detail: "The list has duplicate values",
        },
      ],
    };
    renderPane(mailFromJane(), { store });
    fireEvent.click(await screen.findByRole("button", { name: "Set up SharePoint lists" }));
    const report = await screen.findByTestId("provision-report", {}, { timeout: 5000 });
    expect(report).toHaveTextContent(/1 list created/);
    expect(report).toHaveTextContent(/Interaction Log Entries/);
    expect(report).toHaveTextContent(/The list has duplicate values/);
  });

  it("after set-up, dismissing its report leaves only the warnings set-up could not fix", async () => {
    const store = new FakeStore();
    store.listWarnings = [
      { list: "Interaction Log Entries", column: "DedupeKey", problem: "notUnique" },
      { list: "Logged Segments", column: "DedupeKey", problem: "notUnique" },
    ];
    store.provisionReport = {
      createdLists: [],
      addedColumns: [],
      indexedColumns: [],
      listWarnings: [
        { list: "Logged Segments", column: "DedupeKey", problem: "notUnique", detail: "Duplicates" },
      ],
    };
    renderPane(mailFromJane(), { store });
    const warning = await screen.findByTestId("list-warnings", {}, { timeout: 5000 });
    fireEvent.click(within(warning).getByRole("button", { name: "Set up SharePoint lists" }));
    const report = await screen.findByTestId("provision-report", {}, { timeout: 5000 });
    fireEvent.click(within(report).getByRole("button", { name: "Dismiss" }));
    const after = await screen.findByTestId("list-warnings");
    expect(after).toHaveTextContent(/Logged Segments/);
    expect(after).not.toHaveTextContent(/Interaction Log Entries/);
    expect(store.callsOf("checkLists")).toHaveLength(1);
  });

  it("after a set-up that fixed everything, dismissing its report leaves no warning", async () => {
    const store = new FakeStore();
    store.listWarnings = [{ list: "Interaction Log Entries", column: "DedupeKey", problem: "notUnique" }];
    renderPane(mailFromJane(), { store });
    const warning = await screen.findByTestId("list-warnings", {}, { timeout: 5000 });
    fireEvent.click(within(warning).getByRole("button", { name: "Set up SharePoint lists" }));
    const report = await screen.findByTestId("provision-report", {}, { timeout: 5000 });
    fireEvent.click(within(report).getByRole("button", { name: "Dismiss" }));
    await waitFor(() => expect(screen.queryByTestId("provision-report")).toBeNull());
    expect(screen.queryByTestId("list-warnings")).toBeNull();
  });

  it("speaks Dutch too", async () => {
    const store = new FakeStore();
    store.listWarnings = [{ list: "Logged Segments", column: "DedupeKey", problem: "missing" }];
    renderPane(mailFromJane(), { store, displayLanguage: "nl-NL" });
    expect(await screen.findByTestId("list-warnings", {}, { timeout: 5000 })).toHaveTextContent(
      /Logged Segments.*DedupeKey/,
    );
    expect(screen.getByTestId("list-warnings")).toHaveTextContent(/kolom/);
  });
});

describe("sign-in for pending logs", () => {
  it("after a background run needed the user, asks with a button that sends", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane("a", "p1"), queuedForJane("b", "p2")];
    const original = store.flushPending.bind(store);
    store.flushPending = async (o) => {
      if (o?.background) {
        store.calls.push({ method: "flushPending", args: [o] });
        throw new StoreError("unauthenticated", "Signing in needs you", { code: "interactionRequired" });
      }
      return original(o);
    };
    renderPane(mailFromJane(), { store });
    const button = await within(outbox()).findByRole("button", { name: "Sign in to send 2 pending logs" });
    expect(store.callsOf("flushPending")).toEqual([[{ background: true }]]);
    fireEvent.click(button);
    expect(await within(outbox()).findByText("2 interactions sent.")).toBeInTheDocument();
    expect(store.callsOf("flushPending")[1]).toEqual([{ includeFailed: true }]);
  });

  it("says it in Dutch", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane("a", "p1")];
    store.flushPending = async (o) => {
      store.calls.push({ method: "flushPending", args: [o] });
      throw new StoreError("unauthenticated", "x", { code: "interactionRequired" });
    };
    renderPane(mailFromJane(), { store, displayLanguage: "nl-NL" });
    expect(
      await within(outbox()).findByRole("button", {
        name: "Meld je aan om 1 wachtende registratie te versturen",
      }),
    ).toBeInTheDocument();
  });
});

it("logs waiting under another account are only counted", async () => {
  const store = new FakeStore();
  store.elsewhere = 2;
  renderPane(mailFromJane(), { store });
  expect(
    await within(outbox()).findByText("2 interactions on this device wait for another account"),
  ).toBeInTheDocument();
  expect(within(outbox()).queryByRole("button", { name: "Send now" })).toBeNull();
});

it("the log form is locked while the log is being sent, so no edit is silently lost", async () => {
  const store = new FakeStore();
  const held = (store.logGate = gate());
  const sent = () => store.callsOf("logInteraction")[0]?.[0] as LogRequest | undefined;
  renderPane(mailFromJane(), { store });
  await screen.findByRole("heading", { name: "Log interaction" });
  const description = screen.getByLabelText(/Description/);
  fireEvent.click(screen.getByRole("button", { name: "Log interaction" }));
  await waitFor(() => expect(sent()).toBeDefined());
  expect(description).toBeDisabled();
  expect(screen.getByLabelText("Comment")).toBeDisabled();
  await act(async () => held.open());
  // Sent: the form is unlocked again (or gone, when every contact is logged).
  await waitFor(() => expect(screen.queryByRole("button", { name: /Logging/ })).toBeNull());
  const after = screen.queryByLabelText(/Description/);
  if (after) expect(after).toBeEnabled();
});

it("who the log is for is locked too while it is being sent (a row unchecked then would still be logged)", async () => {
  const store = new FakeStore();
  const held = (store.logGate = gate());
  const sent = () => store.callsOf("logInteraction")[0]?.[0] as LogRequest | undefined;
  renderPane(mailFromJane(), { store });
  const jane = await screen.findByRole("checkbox", { name: "Jane Doe" });
  expect(jane).toBeEnabled();
  fireEvent.click(screen.getByRole("button", { name: "Log interaction" }));
  await waitFor(() => expect(sent()).toBeDefined());
  expect(jane).toBeDisabled();
  await act(async () => held.open());
  await screen.findByText("Interaction logged for 1 contact.");
  expect(sent()!.contacts.map((c) => c.contactNo)).toEqual(["CT000002"]);
});

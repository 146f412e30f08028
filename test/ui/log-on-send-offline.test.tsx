// Log on send while SharePoint cannot be reached (issue 14): reading the item and its log-on-send marker needs no
// network, so the pane still says "Log pending" on a sent copy and still lets a draft be switched to "don't log",
// next to the "Can't reach SharePoint" error. The outbox writes the pending log once SharePoint is back.
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { ComposeLoggingPort, SendLogMarker } from "../../src/domain/send-log";
import type { Correspondence } from "../../src/domain/types";
import { SendLogQueue, withSendQueue, MemoryKeyValue } from "../../src/graph/send-queue";
import { PaneRoot } from "../../src/taskpane/components/PaneRoot";
import { FakeMailbox } from "../../src/taskpane/test-support/fake-mailbox";
import { FakeStore } from "../../src/taskpane/test-support/fake-store";
import { mailFromJane, OWNER } from "../../src/taskpane/test-support/fixtures";
import { TEST_POLICY } from "../../src/taskpane/test-support/render";

class FakeComposeLogging implements ComposeLoggingPort {
  userDefault = false;
  perMail: boolean | undefined;
  marker: SendLogMarker | undefined;
  writes: boolean[] = [];
  logOnSendDefault = () => this.userDefault;
  setLogOnSendDefault = async (on: boolean) => void (this.userDefault = on);
  readLogOnSend = async () => this.perMail;
  writeLogOnSend = async (on: boolean) => {
    this.writes.push(on);
    this.perMail = on;
  };
  readSendLog = async () => this.marker;
}

const OFFLINE = "Can't reach SharePoint. Check your connection and try again.";
const MARKER_ID = "0f3a9c1e-1111-4222-8333-444455556666";
const FOREVER = 1_000;

/** The sent copy of a mail to Jane whose send-time log was kept for later. */
function sentToJane(): Correspondence {
  return mailFromJane({
    mode: "read",
    direction: "outbound",
    sourceId: "<sent-1@contoso.com>",
    itemId: "AAMk-sent-1",
    subject: "Offer for 40 widgets",
    participants: [
      { displayName: OWNER.displayName, address: OWNER.address, role: "from" },
      { displayName: "Jane Doe", address: "jane@acme.com", role: "to" },
    ],
  });
}

function draftToJane(): Correspondence {
  return mailFromJane({
    mode: "compose",
    direction: "outbound",
    sourceId: "draft:1",
    subject: "Proposal",
    participants: [
      { displayName: OWNER.displayName, address: OWNER.address, role: "from" },
      { displayName: "Jane Doe", address: "jane@acme.com", role: "to" },
    ],
  });
}

/** The pane as index.tsx builds it: the store with a send queue folded in, and log on send. */
function renderOffline(item: Correspondence, port: FakeComposeLogging) {
  const fake = new FakeStore();
  fake.fail("loadItemContext", "offline", "fetch failed", FOREVER);
  const queue = new SendLogQueue(new MemoryKeyValue());
  const store = withSendQueue(fake, { queues: [queue], policy: TEST_POLICY });
  const mailbox = new FakeMailbox(item);
  const view = render(
    <PaneRoot mailbox={mailbox} store={store} policy={TEST_POLICY} composeLogging={port} />,
  );
  /** SharePoint is reachable again. */
  const reconnect = () => fake.fail("loadItemContext", "offline", "", 0);
  return { ...view, fake, queue, store, mailbox, reconnect };
}

it("says 'Log pending' on a sent copy next to the offline error, and the outbox writes the log once SharePoint is back", async () => {
  const port = new FakeComposeLogging();
  port.marker = { id: MARKER_ID, state: "pending", at: "2026-05-01T10:00:00Z" };
  const { fake, queue, reconnect } = renderOffline(sentToJane(), port);

  expect(await screen.findByText(OFFLINE)).toBeInTheDocument();
  expect(await screen.findByText(/^Log pending/)).toBeInTheDocument();
  // The sent copy is enough to keep the log here (it may have been sent from another device).
  await waitFor(async () => expect((await queue.list()).map((i) => i.id)).toEqual([MARKER_ID]));
  expect(await screen.findByText("1 interaction waiting to be sent")).toBeInTheDocument();

  reconnect();
  fireEvent.click(screen.getByRole("button", { name: "Send now" }));
  await waitFor(() => expect(fake.entries).toHaveLength(1));
  expect(fake.entries[0]).toMatchObject({ contactNo: "CT000002", sourceId: "<sent-1@contoso.com>" });
  await waitFor(async () => expect(await queue.list()).toEqual([]));
});

it("writes the kept log on the outbox's own retry, a minute later, without the user", async () => {
  jest.useFakeTimers();
  try {
    const port = new FakeComposeLogging();
    port.marker = { id: MARKER_ID, state: "pending", at: "2026-05-01T10:00:00Z" };
    const { fake, queue, reconnect } = renderOffline(sentToJane(), port);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(100);
    });
    expect(screen.getByText(OFFLINE)).toBeInTheDocument();
    expect(screen.getByText(/^Log pending/)).toBeInTheDocument();
    expect((await queue.list()).map((i) => i.id)).toEqual([MARKER_ID]);

    reconnect();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(61_000);
    });
    expect(fake.entries).toHaveLength(1);
    expect(await queue.list()).toEqual([]);
  } finally {
    jest.useRealTimers();
  }
});

it("offers 'Log when sent' on a draft while SharePoint cannot be reached, and turning it off is kept on the draft", async () => {
  const port = new FakeComposeLogging();
  port.userDefault = true;
  renderOffline(draftToJane(), port);

  expect(await screen.findByText(OFFLINE)).toBeInTheDocument();
  // Found by its visible label: the switch keeps its accessible name and its hint.
  const perMail = await screen.findByRole("checkbox", { name: "Log when sent" });
  expect(perMail).toBeChecked();
  expect(perMail).toHaveAccessibleDescription("Logs this item for its known contacts when you send it.");
  expect(screen.getByText("Log when sent")).toBeVisible();

  fireEvent.click(perMail);
  await waitFor(() => expect(port.writes).toEqual([false]));
  expect(screen.getByRole("checkbox", { name: "Log when sent" })).not.toBeChecked();
  expect(port.perMail).toBe(false);
});

/** A sent copy whose send-time log is pending, opened while SharePoint is unreachable: the pane adopted its log. */
async function pendingSentCopyOffline() {
  const port = new FakeComposeLogging();
  port.marker = { id: MARKER_ID, state: "pending", at: "2026-05-01T10:00:00Z" };
  const opened = renderOffline(sentToJane(), port);
  await screen.findByText(/^Log pending/);
  await waitFor(async () => expect(await opened.queue.list()).toHaveLength(1));
  return opened;
}

it("once SharePoint is back and the log written, reads the sent copy again by itself: no stale 'Log pending'", async () => {
  const { fake, reconnect } = await pendingSentCopyOffline();

  reconnect();
  fireEvent.click(await screen.findByRole("button", { name: "Send now" }));
  expect(await screen.findByText(/^Logged for Jane Doe/)).toBeInTheDocument();
  expect(fake.entries).toHaveLength(1);
  expect(screen.queryByText(OFFLINE)).not.toBeInTheDocument();
  expect(screen.queryByText(/^Log pending/)).not.toBeInTheDocument();
});

it("Retry once SharePoint is back shows the item as before, the log still pending until the outbox writes it", async () => {
  const { fake, queue, reconnect } = await pendingSentCopyOffline();

  reconnect();
  fireEvent.click(screen.getByRole("button", { name: "Retry" }));
  expect(await screen.findByRole("checkbox", { name: "Jane Doe" })).toBeInTheDocument();
  expect(screen.queryByText(OFFLINE)).not.toBeInTheDocument();
  expect(await screen.findByText(/^Log pending/)).toBeInTheDocument();
  // Kept once: the sent copy seen again adopts nothing more.
  expect((await queue.list()).map((i) => i.id)).toEqual([MARKER_ID]);

  fireEvent.click(screen.getByRole("button", { name: "Send now" }));
  await waitFor(() => expect(fake.entries).toHaveLength(1));
  await waitFor(async () => expect(await queue.list()).toEqual([]));
});

it("a draft read again while offline (recipients changed) keeps the switch the user turned off", async () => {
  const port = new FakeComposeLogging();
  port.userDefault = true;
  const { mailbox } = renderOffline(draftToJane(), port);
  fireEvent.click(await screen.findByRole("checkbox", { name: "Log when sent" }));
  await waitFor(() => expect(port.perMail).toBe(false));

  act(() => mailbox.changeRecipients(draftToJane()));
  await waitFor(() => expect(mailbox.readCount).toBeGreaterThanOrEqual(2));
  expect(await screen.findByText(OFFLINE)).toBeInTheDocument();
  await waitFor(() => expect(screen.getByRole("checkbox", { name: "Log when sent" })).not.toBeChecked());
});

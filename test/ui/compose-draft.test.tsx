// Compose mode: the pane reads the draft when it opens and again, by itself, when Outlook reports changed
// recipients (RecipientsChanged); for a changed subject, which sends no event, it offers to read the draft again.
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import type { Correspondence } from "../../src/domain/types";
import { FakeStore, gate } from "../../src/taskpane/test-support/fake-store";
import { mailFromJane, OWNER } from "../../src/taskpane/test-support/fixtures";
import { renderPane } from "../../src/taskpane/test-support/render";

function draft(participants: Correspondence["participants"]): Correspondence {
  return mailFromJane({
    mode: "compose",
    direction: "outbound",
    sourceId: "draft:1",
    subject: "Proposal",
    participants: [{ displayName: OWNER.displayName, address: OWNER.address, role: "from" }, ...participants],
  });
}

it("reads an edited draft again on request and matches the recipients added since", async () => {
  const { mailbox } = renderPane(draft([]));
  const button = await screen.findByRole("button", { name: "Read the draft again" });
  expect(button).toHaveAccessibleDescription(/Changed the subject\?/);
  expect(screen.queryByRole("checkbox", { name: "Jane Doe" })).not.toBeInTheDocument();

  mailbox.editDraft(draft([{ displayName: "Jane Doe", address: "jane@acme.com", role: "to" }]));
  const readsBefore = mailbox.readCount;
  fireEvent.click(button);
  expect(await screen.findByRole("checkbox", { name: "Jane Doe" })).toBeInTheDocument();
  expect(mailbox.readCount).toBe(readsBefore + 1);
});

it("offers no re-read for an item in read mode", async () => {
  renderPane(mailFromJane());
  await screen.findByRole("checkbox", { name: "Jane Doe" });
  expect(screen.queryByRole("button", { name: "Read the draft again" })).not.toBeInTheDocument();
});

it("follows added recipients without a button press: one read per burst of changes, the view kept meanwhile", async () => {
  jest.useFakeTimers();
  try {
    const { mailbox } = renderPane(draft([]));
    await act(async () => {
      await jest.advanceTimersByTimeAsync(50);
    });
    expect(screen.getByRole("button", { name: "Read the draft again" })).toBeInTheDocument();
    expect(mailbox.recipientListenerCount).toBe(1);
    const readsBefore = mailbox.readCount;
    act(() => {
      mailbox.changeRecipients(draft([{ displayName: "Jane", address: "jane@acme.com", role: "to" }]));
      mailbox.changeRecipients(draft([{ displayName: "Jane Doe", address: "jane@acme.com", role: "to" }]));
    });
    // No spinner while the draft is read again: the pane stays usable.
    expect(screen.queryByText("Reading the selected item…")).not.toBeInTheDocument();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(400);
    });
    expect(screen.getByRole("checkbox", { name: "Jane Doe" })).toBeChecked();
    expect(mailbox.readCount).toBe(readsBefore + 1);
  } finally {
    jest.useRealTimers();
  }
});

it("lets a log that is running finish before the draft is read again, so the new view shows it as logged", async () => {
  const store = new FakeStore();
  const held = (store.logGate = gate());
  const jane = { displayName: "Jane Doe", address: "jane@acme.com", role: "to" } as const;
  const { mailbox } = renderPane(draft([jane]), { store });
  fireEvent.click(await screen.findByRole("button", { name: "Log interaction" }));
  await screen.findByRole("button", { name: /Logging/ });
  const readsBefore = store.callsOf("loadItemContext").length;

  // Recipients change and the user asks to read the draft again while the log is still on its way.
  act(() => mailbox.changeRecipients(draft([jane])));
  fireEvent.click(screen.getByRole("button", { name: "Read the draft again" }));
  await act(async () => {
    await new Promise((r) => setTimeout(r, 500));
  });
  // Nothing is read while the log runs: the view that logs stays, and will say what it did.
  expect(store.callsOf("loadItemContext")).toHaveLength(readsBefore);
  expect(screen.getByRole("button", { name: /Logging/ })).toBeInTheDocument();

  act(() => held.open());
  // The draft is then read once more, with the new entry: the new view shows the item logged, not loggable again.
  expect(await screen.findByText(/Logged for Jane Doe/)).toBeInTheDocument();
  expect(store.entries).toHaveLength(1);
  const reads = store.callsOf("loadItemContext").length - readsBefore;
  expect(reads).toBe(1);
  expect(screen.queryByRole("button", { name: "Log interaction" })).not.toBeInTheDocument();
});

describe("what the user did in the form survives the draft being read again", () => {
  const jane = { displayName: "Jane Doe", address: "jane@acme.com", role: "to" } as const;
  const peter = { displayName: "Peter Green", address: "peter@globex.com", role: "cc" } as const;

  it("keeps a typed comment, a chosen evaluation and an unchecked recipient when Outlook reports a new recipient", async () => {
    const { mailbox } = renderPane(draft([jane]));
    await screen.findByRole("checkbox", { name: "Jane Doe" });
    fireEvent.change(screen.getByLabelText("Comment"), { target: { value: "Wants the blue ones" } });
    fireEvent.change(screen.getByLabelText("Evaluation"), { target: { value: "Positive" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Jane Doe" }));
    expect(screen.getByRole("checkbox", { name: "Jane Doe" })).not.toBeChecked();

    act(() => mailbox.changeRecipients(draft([jane, peter])));
    // The new recipient is read and checked; what the user did stays.
    expect(await screen.findByRole("checkbox", { name: "Peter Green" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Jane Doe" })).not.toBeChecked();
    expect(screen.getByLabelText("Comment")).toHaveValue("Wants the blue ones");
    expect(screen.getByLabelText("Evaluation")).toHaveValue("Positive");
    expect(screen.getByLabelText(/Description/)).toHaveValue("Proposal");
    expect(screen.getByRole("button", { name: "Log interaction" })).toBeInTheDocument();
  });

  it("takes a changed subject as the description unless the user wrote their own, and keeps the rest", async () => {
    const { mailbox } = renderPane(draft([jane]));
    await screen.findByRole("checkbox", { name: "Jane Doe" });
    fireEvent.change(screen.getByLabelText("Duration (minutes)"), { target: { value: "25" } });
    mailbox.editDraft({ ...draft([jane]), subject: "Proposal, second version" });
    fireEvent.click(screen.getByRole("button", { name: "Read the draft again" }));
    await waitFor(() => expect(screen.getByLabelText(/Description/)).toHaveValue("Proposal, second version"));
    expect(screen.getByLabelText("Duration (minutes)")).toHaveValue("25");

    fireEvent.change(screen.getByLabelText(/Description/), { target: { value: "Pricing call notes" } });
    mailbox.editDraft({ ...draft([jane]), subject: "Proposal, third version" });
    fireEvent.click(screen.getByRole("button", { name: "Read the draft again" }));
    await screen.findByRole("checkbox", { name: "Jane Doe" });
    await waitFor(() => expect(screen.getByLabelText("Duration (minutes)")).toHaveValue("25"));
    expect(screen.getByLabelText(/Description/)).toHaveValue("Pricing call notes");
  });

  it("keeps a contact added from search, and one the user then unchecked stays unchecked", async () => {
    const { mailbox } = renderPane(draft([jane]));
    await screen.findByRole("checkbox", { name: "Jane Doe" });
    fireEvent.click(await screen.findByRole("button", { name: "Find a contact" }));
    const box = await screen.findByRole("combobox", { name: /Name, e-mail, contact no\. or domain/ });
    fireEvent.change(box, { target: { value: "Peter" } });
    fireEvent.click(await screen.findByRole("option", { name: /Peter Green/ }));
    fireEvent.click(await screen.findByRole("button", { name: "Add to this item's log" }));
    expect(await screen.findByRole("checkbox", { name: /Peter Green/ })).toBeChecked();

    act(() => mailbox.changeRecipients(draft([jane])));
    await waitFor(() => expect(mailbox.readCount).toBeGreaterThanOrEqual(2));
    expect(await screen.findByRole("checkbox", { name: /Peter Green/ })).toBeChecked();
    expect(screen.getByRole("button", { name: /^Log for 2 contacts/ })).toBeInTheDocument();

    fireEvent.click(screen.getByRole("checkbox", { name: /Peter Green/ }));
    const reads = mailbox.readCount;
    act(() => mailbox.changeRecipients(draft([jane])));
    await waitFor(() => expect(mailbox.readCount).toBe(reads + 1));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(screen.getByRole("checkbox", { name: /Peter Green/ })).not.toBeChecked();
    expect(screen.getByRole("button", { name: "Log interaction" })).toBeInTheDocument();
  });

  it("starts another item from its own defaults", async () => {
    const { mailbox } = renderPane(draft([jane]));
    await screen.findByRole("checkbox", { name: "Jane Doe" });
    fireEvent.change(screen.getByLabelText("Comment"), { target: { value: "Only for the draft" } });
    act(() => mailbox.select(mailFromJane()));
    await screen.findByRole("checkbox", { name: "Jane Doe" });
    await waitFor(() => expect(screen.queryByRole("button", { name: "Read the draft again" })).toBeNull());
    expect(screen.getByLabelText("Comment")).toHaveValue("");
  });
});

it("keeps the top of the narrow pane for who the draft is about: the contact card comes before the re-read offer", async () => {
  renderPane(draft([{ displayName: "Jane Doe", address: "jane@acme.com", role: "to" }]));
  const reread = await screen.findByRole("button", { name: "Read the draft again" });
  const card = await screen.findByRole("heading", { name: "Jane Doe" });
  expect(card.compareDocumentPosition(reread) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
});

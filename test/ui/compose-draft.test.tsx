// Compose mode: the pane reads the draft when it opens and again, by itself, when Outlook reports changed
// recipients (RecipientsChanged); for a changed subject, which sends no event, it offers to read the draft again.
import { act, fireEvent, screen } from "@testing-library/react";
import type { Correspondence } from "../../src/domain/types";
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

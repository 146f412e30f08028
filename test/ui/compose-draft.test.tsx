// Compose mode: the pane reads the draft when it opens; after the user adds recipients it offers to read the
// draft again, and then matches the new recipients.
import { fireEvent, screen } from "@testing-library/react";
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
  expect(button).toHaveAccessibleDescription(/Added recipients or changed the subject/);
  expect(screen.queryByText("Jane Doe")).not.toBeInTheDocument();

  mailbox.editDraft(draft([{ displayName: "Jane Doe", address: "jane@acme.com", role: "to" }]));
  const readsBefore = mailbox.readCount;
  fireEvent.click(button);
  expect(await screen.findByText("Jane Doe")).toBeInTheDocument();
  expect(mailbox.readCount).toBe(readsBefore + 1);
});

it("offers no re-read for an item in read mode", async () => {
  renderPane(mailFromJane());
  await screen.findByText("Jane Doe");
  expect(screen.queryByRole("button", { name: "Read the draft again" })).not.toBeInTheDocument();
});

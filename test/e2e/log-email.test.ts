// The vertical slice, in Chromium against the workbench: open a received email from a known contact, see the
// match and the default template, log it, see it on top of the history, and find it in the SharePoint list.
import { FIXTURE, listItems, useWorkbench } from "./stack";

jest.setTimeout(90_000);

const t = useWorkbench();

async function openItem(testId: string, folder?: "inbox" | "sent" | "calendar"): Promise<void> {
  if (folder) await t.stack.page.getByTestId(`folder-${folder}`).click();
  await t.stack.page.getByTestId(`item-${testId}`).click();
}

describe("log this email", () => {
  it("matches the sender, defaults the template and logs the interaction into the list", async () => {
    await openItem(FIXTURE.robinMail, "inbox");
    await t.pane.getByText("Robin Danielsen", { exact: true }).first().waitFor();
    await t.pane
      .getByText(/Adatum Corporation/)
      .first()
      .waitFor();
    const template = t.pane.getByLabel(/Interaction template/);
    await expect(template.inputValue()).resolves.toBe("EMAIL");
    await expect(t.pane.getByLabel(/^Description/).inputValue()).resolves.toBe(
      "Re: Quote for 40 ergonomic chairs",
    );

    await t.pane.getByLabel(/^Comment/).fill("Asked for delivery before end of April");
    await t.pane.getByRole("button", { name: /^Log interaction/ }).click();
    await t.pane.getByText(/Interaction logged for 1 contact/).waitFor();

    const first = t.pane.getByTestId("history-entry").first();
    await first.getByText("Re: Quote for 40 ergonomic chairs").waitFor();

    const entries = await listItems(
      t.stack.graph,
      "Interaction Log Entries",
      "fields/ContactNo eq 'CT000010'",
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      Title: "Re: Quote for 40 ergonomic chairs",
      ContactNo: "CT000010",
      ContactCompanyNo: "CT000001",
      InteractionTemplateCode: "EMAIL",
      InformationFlow: "Inbound",
      InitiatedBy: "Them",
      SourceKind: "Email",
      SourceId: FIXTURE.robinMessageId,
      UserId: "annette.hill@cronus.example",
      Comment: "Asked for delivery before end of April",
      InteractionDate: "2026-03-09T08:42:00Z",
    });
  });

  it("marks the email as logged when it is opened again, and never logs it twice for the contact", async () => {
    await openItem(FIXTURE.samMail);
    await t.pane.getByText("Sam Taylor", { exact: true }).first().waitFor();
    await openItem(FIXTURE.robinMail);
    await t.pane.getByText(/^Logged for Robin Danielsen on /).waitFor();
    const entries = await listItems(
      t.stack.graph,
      "Interaction Log Entries",
      "fields/ContactNo eq 'CT000010'",
    );
    expect(entries).toHaveLength(1);
  });
});

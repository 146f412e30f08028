// A user without write rights on the lists (the emulator answers 403 for them) gets a clear "ask your
// administrator" message, nothing is written, and what they typed stays in the form.
import { FIXTURE, listItems, USER, useWorkbench } from "./stack";

jest.setTimeout(90_000);

const t = useWorkbench();

it("explains a refused write and keeps the typed entry", async () => {
  t.stack.emulator.setReadonlyUsers([USER.emailAddress]);
  await t.stack.page.getByTestId(`item-${FIXTURE.robinMail}`).click();
  await t.pane
    .getByText(/Adatum Corporation/)
    .first()
    .waitFor();
  await t.pane.getByLabel(/^Comment/).fill("Call back on Friday");
  await t.pane.getByLabel(/^Description/).fill("Quote follow-up");
  await t.pane.getByRole("button", { name: /^Log interaction/ }).click();

  await t.pane
    .getByText(/ask your administrator/i)
    .first()
    .waitFor();
  await expect(t.pane.getByLabel(/^Comment/).inputValue()).resolves.toBe("Call back on Friday");
  await expect(t.pane.getByLabel(/^Description/).inputValue()).resolves.toBe("Quote follow-up");
  await expect(t.pane.getByText(/waiting to be sent/).count()).resolves.toBe(0);
  await expect(
    listItems(t.stack.graph, "Interaction Log Entries", "fields/ContactNo eq 'CT000010'"),
  ).resolves.toHaveLength(0);

  t.stack.emulator.setReadonlyUsers([]);
  await t.pane.getByRole("button", { name: /^Log interaction/ }).click();
  await t.pane.getByText(/Interaction logged for 1 contact/).waitFor();
  const entries = await listItems(t.stack.graph, "Interaction Log Entries", "fields/ContactNo eq 'CT000010'");
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ Title: "Quote follow-up", Comment: "Call back on Friday" });
});

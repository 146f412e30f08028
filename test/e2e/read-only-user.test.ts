// A user without write rights on the lists (the emulator answers 403 for them) gets a clear "ask your
// administrator" message, nothing is written, and what they typed stays in the form.
import type { Frame } from "playwright-core";
import { FIXTURE, listItems, paneFrame, startStack, USER, type Stack } from "./stack";

jest.setTimeout(90_000);

let stack: Stack;
let pane: Frame;

beforeAll(async () => {
  stack = await startStack();
  await stack.page.goto(stack.workbench.url);
  pane = await paneFrame(stack.page);
});

afterAll(async () => {
  await stack?.close();
});

it("explains a refused write and keeps the typed entry", async () => {
  stack.emulator.setReadonlyUsers([USER.emailAddress]);
  await stack.page.getByTestId(`item-${FIXTURE.robinMail}`).click();
  await pane
    .getByText(/Adatum Corporation/)
    .first()
    .waitFor();
  await pane.getByLabel(/^Comment/).fill("Call back on Friday");
  await pane.getByLabel(/^Description/).fill("Quote follow-up");
  await pane.getByRole("button", { name: /^Log interaction/ }).click();

  await pane
    .getByText(/ask your administrator/i)
    .first()
    .waitFor();
  await expect(pane.getByLabel(/^Comment/).inputValue()).resolves.toBe("Call back on Friday");
  await expect(pane.getByLabel(/^Description/).inputValue()).resolves.toBe("Quote follow-up");
  await expect(pane.getByText(/waiting to be sent/).count()).resolves.toBe(0);
  await expect(
    listItems(stack.graph, "Interaction Log Entries", "fields/ContactNo eq 'CT000010'"),
  ).resolves.toHaveLength(0);

  stack.emulator.setReadonlyUsers([]);
  await pane.getByRole("button", { name: /^Log interaction/ }).click();
  await pane.getByText(/Interaction logged for 1 contact/).waitFor();
  const entries = await listItems(stack.graph, "Interaction Log Entries", "fields/ContactNo eq 'CT000010'");
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ Title: "Quote follow-up", Comment: "Call back on Friday" });
});

// When SharePoint cannot be reached the pane says so clearly, keeps what the user typed (in the outbox), and
// sends it once the service is back — without duplicates.
import type { Frame } from "playwright-core";
import { startEmulator } from "../../dev/emulator";
import { FIXTURE, listItems, paneFrame, startStack, type Stack } from "./stack";

jest.setTimeout(120_000);

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

async function restartEmulator(): Promise<void> {
  stack.emulator = await startEmulator({ port: stack.emulator.port, dataDir: stack.dataDir, quiet: true });
}

describe("when the emulator is down", () => {
  it("queues the typed interaction, shows it as pending, and sends it when the service is back", async () => {
    await stack.page.getByTestId(`item-${FIXTURE.robinMail}`).click();
    await pane
      .getByText(/Adatum Corporation/)
      .first()
      .waitFor();

    await stack.emulator.close();
    await pane.getByLabel(/^Comment/).fill("Typed while offline");
    await pane.getByRole("button", { name: /^Log interaction/ }).click();
    await pane.getByText(/Queued: will be sent when SharePoint can be reached/).waitFor();
    await pane.getByText(/1 interaction waiting to be sent/).waitFor();

    await restartEmulator();
    await expect(
      listItems(stack.graph, "Interaction Log Entries", "fields/ContactNo eq 'CT000010'"),
    ).resolves.toHaveLength(0);
    await pane.getByRole("button", { name: /^Send now/ }).click();
    await pane.getByText(/1 interaction sent/).waitFor();

    const entries = await listItems(stack.graph, "Interaction Log Entries", "fields/ContactNo eq 'CT000010'");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ Comment: "Typed while offline", SourceId: FIXTURE.robinMessageId });
  });

  it("shows a clear message when an item cannot be loaded, and recovers with Retry", async () => {
    await stack.emulator.close();
    await stack.page.getByTestId(`item-${FIXTURE.samMail}`).click();
    await pane.getByText(/Can't reach SharePoint/).waitFor();
    await restartEmulator();
    await pane.getByRole("button", { name: /^Retry/ }).click();
    await pane.getByText("Sam Taylor", { exact: true }).first().waitFor();
  });
});

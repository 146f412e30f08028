// When SharePoint cannot be reached the pane says so clearly, keeps what the user typed (in the outbox), and
// sends it once the service is back — without duplicates.
import { startEmulator } from "../../dev/emulator";
import { FIXTURE, listItems, useWorkbench } from "./stack";

jest.setTimeout(120_000);

const t = useWorkbench();

async function restartEmulator(): Promise<void> {
  t.stack.emulator = await startEmulator({
    port: t.stack.emulator.port,
    dataDir: t.stack.dataDir,
    quiet: true,
  });
}

describe("when the emulator is down", () => {
  it("queues the typed interaction, shows it as pending, and sends it when the service is back", async () => {
    await t.stack.page.getByTestId(`item-${FIXTURE.robinMail}`).click();
    await t.pane
      .getByText(/Adatum Corporation/)
      .first()
      .waitFor();

    await t.stack.emulator.close();
    await t.pane.getByLabel(/^Comment/).fill("Typed while offline");
    await t.pane.getByRole("button", { name: /^Log interaction/ }).click();
    await t.pane.getByText(/Queued: will be sent when SharePoint can be reached/).waitFor();
    await t.pane.getByText(/1 interaction waiting to be sent/).waitFor();

    await restartEmulator();
    await expect(
      listItems(t.stack.graph, "Interaction Log Entries", "fields/ContactNo eq 'CT000010'"),
    ).resolves.toHaveLength(0);
    await t.pane.getByRole("button", { name: /^Send now/ }).click();
    await t.pane.getByText(/1 interaction sent/).waitFor();

    const entries = await listItems(
      t.stack.graph,
      "Interaction Log Entries",
      "fields/ContactNo eq 'CT000010'",
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ Comment: "Typed while offline", SourceId: FIXTURE.robinMessageId });
  });

  it("shows a clear message when an item cannot be loaded, and recovers with Retry", async () => {
    await t.stack.emulator.close();
    await t.stack.page.getByTestId(`item-${FIXTURE.samMail}`).click();
    await t.pane.getByText(/Can't reach SharePoint/).waitFor();
    await restartEmulator();
    await t.pane.getByRole("button", { name: /^Retry/ }).click();
    await t.pane.getByText("Sam Taylor", { exact: true }).first().waitFor();
  });
});

// Managing logged entries in the workbench, checked in the SharePoint lists through Graph and not only on screen:
// undo after a wrong template, cancel / un-cancel and the refusal after a re-log, a segment's cancel, the
// un-cancel refusal and un-canceling the segment, and an edit that meets a concurrent change.
import type { Frame } from "playwright-core";
import { openItem, patchItem, rowsToBe } from "./entries-helpers";
import { FIXTURE, listItems, useWorkbench } from "./stack";

jest.setTimeout(120_000);

const t = useWorkbench();
const ENTRIES = "Interaction Log Entries";
const ROBIN = "CT000010";

const robinEntries = () => listItems(t.stack.graph, ENTRIES, `fields/ContactNo eq '${ROBIN}'`);
const live = (items: Array<Record<string, unknown>>) => items.filter((e) => e.Canceled !== true);

async function openEntries(pane: Frame): Promise<void> {
  await pane.getByRole("button", { name: "All entries" }).click();
  await pane.getByRole("heading", { name: "Interaction log entries" }).waitFor();
}

/** Opens a row's actions and presses one. */
async function rowAction(pane: Frame, rowText: string | RegExp, action: string): Promise<void> {
  const row = pane.getByTestId("entry-row").filter({ hasText: rowText }).first();
  await row.getByRole("button", { name: /^Actions for / }).click();
  await row.getByRole("button", { name: action, exact: true }).click();
}

describe("undo right after a log", () => {
  it("logs with the wrong template, undoes, logs again correctly: exactly one non-canceled entry", async () => {
    const pane = await openItem(t, "inbox", FIXTURE.robinMail);
    await pane.getByLabel(/Interaction template/).selectOption("PHONE");
    await pane.getByRole("button", { name: /^Log interaction/ }).click();
    await pane.getByText(/Interaction logged for 1 contact/).waitFor();
    expect(live(await robinEntries())).toEqual([
      expect.objectContaining({ InteractionTemplateCode: "PHONE" }),
    ]);

    await pane.getByRole("button", { name: "Undo" }).click();
    await pane.getByText(/^Undone: 1 entry canceled/).waitFor();
    const [wrong] = await robinEntries();
    expect(wrong).toMatchObject({ Canceled: true, InteractionTemplateCode: "PHONE" });
    expect(String(wrong!.DedupeKey)).toMatch(new RegExp(`~canceled~${String(wrong!.id)}$`));

    // The form is back, Robin checked again.
    await expect(pane.getByRole("checkbox", { name: /Robin Danielsen/ }).isChecked()).resolves.toBe(true);
    await pane.getByLabel(/Interaction template/).selectOption("EMAIL");
    await pane.getByRole("button", { name: /^Log interaction/ }).click();
    await pane.getByText(/Interaction logged for 1 contact/).waitFor();

    const all = await robinEntries();
    expect(all).toHaveLength(2);
    expect(live(all)).toEqual([
      expect.objectContaining({
        InteractionTemplateCode: "EMAIL",
        DedupeKey: String(wrong!.DedupeKey).split("~canceled~")[0],
      }),
    ]);
  });
});

describe("cancel and un-cancel", () => {
  it("cancels and un-cancels an entry; after the item was logged again, un-cancel is refused", async () => {
    let pane = await openItem(t, "inbox", FIXTURE.robinMail);
    await openEntries(pane);
    const [entry] = live(await robinEntries());
    const key = String(entry!.DedupeKey);

    await rowAction(pane, "Re: Quote for 40 ergonomic chairs", "Cancel entry");
    await pane.getByText("Canceled: Re: Quote for 40 ergonomic chairs.").waitFor();
    expect(live(await robinEntries())).toEqual([]);
    expect((await robinEntries()).find((e) => e.id === entry!.id)).toMatchObject({
      Canceled: true,
      DedupeKey: `${key}~canceled~${String(entry!.id)}`,
    });

    await rowAction(pane, "Re: Quote for 40 ergonomic chairs", "Un-cancel entry");
    await pane.getByText("Un-canceled: Re: Quote for 40 ergonomic chairs.").waitFor();
    expect(live(await robinEntries())).toEqual([
      expect.objectContaining({ id: entry!.id, DedupeKey: key, Canceled: false }),
    ]);

    // Cancel again, go back to the item and log it again: the freed key is taken by the new entry.
    await rowAction(pane, "Re: Quote for 40 ergonomic chairs", "Cancel entry");
    await pane.getByText("Canceled: Re: Quote for 40 ergonomic chairs.").waitFor();
    await pane.getByRole("button", { name: "Back" }).click();
    await pane.getByRole("button", { name: /^Log interaction/ }).click();
    await pane.getByText(/Interaction logged for 1 contact/).waitFor();
    const relogged = live(await robinEntries());
    expect(relogged).toHaveLength(1);
    expect(relogged[0]).toMatchObject({ DedupeKey: key });
    expect(relogged[0]!.id).not.toBe(entry!.id);

    pane = await openItem(t, "inbox", FIXTURE.robinMail);
    await openEntries(pane);
    await pane.getByRole("checkbox", { name: "Include canceled entries" }).check();
    const row = pane.locator(`[data-testid=entry-row][data-entry-id="${String(entry!.id)}"]`);
    await row.getByRole("button", { name: /^Actions for / }).click();
    await row.getByRole("button", { name: "Un-cancel entry", exact: true }).click();
    await pane.getByText(/the item was logged again for this contact/).waitFor();
    const after = await robinEntries();
    expect(after.find((e) => e.id === entry!.id)).toMatchObject({ Canceled: true });
    expect(live(after)).toEqual([expect.objectContaining({ id: relogged[0]!.id, DedupeKey: key })]);
  });
});

describe("a logged segment", () => {
  it("cancels the segment with all its entries; an entry of it cannot be un-canceled, the segment can", async () => {
    const pane = await openItem(t, "sent", FIXTURE.sentToMany);
    await pane.getByRole("button", { name: /^Log for 4 contacts/ }).click();
    await pane.getByText(/Interaction logged for 4 contacts/).waitFor();
    const segments = await listItems(t.stack.graph, "Logged Segments");
    const segment = segments.find((s) => s.Canceled !== true)!;
    const ofSegment = () =>
      listItems(t.stack.graph, ENTRIES, `fields/LoggedSegmentId eq ${Number(segment.id)}`);
    const logged = await ofSegment();
    expect(logged).toHaveLength(4);
    const keyOf = new Map(logged.map((e) => [e.id, String(e.DedupeKey)]));

    await openEntries(pane);
    await rowAction(pane, "Proposal: research furniture for the new lab", "Cancel logged segment");
    await pane.getByText("Logged segment canceled: 4 entries.").waitFor();
    const canceled = await ofSegment();
    expect(canceled).toHaveLength(4);
    for (const e of canceled) {
      expect(e.Canceled).toBe(true);
      expect(String(e.DedupeKey)).toMatch(new RegExp(`~canceled~${String(e.id)}$`));
    }
    expect(
      (await listItems(t.stack.graph, "Logged Segments")).find((s) => s.id === segment.id),
    ).toMatchObject({
      Canceled: true,
    });

    await rowAction(pane, "Proposal: research furniture for the new lab", "Un-cancel entry");
    // The refusal names the action that works.
    await pane
      .getByText(/while its logged segment is canceled\. Use “Un-cancel the logged segment”/)
      .waitFor();
    expect((await ofSegment()).every((e) => e.Canceled === true)).toBe(true);

    // The segment's own entries, each saying with whom.
    await rowAction(pane, "Proposal: research furniture for the new lab", "Show logged segment");
    await pane.getByRole("checkbox", { name: "Include canceled entries" }).check();
    await rowsToBe(pane, 4);
    await pane.getByTestId("entry-row").filter({ hasText: "with Kim Akers" }).waitFor();

    // Un-cancel the logged segment: the segment and every entry of it count again, each with its original key.
    await rowAction(pane, "with Kim Akers", "Un-cancel the logged segment");
    await pane.getByText("Logged segment un-canceled: 4 entries count again.").waitFor();
    const back = await ofSegment();
    expect(back).toHaveLength(4);
    for (const e of back) expect(e).toMatchObject({ Canceled: false, DedupeKey: keyOf.get(e.id) });
    expect(
      (await listItems(t.stack.graph, "Logged Segments")).find((s) => s.id === segment.id),
    ).toMatchObject({ Canceled: false, DedupeKey: segment.DedupeKey });
    await expect(pane.getByTestId("entry-row").filter({ hasText: "Canceled" }).count()).resolves.toBe(0);
  });
});

describe("edit evaluation", () => {
  it("saves an evaluation; a concurrent change made through Graph is reported, reloaded and not overwritten", async () => {
    const pane = await openItem(t, "inbox", FIXTURE.robinMail);
    await openEntries(pane);
    const [entry] = live(await robinEntries());
    const row = pane.locator(`[data-testid=entry-row][data-entry-id="${String(entry!.id)}"]`);

    await rowAction(pane, "Re: Quote for 40 ergonomic chairs", "Edit evaluation and comment");
    await row.getByLabel("Evaluation").selectOption("Positive");
    await row.getByLabel("Comment").fill("Wants a sample chair");
    await row.getByRole("button", { name: "Save" }).click();
    await pane.getByText("Entry saved.").waitFor();
    expect((await robinEntries()).find((e) => e.id === entry!.id)).toMatchObject({
      Evaluation: "Positive",
      Comment: "Wants a sample chair",
    });

    // Someone else changes the entry while this user has the edit form open.
    await rowAction(pane, "Re: Quote for 40 ergonomic chairs", "Edit evaluation and comment");
    await patchItem(t.stack.graph, ENTRIES, String(entry!.id), { Evaluation: "Negative" });
    await row.getByLabel("Evaluation").selectOption("Very Positive");
    await row.getByRole("button", { name: "Save" }).click();
    await pane.getByText(/Someone else changed this entry in the meantime/).waitFor();
    expect((await robinEntries()).find((e) => e.id === entry!.id)).toMatchObject({
      Evaluation: "Negative",
      Comment: "Wants a sample chair",
    });
    await row.getByText(/Evaluation: Negative/).waitFor();
  });
});

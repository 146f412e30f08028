// The entries view in the workbench over entries written straight into the list through Graph: exact
// statistics without "Load more", filters, a company's view with its persons' entries, and Delete canceled
// entries with a dry run, interrupted once (the pane closed mid-way) and finished by a second run.
import type { Frame } from "playwright-core";
import { addItems, entryFields, openItem, rowsToBe } from "./entries-helpers";
import { FIXTURE, listItems, useWorkbench } from "./stack";

jest.setTimeout(180_000);

const t = useWorkbench();
const ENTRIES = "Interaction Log Entries";
const ROBIN = "CT000010";
const TREY_NEWSLETTER = "AAMkAGI2TInbox0004AAA";

type Item = Record<string, unknown>;
const live = (items: Item[]) => items.filter((e) => e.Canceled !== true);
const cents = (items: Item[], col: string) =>
  items.reduce((sum, e) => sum + Math.round(Number(e[col]) * 100), 0) / 100;
const en = (n: number, digits = 0) =>
  new Intl.NumberFormat("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: Math.max(digits, 2),
  }).format(n);

async function openEntries(pane: Frame): Promise<void> {
  await pane.getByRole("button", { name: "All entries" }).click();
  await pane.getByRole("heading", { name: "Interaction log entries" }).waitFor();
}

/** The figures the totals show once counted: [count, cost, duration] as text. */
async function shownTotals(pane: Frame): Promise<string[]> {
  const totals = pane.getByTestId("entry-totals");
  await totals.waitFor();
  return totals.locator("dd").allTextContents();
}

/** Waits until the totals show these figures (they are counted again after each filter change). */
async function totalsToBe(pane: Frame, expected: string[]): Promise<void> {
  const deadline = Date.now() + 15_000;
  let shown: string[] = [];
  while (Date.now() < deadline) {
    shown = await shownTotals(pane);
    if (JSON.stringify(shown) === JSON.stringify(expected)) break;
    await pane.waitForTimeout(100);
  }
  expect(shown).toEqual(expected);
}

const expectedTotals = (items: Item[]) => {
  const counted = live(items);
  return [en(counted.length), en(cents(counted, "CostLCY"), 2), en(cents(counted, "DurationMin"))];
};

beforeAll(async () => {
  // 60 entries for Robin over three days, a third of them phone calls, varied costs; 5 canceled on top.
  await addItems(
    t.stack.graph,
    ENTRIES,
    Array.from({ length: 65 }, (_, i) =>
      entryFields(ROBIN, i, {
        ContactName: "Robin Danielsen",
        CostLCY: ((i % 7) * 35) / 100,
        DurationMin: 3 + (i % 4),
        ...(i % 3 === 0 ? { InteractionTemplateCode: "PHONE", InteractionGroupCode: "PHONE" } : {}),
        ...(i >= 60 ? { Canceled: true, DedupeKey: `M|seed-${ROBIN}-${i}|${ROBIN}~canceled~x${i}` } : {}),
      }),
    ),
  );
});

describe("statistics", () => {
  it("are the exact totals over all entries, shown without pressing Load more", async () => {
    const pane = await openItem(t, "inbox", FIXTURE.robinMail);
    const all = await listItems(t.stack.graph, ENTRIES, `fields/ContactNo eq '${ROBIN}'`);
    expect(all).toHaveLength(65);
    // The contact card on top of the item.
    await totalsToBe(pane, expectedTotals(all));

    await openEntries(pane);
    await pane.getByTestId("entry-row").nth(24).waitFor();
    expect(await pane.getByTestId("entry-row").count()).toBe(25);
    await pane.getByRole("button", { name: "Load more" }).waitFor();
    await totalsToBe(pane, expectedTotals(all));
    expect(await pane.getByTestId("entry-row").count()).toBe(25);
  });
});

describe("filters", () => {
  it("narrow the rows and the totals by date range, template, group; canceled only when asked", async () => {
    const pane = await openItem(t, "inbox", FIXTURE.robinMail);
    await openEntries(pane);
    const all = await listItems(t.stack.graph, ENTRIES, `fields/ContactNo eq '${ROBIN}'`);
    const onJan2 = (e: Item) => String(e.InteractionDate).startsWith("2025-01-02");

    await pane.getByLabel("From date").fill("2025-01-02");
    await pane.getByLabel("To date").fill("2025-01-02");
    const day = live(all).filter(onJan2);
    expect(day.length).toBeGreaterThan(10);
    await totalsToBe(pane, expectedTotals(day));
    await rowsToBe(pane, day.length);

    await pane.getByLabel("Interaction template").selectOption("PHONE");
    const calls = day.filter((e) => e.InteractionTemplateCode === "PHONE");
    await rowsToBe(pane, calls.length);
    await totalsToBe(pane, expectedTotals(calls));
    for (const text of await pane.getByTestId("entry-row").allTextContents())
      expect(text).toContain("(PHONE)");

    await pane.getByLabel("Interaction template").selectOption("");
    await pane.getByLabel("Interaction group").selectOption("EMAIL");
    const mails = day.filter((e) => e.InteractionGroupCode === "EMAIL");
    await rowsToBe(pane, mails.length);

    // Canceled entries (all on Jan 3) appear only with "Include canceled entries", marked; totals ignore them.
    await pane.getByLabel("Interaction group").selectOption("");
    await pane.getByLabel("From date").fill("2025-01-03");
    await pane.getByLabel("To date").fill("2025-01-03");
    const jan3 = all.filter((e) => String(e.InteractionDate).startsWith("2025-01-03"));
    await rowsToBe(pane, live(jan3).length);
    await pane.getByRole("checkbox", { name: "Include canceled entries" }).check();
    await rowsToBe(pane, jan3.length);
    expect(await pane.getByTestId("entry-row").filter({ hasText: "Canceled" }).count()).toBe(
      jan3.length - live(jan3).length,
    );
    await totalsToBe(pane, expectedTotals(jan3));
  });
});

describe("a company", () => {
  it("shows its own entries and its persons', each saying with whom", async () => {
    await addItems(t.stack.graph, ENTRIES, [
      entryFields("CT000012", 1, {
        ContactCompanyNo: "CT000002",
        ContactName: "Kim Akers",
        Title: "Kim's call",
      }),
      entryFields("CT000012", 2, {
        ContactCompanyNo: "CT000002",
        ContactName: "Kim Akers",
        Title: "Kim's mail",
      }),
      entryFields("CT000002", 3, {
        ContactCompanyNo: "CT000002",
        ContactName: "Trey Research",
        Title: "Trey letter",
      }),
    ]);
    const pane = await openItem(t, "inbox", TREY_NEWSLETTER);
    await pane.getByRole("heading", { name: "Trey Research", exact: true }).waitFor();
    await openEntries(pane);
    const graph = await listItems(t.stack.graph, ENTRIES, "fields/ContactCompanyNo eq 'CT000002'");
    expect(graph).toHaveLength(3);
    await rowsToBe(pane, 3);
    await pane
      .getByTestId("entry-row")
      .filter({ hasText: "Kim's call" })
      .filter({ hasText: "with Kim Akers" })
      .waitFor();
    await pane
      .getByTestId("entry-row")
      .filter({ hasText: "Kim's mail" })
      .filter({ hasText: "with Kim Akers" })
      .waitFor();
    await pane
      .getByTestId("entry-row")
      .filter({ hasText: "Trey letter" })
      .filter({ hasText: "with Trey Research" })
      .waitFor();
  });
});

describe("delete canceled entries", () => {
  it("counts first, is interrupted once, and a second run finishes: only canceled entries go, no orphan segment", async () => {
    const PERSON = "CT000015";
    const [segmentId] = await addItems(t.stack.graph, "Logged Segments", [
      {
        Title: "Old campaign",
        CreationDate: "2025-02-01T10:00:00Z",
        UserId: "annette.hill@cronus.example",
        Canceled: true,
        SourceId: "seed-segment",
        DedupeKey: "S|seed-segment",
      },
    ]);
    await addItems(t.stack.graph, ENTRIES, [
      ...Array.from({ length: 2 }, (_, i) =>
        entryFields(PERSON, 100 + i, {
          Canceled: true,
          LoggedSegmentId: Number(segmentId),
          DedupeKey: `seg-${i}~canceled~s${i}`,
        }),
      ),
      ...Array.from({ length: 45 }, (_, i) =>
        entryFields(PERSON, 200 + i, { Canceled: true, DedupeKey: `M|c${i}|${PERSON}~canceled~c${i}` }),
      ),
      ...Array.from({ length: 3 }, (_, i) => entryFields(PERSON, 300 + i, { Title: `Keep ${i}` })),
      entryFields("CT000014", 400, { Canceled: true, DedupeKey: "other~canceled~o" }),
    ]);
    const ofPerson = () => listItems(t.stack.graph, ENTRIES, `fields/ContactNo eq '${PERSON}'`);

    let pane = await openItem(t, "inbox", FIXTURE.robinMail);
    await openEntries(pane);
    await pane.getByRole("button", { name: "Delete canceled entries…" }).click();
    await pane.getByLabel(/^Contact No\./).fill(PERSON);
    await pane.getByRole("button", { name: "Count entries to delete" }).click();
    await pane.getByText("47 canceled entries will be deleted.").waitFor();
    expect(await ofPerson()).toHaveLength(50);

    // Slow every $batch so the job is visibly under way, then close the pane mid-way.
    t.stack.emulator.setFaults({ slowRate: 1, slowMs: 1500, paths: ["/$batch"] });
    await pane.getByRole("button", { name: "Delete 47 entries" }).click();
    await pane.getByText("Deleted 0 of 47").waitFor();
    await pane.getByText("Deleted 20 of 47").waitFor({ timeout: 20_000 });
    pane = await openItem(t, "inbox", FIXTURE.samMail);
    await t.stack.page.waitForTimeout(2_000);
    t.stack.emulator.setFaults({});
    const between = await ofPerson();
    const left = between.filter((e) => e.Canceled === true).length;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(47);
    expect(
      live(between)
        .map((e) => e.Title)
        .sort(),
    ).toEqual(["Keep 0", "Keep 1", "Keep 2"]);

    pane = await openItem(t, "inbox", FIXTURE.robinMail);
    await openEntries(pane);
    await pane.getByRole("button", { name: "Delete canceled entries…" }).click();
    await pane.getByLabel(/^Contact No\./).fill(PERSON);
    await pane.getByRole("button", { name: "Count entries to delete" }).click();
    await pane.getByText(`${left} canceled ${left === 1 ? "entry" : "entries"} will be deleted.`).waitFor();
    await pane.getByRole("button", { name: `Delete ${left} ${left === 1 ? "entry" : "entries"}` }).click();
    await pane
      .getByText(new RegExp(`^Deleted ${left} canceled entr(y|ies) and \\d+ empty logged segments\\.$`))
      .waitFor();

    const after = await ofPerson();
    expect(after.map((e) => e.Title).sort()).toEqual(["Keep 0", "Keep 1", "Keep 2"]);
    expect(await listItems(t.stack.graph, ENTRIES, "fields/ContactNo eq 'CT000014'")).toEqual([
      expect.objectContaining({ Canceled: true, DedupeKey: "other~canceled~o" }),
    ]);
    const segments = await listItems(t.stack.graph, "Logged Segments");
    expect(segments.find((s) => String(s.id) === segmentId)).toBeUndefined();
    for (const s of segments)
      expect(
        await listItems(t.stack.graph, ENTRIES, `fields/LoggedSegmentId eq ${Number(s.id)}`),
      ).not.toHaveLength(0);
  });
});

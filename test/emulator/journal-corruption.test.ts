// Issue 12, item 12: one corrupt journal line must not silently drop every acknowledged write after it. A corrupt
// line followed by intact, checksummed lines is skipped, reported at start and kept in journal.rejected; a torn
// last line is still cut off.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Journal, REJECTED_FILE } from "../../dev/emulator/persistence/journal";
import { EmulatorStore } from "../../dev/emulator/persistence/emulator-store";
import type { Mutation } from "../../dev/emulator/persistence/mutations";
import { builtInColumns, type ListMeta } from "../../dev/emulator/model";
import { siteRecordFor } from "../../dev/emulator/site-ids";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-corrupt-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const journalPath = () => path.join(dir, "journal.log");
const del = (id: number): Mutation => ({ t: "delete", listId: "l", id, changeSeq: id });

function writeRecords(muts: Mutation[][]): void {
  const j = new Journal(dir);
  j.open();
  for (const m of muts) j.append(m, true);
  j.close();
}

/** Flips one character inside the JSON of line `n` (0-based): the line stays complete, its checksum fails. */
function corruptLine(n: number): Buffer {
  const lines = fs.readFileSync(journalPath(), "utf8").split("\n");
  const line = lines[n]!;
  const at = line.indexOf('"muts"') + 2;
  lines[n] = line.slice(0, at) + (line[at] === "m" ? "M" : "m") + line.slice(at + 1);
  fs.writeFileSync(journalPath(), lines.join("\n"));
  return Buffer.from(lines[n]! + "\n", "utf8");
}

function openWithLog(): { records: number[]; log: string[]; journal: Journal } {
  const log: string[] = [];
  const journal = new Journal(dir, { log: (m) => log.push(m) });
  const { records } = journal.open();
  journal.close();
  return { records: records.map((r) => r.seq), log, journal };
}

const site = siteRecordFor("contoso.sharepoint.com", "/sites/interactions", "2026-01-01T00:00:00.000Z");
const listMeta = (id: string, name: string): ListMeta => ({
  id,
  siteId: site.id,
  displayName: name,
  name,
  description: "",
  template: "genericList",
  created: "2026-01-01T00:00:00Z",
  modified: "2026-01-01T00:00:00Z",
  createdBy: { email: "a@b.c", displayName: "A" },
});
const item = (listId: string, id: number, title: string): Mutation => ({
  t: "put",
  listId,
  item: {
    id,
    guid: `g-${listId}-${id}`,
    version: 1,
    created: "2026-01-01T00:00:00Z",
    modified: "2026-01-01T00:00:00Z",
    createdBy: { email: "a@b.c", displayName: "A" },
    modifiedBy: { email: "a@b.c", displayName: "A" },
    changeSeq: id,
    fields: { Title: title },
  },
});

describe("journal replay with a corrupt line (issue 12, item 12)", () => {
  it("skips a corrupt middle line when intact checksummed lines follow, logs it, and keeps its bytes in journal.rejected", () => {
    writeRecords([[del(1)], [del(2)], [del(3)], [del(4)], [del(5)]]);
    const bad = corruptLine(2);

    const { records, log, journal } = openWithLog();
    expect(records).toEqual([1, 2, 4, 5]);
    expect(log.join("\n")).toMatch(
      /skipped a corrupt line at byte \d+ \(\d+ bytes, checksum mismatch, looks like seq 3\)/,
    );
    expect(journal.stats.skippedLines).toBe(1);
    const rejected = fs.readFileSync(path.join(dir, REJECTED_FILE));
    expect(rejected.includes(bad)).toBe(true);
    // The corrupt line stays where it was (nothing is rewritten by the journal itself) and later appends replay.
    const again = new Journal(dir, { log: () => undefined });
    again.open();
    again.append([del(6)], true);
    again.close();
    expect(openWithLog().records).toEqual([1, 2, 4, 5, 6]);
  });

  it("still cuts a torn last line off, and a corrupt line with nothing intact after it is the tail", () => {
    writeRecords([[del(1)], [del(2)]]);
    const goodSize = fs.statSync(journalPath()).size;
    fs.appendFileSync(journalPath(), 'ffffffffffffffff\t{"seq":3,"muts":[]}\n0123456789abcdef\t{"seq":4,"mu');
    const { records, journal } = openWithLog();
    expect(records).toEqual([1, 2]);
    expect(journal.stats.skippedLines).toBe(0);
    expect(journal.stats.droppedTailBytes).toBeGreaterThan(0);
    expect(fs.statSync(journalPath()).size).toBe(goodSize);
  });

  it("the store starts with every record after the corrupt one, drops those that need what it held, and compacts it away", () => {
    writeRecords([
      [{ t: "site", site }],
      [{ t: "list", meta: listMeta("list-a", "A"), columns: builtInColumns() }],
      [{ t: "list", meta: listMeta("list-b", "B"), columns: builtInColumns() }], // corrupted below
      [item("list-a", 1, "a1")],
      [item("list-b", 1, "b1")], // needs list B, which only the corrupt line created
      [item("list-a", 2, "a2")],
    ]);
    corruptLine(2);

    const log: string[] = [];
    const store = new EmulatorStore({ dataDir: dir, log: (m) => log.push(m) });
    const listA = store.list(site.id, "list-a");
    expect([...(listA?.items.values() ?? [])].map((i) => i.fields.Title)).toEqual(["a1", "a2"]);
    expect(store.list(site.id, "list-b")).toBeUndefined();
    store.close();
    const text = log.join("\n");
    expect(text).toMatch(/skipped a corrupt line/);
    expect(text).toMatch(/dropped record seq 5: it refers to list list-b/);
    const rejected = fs.readFileSync(path.join(dir, REJECTED_FILE), "utf8");
    expect(rejected).toMatch(/"listId":"list-b"/);

    // Compacted right away: the next start finds nothing to skip and the same data.
    expect(fs.existsSync(path.join(dir, "snapshot.json"))).toBe(true);
    const log2: string[] = [];
    const reopened = new EmulatorStore({ dataDir: dir, log: (m) => log2.push(m) });
    expect([...reopened.list(site.id, "list-a")!.items.values()].map((i) => i.fields.Title)).toEqual([
      "a1",
      "a2",
    ]);
    reopened.close();
    expect(log2.join("\n")).not.toMatch(/corrupt|dropped/);
  });
});

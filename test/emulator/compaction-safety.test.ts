// Issue 12, item 11: compaction must never lose data. The snapshot is written through an injected file system that
// can store only a few bytes per write, fail part-way (disk full) or read back other bytes than were written; in
// every case the data survives, and a failed compaction leaves the old snapshot and journal exactly as they were.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Journal } from "../../dev/emulator/persistence/journal";
import { nodeFs, type JournalFs } from "../../dev/emulator/persistence/journal-fs";
import { EmulatorStore } from "../../dev/emulator/persistence/emulator-store";
import type { Mutation, SnapshotData } from "../../dev/emulator/persistence/mutations";
import { siteRecordFor } from "../../dev/emulator/site-ids";
import { createList, HOST, raw, sdk, SITE_PATH, start } from "./helpers";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-compaction-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const site = (i: number): Mutation => ({
  t: "site",
  site: siteRecordFor(`host${i}.example`, `/sites/s${i}`, "2026-01-01T00:00:00.000Z"),
});

/** A snapshot builder over whatever sites the test has "committed". */
function snapshotOf(sites: Mutation[]): (seq: number) => SnapshotData {
  return (seq) => ({
    format: 1,
    seq,
    sites: sites.map((m) => (m as Extract<Mutation, { t: "site" }>).site),
    lists: [],
  });
}

/** The real file system, except for the functions a test replaces; counts the writes to the snapshot file. */
function fakeFs(overrides: (real: JournalFs, tmpFds: Set<number>) => Partial<JournalFs>): {
  fs: JournalFs;
  snapshotWrites: () => number;
} {
  const tmpFds = new Set<number>();
  let writes = 0;
  const real: JournalFs = { ...nodeFs };
  const withOverrides: JournalFs = { ...real, ...overrides(real, tmpFds) };
  const injected: JournalFs = {
    ...withOverrides,
    openSync: (p, flags) => {
      const fd = withOverrides.openSync(p, flags);
      if (p.endsWith(".tmp")) tmpFds.add(fd);
      return fd;
    },
    closeSync: (fd) => {
      tmpFds.delete(fd);
      withOverrides.closeSync(fd);
    },
    writeSync: (fd, buf, off, len) => {
      if (tmpFds.has(fd)) writes++;
      return withOverrides.writeSync(fd, buf, off, len);
    },
  };
  return { fs: injected, snapshotWrites: () => writes };
}

function files(): { snapshot: Buffer | undefined; journal: Buffer } {
  const snap = path.join(dir, "snapshot.json");
  return {
    snapshot: fs.existsSync(snap) ? fs.readFileSync(snap) : undefined,
    journal: fs.readFileSync(path.join(dir, "journal.log")),
  };
}

describe("compaction (issue 12, item 11)", () => {
  it("writes the whole snapshot when the disk stores only a few bytes per write (short writes)", () => {
    const sites = Array.from({ length: 40 }, (_, i) => site(i));
    const fake = fakeFs((real, tmpFds) => ({
      writeSync: (fd, buf, off, len) => real.writeSync(fd, buf, off, tmpFds.has(fd) ? Math.min(len, 7) : len),
    }));
    const journal = new Journal(dir, { fs: fake.fs });
    journal.open();
    for (const m of sites) journal.append([m], true);
    expect(journal.compact(snapshotOf(sites))).toBe(true);
    journal.close();
    expect(fake.snapshotWrites()).toBeGreaterThan(100); // the injected file system was really used

    const reopened = new Journal(dir);
    const { snapshot, records } = reopened.open();
    reopened.close();
    expect(snapshot?.seq).toBe(40);
    expect(snapshot?.sites).toHaveLength(40);
    expect(records).toEqual([]);
  });

  it("leaves the old snapshot and journal byte-for-byte untouched when a snapshot write fails part-way (disk full)", () => {
    const first = Array.from({ length: 5 }, (_, i) => site(i));
    const later = Array.from({ length: 5 }, (_, i) => site(100 + i));
    let full = false;
    const fake = fakeFs((real, tmpFds) => ({
      writeSync: (fd, buf, off, len) => {
        if (full && tmpFds.has(fd)) {
          real.writeSync(fd, buf, off, Math.floor(len / 3));
          throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        }
        return real.writeSync(fd, buf, off, len);
      },
    }));
    const log: string[] = [];
    const journal = new Journal(dir, { fs: fake.fs, log: (m) => log.push(m) });
    journal.open();
    for (const m of first) journal.append([m], true);
    expect(journal.compact(snapshotOf(first))).toBe(true);
    for (const m of later) journal.append([m], true);
    const before = files();

    full = true;
    expect(journal.compact(snapshotOf([...first, ...later]))).toBe(false);
    expect(fake.snapshotWrites()).toBeGreaterThan(1);
    const after = files();
    expect(after.snapshot?.equals(before.snapshot!)).toBe(true);
    expect(after.journal.equals(before.journal)).toBe(true);
    expect(fs.existsSync(path.join(dir, "snapshot.json.tmp"))).toBe(false);
    expect(journal.stats.compactionFailures).toBe(1);
    expect(log.join("\n")).toMatch(/compaction failed.*ENOSPC/);

    // Appends go on, and everything replays.
    journal.append([site(200)], true);
    journal.close();
    const reopened = new Journal(dir);
    const { snapshot, records } = reopened.open();
    reopened.close();
    expect(snapshot?.sites).toHaveLength(5);
    expect(records.map((r) => r.seq)).toEqual([6, 7, 8, 9, 10, 11]);
  });

  it("abandons a snapshot that reads back different from what was written", () => {
    const sites = Array.from({ length: 5 }, (_, i) => site(i));
    const fake = fakeFs((real) => ({
      readFileSync: (p) => {
        const data = real.readFileSync(p);
        if (p.endsWith(".tmp")) data[10] = data[10]! ^ 0x20; // the disk returns a flipped bit
        return data;
      },
    }));
    const journal = new Journal(dir, { fs: fake.fs, log: () => undefined });
    journal.open();
    for (const m of sites) journal.append([m], true);
    const before = files();
    expect(journal.compact(snapshotOf(sites))).toBe(false);
    expect(fake.snapshotWrites()).toBeGreaterThan(0);
    expect(files()).toEqual(before);
    expect(journal.stats.lastCompactionError).toMatch(/read back/);
    journal.close();
  });

  it("answers the write that triggered a failed compaction normally, and it survives a restart", async () => {
    let failing = true;
    const fake = fakeFs((real, tmpFds) => ({
      fsyncSync: (fd) => {
        if (failing && tmpFds.has(fd))
          throw Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" });
        real.fsyncSync(fd);
      },
    }));
    const store = new EmulatorStore({
      dataDir: dir,
      compactAtBytes: 1500,
      fs: fake.fs,
      log: () => undefined,
    });
    let emulator = await start({ store });
    const siteId = (await sdk(emulator).api(`/sites/${HOST}:${SITE_PATH}`).get()).id as string;
    const list = await createList(sdk(emulator), siteId, [], "Compaction");
    const items = `/v1.0/sites/${siteId}/lists/${list.id}/items`;
    const titles: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await raw(emulator, "POST", items, { body: { fields: { Title: `t${i}` } } });
      expect(res.status).toBe(201);
      expect(res.body.fields.Title).toBe(`t${i}`);
      titles.push(`t${i}`);
    }
    const stats = (await raw(emulator, "GET", "/_emulator/stats")).body.journal as Record<string, number>;
    expect(stats.compactionFailures).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(dir, "snapshot.json"))).toBe(false);
    await emulator.close();

    failing = false;
    emulator = await start({ dataDir: dir });
    try {
      const got = await raw(emulator, "GET", `${items}?expand=fields&$top=999`);
      expect(got.body.value.map((i) => i.fields.Title)).toEqual(titles);
    } finally {
      await emulator.close();
    }
  });
});

// Durability: data survives restarts, a torn journal tail, compaction, and kill -9 in the middle of a stream of
// writes (every acknowledged write must be there afterwards). Also measures the figures the README reports.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RunningEmulator } from "../../dev/emulator";
import { Journal } from "../../dev/emulator/persistence/journal";
import { createList, HOST, raw, sdk, SITE_PATH, start, type GraphJson } from "./helpers";

const root = path.resolve(__dirname, "..", "..");
const tempDirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "emu-data-"));
  tempDirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

async function siteIdOf(emulator: RunningEmulator): Promise<string> {
  return (await sdk(emulator).api(`/sites/${HOST}:${SITE_PATH}`).get()).id;
}

it("keeps lists, items, eTags, id sequence and deletions across a restart", async () => {
  const dataDir = tempDir();
  let emulator = await start({ dataDir });
  let client = sdk(emulator);
  const siteId = await siteIdOf(emulator);
  const list = await createList(client, siteId, undefined, "Persisted");
  const items = `/sites/${siteId}/lists/${list.id}/items`;
  const a = await client.api(items).post({ fields: { Title: "a", EntryKey: "p-a", Rank: 1 } });
  const b = await client.api(items).post({ fields: { Title: "b", EntryKey: "p-b" } });
  const a2 = await client.api(`${items}/${a.id}/fields`).patch({ Title: "a2" });
  await client.api(`${items}/${b.id}`).delete();
  const firstDelta = await client.api(`${items}/delta`).get();
  await emulator.close();

  emulator = await start({ dataDir });
  client = sdk(emulator);
  try {
    const got = await client.api(`${items}/${a.id}`).expand("fields").get();
    expect(got.fields).toMatchObject({ Title: "a2", EntryKey: "p-a", Rank: 1 });
    expect(got.eTag).toBe(a2["@odata.etag"]);
    await expect(client.api(`${items}/${b.id}`).get()).rejects.toMatchObject({ statusCode: 404 });
    const c = await client.api(items).post({ fields: { Title: "c" } });
    expect(Number(c.id)).toBe(Number(b.id) + 1);
    // The index survived: unique values are still enforced and indexed filters work.
    await expect(client.api(items).post({ fields: { EntryKey: "P-A" } })).rejects.toMatchObject({
      statusCode: 409,
    });
    expect(
      (await client.api(items).filter("fields/Rank eq 1").get()).value.map((i: GraphJson) => i.id),
    ).toEqual([a.id]);
    // The restarted emulator listens on a new port; the token in the link is what must survive.
    const link = new URL(firstDelta["@odata.deltaLink"]);
    const changes = await client.api(`${emulator.url}${link.pathname}${link.search}`).get();
    expect(changes.value.map((i: GraphJson) => i.id)).toEqual([c.id]);
  } finally {
    await emulator.close();
  }
});

it("drops a torn or corrupt journal tail on start and keeps everything before it", async () => {
  const dataDir = tempDir();
  let emulator = await start({ dataDir });
  const client = sdk(emulator);
  const siteId = await siteIdOf(emulator);
  const list = await createList(client, siteId, [], "Torn");
  await client.api(`/sites/${siteId}/lists/${list.id}/items`).post({ fields: { Title: "kept" } });
  await emulator.close();
  const journal = path.join(dataDir, "journal.log");
  const goodSize = fs.statSync(journal).size;
  fs.appendFileSync(journal, '0123456789abcdef\t{"seq":99,"muts":[{"t":"put"'); // torn write, no newline
  emulator = await start({ dataDir });
  try {
    const res = await sdk(emulator).api(`/sites/${siteId}/lists/${list.id}/items`).expand("fields").get();
    expect(res.value.map((i: GraphJson) => i.fields.Title)).toEqual(["kept"]);
    expect(fs.statSync(journal).size).toBe(goodSize);
  } finally {
    await emulator.close();
  }
  // A complete line whose checksum does not match is refused the same way.
  fs.appendFileSync(journal, 'ffffffffffffffff\t{"seq":99,"muts":[]}\n');
  emulator = await start({ dataDir });
  await emulator.close();
  expect(fs.statSync(journal).size).toBe(goodSize);
});

it("compacts the journal into a snapshot and restores from snapshot plus journal", async () => {
  const dataDir = tempDir();
  let emulator = await start({ dataDir, compactAtBytes: 4000 });
  const client = sdk(emulator);
  const siteId = await siteIdOf(emulator);
  const list = await createList(client, siteId, undefined, "Compacted");
  const items = `/sites/${siteId}/lists/${list.id}/items`;
  for (let i = 0; i < 20; i++)
    await client.api(items).post({ fields: { Title: `t${i}`, EntryKey: `c${i}` } });
  expect(fs.existsSync(path.join(dataDir, "snapshot.json"))).toBe(true);
  expect(fs.statSync(path.join(dataDir, "journal.log")).size).toBeLessThan(4000);
  await emulator.close();
  emulator = await start({ dataDir });
  try {
    const all = await sdk(emulator).api(items).expand("fields").top(999).get();
    expect(all.value.map((i: GraphJson) => i.fields.Title)).toEqual(
      Array.from({ length: 20 }, (_, i) => `t${i}`),
    );
  } finally {
    await emulator.close();
  }
});

function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  // One node process (not the npx/tsx wrapper) so that SIGKILL hits the process that writes the journal.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "dev/emulator/main.ts")], {
    cwd: root,
    env: { ...process.env, EMULATOR_PORT: "0", EMULATOR_DATA: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /Graph emulator listening on (https:\/\/\S+)\/v1\.0\n/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.on("exit", (code) => reject(new Error(`emulator exited early (${code}): ${out}`)));
  });
}

it("after SIGKILL during a stream of writes, every acknowledged write is present", async () => {
  const dataDir = tempDir();
  const { child, url } = await startChild(dataDir);
  const port = Number(new URL(url).port);
  const remote = { url, port } as RunningEmulator;
  const siteId = (await raw(remote, "GET", `/v1.0/sites/${HOST}:${SITE_PATH}`)).body.id as string;
  const list = await raw(remote, "POST", `/v1.0/sites/${siteId}/lists`, {
    body: { displayName: "Killed", columns: [{ name: "Seq", number: {}, indexed: true }] },
  });
  expect(list.status).toBe(201);
  const items = `/v1.0/sites/${siteId}/lists/${list.body.id}/items`;
  const acked: { id: string; seq: number }[] = [];
  let stop = false;
  const writers = Array.from({ length: 4 }, async (_, w) => {
    for (let i = 0; !stop; i++) {
      const seq = w * 100000 + i;
      try {
        const res = await raw(remote, "POST", items, { body: { fields: { Title: `w${w}-${i}`, Seq: seq } } });
        if (res.status === 201) acked.push({ id: res.body.id, seq });
      } catch {
        return; // connection refused or reset: the process is gone
      }
    }
  });
  await new Promise((r) => setTimeout(r, 700));
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
  stop = true;
  await Promise.all(writers);
  expect(acked.length).toBeGreaterThan(20);

  const emulator = await start({ dataDir });
  try {
    const all: GraphJson[] = [];
    let page = await sdk(emulator).api(items.replace("/v1.0", "")).expand("fields").top(999).get();
    all.push(...page.value);
    while (page["@odata.nextLink"]) {
      page = await sdk(emulator).api(page["@odata.nextLink"]).get();
      all.push(...page.value);
    }
    const byId = new Map(all.map((i) => [i.id, i.fields.Seq]));
    for (const a of acked) expect(byId.get(a.id)).toBe(a.seq);
    // At most the writes in flight at the kill (one per writer) may be there without an acknowledgement.
    expect(all.length - acked.length).toBeLessThanOrEqual(4);
  } finally {
    await emulator.close();
  }
});

it("fsyncs every write before its response while a slow $batch is in flight", async () => {
  const appendSpy = jest.spyOn(Journal.prototype, "append");
  const emulator = await start({ dataDir: tempDir() });
  try {
    const client = sdk(emulator);
    const siteId = await siteIdOf(emulator);
    const slowList = await createList(client, siteId, [], "SlowBatch");
    const fastList = await createList(client, siteId, [], "FastWrites");
    const journal = appendSpy.mock.contexts[0] as Journal;
    expect(journal).toBeInstanceOf(Journal);
    const fsyncs = async (): Promise<number> =>
      (await raw(emulator, "GET", "/_emulator/stats")).body.journal.fsyncs;
    const post = (listId: string, title: string) => ({
      id: title,
      method: "POST",
      url: `/sites/${siteId}/lists/${listId}/items`,
      headers: { "Content-Type": "application/json" },
      body: { fields: { Title: title } },
    });

    // Only sub-requests on the slow list sleep; the batch writes once, then sleeps again before its second write.
    emulator.setFaults({ slowRate: 1, slowMs: 1500, paths: [`**/lists/${slowList.id}/**`] });
    const slowBatch = raw(emulator, "POST", "/v1.0/$batch", {
      body: { requests: [post(slowList.id, "s1"), { ...post(slowList.id, "s2"), dependsOn: ["s1"] }] },
    });
    await new Promise((r) => setTimeout(r, 300)); // the batch is now asleep inside the store's group

    // A single write answered meanwhile is already on disk.
    let before = await fsyncs();
    const single = await raw(emulator, "POST", `/v1.0/sites/${siteId}/lists/${fastList.id}/items`, {
      body: { fields: { Title: "single" } },
    });
    expect(single.status).toBe(201);
    expect(journal.unsynced).toBe(false);
    expect(await fsyncs()).toBeGreaterThan(before);

    // So is a second, fast batch that finishes before the slow one.
    before = await fsyncs();
    const fastBatch = await raw(emulator, "POST", "/v1.0/$batch", {
      body: { requests: [post(fastList.id, "f1")] },
    });
    expect(fastBatch.body.responses.map((r: GraphJson) => r.status)).toEqual([201]);
    expect(journal.unsynced).toBe(false);
    expect(await fsyncs()).toBeGreaterThan(before);

    const slow = await slowBatch;
    expect(slow.body.responses.map((r: GraphJson) => r.status)).toEqual([201, 201]);
    expect(journal.unsynced).toBe(false);
  } finally {
    emulator.setFaults({});
    await emulator.close();
    appendSpy.mockRestore();
  }
});

it("measures: bulk insert of 100,000 items, an indexed query over them, write latency with fsync", async () => {
  const dataDir = tempDir();
  const emulator = await start({ dataDir });
  const client = sdk(emulator);
  try {
    const siteId = await siteIdOf(emulator);
    const list = await createList(client, siteId, undefined, "Big");
    const t0 = performance.now();
    const bulk = await raw(
      emulator,
      "POST",
      `/_emulator/sites/${encodeURIComponent(siteId)}/lists/${list.id}/items/bulk`,
      {
        token: null,
        body: {
          count: 100000,
          fields: { Title: "Item {i}", ContactNo: "C{i}", EntryKey: "k{i}", Duration: 3, Kind: "Email" },
        },
      },
    );
    const bulkSeconds = (performance.now() - t0) / 1000;
    expect(bulk.status).toBe(201);
    expect(bulk.body.inserted).toBe(100000);

    const items = `/sites/${siteId}/lists/${list.id}/items`;
    await client.api(items).filter("fields/ContactNo eq 'C77777'").get(); // warm-up
    const q0 = performance.now();
    const hit = await client.api(items).expand("fields").filter("fields/ContactNo eq 'C77777'").get();
    const queryMs = performance.now() - q0;
    expect(hit.value.map((i: GraphJson) => i.fields.Title)).toEqual(["Item 77777"]);

    const p0 = performance.now();
    const page1 = await client.api(items).top(200).get();
    const page2 = await client.api(page1["@odata.nextLink"]).get();
    const pageMs = (performance.now() - p0) / 2;
    expect(Number(page2.value[0].id)).toBe(Number(page1.value[199].id) + 1);

    const lat: number[] = [];
    for (let i = 0; i < 30; i++) {
      const w0 = performance.now();
      await client.api(items).post({ fields: { Title: `lat ${i}` } });
      lat.push(performance.now() - w0);
    }
    lat.sort((x, y) => x - y);
    const stats = (await raw(emulator, "GET", "/_emulator/stats", { token: null })).body;
    const fsyncMs = stats.journal.fsyncMsTotal / stats.journal.fsyncs;
    console.log(
      `emulator figures: bulk insert 100k = ${bulkSeconds.toFixed(2)} s; indexed eq query on 100k = ${queryMs.toFixed(1)} ms; ` +
        `unfiltered page of 200 = ${pageMs.toFixed(1)} ms; write p50 = ${lat[15]!.toFixed(1)} ms, p90 = ${lat[27]!.toFixed(1)} ms (HTTPS round trip incl. fsync); mean fsync = ${fsyncMs.toFixed(2)} ms`,
    );
    expect(queryMs).toBeLessThan(100);
    expect(bulkSeconds).toBeLessThan(20);
  } finally {
    await emulator.close();
  }
}, 60000);

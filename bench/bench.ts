// Storage benchmark against a local emulator: history latency at 10k and 100k entries, the request count of a
// 60-contact log, and a fault soak (1,000 logs under 429/503 and dropped connections) that counts what was
// logged, lost and duplicated. `npx tsx bench/bench.ts` (re-runs itself with the dev CA trusted).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ADMIN_SECRET_HEADER, startEmulator, type RunningEmulator } from "../dev/emulator/index";
import { seedEmulator } from "../dev/seed/seed";
import { ensureDevCaTrusted } from "../dev/seed/trust-dev-ca";
import { DEFAULT_EMULATOR_SITE_URL, type AppConfig } from "../src/config/app-config";
import type { LogRequest, PendingLog } from "../src/domain/ports";
import type { Contact, UserProfile } from "../src/domain/types";
import { createInteractionStore } from "../src/graph";
import "fake-indexeddb/auto";
import { IndexedDbOutbox, MemoryOutbox } from "../src/graph/outbox";
import { entryFromItem, type ListItem } from "../src/graph/mapping";
import { eq, itemsQuery } from "../src/graph/odata";
import { COL } from "../src/graph/schema";
import { keepTenMegabyteMail } from "./keep-content";

const USER: UserProfile = { displayName: "Annette Hill", emailAddress: "annette.hill@cronus.example" };
const SOAK_USER: UserProfile = { displayName: "Soak Tester", emailAddress: "soak@cronus.example" };
const CONTACTS = 2_000;
const SOAK_LOGS = 1_000;
const SOAK_CONCURRENCY = 25;

const contactNo = (i: number) => `CT${String(100_000 + i).padStart(6, "0")}`;

function config(url: string): AppConfig {
  return {
    mode: "emulator",
    graphBaseUrl: url,
    siteUrl: DEFAULT_EMULATOR_SITE_URL,
    ownDomains: ["cronus.example"],
    neverLog: [],
  };
}

async function admin(emu: RunningEmulator, method: string, p: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${emu.url}/_emulator/${p}`, {
    method,
    headers: { "Content-Type": "application/json", [ADMIN_SECRET_HEADER]: emu.adminSecret },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} /_emulator/${p}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

/** Bulk-inserts `count` log entries spread over the 2,000 contacts, starting at entry number `from`. */
async function bulkEntries(
  emu: RunningEmulator,
  siteId: string,
  listId: string,
  from: number,
  count: number,
): Promise<void> {
  const base = Date.parse("2020-01-01T00:00:00Z");
  const chunk = 10_000;
  for (let start = from; start < from + count; start += chunk) {
    const items = Array.from({ length: Math.min(chunk, from + count - start) }, (_, k) => {
      const n = start + k;
      return {
        Title: `Bulk interaction ${n}`,
        ContactNo: contactNo(n % CONTACTS),
        ContactCompanyNo: contactNo((n % CONTACTS) - ((n % CONTACTS) % 10)),
        InteractionDate: new Date(base + n * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
        InteractionTemplateCode: "EMAIL",
        InteractionGroupCode: "EMAIL",
        CostLCY: 0.5,
        DurationMin: 5,
        UserId: USER.emailAddress,
        Canceled: false,
        SourceKind: "Manual",
        DedupeKey: `X-bulk-${n}`,
      };
    });
    await admin(
      emu,
      "POST",
      `sites/${encodeURIComponent(siteId)}/lists/${encodeURIComponent(listId)}/items/bulk`,
      { items },
    );
  }
}

/** Exact totals for one contact with 5,000 entries (issue 11): time and HTTP requests, median of 3. */
async function totalsFor5000(
  emu: RunningEmulator,
  siteId: string,
  listId: string,
): Promise<{ ms: number; requests: number; count: number }> {
  const no = "CT950000";
  const items = Array.from({ length: 5_000 }, (_, n) => ({
    Title: `Totals ${n}`,
    ContactNo: no,
    ContactCompanyNo: "CT950000",
    InteractionDate: new Date(Date.parse("2022-01-01T00:00:00Z") + n * 60_000).toISOString(),
    InteractionTemplateCode: "EMAIL",
    InteractionGroupCode: "EMAIL",
    CostLCY: 0.5,
    DurationMin: 5,
    UserId: USER.emailAddress,
    Canceled: n % 50 === 0,
    SourceKind: "Manual",
    DedupeKey: `X-totals-${n}`,
  }));
  await admin(
    emu,
    "POST",
    `sites/${encodeURIComponent(siteId)}/lists/${encodeURIComponent(listId)}/items/bulk`,
    {
      items,
    },
  );
  const store = createInteractionStore({ config: config(emu.url), user: USER, outbox: new MemoryOutbox() });
  const runs: number[] = [];
  let requests = 0;
  let count = 0;
  for (let r = 0; r < 3; r++) {
    emu.resetStats();
    const t0 = performance.now();
    const totals = await store.entryTotals({ scope: { kind: "contact", contactNo: no, isCompany: false } });
    runs.push(performance.now() - t0);
    requests = emu.stats().http.total;
    count = totals.count;
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[1]!, requests, count };
}

async function firstHistoryPage(
  emu: RunningEmulator,
  url: string,
  no: string,
): Promise<{ ms: number; requests: number; entries: number }> {
  const store = createInteractionStore({ config: config(url), user: USER, outbox: new MemoryOutbox() });
  await store.getHistory({ contactNo: contactNo(0), isCompany: false, pageSize: 1 }); // resolves site and lists once
  const runs: number[] = [];
  let requests = 0;
  let entries = 0;
  for (let r = 0; r < 5; r++) {
    emu.resetStats();
    const t0 = performance.now();
    const page = await store.getHistory({ contactNo: no, isCompany: false, pageSize: 20 });
    runs.push(performance.now() - t0);
    requests = emu.stats().http.total;
    entries = page.entries.length;
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[Math.floor(runs.length / 2)]!, requests, entries };
}

function logRequest(contacts: Contact[], sourceId: string, user: UserProfile): LogRequest {
  return {
    correspondence: {
      kind: "email",
      mode: "read",
      sourceId,
      subject: "Benchmark",
      date: "2024-06-01T10:00:00Z",
      direction: "outbound",
      participants: contacts.map((c) => ({
        role: "to" as const,
        displayName: c.name,
        address: c.email ?? "",
      })),
      mailboxOwner: { displayName: user.displayName, address: user.emailAddress },
    },
    contacts,
    user,
    draft: {
      templateCode: "EMAIL",
      description: "Benchmark",
      interactionDate: "2024-06-01T10:00:00Z",
      informationFlow: "Outbound",
      initiatedBy: "Us",
      attemptFailed: false,
      costLCY: 0.5,
      durationMin: 5,
    },
  };
}

const person = (i: number): Contact => ({
  contactNo: contactNo(i),
  type: "Person",
  name: `Person ${i}`,
  email: `person${i}@bench.example`,
});

async function soak(emu: RunningEmulator): Promise<{
  logged: number;
  lost: number;
  duplicated: number;
  queuedAtFirst: number;
  flushRounds: number;
  seconds: number;
  faults: unknown;
}> {
  const outbox = new MemoryOutbox();
  const real = createInteractionStore({ config: config(emu.url), user: SOAK_USER, outbox });
  await real.loadItemContext(logRequest([person(0)], "<warm-soak>", SOAK_USER).correspondence!, {
    ownDomains: [],
    neverLog: [],
  });
  emu.resetStats();
  emu.setFaults({
    rate429: 0.1,
    rate503: 0.1,
    dropRate: 0.05,
    dropAfterShare: 0.5,
    retryAfterSeconds: 1,
    seed: 42,
  });
  const t0 = performance.now();
  let next = 0;
  let queuedAtFirst = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= SOAK_LOGS) return;
      const result = await real.logInteraction(
        logRequest([person(i % CONTACTS)], `<soak-${i}@bench.example>`, SOAK_USER),
      );
      if (result.results.some((r) => r.status === "queued")) queuedAtFirst++;
    }
  };
  await Promise.all(Array.from({ length: SOAK_CONCURRENCY }, worker));
  // Still under faults: the outbox sends what it can; repeat until empty (bounded).
  let flushRounds = 0;
  while ((await real.pendingLogs()).length && flushRounds < 20) {
    flushRounds++;
    await real.flushPending();
  }
  const faults = emu.stats().faults;
  emu.setFaults({});
  const seconds = (performance.now() - t0) / 1000;
  // Count in the list itself: every soak entry carries the soak user's UPN (an indexed column).
  const keys: string[] = [];
  const siteId = emu.siteId("contoso.sharepoint.com", "/sites/interactions")!;
  const lists = (await graphGet(emu, `/sites/${siteId}/lists?$select=id,displayName`)) as {
    value: { id: string; displayName: string }[];
  };
  const entriesId = lists.value.find((l) => l.displayName === "Interaction Log Entries")!.id;
  let url: string | undefined =
    `${emu.url}/v1.0/sites/${siteId}/lists/${entriesId}/items` +
    itemsQuery({ filter: eq(COL.entries.userId, SOAK_USER.emailAddress), top: 500 });
  while (url) {
    const page = (await graphGet(emu, url)) as { value: ListItem[]; "@odata.nextLink"?: string };
    keys.push(...page.value.map((it) => entryFromItem(it).dedupeKey).filter((k) => k && !k.includes("warm")));
    url = page["@odata.nextLink"];
  }
  const distinct = new Set(keys);
  return {
    logged: distinct.size,
    lost: SOAK_LOGS - distinct.size,
    duplicated: keys.length - distinct.size,
    queuedAtFirst,
    flushRounds,
    seconds,
    faults,
  };
}

const PANES_USER: UserProfile = { displayName: "Pane Tester", emailAddress: "panes@cronus.example" };
const PANES_LOGS = 200;

/**
 * Two panes (a pinned pane and a pop-out) replay one shared IndexedDB outbox of 200 logs under 20 % faults, while
 * one pane discards a 201st log. Node has no Web Locks, so this runs the IndexedDB claim records (two connections
 * to one database). Counted in the list: every log once, none twice, the discarded one never.
 */
async function twoPanes(emu: RunningEmulator): Promise<{
  logged: number;
  duplicated: number;
  discardedWritten: number;
  creates: number;
  left: number;
  rounds: number;
  seconds: number;
}> {
  const db = `bench-panes-${Date.now()}`;
  const boxes = [new IndexedDbOutbox(db, indexedDB, null), new IndexedDbOutbox(db, indexedDB, null)];
  const account = {
    tenant: "contoso.sharepoint.com",
    user: PANES_USER.emailAddress,
    mailbox: PANES_USER.emailAddress,
  };
  const queued = (id: string, sourceId: string, i: number): PendingLog => ({
    id,
    request: logRequest([person(i % CONTACTS)], sourceId, PANES_USER),
    queuedAt: new Date(Date.UTC(2024, 5, 1, 0, 0, i)).toISOString(),
    attempts: 1,
    account,
  });
  for (let i = 0; i < PANES_LOGS; i++)
    await boxes[0]!.put(queued(`pane-${i}`, `<pane-${i}@bench.example>`, i));
  // The one to discard sits in the middle of the queue, so the other pane is likely replaying around it.
  await boxes[0]!.put(queued("discard-me", "<discard-me@bench.example>", PANES_LOGS / 2));
  const panes = boxes.map((outbox) =>
    createInteractionStore({ config: config(emu.url), user: PANES_USER, outbox }),
  );
  emu.resetStats();
  emu.setFaults({ rate429: 0.1, rate503: 0.1, retryAfterSeconds: 1, seed: 7 });
  const t0 = performance.now();
  let rounds = 0;
  const pane = async (store: (typeof panes)[number]) => {
    while ((await store.pendingLogs()).length && rounds < 5_000) {
      rounds++;
      await store.flushPending({ includeFailed: true });
    }
  };
  const discard = (async () => {
    await new Promise((r) => setTimeout(r, 150));
    await panes[0]!.discardPending("discard-me");
  })();
  await Promise.all([pane(panes[0]!), pane(panes[1]!), discard]);
  const creates = emu.stats().batchParts.byMethod.POST ?? 0;
  const left = (await boxes[0]!.list()).length;
  emu.setFaults({});
  const seconds = (performance.now() - t0) / 1000;
  const entries = await entriesOf(emu, PANES_USER.emailAddress);
  const keys = entries.map((e) => e.dedupeKey);
  const distinct = new Set(keys);
  boxes.forEach((b) => b.close());
  return {
    logged:
      entries.filter((e) => e.sourceId !== "<discard-me@bench.example>").length -
      (keys.length - distinct.size),
    duplicated: keys.length - distinct.size,
    discardedWritten: entries.filter((e) => e.sourceId === "<discard-me@bench.example>").length,
    creates,
    left,
    rounds,
    seconds,
  };
}

/** Every entry logged by one user (UserId is indexed), read outside the code under test. */
async function entriesOf(emu: RunningEmulator, user: string) {
  const siteId = emu.siteId("contoso.sharepoint.com", "/sites/interactions")!;
  const lists = (await graphGet(emu, `/sites/${siteId}/lists?$select=id,displayName`)) as {
    value: { id: string; displayName: string }[];
  };
  const entriesId = lists.value.find((l) => l.displayName === "Interaction Log Entries")!.id;
  const out = [];
  let url: string | undefined =
    `${emu.url}/v1.0/sites/${siteId}/lists/${entriesId}/items` +
    itemsQuery({ filter: eq(COL.entries.userId, user), top: 500 });
  while (url) {
    const page = (await graphGet(emu, url)) as { value: ListItem[]; "@odata.nextLink"?: string };
    out.push(...page.value.map((it) => entryFromItem(it)));
    url = page["@odata.nextLink"];
  }
  return out;
}

/** Plain GET with the dev token, for counting outside the code under test. */
async function graphGet(emu: RunningEmulator, pathOrUrl: string): Promise<unknown> {
  const { mintDevToken } = await import("../src/graph/auth/dev-token");
  const url = pathOrUrl.startsWith("https://") ? pathOrUrl : `${emu.url}/v1.0${pathOrUrl}`;
  const res = await fetch(url, { headers: { Authorization: `Bearer ${mintDevToken(USER.emailAddress)}` } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return res.json();
}

async function main(): Promise<void> {
  const started = performance.now();
  const dataDir = mkdtempSync(path.join(tmpdir(), "ilo-bench-"));
  const emu = await startEmulator({ port: 0, dataDir, quiet: true });
  const rows: [string, string][] = [];
  try {
    await seedEmulator({ baseUrl: emu.url, user: USER });
    const siteId = emu.siteId("contoso.sharepoint.com", "/sites/interactions")!;
    const lists = (await graphGet(emu, `/sites/${siteId}/lists?$select=id,displayName`)) as {
      value: { id: string; displayName: string }[];
    };
    const listId = (name: string) => lists.value.find((l) => l.displayName === name)!.id;
    await admin(
      emu,
      "POST",
      `sites/${encodeURIComponent(siteId)}/lists/${encodeURIComponent(listId("Contacts"))}/items/bulk`,
      {
        items: Array.from({ length: CONTACTS }, (_, i) => ({
          Title: `Person ${i}`,
          ContactNo: contactNo(i),
          ContactType: "Person",
          Email: `person${i}@bench.example`,
        })),
      },
    );
    const probe = contactNo(1234);

    let t = performance.now();
    await bulkEntries(emu, siteId, listId("Interaction Log Entries"), 0, 10_000);
    rows.push(["seed 10,000 entries (bulk)", `${Math.round(performance.now() - t)} ms`]);
    const at10k = await firstHistoryPage(emu, emu.url, probe);
    rows.push([
      "history page 1 @10k (median of 5)",
      `${at10k.ms.toFixed(1)} ms, ${at10k.requests} HTTP request(s), ${at10k.entries} entries`,
    ]);

    t = performance.now();
    await bulkEntries(emu, siteId, listId("Interaction Log Entries"), 10_000, 90_000);
    rows.push(["seed to 100,000 entries (bulk)", `${Math.round(performance.now() - t)} ms`]);
    const at100k = await firstHistoryPage(emu, emu.url, probe);
    rows.push([
      "history page 1 @100k (median of 5)",
      `${at100k.ms.toFixed(1)} ms, ${at100k.requests} HTTP request(s), ${at100k.entries} entries`,
    ]);
    rows.push(["history 100k / 10k time ratio", (at100k.ms / at10k.ms).toFixed(2)]);
    const totals = await totalsFor5000(emu, siteId, listId("Interaction Log Entries"));
    rows.push([
      "exact totals, one contact with 5,000 entries (median of 3)",
      `${totals.ms.toFixed(1)} ms, ${totals.requests} HTTP request(s) (⌈5,000/999⌉ = 6), ${totals.count} non-canceled`,
    ]);

    const store = createInteractionStore({ config: config(emu.url), user: USER, outbox: new MemoryOutbox() });
    await store.loadItemContext(logRequest([person(0)], "<warm-60>", USER).correspondence!, {
      ownDomains: [],
      neverLog: [],
    });
    const sixty = Array.from({ length: 60 }, (_, i) => person(i + 500));
    emu.resetStats();
    t = performance.now();
    const logged = await store.logInteraction(logRequest(sixty, "<sixty@bench.example>", USER));
    const s = emu.stats();
    rows.push([
      "log 1 interaction for 60 contacts",
      `${s.http.total} HTTP requests (goal 4 = segment + 3 batches), ${s.batchParts.total} sub-requests, ` +
        `${logged.results.filter((r) => r.status === "logged").length} logged, ${Math.round(performance.now() - t)} ms`,
    ]);

    const keep = await keepTenMegabyteMail(
      emu,
      store,
      logRequest([person(600), person(601)], "<keep-10mb@bench.example>", USER),
      USER,
    );
    rows.push([
      "keep a 10 MB mail for 2 contacts (issue 15)",
      `${Math.round(keep.ms)} ms, ${keep.requests} HTTP requests (folder, children, session, ranges, 2 PATCH)`,
    ]);

    const soakResult = await soak(emu);
    rows.push([
      `fault soak: ${SOAK_LOGS} logs, 20% 429/503, 5% drops`,
      `logged ${soakResult.logged} / lost ${soakResult.lost} / duplicated ${soakResult.duplicated} (goal ${SOAK_LOGS}/0/0)`,
    ]);
    rows.push([
      "  soak detail",
      `${soakResult.queuedAtFirst} went via the outbox, ${soakResult.flushRounds} flush round(s), ${soakResult.seconds.toFixed(1)} s, faults ${JSON.stringify(soakResult.faults)}`,
    ]);

    const panesResult = await twoPanes(emu);
    rows.push([
      `two panes, one outbox: ${PANES_LOGS} logs, 20% 429/503, 1 discarded`,
      `logged ${panesResult.logged} / duplicated ${panesResult.duplicated} / discarded log written ${panesResult.discardedWritten} (goal ${PANES_LOGS}/0/0)`,
    ]);
    rows.push([
      "  two-pane detail",
      `${panesResult.creates} entry creates sent (throttled ones re-sent; both panes replaying all would be ≥ ${2 * PANES_LOGS}), ${panesResult.rounds} flush runs, ${panesResult.left} left in the outbox, ${panesResult.seconds.toFixed(1)} s`,
    ]);
  } finally {
    await emu.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  rows.push(["total bench time", `${((performance.now() - started) / 1000).toFixed(1)} s`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log("\nInteraction Log storage benchmark (local emulator)\n");
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

async function run(): Promise<void> {
  await ensureDevCaTrusted();
  await main();
}

run().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

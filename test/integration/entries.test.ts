// The Interaction Log Entries window's storage against the emulator, through the real Graph SDK over HTTPS:
// queries and exact totals on a list above the 5,000-item threshold, undo / cancel / un-cancel (and the refusals),
// segment cancel, eTag-guarded edits, and the delete-canceled job interrupted once and finished by a second run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmulator, type RunningEmulator } from "../../dev/emulator/index";
import { seedEmulator } from "../../dev/seed/seed";
import { DEFAULT_EMULATOR_SITE_URL } from "../../src/config/app-config";
import { ChangedMeanwhileError, ENTRY_MESSAGES, matchesEntry } from "../../src/domain/entry-changes";
import type { EntryFilter, LogRequest } from "../../src/domain/ports";
import { computeStatistics, newestFirst } from "../../src/domain/statistics";
import type { Contact, Correspondence, InteractionLogEntry } from "../../src/domain/types";
import { DevTokenProvider } from "../../src/graph/auth/dev-token";
import { BatchExecutor } from "../../src/graph/batch";
import { createGraphClient, normalizeBaseUrl } from "../../src/graph/client";
import { entryToFields } from "../../src/graph/mapping";
import { seedReferenceData } from "../../src/graph/provisioning";
import { entriesBySource, entriesOfSegment, entriesRepository } from "../../src/graph/repositories/entries";
import { segmentsRepository } from "../../src/graph/repositories/segments";
import { COL, LIST_ORDER } from "../../src/graph/schema";
import { columnDefinition, LISTS } from "../../src/graph/schema-lists";
import { SharePointSite } from "../../src/graph/site";
import { MemoryOutbox } from "../../src/graph/outbox";
import { storeFor, USER } from "./harness";

const OWNER = { displayName: USER.displayName, address: USER.emailAddress };
const OTHER_USER = "robin.user@cronus.example";

function mail(sourceId: string, contacts: Contact[]): Correspondence {
  return {
    kind: "email",
    mode: "read",
    sourceId,
    subject: `Mail ${sourceId}`,
    date: "2030-05-01T09:30:00Z",
    direction: "inbound",
    participants: contacts.map((c, i) => ({
      role: i === 0 ? "from" : "to",
      displayName: c.name,
      address: c.email ?? "",
    })),
    mailboxOwner: OWNER,
  };
}

function logRequest(sourceId: string, contacts: Contact[], templateCode = "EMAIL"): LogRequest {
  return {
    correspondence: mail(sourceId, contacts),
    contacts,
    user: USER,
    draft: {
      templateCode,
      description: `Mail ${sourceId}`,
      interactionDate: "2030-05-01T09:30:00Z",
      informationFlow: "Inbound",
      initiatedBy: "Them",
      attemptFailed: false,
      costLCY: 0.5,
      durationMin: 5,
    },
  };
}

const on = (date: string, r: LogRequest): LogRequest => ({
  ...r,
  draft: { ...r.draft, interactionDate: date },
});

const person = (n: number): Contact => ({
  contactNo: `CT61${String(n).padStart(4, "0")}`,
  type: "Person",
  name: `Entries Person ${n}`,
  email: `entries${n}@fabrikam.example`,
  companyNo: "CT610000",
});

/** Direct access for setup and assertions, outside the store under test. */
function tools(url: string) {
  const baseUrl = normalizeBaseUrl(url);
  const client = createGraphClient({
    baseUrl,
    authProvider: new DevTokenProvider(USER.emailAddress),
    retry: { delaySeconds: 0.2 },
  });
  const site = new SharePointSite(client, DEFAULT_EMULATOR_SITE_URL);
  return {
    site,
    batch: new BatchExecutor(client, baseUrl),
    entries: entriesRepository(site),
    segments: segmentsRepository(site),
  };
}

// ---- a list above the threshold: 6,000 entries, generated here so that every expectation is computed from them
const BULK = 6_000;
const BULK_BASE = Date.parse("2021-01-01T00:00:00Z");
const COMPANY = "CT500000";
const bulk: InteractionLogEntry[] = Array.from({ length: BULK }, (_, i) => {
  const contactNo = ["CT500001", "CT500002", COMPANY, "CT599999"][i % 4]!;
  const phone = i % 3 === 0;
  return {
    description: `Bulk ${i}`,
    contactNo,
    contactCompanyNo: contactNo === "CT599999" ? "CT599990" : COMPANY,
    interactionDate: new Date(BULK_BASE + i * 3_600_000).toISOString().replace(/\.000Z$/, "Z"),
    templateCode: phone ? "PHONE" : "EMAIL",
    groupCode: phone ? "PHONE" : "EMAIL",
    costLCY: (i % 7) * 0.25 + 0.1,
    durationMin: (i % 5) + 0.5,
    userId: i % 2 ? USER.emailAddress : OTHER_USER,
    attemptFailed: false,
    canceled: i % 10 === 0,
    sourceKind: "Manual",
    dedupeKey: `X-bulk-${i}`,
  };
});

/** Bulk insert needs the emulator's admin secret, so this file starts its emulator itself. */
async function bulkInsert(emu: RunningEmulator, entries: InteractionLogEntry[]): Promise<string[]> {
  const t = tools(emu.url);
  const siteId = await t.site.siteId();
  const listId = (await t.site.allLists(true)).get("Interaction Log Entries")!.id;
  const res = await fetch(
    `${emu.url}/_emulator/sites/${encodeURIComponent(siteId)}/lists/${encodeURIComponent(listId)}/items/bulk`,
    {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Emulator-Secret": emu.adminSecret },
      body: JSON.stringify({ items: entries.map(entryToFields) }),
    },
  );
  expect(res.status).toBe(201);
  const { firstId } = (await res.json()) as { firstId: string };
  return entries.map((_, k) => String(Number(firstId) + k));
}

/** Every page of a listEntries query, as the pane's "Load more" would read them. */
async function allPages(
  store: ReturnType<typeof storeFor>,
  filter: EntryFilter,
  pageSize: number,
): Promise<InteractionLogEntry[]> {
  const out: InteractionLogEntry[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 200; pages++) {
    const page = await store.listEntries({ ...filter, pageSize, ...(cursor ? { cursor } : {}) });
    expect(page.entries.length).toBeLessThanOrEqual(pageSize);
    out.push(...page.entries);
    cursor = page.nextCursor;
    if (!cursor) return out;
  }
  throw new Error("too many pages");
}

describe("the entries window's storage against the emulator", () => {
  let emu: RunningEmulator;
  let bulkIds: string[];
  const dataDir = mkdtempSync(path.join(tmpdir(), "ilo-entries-"));

  beforeAll(async () => {
    emu = await startEmulator({ port: 0, dataDir, quiet: true }); // SharePoint's own threshold: 5,000
    await seedEmulator({ baseUrl: emu.url, user: USER });
    bulkIds = await bulkInsert(emu, bulk);
  }, 60_000);
  afterAll(async () => {
    await emu?.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });
  afterEach(async () => emu.setFaults({}));

  const stored = (i: number): InteractionLogEntry => ({ ...bulk[i]!, id: bulkIds[i]! });
  const expected = (keep: (e: InteractionLogEntry) => boolean) =>
    bulk
      .map((_, i) => stored(i))
      .filter(keep)
      .sort(newestFirst);

  describe("queries on a list above the threshold (6,000 entries)", () => {
    it("a company's entries include its persons', newest first, every page on indexed queries", async () => {
      const store = storeFor(emu.url);
      const got = await allPages(
        store,
        { scope: { kind: "contact", contactNo: COMPANY, isCompany: true } },
        500,
      );
      const want = expected((e) => e.contactCompanyNo === COMPANY && !e.canceled);
      expect(want.length).toBe(4500 - 600); // 3 of 4 contacts; every 10th canceled
      expect(got.map((e) => e.id)).toEqual(want.map((e) => e.id));
      expect(new Set(got.map((e) => e.contactNo))).toEqual(new Set(["CT500001", "CT500002", COMPANY]));
    });

    it("counts a company's canceled entries with its persons' for the delete job, on the indexed ContactCompanyNo", async () => {
      const store = storeFor(emu.url);
      const want = bulk.filter((e) => e.contactCompanyNo === COMPANY && e.canceled).length;
      expect(want).toBeGreaterThan(bulk.filter((e) => e.contactNo === COMPANY && e.canceled).length);
      await expect(store.countCanceled({ companyNo: COMPANY })).resolves.toBe(want);
      await expect(store.countCanceled({ companyNo: COMPANY, contactNo: "CT500001" })).resolves.toBe(want);
      await expect(store.countCanceled({ contactNo: COMPANY })).resolves.toBe(
        bulk.filter((e) => e.contactNo === COMPANY && e.canceled).length,
      );
    });

    it("filters a person's entries by date range, group and template, canceled included on request", async () => {
      const store = storeFor(emu.url);
      const filter: EntryFilter = {
        scope: { kind: "contact", contactNo: "CT500001", isCompany: false },
        from: "2021-02-01",
        to: "2021-05-31",
        groupCode: "PHONE",
        includeCanceled: true,
      };
      const got = await allPages(store, filter, 20);
      const want = expected((e) => e.contactNo === "CT500001" && matchesEntry(e, filter));
      expect(want.length).toBeGreaterThan(40);
      expect(want.some((e) => e.canceled)).toBe(true);
      expect(got.map((e) => e.id)).toEqual(want.map((e) => e.id));

      const byTemplate = await allPages(
        store,
        { scope: filter.scope, templateCode: "EMAIL", to: "2021-03-01" },
        50,
      );
      const wantTemplate = expected(
        (e) => e.contactNo === "CT500001" && matchesEntry(e, { templateCode: "EMAIL", to: "2021-03-01" }),
      );
      expect(byTemplate.map((e) => e.id)).toEqual(wantTemplate.map((e) => e.id));
    });

    it("'logged by me' pages a user's entries", async () => {
      const store = storeFor(emu.url);
      const page = await store.listEntries({ scope: { kind: "user", userId: OTHER_USER }, pageSize: 25 });
      const want = expected((e) => e.userId === OTHER_USER && !e.canceled).slice(0, 25);
      expect(page.entries.map((e) => e.id)).toEqual(want.map((e) => e.id));
      expect(page.nextCursor).toBeDefined();
    });

    it("totals are exact over every entry of the filter, in ⌈n/999⌉ requests reading only the needed fields", async () => {
      const store = storeFor(emu.url);
      const filter: EntryFilter = {
        scope: { kind: "contact", contactNo: COMPANY, isCompany: true },
        from: "2021-01-15",
        to: "2021-08-31",
      };
      await store.listEntries({ ...filter, pageSize: 1 }); // the first page is on screen first
      const requested: string[] = [];
      const realFetch = globalThis.fetch;
      globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        requested.push(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
        return realFetch(input, init);
      };
      const progress: number[] = [];
      await emu.resetStats();
      let totals;
      try {
        totals = await store.entryTotals(filter, (p) => progress.push(p.read));
      } finally {
        globalThis.fetch = realFetch;
      }
      // The sum over all entries, computed here from the generated data (BC: canceled excluded).
      const inScope = bulk.map((_, i) => stored(i)).filter((e) => e.contactCompanyNo === COMPANY);
      expect(totals).toEqual(computeStatistics(inScope, filter));
      expect(totals.count).toBeGreaterThan(3000);
      const read = inScope.filter((e) => matchesEntry(e, { ...filter, includeCanceled: true })).length;
      expect(progress[progress.length - 1]).toBe(read);
      expect((await emu.stats()).http.total).toBe(Math.ceil(read / 999));
      expect(requested.every((u) => decodeURIComponent(u).includes("fields($select="))).toBe(true);
    });

    it("totals stop when aborted", async () => {
      const store = storeFor(emu.url);
      const ac = new AbortController();
      await expect(
        store.entryTotals(
          { scope: { kind: "contact", contactNo: COMPANY, isCompany: true } },
          () => ac.abort(),
          ac.signal,
        ),
      ).rejects.toMatchObject({ kind: "unknown", details: { code: "aborted" } });
    });

    it("refuses a segment id that is not a number and a date it cannot read", async () => {
      const store = storeFor(emu.url);
      await expect(
        store.listEntries({ scope: { kind: "segment", segmentId: "1 or 1" }, pageSize: 5 }),
      ).rejects.toMatchObject({ kind: "invalid" });
      await expect(
        store.entryTotals({ scope: { kind: "user", userId: OTHER_USER }, from: "yesterday" }),
      ).rejects.toMatchObject({ kind: "invalid" });
    });
  });

  describe("undo, cancel and un-cancel", () => {
    const bySource = async (sourceId: string) =>
      (await tools(emu.url).entries.list(entriesBySource(sourceId))).items;

    it("wrong template → undo → logged again correctly: exactly one non-canceled entry", async () => {
      const store = storeFor(emu.url);
      const p = person(1);
      const wrong = await store.logInteraction(logRequest("<undo-1@fabrikam.example>", [p], "PHONE"));
      expect(wrong.results[0]!.status).toBe("logged");
      const undone = await store.undoLog(wrong);
      expect(undone.failures).toBeUndefined();
      expect(undone.entries).toHaveLength(1);
      expect(undone.entries[0]!.canceled).toBe(true);
      const firstId = wrong.results[0]!.entry!.id!;
      expect(undone.entries[0]!.dedupeKey).toBe(`${wrong.results[0]!.entry!.dedupeKey}~canceled~${firstId}`);

      const right = await store.logInteraction(logRequest("<undo-1@fabrikam.example>", [p], "EMAIL"));
      expect(right.results[0]!.status).toBe("logged");
      const all = await bySource("<undo-1@fabrikam.example>");
      expect(all).toHaveLength(2);
      const live = all.filter((e) => !e.canceled);
      expect(live).toHaveLength(1);
      expect(live[0]!.templateCode).toBe("EMAIL");
      expect(live[0]!.dedupeKey).toBe(wrong.results[0]!.entry!.dedupeKey);

      // Un-canceling the wrong one now would make two: refused, and it stays canceled.
      const err = await store.uncancelEntry(undone.entries[0]!).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: "conflict", message: ENTRY_MESSAGES.loggedAgain });
      const after = await tools(emu.url).entries.getById(firstId);
      expect(after.canceled).toBe(true);
      expect(after.templateCode).toBe("PHONE");
    });

    it("undo of a log for several contacts cancels its segment and every entry of it", async () => {
      const store = storeFor(emu.url);
      const logged = await store.logInteraction(
        logRequest("<undo-2@fabrikam.example>", [person(2), person(3)]),
      );
      expect(logged.segment?.id).toBeDefined();
      const undone = await store.undoLog(logged);
      expect(undone.segment?.canceled).toBe(true);
      expect(undone.entries.map((e) => e.canceled)).toEqual([true, true]);
      const t = tools(emu.url);
      expect((await t.segments.getById(logged.segment!.id!)).canceled).toBe(true);
      expect((await bySource("<undo-2@fabrikam.example>")).every((e) => e.canceled)).toBe(true);
    });

    it("cancel then un-cancel restores the original key; both are idempotent", async () => {
      const store = storeFor(emu.url);
      const logged = await store.logInteraction(logRequest("<cancel-1@fabrikam.example>", [person(4)]));
      const entry = logged.results[0]!.entry!;
      const canceled = await store.cancelEntries([entry]);
      expect(canceled.entries[0]).toMatchObject({
        canceled: true,
        dedupeKey: `${entry.dedupeKey}~canceled~${entry.id}`,
      });
      // Canceling with the stale eTag again: re-read, already canceled, nothing to do.
      const again = await store.cancelEntries([entry]);
      expect(again.failures).toBeUndefined();
      expect(again.entries[0]!.canceled).toBe(true);
      const back = await store.uncancelEntry(canceled.entries[0]!);
      expect(back.entries[0]).toMatchObject({ canceled: false, dedupeKey: entry.dedupeKey });
      const stored = await tools(emu.url).entries.getById(entry.id!);
      expect(stored).toMatchObject({ canceled: false, dedupeKey: entry.dedupeKey });
      // A second log of the same item finds it again (the key is back).
      const relog = await store.logInteraction(logRequest("<cancel-1@fabrikam.example>", [person(4)]));
      expect(relog.results[0]!.status).toBe("alreadyLogged");
    });

    it("segment cancel: all its entries; an entry cannot be un-canceled while the segment is canceled", async () => {
      const store = storeFor(emu.url);
      const contacts = [person(5), person(6), person(7)];
      const logged = await store.logInteraction(logRequest("<segment-1@fabrikam.example>", contacts));
      const segmentId = logged.segment!.id!;
      const canceled = await store.cancelSegment(segmentId);
      expect(canceled.segment?.canceled).toBe(true);
      expect(canceled.entries).toHaveLength(3);
      expect(canceled.entries.every((e) => e.canceled)).toBe(true);

      const err = await store.uncancelEntry(canceled.entries[0]!).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: "conflict", message: ENTRY_MESSAGES.segmentCanceled });
      expect((await tools(emu.url).entries.getById(canceled.entries[0]!.id!)).canceled).toBe(true);

      // The segment's entries view includes canceled ones on request.
      const view = await store.listEntries({
        scope: { kind: "segment", segmentId },
        includeCanceled: true,
        pageSize: 10,
      });
      expect(view.entries.map((e) => e.id).sort()).toEqual(canceled.entries.map((e) => e.id).sort());

      // One of them is logged again meanwhile: un-canceling the segment restores the others and reports it.
      await store.logInteraction(logRequest("<segment-1@fabrikam.example>", [person(6)]));
      const back = await store.uncancelSegment(segmentId);
      expect(back.segment?.canceled).toBe(false);
      expect(back.entries.map((e) => e.contactNo).sort()).toEqual([person(5).contactNo, person(7).contactNo]);
      expect(back.failures).toHaveLength(1);
      expect(back.failures![0]).toMatchObject({
        contactNo: person(6).contactNo,
        error: { kind: "conflict" },
      });
      const inSegment = (await tools(emu.url).entries.list(entriesOfSegment(segmentId))).items;
      expect(
        inSegment
          .filter((e) => !e.canceled)
          .map((e) => e.contactNo)
          .sort(),
      ).toEqual([person(5).contactNo, person(7).contactNo]);
      expect(await store.getSegment(segmentId)).toMatchObject({ canceled: false, noOfInteractions: 3 });
      expect(await store.getSegment("999999")).toBeUndefined();
    });
    it("un-canceling a segment after one of its contacts was logged again: that entry is refused with a clear message, nothing corrupted", async () => {
      const store = storeFor(emu.url);
      const t = tools(emu.url);
      const source = "<segment-relog@fabrikam.example>";
      const contacts = [person(9), person(10), person(11)];
      const logged = await store.logInteraction(logRequest(source, contacts));
      const segmentId = logged.segment!.id!;
      const keys = new Map(logged.results.map((r) => [r.entry!.id!, r.entry!.dedupeKey]));
      await store.cancelSegment(segmentId);
      // The item is logged again for one contact only (a single entry, outside the segment).
      const relog = await store.logInteraction(logRequest(source, [person(10)]));
      const newer = relog.results[0]!.entry!;
      expect(relog.results[0]!.status).toBe("logged");
      const refusedId = logged.results[1]!.entry!.id!;

      const back = await store.uncancelSegment(segmentId);
      expect(back.segment).toMatchObject({ id: segmentId, canceled: false });
      expect(back.failures).toEqual([
        {
          entryId: refusedId,
          contactNo: person(10).contactNo,
          contactName: person(10).name,
          error: expect.objectContaining({
            kind: "conflict",
            message: ENTRY_MESSAGES.loggedAgain,
            details: expect.objectContaining({ status: 409, code: "loggedAgain" }),
          }),
        },
      ]);
      expect(back.entries.map((e) => e.contactNo).sort()).toEqual([
        person(9).contactNo,
        person(11).contactNo,
      ]);

      // As stored: the others are back with their original keys, the refused one keeps its canceled key, the
      // newer entry is untouched, and the item has exactly one non-canceled entry per contact.
      const stored = (await t.entries.list(entriesBySource(source))).items;
      expect(stored).toHaveLength(4);
      for (const e of stored.filter((x) => x.loggedSegmentId === segmentId)) {
        if (e.id === refusedId)
          expect(e).toMatchObject({ canceled: true, dedupeKey: `${keys.get(e.id)}~canceled~${e.id}` });
        else expect(e).toMatchObject({ canceled: false, dedupeKey: keys.get(e.id!) });
      }
      expect(stored.find((e) => e.id === newer.id)).toMatchObject({
        canceled: false,
        dedupeKey: keys.get(refusedId),
        eTag: newer.eTag,
      });
      expect(stored.find((e) => e.id === newer.id)!.loggedSegmentId).toBeUndefined();
      const live = stored.filter((e) => !e.canceled).map((e) => e.contactNo);
      expect(live.sort()).toEqual(contacts.map((c) => c.contactNo).sort());
      expect(await store.getSegment(segmentId)).toMatchObject({ canceled: false, noOfInteractions: 3 });

      // Run again (say, from the outbox): the same refusal, nothing else changes.
      const again = await store.uncancelSegment(segmentId);
      expect(again.failures?.map((f) => f.entryId)).toEqual([refusedId]);
      expect((await t.entries.list(entriesBySource(source))).items).toEqual(stored);
    });
  });

  describe("edit", () => {
    it("writes evaluation, attempt failed and comment with the eTag; a concurrent change is a conflict and nothing is overwritten", async () => {
      const store = storeFor(emu.url);
      const logged = await store.logInteraction(logRequest("<edit-1@fabrikam.example>", [person(8)]));
      const entry = logged.results[0]!.entry!;
      const { entry: edited, queued } = await store.editEntry(entry, {
        evaluation: "Positive",
        attemptFailed: true,
        comment: "Call back",
      });
      expect(queued).toBeUndefined();
      expect(edited).toMatchObject({ evaluation: "Positive", attemptFailed: true, comment: "Call back" });
      expect(edited.eTag).toBeDefined();
      expect(edited.eTag).not.toBe(entry.eTag);

      // Someone else changes the comment in between.
      const other = storeFor(emu.url);
      await other.editEntry(edited, { comment: "Theirs" });
      const err = await store.editEntry(edited, { evaluation: "Negative" }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ChangedMeanwhileError);
      expect(err).toMatchObject({ kind: "conflict", message: ENTRY_MESSAGES.changedMeanwhile });
      expect((err as ChangedMeanwhileError).current).toMatchObject({
        comment: "Theirs",
        evaluation: "Positive",
      });
      const stored = await tools(emu.url).entries.getById(entry.id!);
      expect(stored).toMatchObject({ evaluation: "Positive", comment: "Theirs", attemptFailed: true });

      // Reloaded, the edit goes through; null clears.
      const { entry: cleared } = await store.editEntry((err as ChangedMeanwhileError).current!, {
        evaluation: null,
      });
      expect(cleared.evaluation).toBeUndefined();
      expect((await tools(emu.url).entries.getById(entry.id!)).evaluation).toBeUndefined();
      await expect(store.editEntry(cleared, { evaluation: "Great" as never })).rejects.toMatchObject({
        kind: "invalid",
      });
    });
  });

  describe("delete canceled entries", () => {
    it("dry run, interrupted once, finished by a second run: only canceled entries gone, no orphan segment", async () => {
      const store = storeFor(emu.url);
      const t = tools(emu.url);
      const day = (n: number) => new Date(Date.parse("2031-03-01T08:00:00Z") + n * 60_000).toISOString();
      // 45 canceled and 5 live single entries, in a date range of their own.
      const singles: InteractionLogEntry[] = Array.from({ length: 50 }, (_, i) => ({
        ...bulk[1]!,
        description: `Delete ${i}`,
        contactNo: `CT62${String(i % 7).padStart(4, "0")}`,
        interactionDate: day(i),
        canceled: i < 45,
        dedupeKey: i < 45 ? `X-del-${i}~canceled~0${i}` : `X-del-${i}`,
      }));
      const singleIds = await bulkInsert(emu, singles);
      // A segment whose entries are all canceled (it must go), and one with a live entry left (it must stay).
      const full = await store.logInteraction(
        on(day(100), logRequest("<del-seg-1@fabrikam.example>", [person(20), person(21), person(22)])),
      );
      await store.cancelSegment(full.segment!.id!);
      const half = await store.logInteraction(
        on(day(101), logRequest("<del-seg-2@fabrikam.example>", [person(23), person(24)])),
      );
      await store.cancelEntries([half.results[0]!.entry!]);

      const filter = { from: "2031-03-01", to: "2031-03-31" };
      expect(await store.countCanceled(filter)).toBe(45 + 3 + 1);
      expect(await store.countCanceled({ ...filter, contactNo: "CT620000" })).toBe(
        singles.filter((e) => e.canceled && e.contactNo === "CT620000").length,
      );
      const bulkCanceledBefore = await store.countCanceled({ contactNo: "CT500001" });
      expect(bulkCanceledBefore).toBe(bulk.filter((e) => e.canceled && e.contactNo === "CT500001").length);

      // Run 1: the pane is closed after the first $batch of deletes.
      const ac = new AbortController();
      const progress: { deleted: number; total: number }[] = [];
      await expect(
        store.deleteCanceled(
          filter,
          (p) => {
            progress.push(p);
            if (p.deleted > 0) ac.abort();
          },
          ac.signal,
        ),
      ).rejects.toMatchObject({ kind: "unknown", details: { code: "aborted" } });
      expect(progress[0]).toEqual({ deleted: 0, total: 49 });
      expect(progress[progress.length - 1]).toEqual({ deleted: 20, total: 49 });
      expect(await store.countCanceled(filter)).toBe(29);

      // Run 2 finishes the job.
      const done = await storeFor(emu.url).deleteCanceled(filter);
      expect(done.deleted).toBe(29);
      expect(await store.countCanceled(filter)).toBe(0);

      // Only canceled entries are gone: the live singles, the live segment entry and everything outside the filter stay.
      const left = await allPages(
        store,
        { scope: { kind: "user", userId: USER.emailAddress }, ...filter, includeCanceled: true },
        100,
      );
      expect(left.map((e) => e.description).sort()).toEqual(
        [
          "Delete 45",
          "Delete 46",
          "Delete 47",
          "Delete 48",
          "Delete 49",
          "Mail <del-seg-2@fabrikam.example>",
        ].sort(),
      );
      for (let i = 0; i < 45; i++)
        await expect(t.entries.getById(singleIds[i]!)).rejects.toMatchObject({ kind: "notFound" });
      expect(await store.countCanceled({ contactNo: "CT500001" })).toBe(bulkCanceledBefore);
      // No orphan segment: the emptied one is gone, the other keeps its live entry.
      expect(await store.getSegment(full.segment!.id!)).toBeUndefined();
      // Its count follows its entries: two written, one deleted.
      expect(half.segment!.noOfInteractions).toBe(2);
      expect(await store.getSegment(half.segment!.id!)).toMatchObject({
        canceled: false,
        noOfInteractions: 1,
      });
      expect((await t.entries.list(entriesOfSegment(full.segment!.id!))).items).toEqual([]);
      expect((await t.entries.list(entriesOfSegment(half.segment!.id!))).items).toHaveLength(1);
    });
  });

  describe("delete canceled entries racing an un-cancel", () => {
    it("an entry un-canceled between the count and the delete is skipped (412) and its segment stays; a later run takes both", async () => {
      const store = storeFor(emu.url);
      const t = tools(emu.url);
      const date = "2032-04-01T08:00:00Z";
      const logged = await store.logInteraction(
        on(date, logRequest("<race-1@fabrikam.example>", [person(50), person(51), person(52)])),
      );
      const segmentId = logged.segment!.id!;
      const canceled = await store.cancelEntries(logged.results.map((r) => r.entry!));
      const filter = { from: "2032-04-01", to: "2032-04-01" };
      expect(await store.countCanceled(filter)).toBe(3);
      const racer = canceled.entries.find((e) => e.contactNo === person(51).contactNo)!;

      // Someone un-cancels one entry after the job read its targets, just before its deletes reach SharePoint.
      const realFetch = globalThis.fetch;
      let raced = false;
      globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        if (!raced && typeof init?.body === "string" && init.body.includes('"DELETE"')) {
          raced = true;
          globalThis.fetch = realFetch;
          await storeFor(emu.url).uncancelEntry(racer);
        }
        return realFetch(input, init);
      };
      let done;
      try {
        done = await store.deleteCanceled(filter);
      } finally {
        globalThis.fetch = realFetch;
      }
      expect(raced).toBe(true);
      expect(done).toMatchObject({ deleted: 2, skipped: 1, segmentsDeleted: 0 });

      // The un-canceled entry stays, pointing at a segment that still exists; the other two are gone.
      const survivor = await t.entries.getById(racer.id!);
      expect(survivor).toMatchObject({
        canceled: false,
        loggedSegmentId: segmentId,
        dedupeKey: logged.results[1]!.entry!.dedupeKey,
      });
      expect(await store.getSegment(segmentId)).toMatchObject({ id: segmentId });
      expect((await t.entries.list(entriesOfSegment(segmentId))).items.map((e) => e.id)).toEqual([racer.id]);
      expect(await store.countCanceled(filter)).toBe(0);

      // Canceled again, a later run deletes it and then its segment, left without entries.
      await store.cancelEntries([survivor]);
      expect(await store.deleteCanceled(filter)).toMatchObject({
        deleted: 1,
        skipped: 0,
        segmentsDeleted: 1,
      });
      expect(await store.getSegment(segmentId)).toBeUndefined();
      expect((await t.entries.list(entriesOfSegment(segmentId))).items).toEqual([]);
    });

    it("a segment whose entries span two $batches, interrupted between them, is finished by a second run", async () => {
      const store = storeFor(emu.url);
      const date = "2032-05-01T08:00:00Z";
      const contacts = Array.from({ length: 23 }, (_, i) => person(60 + i));
      const logged = await store.logInteraction(on(date, logRequest("<race-2@fabrikam.example>", contacts)));
      const segmentId = logged.segment!.id!;
      await store.cancelSegment(segmentId);
      const filter = { from: "2032-05-01", to: "2032-05-01" };
      expect(await store.countCanceled(filter)).toBe(23);
      const ac = new AbortController();
      await expect(
        store.deleteCanceled(filter, (p) => p.deleted > 0 && ac.abort(), ac.signal),
      ).rejects.toMatchObject({ details: { code: "aborted" } });
      // The first $batch went; the segment waits with its last entries.
      const left = await store.countCanceled(filter);
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThan(23);
      expect(await store.getSegment(segmentId)).toMatchObject({ canceled: true });

      expect(await store.deleteCanceled(filter)).toMatchObject({ deleted: left, segmentsDeleted: 1 });
      expect(await store.getSegment(segmentId)).toBeUndefined();
      expect((await tools(emu.url).entries.list(entriesOfSegment(segmentId))).items).toEqual([]);
    });
  });

  describe("delete canceled entries without any filter", () => {
    it("pages the whole list (above the threshold) and deletes every canceled entry, nothing else", async () => {
      const store = storeFor(emu.url);
      const user = { scope: { kind: "user" as const, userId: OTHER_USER } };
      const liveBefore = await store.entryTotals(user);
      const canceled = await store.countCanceled({});
      expect(canceled).toBeGreaterThanOrEqual(bulk.filter((e) => e.canceled).length);
      const progress: number[] = [];
      const done = await store.deleteCanceled({}, (p) => progress.push(p.deleted));
      expect(done.deleted).toBe(canceled);
      expect(progress[progress.length - 1]).toBe(canceled);
      expect(await store.countCanceled({})).toBe(0);
      // The live entries are all still there: the same exact totals.
      expect(await store.entryTotals(user)).toEqual(liveBefore);
      const all = await allPages(store, { ...user, includeCanceled: true }, 500);
      expect(all.length).toBe(liveBefore.count);
    });
  });

  describe("offline", () => {
    /** Every request fails as a dropped connection would, until `back()`. */
    function goOffline(): { back: () => void } {
      const realFetch = globalThis.fetch;
      globalThis.fetch = () =>
        Promise.reject(new TypeError("fetch failed", { cause: { code: "ECONNRESET" } }));
      return { back: () => void (globalThis.fetch = realFetch) };
    }

    it("a cancel made offline is kept in the outbox and sent later; a refused un-cancel waits for the user", async () => {
      const outbox = new MemoryOutbox();
      const store = storeFor(emu.url, outbox);
      const logged = await store.logInteraction(logRequest("<offline-1@fabrikam.example>", [person(30)]));
      const entry = logged.results[0]!.entry!;

      let net = goOffline();
      let result;
      try {
        result = await store.cancelEntries([entry]);
      } finally {
        net.back();
      }
      expect(result.queued).toBe(true);
      const pending = await store.pendingLogs();
      expect(pending).toHaveLength(1);
      expect(pending[0]!.change).toMatchObject({ kind: "cancel", entries: [{ id: entry.id }] });
      // The pane words the kind ("Cancel: …") in the user's language from `change.kind`.
      expect(pending[0]!.request.draft.description).toBe(entry.description);
      expect((await tools(emu.url).entries.getById(entry.id!)).canceled).toBe(false);

      expect(await store.flushPending()).toBe(1);
      expect(await store.pendingLogs()).toEqual([]);
      const canceled = await tools(emu.url).entries.getById(entry.id!);
      expect(canceled).toMatchObject({
        canceled: true,
        dedupeKey: `${entry.dedupeKey}~canceled~${entry.id}`,
      });

      // Un-cancel offline, but the item is logged again before it is sent: the replay is refused, kept as failed.
      net = goOffline();
      try {
        expect((await store.uncancelEntry(canceled)).queued).toBe(true);
      } finally {
        net.back();
      }
      await store.logInteraction(logRequest("<offline-1@fabrikam.example>", [person(30)]));
      expect(await store.flushPending()).toBe(0);
      const [refused] = await store.pendingLogs();
      expect(refused).toMatchObject({ failed: true, change: { kind: "uncancel" } });
      expect(refused!.lastError).toContain(ENTRY_MESSAGES.loggedAgain);
      expect((await tools(emu.url).entries.getById(entry.id!)).canceled).toBe(true);
    });

    it("an edit made offline is kept with the eTag read and written when SharePoint is back", async () => {
      const outbox = new MemoryOutbox();
      const store = storeFor(emu.url, outbox);
      const logged = await store.logInteraction(
        logRequest("<offline-edit-1@fabrikam.example>", [person(33)]),
      );
      const entry = logged.results[0]!.entry!;

      const net = goOffline();
      let result;
      try {
        result = await store.editEntry(entry, {
          evaluation: "Positive",
          attemptFailed: true,
          comment: "Later",
        });
      } finally {
        net.back();
      }
      expect(result).toEqual({ entry, queued: true });
      const [pending] = await store.pendingLogs();
      expect(pending!.change).toEqual({
        kind: "edit",
        entries: [expect.objectContaining({ id: entry.id, eTag: entry.eTag })],
        edit: { evaluation: "Positive", attemptFailed: true, comment: "Later" },
      });
      expect(pending!.request.contacts.map((c) => c.contactNo)).toEqual([person(33).contactNo]);
      expect(pending!.request.draft.description).toBe(entry.description);
      expect(await tools(emu.url).entries.getById(entry.id!)).toMatchObject({ attemptFailed: false });

      expect(await store.flushPending()).toBe(1);
      expect(await store.pendingLogs()).toEqual([]);
      const stored = await tools(emu.url).entries.getById(entry.id!);
      expect(stored).toMatchObject({ evaluation: "Positive", attemptFailed: true, comment: "Later" });
      expect(stored.eTag).not.toBe(entry.eTag);
    });

    it("an edit made offline that meets a change made meanwhile is reported, never written over it", async () => {
      const store = storeFor(emu.url, new MemoryOutbox());
      const logged = await store.logInteraction(
        logRequest("<offline-edit-2@fabrikam.example>", [person(34)]),
      );
      const entry = logged.results[0]!.entry!;
      const net = goOffline();
      try {
        expect((await store.editEntry(entry, { evaluation: "Negative", comment: "Mine" })).queued).toBe(true);
      } finally {
        net.back();
      }
      // Someone else changes the entry before the edit is sent.
      await storeFor(emu.url).editEntry(entry, { comment: "Theirs" });
      const theirs = await tools(emu.url).entries.getById(entry.id!);

      expect(await store.flushPending()).toBe(0);
      const [refused] = await store.pendingLogs();
      expect(refused).toMatchObject({ failed: true, change: { kind: "edit" } });
      expect(refused!.lastError).toBe(ENTRY_MESSAGES.editChangedMeanwhile);
      const after = await tools(emu.url).entries.getById(entry.id!);
      expect(after).toEqual(theirs);
      expect(after.evaluation).toBeUndefined();

      // "Send now" tries it again: still refused, still nothing written; the user discards it.
      expect(await store.flushPending({ includeFailed: true })).toBe(0);
      expect(await tools(emu.url).entries.getById(entry.id!)).toEqual(theirs);
      await store.discardPending(refused!.id);
      expect(await store.pendingLogs()).toEqual([]);
    });

    it("undo of a log still waiting in the outbox removes it from there: it is never sent", async () => {
      const store = storeFor(emu.url, new MemoryOutbox());
      const net = goOffline();
      let queued;
      try {
        queued = await store.logInteraction(
          logRequest("<offline-undo@fabrikam.example>", [person(31), person(32)]),
        );
      } finally {
        net.back();
      }
      expect(queued.results.map((r) => r.status)).toEqual(["queued", "queued"]);
      expect((await store.pendingLogs()).map((p) => p.id)).toEqual([queued.requestId]);
      const undone = await store.undoLog(queued);
      expect(undone).toEqual({ entries: [] });
      expect(await store.pendingLogs()).toEqual([]);
      expect(await store.flushPending()).toBe(0);
      expect(
        (await tools(emu.url).entries.list(entriesBySource("<offline-undo@fabrikam.example>"))).items,
      ).toEqual([]);
    });
  });
});

describe("lists set up before NoOfInteractions existed", () => {
  let emu: RunningEmulator;
  const dataDir = mkdtempSync(path.join(tmpdir(), "ilo-entries-old-"));
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, dataDir, quiet: true });
  });
  afterAll(async () => {
    await emu?.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("a log for several contacts still creates its segment (without the column), and cancel works", async () => {
    const t = tools(emu.url);
    const siteId = await t.site.siteId();
    for (const key of LIST_ORDER) {
      const spec = LISTS[key];
      await t.site.manage(`/sites/${siteId}/lists`).post({
        displayName: spec.displayName,
        columns: spec.columns.filter((c) => c.name !== COL.segments.noOfInteractions).map(columnDefinition),
        list: { template: "genericList" },
      });
    }
    t.site.forget();
    await seedReferenceData(t.site);
    const store = storeFor(emu.url);
    const logged = await store.logInteraction(
      logRequest("<old-lists@fabrikam.example>", [person(40), person(41)]),
    );
    expect(logged.results.map((r) => r.status)).toEqual(["logged", "logged"]);
    const segment = await store.getSegment(logged.segment!.id!);
    expect(segment).toBeDefined();
    expect(segment).not.toHaveProperty("noOfInteractions");
    const canceled = await store.cancelSegment(logged.segment!.id!);
    expect(canceled.entries.every((e) => e.canceled)).toBe(true);
  });
});

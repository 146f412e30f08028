// Keeping the mail (issue 15) against the emulator, through the real Graph SDK over HTTPS: one folder per source item
// shared by every entry logged from it, a 6 MB attachment through an upload session that survives a dropped
// connection (the emulator's own fault injection drops the answer to one range), excerpt only, the size limit
// refused before any upload, and the delete-canceled job removing the folder only with the last entry.
import { DEFAULT_EMULATOR_SITE_URL } from "../../src/config/app-config";
import { contentFolderName } from "../../src/domain/mail-content";
import { PROTECTED_NOTE } from "../../src/domain/content-ports";
import type { LogRequest } from "../../src/domain/ports";
import type { Contact } from "../../src/domain/types";
import { DevTokenProvider } from "../../src/graph/auth/dev-token";
import { createGraphClient, normalizeBaseUrl } from "../../src/graph/client";
import { createContentKeeper } from "../../src/graph";
import { DocumentsRepository } from "../../src/graph/repositories/documents";
import { entriesBySource, entriesRepository } from "../../src/graph/repositories/entries";
import { SharePointSite } from "../../src/graph/site";
import { ContentKeeper, type ContentKeeperOptions } from "../../src/graph/store/content-keeper";
import { RANGE_UNIT } from "../../src/graph/store/content-upload";
import { keepContent } from "../../src/graph/store/content-later";
import type { StoreCore } from "../../src/graph/store/store-core";
import { emulatorConfig, startTestEmulator, storeFor, USER, type TestEmulator } from "./harness";

const OWNER = { displayName: USER.displayName, address: USER.emailAddress };
const MB = 1024 * 1024;

const person = (n: number): Contact => ({
  contactNo: `CT71${String(n).padStart(4, "0")}`,
  type: "Person",
  name: `Content Person ${n}`,
  email: `content${n}@fabrikam.example`,
  companyNo: "CT710000",
});

function logRequest(sourceId: string, contacts: Contact[]): LogRequest {
  return {
    correspondence: {
      kind: "email",
      mode: "read",
      sourceId,
      subject: `Mail ${sourceId}`,
      date: "2030-06-01T09:30:00Z",
      direction: "inbound",
      participants: contacts.map((c, i) => ({
        role: i === 0 ? "from" : "to",
        displayName: c.name,
        address: c.email ?? "",
      })),
      mailboxOwner: OWNER,
    },
    contacts,
    user: USER,
    draft: {
      templateCode: "EMAIL",
      description: `Mail ${sourceId}`,
      interactionDate: "2030-06-01T09:30:00Z",
      informationFlow: "Inbound",
      initiatedBy: "Them",
      attemptFailed: false,
      costLCY: 0.5,
      durationMin: 5,
    },
  };
}

function bytes(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 13 + seed) & 0xff;
  return b;
}

/** The site as SharePoint holds it, read straight through the Graph SDK (not through the store under test). */
function siteOf(url: string): SharePointSite {
  const client = createGraphClient({
    baseUrl: normalizeBaseUrl(url),
    authProvider: new DevTokenProvider(USER.emailAddress),
    retry: { delaySeconds: 0.2 },
  });
  return new SharePointSite(client, DEFAULT_EMULATOR_SITE_URL);
}

const BODY = "Hello Annette,\n\nThe drawings are attached.\n\n-- \nRobin\n\nOn Mon, Ann wrote:\n> earlier";

describe("keeping the mail in Interaction Documents", () => {
  let emu: TestEmulator;
  let store: ReturnType<typeof storeFor>;
  let site: SharePointSite;
  let docs: DocumentsRepository;

  const keeper = (o: Partial<ContentKeeperOptions> = {}) => new ContentKeeper({ site, ...o });
  const entriesOf = (source: string) => entriesRepository(site).listAll(entriesBySource(source));
  async function log(source: string, contacts: Contact[]): Promise<string[]> {
    const r = await store.logInteraction(logRequest(source, contacts));
    const ids = r.results.map((x) => x.entry?.id).filter((id): id is string => !!id);
    expect(ids).toHaveLength(contacts.length);
    return ids;
  }

  beforeAll(async () => {
    emu = await startTestEmulator();
    store = storeFor(emu.url);
    site = siteOf(emu.url);
    docs = new DocumentsRepository(site);
  });

  afterAll(async () => {
    await emu.dispose();
  });

  const SOURCE_A = "<whole-1@fabrikam.example>";

  it("logs a mail with two attachments 'whole' for two contacts into one folder both entries point to", async () => {
    const ids = await log(SOURCE_A, [person(1), person(2)]);
    const files = [
      { name: "body.html", bytes: new TextEncoder().encode("<p>Hello Annette</p>") },
      { name: "drawing.pdf", bytes: bytes(300_000, 1) },
      { name: "photo: site?.png", bytes: bytes(40_000, 2) },
    ];
    const kept = await keeper().keep({
      sourceId: SOURCE_A,
      choice: "full",
      plainBody: BODY,
      files,
      entryIds: ids,
    });
    expect(kept.kept).toBe("full");
    expect(kept.uploaded).toEqual(["body.html", "drawing.pdf", "photo_ site_.png"]);
    const folder = (await docs.folder(contentFolderName(SOURCE_A)))!;
    expect(kept.documentUrl).toBe(folder.webUrl);
    expect(folder.webUrl).toMatch(/\/InteractionDocuments\/item-[0-9a-f]{28}$/);
    const children = await docs.children(folder.id);
    expect(children.map((c) => [c.name, c.size])).toEqual([
      ["body.html", 20],
      ["drawing.pdf", 300_000],
      ["photo_ site_.png", 40_000],
    ]);
    const entries = await entriesOf(SOURCE_A);
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      expect(e.documentUrl).toBe(folder.webUrl);
      expect(e.bodyExcerpt).toBe("Hello Annette,\n\nThe drawings are attached.");
    }

    // The same mail logged later for a third contact: the same folder, nothing uploaded again.
    const third = await log(SOURCE_A, [person(3)]);
    const again = await keeper().keep({
      sourceId: SOURCE_A,
      choice: "full",
      plainBody: BODY,
      files,
      entryIds: third,
    });
    expect(again.uploaded).toEqual([]);
    expect(again.reused).toHaveLength(3);
    expect(again.documentUrl).toBe(folder.webUrl);
    expect((await docs.children(folder.id)).length).toBe(3);
    const all = await entriesOf(SOURCE_A);
    expect(all.map((e) => e.documentUrl)).toEqual([folder.webUrl, folder.webUrl, folder.webUrl]);
  });

  it("sends a 6 MB attachment through an upload session that survives one dropped connection", async () => {
    const source = "<big-1@fabrikam.example>";
    const ids = await log(source, [person(4)]);
    const big = bytes(6 * MB, 9);
    let puts = 0;
    let dropped = 0;
    const fetchWithOneDrop: typeof fetch = async (input, init) => {
      const url = String(input);
      if (!url.includes("/_api/upload/") || init?.method !== "PUT") return fetch(input, init);
      puts++;
      if (puts !== 2) return fetch(input, init);
      // The emulator takes this range and journals nothing new for it, then drops the connection: the answer is lost.
      await emu.setFaults({ dropRate: 1, dropAfterShare: 1, paths: ["/_api/upload/**"] });
      try {
        return await fetch(input, init);
      } catch (e) {
        dropped++;
        throw e;
      } finally {
        await emu.setFaults({});
      }
    };
    const progress: number[] = [];
    const kept = await keeper({
      fetch: fetchWithOneDrop,
      rangeBytes: 5 * RANGE_UNIT,
      onProgress: (sent) => progress.push(sent),
    }).keep({ sourceId: source, choice: "full", files: [{ name: "scan.pdf", bytes: big }], entryIds: ids });
    expect(dropped).toBe(1);
    expect(kept.uploaded).toEqual(["scan.pdf"]);
    // 6 MiB in ranges of 1.6 MB: 4 ranges, the lost one not sent again (the session said where to go on).
    expect(puts).toBe(4);
    expect(progress[progress.length - 1]).toBe(big.length);
    const folder = (await docs.folder(contentFolderName(source)))!;
    const [file] = await docs.children(folder.id);
    expect(file).toMatchObject({ name: "scan.pdf", size: big.length });
    const res = await site.client
      .api(`${docs.drive}/items/${file!.id}/content`)
      .responseType("arraybuffer" as never)
      .get();
    expect(Buffer.from(res as ArrayBuffer).equals(Buffer.from(big))).toBe(true);
    expect((await emu.stats()).faults).toMatchObject({ dropAfter: 1 });
  });

  it("resends a range whose connection dropped before the emulator took it (the session still expects it)", async () => {
    const source = "<big-2@fabrikam.example>";
    const ids = await log(source, [person(8)]);
    const big = bytes(5 * MB, 11);
    const ranges: string[] = [];
    let dropped = 0;
    const fetchDropBefore: typeof fetch = async (input, init) => {
      const url = String(input);
      if (!url.includes("/_api/upload/") || init?.method !== "PUT") return fetch(input, init);
      ranges.push(String((init.headers as Record<string, string>)["Content-Range"]));
      if (ranges.length !== 2) return fetch(input, init);
      await emu.setFaults({ dropRate: 1, dropAfterShare: 0, paths: ["/_api/upload/**"] });
      try {
        return await fetch(input, init);
      } catch (e) {
        dropped++;
        throw e;
      } finally {
        await emu.setFaults({});
      }
    };
    await keeper({ fetch: fetchDropBefore, rangeBytes: 5 * RANGE_UNIT }).keep({
      sourceId: source,
      choice: "full",
      files: [{ name: "scan.pdf", bytes: big }],
      entryIds: ids,
    });
    expect(dropped).toBe(1);
    // The second range twice (its first try never arrived), then on.
    expect(ranges[1]).toBe(ranges[2]);
    expect(ranges).toHaveLength(5);
    const folder = (await docs.folder(contentFolderName(source)))!;
    expect((await docs.children(folder.id)).map((c) => c.size)).toEqual([big.length]);
  });

  it("keeps only the excerpt when asked (and when the administrator caps it): no file, no folder", async () => {
    const source = "<excerpt-1@fabrikam.example>";
    const ids = await log(source, [person(5)]);
    const files = [{ name: "a.pdf", bytes: bytes(1000, 3) }];
    const kept = await keeper().keep({
      sourceId: source,
      choice: "excerpt",
      plainBody: BODY,
      files,
      entryIds: ids,
    });
    expect(kept).toEqual({
      kept: "excerpt",
      bodyExcerpt: "Hello Annette,\n\nThe drawings are attached.",
      uploaded: [],
      reused: [],
    });
    const capped = await keeper({ cap: "excerpt" }).keep({
      sourceId: source,
      choice: "full",
      plainBody: BODY,
      files,
      entryIds: ids,
    });
    expect(capped.kept).toBe("excerpt");
    expect(await docs.folder(contentFolderName(source))).toBeUndefined();
    const [entry] = await entriesOf(source);
    expect(entry!.bodyExcerpt).toBe("Hello Annette,\n\nThe drawings are attached.");
    expect(entry!.documentUrl).toBeUndefined();
  });

  it("createContentKeeper applies the configuration's cap (ILO_KEEP_CONTENT_MAX=none): nothing is written", async () => {
    const source = "<capped-none@fabrikam.example>";
    const ids = await log(source, [person(7)]);
    const config = { ...emulatorConfig(emu.url), keepContentMax: "none" as const };
    const kept = await createContentKeeper({ config, user: USER }).keep({
      sourceId: source,
      choice: "full",
      plainBody: BODY,
      files: [{ name: "a.pdf", bytes: bytes(10, 1) }],
      entryIds: ids,
    });
    expect(kept).toEqual({ kept: "none", uploaded: [], reused: [] });
    const [entry] = await entriesOf(source);
    expect(entry!.bodyExcerpt).toBeUndefined();
    expect(await docs.folder(contentFolderName(source))).toBeUndefined();
  });

  it("refuses content over the limit before anything is uploaded", async () => {
    const source = "<too-big-1@fabrikam.example>";
    const ids = await log(source, [person(6)]);
    await emu.resetStats();
    const kept = await keeper({ limitBytes: 1 * MB }).keep({
      sourceId: source,
      choice: "full",
      plainBody: BODY,
      files: [
        { name: "mail.html", bytes: bytes(100_000, 4) },
        { name: "video.mp4", bytes: bytes(2 * MB, 5) },
      ],
      entryIds: ids,
    });
    expect(kept.kept).toBe("excerpt");
    expect(kept.refused).toMatch(
      /^The mail's content is 2\.1 MB; at most 1 MB per item can be kept\. Nothing was uploaded/,
    );
    expect(kept.uploaded).toEqual([]);
    // Only the entry's excerpt was written (one PATCH of its fields): no drive request at all.
    const stats = await emu.stats();
    expect(stats.http.byMethod).toEqual({ PATCH: 1 });
    expect(stats.http.byKind).toEqual({ fields: 1 });
    expect(await docs.folder(contentFolderName(source))).toBeUndefined();
    const [entry] = await entriesOf(source);
    expect(entry!.documentUrl).toBeUndefined();
  });

  it("an outbox run's signal reaches the uploads: once the run is aborted, no range is sent", async () => {
    const source = "<aborted-run-1@fabrikam.example>";
    const ids = await log(source, [person(11)]);
    const run = new AbortController();
    run.abort();
    const core = { deps: { site } } as unknown as StoreCore;
    await expect(
      keepContent(
        core,
        {},
        {
          sourceId: source,
          choice: "full",
          plainBody: BODY,
          files: [{ name: "video.mp4", bytes: bytes(2 * 1024 * 1024, 6) }],
          entryIds: ids,
        },
        undefined,
        run.signal,
      ),
    ).rejects.toMatchObject({ details: { code: "aborted" } });
    const folder = await docs.folder(contentFolderName(source));
    const files = folder ? await docs.children(folder.id) : [];
    expect(files.map((f) => f.name)).not.toContain("video.mp4");
  });

  it("never replaces a kept file with a different one of the same name: the newer is kept beside it", async () => {
    const source = "<same-name-1@fabrikam.example>";
    const first = await log(source, [person(9)]);
    const one = await keeper().keep({
      sourceId: source,
      choice: "full",
      plainBody: BODY,
      files: [{ name: "offer.pdf", bytes: bytes(1000, 3) }],
      entryIds: first,
    });
    expect(one.uploaded).toEqual(["offer.pdf"]);
    // A later log of the same mail keeps the other attachment that carries the same name.
    const second = await log(source, [person(10)]);
    const two = await keeper().keep({
      sourceId: source,
      choice: "full",
      plainBody: BODY,
      files: [{ name: "offer.pdf", bytes: bytes(2000, 4) }],
      entryIds: second,
    });
    expect(two.uploaded).toEqual(["offer (2).pdf"]);
    const folder = (await docs.folder(contentFolderName(source)))!;
    const children = await docs.children(folder.id);
    expect(children.map((c) => [c.name, c.size]).sort()).toEqual([
      ["offer (2).pdf", 2000],
      ["offer.pdf", 1000],
    ]);
    // The same file again is found, not uploaded a second time.
    const three = await keeper().keep({
      sourceId: source,
      choice: "full",
      plainBody: BODY,
      files: [{ name: "offer.pdf", bytes: bytes(1000, 3) }],
      entryIds: first,
    });
    expect(three.uploaded).toEqual([]);
    expect(three.reused).toEqual(["offer.pdf"]);
  });

  it("a delete run stopped part-way still removes the content of the entries it deleted", async () => {
    // Kept content first (the oldest item: in the run's first $batch), then 21 more canceled entries of the contact.
    const source = "<stopped-1@fabrikam.example>";
    const contact = person(8);
    const ids = await log(source, [contact]);
    await keeper().keep({
      sourceId: source,
      choice: "full",
      plainBody: BODY,
      files: [{ name: "body.html", bytes: new TextEncoder().encode("<p>Stopped</p>") }],
      entryIds: ids,
    });
    expect(await docs.folder(contentFolderName(source))).toBeDefined();
    for (let i = 0; i < 21; i++) await log(`<stopped-more-${i}@fabrikam.example>`, [contact]);
    const all = await store.listEntries({
      scope: { kind: "contact", contactNo: contact.contactNo, isCompany: false },
      pageSize: 50,
    });
    await store.cancelEntries(all.entries);

    const stop = new AbortController();
    await expect(
      store.deleteCanceled(
        { contactNo: contact.contactNo },
        (p) => {
          if (p.deleted > 0) stop.abort();
        },
        stop.signal,
      ),
    ).rejects.toMatchObject({ details: { code: "aborted" } });
    expect(await entriesOf(source)).toEqual([]);
    // Gone with its entry, though the run stopped: a later run would never see that entry again.
    expect(await docs.folder(contentFolderName(source))).toBeUndefined();
    // A second run finishes the job.
    const rest = await store.deleteCanceled({ contactNo: contact.contactNo });
    expect(rest.deleted).toBeGreaterThan(0);
    await expect(store.countCanceled({ contactNo: contact.contactNo })).resolves.toBe(0);
  });

  it("delete canceled entries removes the folder only when the last entry pointing to it goes", async () => {
    const folderName = contentFolderName(SOURCE_A);
    const entries = await entriesOf(SOURCE_A);
    const [first, second, third] = entries;
    await store.cancelEntries([first!, second!]);
    const r1 = await store.deleteCanceled({ contactNo: first!.contactNo });
    expect(r1.deleted).toBe(1);
    expect(r1.foldersDeleted).toBeUndefined();
    const r2 = await store.deleteCanceled({ contactNo: second!.contactNo });
    expect(r2.deleted).toBe(1);
    expect(await docs.folder(folderName)).toBeDefined();
    await store.cancelEntries([third!]);
    const r3 = await store.deleteCanceled({ contactNo: third!.contactNo });
    expect(r3).toMatchObject({ deleted: 1, foldersDeleted: 1 });
    expect(await docs.folder(folderName)).toBeUndefined();
    expect(await entriesOf(SOURCE_A)).toEqual([]);
  });
});

describe("keeping the mail through the store, with the outbox when SharePoint cannot be reached", () => {
  let emu: TestEmulator;
  let store: ReturnType<typeof storeFor>;
  let site: SharePointSite;

  beforeAll(async () => {
    emu = await startTestEmulator();
    store = storeFor(emu.url);
    site = siteOf(emu.url);
  });

  afterAll(async () => {
    await emu.dispose();
  });

  const entriesOf = (source: string) => entriesRepository(site).listAll(entriesBySource(source));
  const files = [
    { name: "mail.html", bytes: new TextEncoder().encode("<p>Hello Annette</p>") },
    { name: "offer.pdf", bytes: bytes(50_000, 7) },
  ];

  it("keeps an upload that could not reach SharePoint in the outbox, files included, and keeps it once it is back", async () => {
    const source = "<outbox-content-1@fabrikam.example>";
    const request = logRequest(source, [person(11), person(12)]);
    const logged = await store.logInteraction(request);
    const entryIds = logged.results.map((r) => r.entry!.id!);
    await emu.close();
    const queued = await store.keepContent(
      { sourceId: source, choice: "full", plainBody: BODY, files, entryIds },
      { log: request },
    );
    expect(queued).toMatchObject({ queued: true, kept: "full", uploaded: [] });
    const pending = await store.pendingLogs();
    expect(pending).toHaveLength(1);
    expect(pending[0]!.content?.files?.map((f) => [f.name, f.bytes.length])).toEqual([
      ["mail.html", 20],
      ["offer.pdf", 50_000],
    ]);
    await emu.restart();
    expect(await store.flushPending()).toBe(1);
    expect(await store.pendingLogs()).toEqual([]);
    const folder = (await new DocumentsRepository(site).folder(contentFolderName(source)))!;
    const children = await new DocumentsRepository(site).children(folder.id);
    expect(children.map((c) => [c.name, c.size])).toEqual([
      ["mail.html", 20],
      ["offer.pdf", 50_000],
    ]);
    const entries = await entriesOf(source);
    expect(entries.map((e) => e.documentUrl)).toEqual([folder.webUrl, folder.webUrl]);
    expect(entries.every((e) => e.bodyExcerpt === "Hello Annette,\n\nThe drawings are attached.")).toBe(true);
    // Sent once more (a second flush finds nothing): no second copy of any file.
    expect(await store.flushPending()).toBe(0);
    expect((await new DocumentsRepository(site).children(folder.id)).length).toBe(2);
  });

  it("without the waiting log's id, content waits apart and meets that log's entries by SourceId once both are sent", async () => {
    const source = "<outbox-content-2@fabrikam.example>";
    const request = logRequest(source, [person(13)]);
    await emu.close();
    const logged = await store.logInteraction(request);
    expect(logged.results.map((r) => r.status)).toEqual(["queued"]);
    const queued = await store.keepContent(
      {
        sourceId: source,
        choice: "excerpt",
        plainBody: BODY,
        entryIds: [],
        contactNos: [person(13).contactNo],
      },
      { log: request },
    );
    expect(queued.queued).toBe(true);
    expect((await store.pendingLogs()).map((p) => (p.content ? "content" : "log"))).toEqual([
      "log",
      "content",
    ]);
    await emu.restart();
    expect(await store.flushPending()).toBe(2);
    const [entry] = await entriesOf(source);
    expect(entry!.contactNo).toBe(person(13).contactNo);
    expect(entry!.bodyExcerpt).toBe("Hello Annette,\n\nThe drawings are attached.");
    expect(entry!.documentUrl).toBeUndefined();
  });

  it("puts the content on a log that waits in the outbox: one pending log, kept right after its entries", async () => {
    const source = "<outbox-content-3@fabrikam.example>";
    const request = logRequest(source, [person(15), person(16)]);
    await emu.close();
    const logged = await store.logInteraction(request);
    expect(logged.results.map((r) => r.status)).toEqual(["queued", "queued"]);
    const contactNos = [person(15).contactNo, person(16).contactNo];
    const queued = await store.keepContent(
      { sourceId: source, choice: "full", plainBody: BODY, files, entryIds: [], contactNos },
      { log: request, logRequestId: logged.requestId! },
    );
    expect(queued).toMatchObject({ queued: true, uploaded: [] });
    const pending = await store.pendingLogs();
    expect(pending).toHaveLength(1);
    expect(pending[0]!.id).toBe(logged.requestId);
    expect(pending[0]!.keepAfter).toMatchObject({ choice: "full", contactNos });
    await emu.restart();
    expect(await store.flushPending()).toBe(1);
    expect(await store.pendingLogs()).toEqual([]);
    const entries = await entriesOf(source);
    expect(entries.map((e) => e.contactNo).sort()).toEqual(contactNos);
    const folder = (await new DocumentsRepository(site).folder(contentFolderName(source)))!;
    expect(entries.map((e) => e.documentUrl)).toEqual([folder.webUrl, folder.webUrl]);
  });

  it("a log written for some contacts and queued for others: kept now for the written ones, with the log for the rest", async () => {
    const source = "<outbox-content-4@fabrikam.example>";
    const written = await store.logInteraction(logRequest(source, [person(17)]));
    await emu.close();
    const waiting = await store.logInteraction(logRequest(source, [person(18)]));
    expect(waiting.results.map((r) => r.status)).toEqual(["queued"]);
    await emu.restart();
    const kept = await store.keepContent(
      {
        sourceId: source,
        choice: "excerpt",
        plainBody: BODY,
        entryIds: [written.results[0]!.entry!.id!],
        contactNos: [person(18).contactNo],
      },
      { log: logRequest(source, [person(17), person(18)]), logRequestId: waiting.requestId! },
    );
    expect(kept.queued).toBeUndefined();
    const pending = await store.pendingLogs();
    expect(pending).toHaveLength(1);
    expect(pending[0]!.keepAfter).toMatchObject({ entryIds: [], contactNos: [person(18).contactNo] });
    expect(await store.flushPending()).toBe(1);
    const entries = await entriesOf(source);
    expect(entries.map((e) => e.contactNo).sort()).toEqual([person(17).contactNo, person(18).contactNo]);
    for (const e of entries) expect(e.bodyExcerpt).toBe("Hello Annette,\n\nThe drawings are attached.");
  });

  it("writes the protected-mail note instead of any content", async () => {
    const source = "<protected-1@fabrikam.example>";
    const request = logRequest(source, [person(14)]);
    const logged = await store.logInteraction(request);
    const kept = await store.keepContent(
      {
        sourceId: source,
        choice: "full",
        plainBody: "",
        entryIds: [logged.results[0]!.entry!.id!],
        notCopied: "protected",
      },
      { log: request },
    );
    expect(kept).toMatchObject({ kept: "none", notCopied: "protected", uploaded: [] });
    const [entry] = await entriesOf(source);
    expect(entry!.bodyExcerpt).toBe(PROTECTED_NOTE);
    expect(entry!.documentUrl).toBeUndefined();
    expect(await new DocumentsRepository(site).folder(contentFolderName(source))).toBeUndefined();
  });
});

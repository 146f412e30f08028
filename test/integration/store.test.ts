// The storage layer against the local emulator, through the real Graph SDK over HTTPS.
import { seedEmulator } from "../../dev/seed/seed";
import { StoreError } from "../../src/domain/errors";
import { EMPTY_POLICY, type MatchingPolicy } from "../../src/domain/matching";
import type { LogRequest } from "../../src/domain/ports";
import type { Contact, Correspondence, Participant } from "../../src/domain/types";
import { DevTokenProvider } from "../../src/graph/auth/dev-token";
import { BatchExecutor } from "../../src/graph/batch";
import { createGraphClient, normalizeBaseUrl } from "../../src/graph/client";
import { entryToFields } from "../../src/graph/mapping";
import "fake-indexeddb/auto";
import { IndexedDbOutbox, MemoryOutbox, type OutboxStorage } from "../../src/graph/outbox";
import { contactsRepository } from "../../src/graph/repositories/contacts";
import { entriesBySource, entriesRepository } from "../../src/graph/repositories/entries";
import { SharePointSite } from "../../src/graph/site";
import { ListRepository } from "../../src/graph/repositories/list-repository";
import { DEFAULT_EMULATOR_SITE_URL } from "../../src/config/app-config";
import { loseFirstAnswer, startTestEmulator, storeFor, USER, type TestEmulator } from "./harness";

const POLICY: MatchingPolicy = { ownDomains: ["cronus.example"], neverLog: ["gmail.com"] };
const OWNER = { displayName: USER.displayName, address: USER.emailAddress };

function mail(sourceId: string, addresses: string[], subject = "Quote"): Correspondence {
  return {
    kind: "email",
    mode: "read",
    sourceId,
    subject,
    date: "2024-05-01T09:30:00Z",
    direction: "inbound",
    participants: addresses.map((address, i): Participant => ({
      role: i === 0 ? "from" : "to",
      displayName: address,
      address,
    })),
    mailboxOwner: OWNER,
  };
}

function request(correspondence: Correspondence | undefined, contacts: Contact[]): LogRequest {
  return {
    ...(correspondence ? { correspondence } : {}),
    contacts,
    user: USER,
    draft: {
      templateCode: "EMAIL",
      description: correspondence?.subject ?? "Call",
      interactionDate: "2024-05-01T09:30:00Z",
      informationFlow: "Inbound",
      initiatedBy: "Them",
      attemptFailed: false,
      costLCY: 0.5,
      durationMin: 5,
      correspondenceType: "Email",
    },
  };
}

/** Direct access for assertions and setup, outside the store under test. */
function tools(url: string) {
  const baseUrl = normalizeBaseUrl(url);
  const client = createGraphClient({
    baseUrl,
    authProvider: new DevTokenProvider(USER.emailAddress),
    retry: { delaySeconds: 0.2 },
  });
  const site = new SharePointSite(client, DEFAULT_EMULATOR_SITE_URL);
  return {
    client,
    site,
    batch: new BatchExecutor(client, baseUrl),
    entries: entriesRepository(site),
    contacts: contactsRepository(site),
  };
}

const extraPersons: Contact[] = Array.from({ length: 25 }, (_, i) => ({
  contactNo: `CT9000${String(i).padStart(2, "0")}`,
  type: "Person",
  name: `Segment Person ${i}`,
  email: `person${i}@fabrikam.example`,
}));

describe("storage layer against the emulator", () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startTestEmulator({ threshold: 50 });
    await seedEmulator({ baseUrl: emu.url, user: USER });
    await seedEmulator({ baseUrl: emu.url, user: USER, contacts: extraPersons });
  });
  afterAll(async () => emu?.dispose());
  afterEach(async () => emu.setFaults({}));

  it("seeding is idempotent: a second run adds nothing", async () => {
    const again = await seedEmulator({ baseUrl: emu.url, user: USER });
    expect(again.provision.createdLists).toEqual([]);
    expect(again.provision.addedColumns).toEqual([]);
    expect(again.reference).toEqual({ groups: 0, templates: 0, setup: 0 });
    expect(again.contactsAdded).toBe(0);
    expect(again.contactsExisting).toBe(12);
  });

  describe("matching", () => {
    it("finds a known person, a company by parent domain, unknown, ambiguous and an apostrophe address", async () => {
      const store = storeFor(emu.url);
      const ctx = await store.loadItemContext(
        mail("<match-1@adatum.example>", [
          "Robin.Danielsen@Adatum.example",
          "someone@mail.eu.treyresearch.example",
          "nobody@unknown-company.example",
          "info@relecloud.example",
          "mary.o'brien@litware.example",
          "peter.saddow@cronus.example",
          "friend@gmail.com",
        ]),
        POLICY,
      );
      const by = Object.fromEntries(ctx.matches.map((m) => [m.email, m]));
      expect(by["robin.danielsen@adatum.example"]).toMatchObject({
        status: "person",
        contact: { contactNo: "CT000010" },
      });
      expect(by["robin.danielsen@adatum.example"]!.company?.contactNo).toBe("CT000001");
      expect(by["someone@mail.eu.treyresearch.example"]).toMatchObject({
        status: "company",
        contact: { contactNo: "CT000002" },
      });
      expect(by["nobody@unknown-company.example"]!.status).toBe("unknown");
      expect(by["info@relecloud.example"]!.status).toBe("ambiguous");
      expect(by["info@relecloud.example"]!.candidates!.map((c) => c.contactNo).sort()).toEqual([
        "CT000005",
        "CT000006",
      ]);
      expect(by["mary.o'brien@litware.example"]).toMatchObject({
        status: "person",
        contact: { contactNo: "CT000014" },
      });
      expect(by["peter.saddow@cronus.example"]!.status).toBe("internal");
      expect(by["friend@gmail.com"]!.status).toBe("neverLog");
      expect(ctx.templates.map((t) => t.code)).toEqual(
        expect.arrayContaining(["EMAIL", "MEETING", "PHONE", "LETTER"]),
      );
      expect(ctx.groups.length).toBeGreaterThanOrEqual(4);
      expect(ctx.setup).toEqual({
        Emails: "EMAIL",
        "Meeting Invitation": "MEETING",
        "Outgoing Calls": "PHONE",
        "E-Mail Draft": "EMAIL",
      });
    });

    it("matches a person by Email2", async () => {
      const ctx = await storeFor(emu.url).loadItemContext(
        mail("<m2>", ["jesse@ulrich-consulting.example"]),
        EMPTY_POLICY,
      );
      expect(ctx.matches[0]).toMatchObject({ status: "person", contact: { contactNo: "CT000011" } });
    });

    it("matches a meeting with 40 attendees in one request (filters split across sub-requests)", async () => {
      const store = storeFor(emu.url);
      await store.loadItemContext(mail("<warm-big>", ["a@b.example"]), POLICY);
      await emu.resetStats();
      const addresses = [
        ...extraPersons.map((p) => p.email!),
        ...Array.from({ length: 15 }, (_, i) => `guest${i}@nowhere${i}.example`),
      ];
      const ctx = await store.loadItemContext(mail("<big-meeting>", addresses), POLICY);
      expect((await emu.stats()).http.total).toBe(1);
      expect(ctx.matches.filter((m) => m.status === "person")).toHaveLength(25);
      expect(ctx.matches.filter((m) => m.status === "unknown")).toHaveLength(15);
    });

    it("loads an item's context in exactly one HTTP request, for the first item of a fresh store too", async () => {
      const store = storeFor(emu.url);
      // Cold: nothing resolved yet (no site id, no list ids, no reference data).
      await emu.resetStats();
      const cold = await store.loadItemContext(mail("<cold>", ["kim.akers@treyresearch.example"]), POLICY);
      const coldStats = await emu.stats();
      expect(coldStats.http.total).toBe(1);
      expect(coldStats.http.byKind.batch).toBe(1);
      expect(cold.matches[0]).toMatchObject({ status: "person", contact: { contactNo: "CT000012" } });
      expect(cold.templates.length).toBeGreaterThanOrEqual(4);
      // Warm: a later item of the same session.
      await emu.resetStats();
      const ctx = await store.loadItemContext(
        mail("<second>", ["robin.danielsen@adatum.example", "x@litware.example"]),
        POLICY,
      );
      const stats = await emu.stats();
      expect(stats.http.total).toBe(1);
      expect(stats.http.byKind.batch).toBe(1);
      expect(ctx.matches.map((m) => m.status)).toEqual(["person", "company"]);
    });
  });

  describe("logging", () => {
    it("logs one interaction, and a second log of the same item finds it instead of writing again", async () => {
      const store = storeFor(emu.url);
      const robin = (await store.searchContacts("CT000010"))[0]!;
      const c = mail("<once@adatum.example>", ["robin.danielsen@adatum.example"]);
      const first = await store.logInteraction(request(c, [robin]));
      expect(first.results).toEqual([expect.objectContaining({ contactNo: "CT000010", status: "logged" })]);
      expect(first.results[0]!.entry).toMatchObject({
        contactNo: "CT000010",
        contactCompanyNo: "CT000001",
        sourceId: "<once@adatum.example>",
      });
      expect(first.segment).toBeUndefined();
      const second = await store.logInteraction(request(c, [robin]));
      expect(second.results[0]).toMatchObject({
        status: "alreadyLogged",
        entry: { id: first.results[0]!.entry!.id },
      });
      const ctx = await store.loadItemContext(c, POLICY);
      expect(ctx.alreadyLogged).toHaveLength(1);
    });

    it("logs a segment of 25 contacts: one segment item, then entries in $batches of 20", async () => {
      const store = storeFor(emu.url);
      await store.loadItemContext(mail("<warm-seg>", ["a@b.example"]), POLICY);
      await emu.resetStats();
      const c = mail(
        "<segment@fabrikam.example>",
        extraPersons.map((p) => p.email!),
        "Kick-off",
      );
      const result = await store.logInteraction(request(c, extraPersons));
      const stats = await emu.stats();
      expect(result.segment?.id).toBeDefined();
      expect(result.results.map((r) => r.status)).toEqual(Array(25).fill("logged"));
      expect(new Set(result.results.map((r) => r.entry!.loggedSegmentId))).toEqual(
        new Set([result.segment!.id]),
      );
      expect(stats.http.total).toBe(3);
      expect(stats.batchParts.total).toBe(26);
      const stored = await tools(emu.url).entries.listAll(entriesBySource("<segment@fabrikam.example>"));
      expect(stored).toHaveLength(25);
      expect(
        stored.every(
          (e) => e.loggedSegmentId === result.segment!.id && e.contactVia?.endsWith("@fabrikam.example"),
        ),
      ).toBe(true);
    });

    it("counts in NoOfInteractions only the entries written for the segment, not contacts logged before", async () => {
      const store = storeFor(emu.url);
      const three = extraPersons.slice(2, 5);
      const c = mail(
        "<count@fabrikam.example>",
        three.map((p) => p.email!),
        "Counted",
      );
      await store.logInteraction(request(c, three.slice(0, 1)));
      const result = await store.logInteraction(request(c, three));
      expect(result.results.map((r) => r.status)).toEqual(["alreadyLogged", "logged", "logged"]);
      expect(result.segment?.noOfInteractions).toBe(2);
      const t = tools(emu.url);
      const [segment] = (
        (await t.client
          .api(
            `${await t.site.itemsPath("segments")}?$expand=fields&$filter=${encodeURIComponent("fields/SourceId eq '<count@fabrikam.example>'")}`,
          )
          .get()) as { value: Array<{ id: string; fields: Record<string, unknown> }> }
      ).value.filter((s) => s.id === result.segment!.id);
      expect(segment?.fields.NoOfInteractions).toBe(2);
    });

    it("logging a segment again finds its entries and leaves no second, empty segment", async () => {
      const store = storeFor(emu.url);
      const pair = extraPersons.slice(0, 2);
      const c = mail(
        "<again@fabrikam.example>",
        pair.map((p) => p.email!),
        "Twice",
      );
      const first = await store.logInteraction(request(c, pair));
      expect(first.segment?.id).toBeDefined();
      const second = await store.logInteraction(request(c, pair));
      expect(second.results.map((r) => r.status)).toEqual(["alreadyLogged", "alreadyLogged"]);
      expect(second.segment).toBeUndefined();
      const t = tools(emu.url);
      const segments = (await t.client
        .api(
          `${await t.site.itemsPath("segments")}?$expand=fields&$filter=${encodeURIComponent("fields/SourceId eq '<again@fabrikam.example>'")}`,
        )
        .get()) as {
        value: unknown[];
      };
      expect(segments.value).toHaveLength(1);
    });

    it("a lost answer (write applied, connection dropped) still gives exactly one entry", async () => {
      const store = storeFor(emu.url);
      const kim = (await store.searchContacts("kim.akers@treyresearch.example"))[0]!;
      await store.loadItemContext(mail("<warm-drop>", ["a@b.example"]), POLICY);
      // The first $batch reaches the emulator and is applied, then its connection drops (deterministic, unlike a
      // random fault switched off by a watcher, which raced the store's own retries on a loaded machine).
      const drop = loseFirstAnswer(
        (url) => /\/\$batch$/.test(new URL(url).pathname),
        async (real) => {
          await real.arrayBuffer();
          throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
        },
      );
      const result = await store
        .logInteraction(request(mail("<lost@treyresearch.example>", [kim.email!]), [kim]))
        .finally(drop.restore);
      expect(drop.lost()).toBe(1);
      expect(["logged", "alreadyLogged"]).toContain(result.results[0]!.status);
      const stored = await tools(emu.url).entries.listAll(entriesBySource("<lost@treyresearch.example>"));
      expect(stored).toHaveLength(1);
    });

    it("honours 429/503 with Retry-After, inside and outside $batch", async () => {
      const store = storeFor(emu.url);
      await emu.setFaults({ rate429: 0.3, rate503: 0.2, retryAfterSeconds: 0, seed: 3 });
      const ian = (await store.searchContacts("CT000013"))[0]!;
      const ctx = await store.loadItemContext(
        mail("<throttled>", ["ian.deberry@alpineskihouse.example"]),
        POLICY,
      );
      expect(ctx.matches[0]!.status).toBe("person");
      const logged = await store.logInteraction(request(mail("<throttled>", [ian.email!]), [ian]));
      const faults = (await emu.stats()).faults;
      expect(faults["429"] + faults["503"]).toBeGreaterThan(0);
      expect(["logged", "alreadyLogged"]).toContain(logged.results[0]!.status);
      await emu.setFaults({});
      expect(await tools(emu.url).entries.listAll(entriesBySource("<throttled>"))).toHaveLength(1);
    });

    it("surfaces a stale eTag as a conflict and changes nothing", async () => {
      const store = storeFor(emu.url);
      const dana = (await store.searchContacts("CT000015"))[0]!;
      const { results } = await store.logInteraction(
        request(mail("<etag@treyresearch.example>", [dana.email!]), [dana]),
      );
      const entry = results[0]!.entry!;
      const { entries } = tools(emu.url);
      await entries.update(entry.id!, { Title: "first edit" }, entry.eTag);
      const err = await entries.update(entry.id!, { Title: "second edit" }, entry.eTag).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).kind).toBe("conflict");
      expect((err as StoreError).details.status).toBe(412);
      expect((await entries.getById(entry.id!)).description).toBe("first edit");
    });

    it("refuses an invalid draft before writing anything", async () => {
      const store = storeFor(emu.url);
      const robin = (await store.searchContacts("CT000010"))[0]!;
      const bad = request(undefined, [robin]);
      bad.draft.templateCode = "NOPE";
      await expect(store.logInteraction(bad)).rejects.toMatchObject({ kind: "invalid" });
    });
  });

  describe("history", () => {
    it("pages newest first on a list above the threshold, without the Prefer header", async () => {
      const t = tools(emu.url);
      const base = Date.parse("2023-01-01T00:00:00Z");
      const entries = Array.from({ length: 130 }, (_, i) => ({
        description: `History ${i}`,
        contactNo: i % 3 === 0 ? "CT700001" : `CT8${String(i).padStart(5, "0")}`,
        contactCompanyNo: "CT000002",
        interactionDate: new Date(base + i * 3600_000).toISOString(),
        templateCode: "EMAIL",
        costLCY: 0,
        durationMin: 0,
        userId: USER.emailAddress,
        attemptFailed: false,
        canceled: i === 99, // 99 % 3 === 0: one canceled entry of CT700001
        sourceKind: "Manual" as const,
        dedupeKey: `X-history-${i}`,
      }));
      const steps = await Promise.all(entries.map((e, i) => t.entries.addStep(`h${i}`, entryToFields(e))));
      const answers = await t.batch.execute(steps);
      expect([...answers.values()].every((a) => a.status === 201)).toBe(true);

      const sent: Headers[] = [];
      const realFetch = globalThis.fetch;
      globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        sent.push(new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)));
        return realFetch(input, init);
      };
      try {
        const store = storeFor(emu.url);
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.getHistory({
            contactNo: "CT700001",
            isCompany: false,
            pageSize: 10,
            ...(cursor ? { cursor } : {}),
          });
          expect(page.entries.length).toBeLessThanOrEqual(10);
          seen.push(...page.entries.map((e) => e.interactionDate));
          cursor = page.nextCursor;
          pages++;
        } while (cursor && pages < 20);
        const expected = entries
          .filter((e) => e.contactNo === "CT700001" && !e.canceled)
          .map((e) => Date.parse(e.interactionDate));
        expect(seen.map((d) => Date.parse(d))).toEqual([...expected].sort((a, b) => b - a));
        expect(pages).toBeGreaterThan(3);
        const withCanceled = await store.getHistory({
          contactNo: "CT700001",
          isCompany: false,
          pageSize: 50,
          includeCanceled: true,
        });
        expect(withCanceled.entries.some((e) => e.canceled)).toBe(true);
      } finally {
        globalThis.fetch = realFetch;
      }
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.some((h) => h.has("Prefer"))).toBe(false);
    });

    it("never returns more than pageSize entries when canceled ones thin a page, and misses none", async () => {
      const t = tools(emu.url);
      const base = Date.parse("2022-03-01T00:00:00Z");
      // Newest first, raw Graph pages of 4: [11c 10c 9 8] [7 6 5c 4] [3 2 1 0] (c = canceled).
      const entries = Array.from({ length: 12 }, (_, i) => ({
        description: `Thin ${i}`,
        contactNo: "CT700002",
        contactCompanyNo: "CT000002",
        interactionDate: new Date(base + i * 3600_000).toISOString(),
        templateCode: "EMAIL",
        costLCY: 0,
        durationMin: 0,
        userId: USER.emailAddress,
        attemptFailed: false,
        canceled: [11, 10, 5].includes(i),
        sourceKind: "Manual" as const,
        dedupeKey: `X-thin-${i}`,
      }));
      const steps = await Promise.all(entries.map((e, i) => t.entries.addStep(`t${i}`, entryToFields(e))));
      const answers = await t.batch.execute(steps);
      expect([...answers.values()].every((a) => a.status === 201)).toBe(true);

      const store = storeFor(emu.url);
      const pages: string[][] = [];
      let cursor: string | undefined;
      do {
        const page = await store.getHistory({
          contactNo: "CT700002",
          isCompany: false,
          pageSize: 4,
          ...(cursor ? { cursor } : {}),
        });
        pages.push(page.entries.map((e) => e.description));
        cursor = page.nextCursor;
      } while (cursor && pages.length < 10);
      expect(pages).toEqual([
        ["Thin 9", "Thin 8", "Thin 7", "Thin 6"],
        ["Thin 4", "Thin 3", "Thin 2", "Thin 1"],
        ["Thin 0"],
      ]);
      expect(cursor).toBeUndefined();
    });

    it("shows a company's history including its persons' entries", async () => {
      const page = await storeFor(emu.url).getHistory({
        contactNo: "CT000002",
        isCompany: true,
        pageSize: 5,
      });
      expect(page.entries).toHaveLength(5);
      expect(page.entries.every((e) => e.contactCompanyNo === "CT000002")).toBe(true);
      expect(page.nextCursor).toBeDefined();
    });

    it("rejects a cursor that points at another host", async () => {
      await expect(
        storeFor(emu.url).getHistory({
          contactNo: "CT000012",
          isCompany: false,
          pageSize: 5,
          cursor: "https://evil.example/v1.0/x",
        }),
      ).rejects.toMatchObject({ kind: "invalid" });
    });
  });

  describe("contacts", () => {
    it("creates a contact with the next free number and refuses a duplicate email", async () => {
      const store = storeFor(emu.url);
      const created = await store.createContact({
        type: "Person",
        name: "New Person",
        email: "New.Person@Northwind.example",
      });
      expect(created.contactNo).toMatch(/^CT\d{6}$/);
      expect(Number(created.contactNo.slice(2))).toBeGreaterThan(900024);
      expect(created.email).toBe("new.person@northwind.example");
      await expect(
        store.createContact({ type: "Person", name: "Copy", email: "new.person@northwind.example" }),
      ).rejects.toMatchObject({
        kind: "invalid",
        details: { code: "duplicateEmail" },
      });
      await expect(
        store.createContact({ type: "Person", name: " ", email: "x@y.example" }),
      ).rejects.toMatchObject({ kind: "invalid" });
    });

    it("takes the next number when another writer took it first (unique ContactNo decides)", async () => {
      const t = tools(emu.url);
      const store = storeFor(emu.url);
      const realAdd = ListRepository.prototype.add;
      let squatted = "";
      // Between the store's read of the highest number and its write, someone else stores that very number.
      const spy = jest.spyOn(ListRepository.prototype, "add").mockImplementationOnce(async function (
        this: ListRepository<unknown>,
        fields,
      ) {
        squatted = String(fields.ContactNo);
        await t.contacts.add({ Title: "Squatter", ContactNo: squatted, ContactType: "Person" });
        return realAdd.call(this, fields);
      });
      try {
        const created = await store.createContact({
          type: "Company",
          name: "Race Inc.",
          domain: "Race.example",
        });
        expect(squatted).toMatch(/^CT\d{6}$/);
        expect(created.contactNo).toBe(`CT${String(Number(squatted.slice(2)) + 1).padStart(6, "0")}`);
        expect(created).toMatchObject({ companyNo: created.contactNo, domain: "race.example" });
      } finally {
        spy.mockRestore();
      }
    });

    it("searches by number, address, address prefix and name prefix", async () => {
      const store = storeFor(emu.url);
      expect((await store.searchContacts("ct000014")).map((c) => c.contactNo)).toContain("CT000014");
      expect((await store.searchContacts("mary.o'brien@litware.example")).map((c) => c.name)).toEqual([
        "Mary O'Brien",
      ]);
      expect((await store.searchContacts("jesse.")).map((c) => c.contactNo)).toContain("CT000011");
      expect((await store.searchContacts("Kim")).map((c) => c.contactNo)).toContain("CT000012");
      expect(await store.searchContacts("   ")).toEqual([]);
    });
  });
});

describe("provisioning upgrades in place", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => emu?.dispose());

  it("adds missing columns and indexes to an existing list and keeps its items", async () => {
    const t = tools(emu.url);
    const siteId = await t.site.siteId();
    // An older version of the app: Contacts with two columns, Email not indexed, and one contact in it.
    await t.site.manage(`/sites/${siteId}/lists`).post({
      displayName: "Contacts",
      columns: [
        { name: "ContactNo", text: {}, indexed: true, enforceUniqueValues: true },
        { name: "Email", text: {} },
      ],
      list: { template: "genericList" },
    });
    t.site.forget();
    const listId = (await t.site.allLists()).get("Contacts")!.id;
    await t.client
      .api(`/sites/${siteId}/lists/${listId}/items`)
      .post({ fields: { Title: "Old Timer", ContactNo: "CT000100", Email: "old@timer.example" } });

    const store = storeFor(emu.url);
    await store.provisionLists();

    const columns = (await t.client.api(`/sites/${siteId}/lists/${listId}/columns`).get()) as {
      value: { name: string; indexed?: boolean; enforceUniqueValues?: boolean }[];
    };
    const byName = new Map(columns.value.map((c) => [c.name, c]));
    for (const name of ["ContactType", "CompanyNo", "Email2", "Domain", "Phone", "JobTitle"])
      expect(byName.has(name)).toBe(true);
    expect(byName.get("Email")!.indexed).toBe(true);
    expect(byName.get("Domain")!.indexed).toBe(true);
    t.site.forget();
    expect((await t.site.listIds()).entries).toBeDefined();
    const found = await store.searchContacts("CT000100");
    expect(found).toEqual([expect.objectContaining({ name: "Old Timer", email: "old@timer.example" })]);
  });
});

describe("emulator mode provisions on first use; the outbox keeps logs while Graph is down", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => emu?.dispose());

  it("sets up the lists by itself on an empty emulator", async () => {
    const ctx = await storeFor(emu.url).loadItemContext(mail("<fresh>", ["a@b.example"]), POLICY);
    expect(ctx.templates.length).toBeGreaterThanOrEqual(4);
    expect(ctx.matches[0]!.status).toBe("unknown");
  });

  it("queues a log when the emulator is down and sends it once when it is back", async () => {
    const outbox = new MemoryOutbox();
    const store = storeFor(emu.url, outbox);
    const contact = await store.createContact({
      type: "Person",
      name: "Offline Olga",
      email: "olga@offline.example",
    });
    await store.loadItemContext(mail("<warm-off>", ["a@b.example"]), POLICY);
    await emu.close();
    const c = mail("<offline@offline.example>", ["olga@offline.example"]);
    const result = await store.logInteraction(request(c, [contact]));
    expect(result.results[0]!.status).toBe("queued");
    expect(await store.pendingLogs()).toHaveLength(1);
    expect(await store.flushPending()).toBe(0);
    expect((await store.pendingLogs())[0]!.attempts).toBe(1);

    await emu.restart();
    expect(await store.flushPending()).toBe(1);
    expect(await store.pendingLogs()).toHaveLength(0);
    expect(await store.flushPending()).toBe(0);
    const stored = await tools(emu.url).entries.listAll(entriesBySource("<offline@offline.example>"));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.contactNo).toBe(contact.contactNo);
  });

  it("keeps queued logs in IndexedDB across a closed pane and sends them from a new one", async () => {
    const dbName = `outbox-${Date.now()}`;
    const first = storeFor(emu.url, new IndexedDbOutbox(dbName));
    const contact = await first.createContact({
      type: "Person",
      name: "Pane Closer",
      email: "pane@closer.example",
    });
    await first.loadItemContext(mail("<warm-idb>", ["a@b.example"]), POLICY);
    await emu.close();
    const result = await first.logInteraction(
      request(mail("<idb@closer.example>", ["pane@closer.example"]), [contact]),
    );
    expect(result.results[0]!.status).toBe("queued");
    await emu.restart();
    // The pane is closed and opened again: a new store, a new outbox object on the same database.
    const second = storeFor(emu.url, new IndexedDbOutbox(dbName));
    expect((await second.pendingLogs()).map((p) => p.request.contacts[0]!.contactNo)).toEqual([
      contact.contactNo,
    ]);
    expect(await second.flushPending()).toBe(1);
    expect(await second.pendingLogs()).toEqual([]);
    expect(await tools(emu.url).entries.listAll(entriesBySource("<idb@closer.example>"))).toHaveLength(1);
  });

  it.each<[string, () => OutboxStorage]>([
    ["MemoryOutbox", () => new MemoryOutbox()],
    ["IndexedDbOutbox", () => new IndexedDbOutbox(`outbox-refused-${Math.random()}`)],
  ])(
    "%s: a replay refused for good is marked failed, skipped by automatic runs, retried by Send now, discarded by the user",
    async (name, makeOutbox) => {
      const outbox = makeOutbox();
      const store = storeFor(emu.url, outbox);
      const contact = await store.createContact({
        type: "Person",
        name: `Refused ${name}`,
        email: `refused-${name.toLowerCase()}@refused.example`,
      });
      const src = (n: string) => `<refused-${n}-${name}@refused.example>`;
      const gone = request(mail(src("gone"), [contact.email!]), [contact]);
      gone.draft.templateCode = "GONE"; // deleted since it was queued
      await outbox.put({
        id: `gone-${name}`,
        request: gone,
        queuedAt: "2024-05-01T00:00:00.000Z",
        attempts: 2,
      });
      await outbox.put({
        id: `fine-${name}`,
        request: request(mail(src("fine"), [contact.email!]), [contact]),
        queuedAt: "2024-05-02T00:00:00.000Z",
        attempts: 0,
      });

      // The refused log does not hold up the one after it.
      expect(await store.flushPending()).toBe(1);
      const [refused, ...rest] = await store.pendingLogs();
      expect(rest).toEqual([]);
      expect(refused).toMatchObject({ id: `gone-${name}`, failed: true, attempts: 3 });
      expect(refused!.lastError).toMatch(/cannot be logged/);
      expect(await tools(emu.url).entries.listAll(entriesBySource(src("fine")))).toHaveLength(1);

      // Automatic runs leave it alone: not sent, not counted as an attempt, still there.
      await emu.resetStats();
      expect(await store.flushPending()).toBe(0);
      expect(await store.pendingLogs()).toEqual([refused]);
      expect((await emu.stats()).http.total).toBe(0);

      // "Send now" tries it again; still refused, still kept.
      expect(await store.flushPending({ includeFailed: true })).toBe(0);
      expect(await store.pendingLogs()).toEqual([{ ...refused, attempts: 4 }]);

      await store.discardPending(`gone-${name}`);
      expect(await store.pendingLogs()).toEqual([]);
      // Gone for good, also for a new pane on the same storage.
      expect(await storeFor(emu.url, outbox).pendingLogs()).toEqual([]);
      expect(await tools(emu.url).entries.listAll(entriesBySource(src("gone")))).toHaveLength(0);
    },
  );

  it("keeps a transiently failing replay retryable (not failed)", async () => {
    const outbox = new MemoryOutbox();
    const store = storeFor(emu.url, outbox);
    const contact = await store.createContact({ type: "Person", name: "Flaky", email: "flaky@t.example" });
    await store.loadItemContext(mail("<warm-flaky>", ["a@b.example"]), POLICY);
    await emu.close();
    await store.logInteraction(request(mail("<flaky@t.example>", ["flaky@t.example"]), [contact]));
    expect(await store.flushPending()).toBe(0);
    const [p] = await store.pendingLogs();
    expect(p!.failed).toBeUndefined();
    await emu.restart();
    expect(await store.flushPending()).toBe(1);
  });
});

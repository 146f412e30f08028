// Issue 12 against the emulator, through the real Graph SDK: a 1,000-character Message-ID is logged (exact ids
// where they fit, a stable hashed SourceId where not), and the once-per-start list check finds a DedupeKey that is
// not unique.
import { seedEmulator } from "../../dev/seed/seed";
import type { LogRequest } from "../../src/domain/ports";
import type { Contact, Correspondence } from "../../src/domain/types";
import { DevTokenProvider } from "../../src/graph/auth/dev-token";
import { createGraphClient, normalizeBaseUrl } from "../../src/graph/client";
import { DEFAULT_EMULATOR_SITE_URL } from "../../src/config/app-config";
import { entriesRepository } from "../../src/graph/repositories/entries";
import { SharePointSite } from "../../src/graph/site";
import { startTestEmulator, storeFor, USER, type TestEmulator } from "./harness";

const POLICY = { ownDomains: ["cronus.example"], neverLog: ["gmail.com"] };
const LONG_ID = `<${"a1b2c3d4e5".repeat(97)}abcdefgh@mail.adatum.example>`; // 1,000 characters
const LONG_LINK = `https://outlook.office.com/mail/deeplink/read/${"AAMkAGI2".repeat(120)}`;

function mail(sourceId: string): Correspondence {
  return {
    kind: "email",
    mode: "read",
    sourceId,
    webLink: LONG_LINK,
    subject: "Quote with a very long Message-ID",
    date: "2024-05-01T09:30:00Z",
    direction: "inbound",
    participants: [
      { role: "from", displayName: "Robin", address: "robin.danielsen@adatum.example" },
      { role: "to", displayName: USER.displayName, address: USER.emailAddress },
    ],
    mailboxOwner: { displayName: USER.displayName, address: USER.emailAddress },
  };
}

function request(c: Correspondence, contacts: Contact[]): LogRequest {
  return {
    correspondence: c,
    contacts,
    user: USER,
    draft: {
      templateCode: "EMAIL",
      description: c.subject,
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

describe("issue 12 against the emulator", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
    await seedEmulator({ baseUrl: emu.url, user: USER });
  });
  afterAll(async () => emu?.dispose());

  it("logs an item whose Message-ID has 1,000 characters, finds it again, and never logs it twice", async () => {
    expect(LONG_ID).toHaveLength(1000);
    const store = storeFor(emu.url);
    const c = mail(LONG_ID);
    const ctx = await store.loadItemContext(c, POLICY);
    const robin = ctx.matches.find((m) => m.email === "robin.danielsen@adatum.example")!;
    const contacts = [robin.contact!, robin.company!];
    const first = await store.logInteraction(request(c, contacts));
    expect(first.results.map((r) => r.status)).toEqual(["logged", "logged"]);
    expect(first.segment?.id).toBeDefined();
    const stored = first.results[0]!.entry!;
    expect(stored.sourceId!.length).toBeLessThanOrEqual(255);
    expect(stored.sourceId).not.toBe(LONG_ID);
    // A link that does not fit is left out rather than cut into something that opens nothing.
    expect(stored.webLink).toBeUndefined();

    // The pane opening the same item again sees it logged (its lookup uses the same stored form).
    const again = await storeFor(emu.url).loadItemContext(mail(LONG_ID), POLICY);
    expect(again.alreadyLogged.map((e) => e.contactNo).sort()).toEqual(
      contacts.map((k) => k.contactNo).sort(),
    );
    const second = await storeFor(emu.url).logInteraction(request(mail(LONG_ID), contacts));
    expect(second.results.map((r) => r.status)).toEqual(["alreadyLogged", "alreadyLogged"]);

    // Another long id with the same first 200 characters is a different item.
    const sibling = `${LONG_ID.slice(0, 900)}${"z".repeat(99)}>`;
    const other = await storeFor(emu.url).loadItemContext(mail(sibling), POLICY);
    expect(other.alreadyLogged).toEqual([]);
  });

  it("keeps an id that fits exactly as it is", async () => {
    const exact = `<${"x".repeat(230)}@adatum.example>`;
    expect(exact.length).toBeLessThanOrEqual(255);
    const store = storeFor(emu.url);
    const c = { ...mail(exact), webLink: "https://outlook.office.com/mail/deeplink/read/AAMk" };
    const ctx = await store.loadItemContext(c, POLICY);
    const robin = ctx.matches.find((m) => m.email === "robin.danielsen@adatum.example")!;
    const result = await store.logInteraction(request(c, [robin.contact!]));
    expect(result.results[0]!.entry).toMatchObject({ sourceId: exact, webLink: c.webLink });
    const client = createGraphClient({
      baseUrl: normalizeBaseUrl(emu.url),
      authProvider: new DevTokenProvider(USER.emailAddress),
    });
    const entries = entriesRepository(new SharePointSite(client, DEFAULT_EMULATOR_SITE_URL));
    const read = await entries.getById(result.results[0]!.entry!.id!);
    expect(read.sourceId).toBe(exact);
  });

  it("the list check finds a DedupeKey without unique values (hand-built or older lists), in one request", async () => {
    const store = storeFor(emu.url);
    expect(await store.checkLists()).toEqual([]);
    // An administrator (or an older template) left the Logged Segments' key without its unique constraint.
    const client = createGraphClient({
      baseUrl: normalizeBaseUrl(emu.url),
      authProvider: new DevTokenProvider(USER.emailAddress),
    });
    const site = new SharePointSite(client, DEFAULT_EMULATOR_SITE_URL);
    const siteId = await site.siteId();
    const lists = await site.allLists(true);
    const segments = lists.get("Logged Segments")!.id;
    const columns = (await site.manage(`/sites/${siteId}/lists/${segments}/columns`).get()) as {
      value: { id: string; name: string }[];
    };
    const key = columns.value.find((c) => c.name === "DedupeKey")!;
    await site
      .manage(`/sites/${siteId}/lists/${segments}/columns/${key.id}`)
      .patch({ enforceUniqueValues: false });

    await emu.resetStats();
    const warnings = await storeFor(emu.url).checkLists();
    expect(warnings).toEqual([{ list: "Logged Segments", column: "DedupeKey", problem: "notUnique" }]);
    const stats = await emu.stats();
    expect(stats.http.total).toBe(1);

    // Set-up puts the constraint back (no duplicates here) and the check is quiet again.
    await storeFor(emu.url).provisionLists();
    expect(await storeFor(emu.url).checkLists()).toEqual([]);
  });
});

describe("the list check on a hand-built site with only some of the lists", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });

  it("still names the entries list's DedupeKey without unique values when Logged Segments does not exist", async () => {
    const client = createGraphClient({
      baseUrl: normalizeBaseUrl(emu.url),
      authProvider: new DevTokenProvider(USER.emailAddress),
    });
    const site = new SharePointSite(client, DEFAULT_EMULATOR_SITE_URL);
    const siteId = await site.siteId();
    // Built by hand: the entries list with an indexed, not unique DedupeKey, and no Logged Segments list at all.
    await site.manage(`/sites/${siteId}/lists`).post({
      displayName: "Interaction Log Entries",
      list: { template: "genericList" },
      columns: [{ name: "DedupeKey", text: {}, indexed: true }],
    });
    const warnings = await storeFor(emu.url).checkLists();
    expect(warnings).toEqual([
      { list: "Interaction Log Entries", column: "DedupeKey", problem: "notUnique" },
    ]);
  });
});

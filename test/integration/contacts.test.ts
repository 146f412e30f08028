// Contacts beyond the open item (issue 13) against the emulator, through the real Graph SDK: search with hostile
// text, a 500-match prefix, creating a person at a company (and with a new company), linking an address as Email2
// with its eTag and under a race.
import { seedEmulator } from "../../dev/seed/seed";
import { StoreError } from "../../src/domain/errors";
import type { Contact, Correspondence } from "../../src/domain/types";
import { DEFAULT_EMULATOR_SITE_URL } from "../../src/config/app-config";
import { DevTokenProvider } from "../../src/graph/auth/dev-token";
import { createGraphClient, normalizeBaseUrl } from "../../src/graph/client";
import { contactsRepository } from "../../src/graph/repositories/contacts";
import { SharePointSite } from "../../src/graph/site";
import { startTestEmulator, storeFor, USER, type TestEmulator } from "./harness";

/** Direct access to the Contacts list, as another user's tool would have. */
function repository(url: string) {
  const client = createGraphClient({
    baseUrl: normalizeBaseUrl(url),
    authProvider: new DevTokenProvider(USER.emailAddress),
  });
  return contactsRepository(new SharePointSite(client, DEFAULT_EMULATOR_SITE_URL));
}

const POLICY = { ownDomains: ["cronus.example"], neverLog: ["gmail.com"] };

function mailFrom(address: string, sourceId: string): Correspondence {
  return {
    kind: "email",
    mode: "read",
    sourceId,
    subject: "Hello",
    date: "2026-03-09T10:00:00Z",
    direction: "inbound",
    participants: [{ role: "from", displayName: address, address }],
    mailboxOwner: { displayName: USER.displayName, address: USER.emailAddress },
  };
}

const hostile: Contact[] = [
  { contactNo: "CT800001", type: "Company", name: `O'Neil & Söhne "Quotes" #1`, domain: "oneil.example" },
  { contactNo: "CT800002", type: "Company", name: "100% Cotton * Stars", domain: "cotton.example" },
  { contactNo: "CT800003", type: "Person", name: "Ærø Ünal", email: "aero@cotton.example" },
  { contactNo: "CT800004", type: "Person", name: "東京 Trading", email: "tokyo@cotton.example" },
];
// 500 persons whose names all start with "Q": a one-letter prefix matches every one of them.
const many: Contact[] = Array.from({ length: 500 }, (_, i) => ({
  contactNo: `CT7${String(i).padStart(5, "0")}`,
  type: "Person",
  name: `Quincy ${String(i).padStart(3, "0")}`,
  email: `quincy${i}@bulk.example`,
}));

describe("contacts beyond the open item", () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startTestEmulator();
    await seedEmulator({ baseUrl: emu.url, user: USER });
    await seedEmulator({ baseUrl: emu.url, user: USER, contacts: [...hostile, ...many] });
  }, 120_000);
  afterAll(async () => emu?.dispose());

  describe("search", () => {
    it.each([
      ["O'Neil & S", "CT800001"],
      [`O'Neil & Söhne "Quotes" #`, "CT800001"],
      ["100%", "CT800002"],
      ["100% Cotton *", "CT800002"],
      ["ærø", "CT800003"],
      ["東京", "CT800004"],
    ])("finds %j: escaped, encoded, no error", async (text, contactNo) => {
      const page = await storeFor(emu.url).findContacts({ text });
      expect(page.contacts.map((c) => c.contactNo)).toEqual([contactNo]);
    });

    it.each(["'", "' or 1 eq 1 or '", "%27)", "#", "&$top=999", "*", "%", "a'b' eq 'c"])(
      "treats %j as text: no error, no injection",
      async (text) => {
        const page = await storeFor(emu.url).findContacts({ text });
        expect(page.contacts.filter((c) => !c.name.toLowerCase().startsWith(text.toLowerCase()))).toEqual([]);
      },
    );

    it("finds by contact number, e-mail (Email and Email2), e-mail prefix and company domain, in one $batch", async () => {
      const store = storeFor(emu.url);
      await emu.resetStats();
      expect((await store.findContacts({ text: "ct000011" })).contacts.map((c) => c.name)).toEqual([
        "Jesse Ulrich",
      ]);
      const stats = await emu.stats();
      expect(stats.http.total).toBe(1);
      expect(stats.http.byKind.batch).toBe(1);
      expect(
        (await store.findContacts({ text: "jesse@ulrich-consulting.example" })).contacts[0]?.contactNo,
      ).toBe("CT000011");
      expect((await store.findContacts({ text: "kim.ak" })).contacts.map((c) => c.contactNo)).toEqual([
        "CT000012",
      ]);
      expect(
        (await store.findContacts({ text: "adatum.example" })).contacts.map((c) => c.contactNo),
      ).toContain("CT000001");
      expect((await store.findContacts({ text: "   " })).contacts).toEqual([]);
    });

    it("finds contacts by the start of their number, in number order, paged", async () => {
      const store = storeFor(emu.url);
      const few = (await store.findContacts({ text: "ct8000" })).contacts.map((c) => c.contactNo);
      expect(few).toEqual(["CT800001", "CT800002", "CT800003", "CT800004"]);
      const first = await store.findContacts({ text: "CT70" });
      const nos = first.contacts.map((c) => c.contactNo).filter((n) => n.startsWith("CT70"));
      expect(nos).toHaveLength(25);
      expect(nos).toEqual([...nos].sort());
      expect(first.nextCursor).toBeDefined();
      const second = await store.findContacts({ text: "CT70", cursor: first.nextCursor! });
      const more = second.contacts.map((c) => c.contactNo).filter((n) => n.startsWith("CT70"));
      expect(more).toHaveLength(25);
      expect(more[0]! > nos[24]!).toBe(true);
    });

    it("pages a one-letter prefix with 500 matches: 25 a page, each page one request, never the whole list", async () => {
      const store = storeFor(emu.url);
      await emu.resetStats();
      const started = Date.now();
      const first = await store.findContacts({ text: "q" });
      expect(first.contacts).toHaveLength(25);
      expect(first.contacts.every((c) => c.name.startsWith("Quincy"))).toBe(true);
      expect(first.nextCursor).toBeDefined();
      const second = await store.findContacts({ text: "q", cursor: first.nextCursor! });
      expect(second.contacts).toHaveLength(25);
      const both = new Set([...first.contacts, ...second.contacts].map((c) => c.contactNo));
      expect(both.size).toBe(50);
      expect((await emu.stats()).http.total).toBe(2);
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it("refuses a cursor that points anywhere but our Graph root", async () => {
      const store = storeFor(emu.url);
      const evil = JSON.stringify({ name: "https://evil.example/v1.0/sites/x/lists/y/items" });
      await expect(store.findContacts({ text: "q", cursor: evil })).rejects.toMatchObject({
        kind: "invalid",
      });
      await expect(store.findContacts({ text: "q", cursor: "not json" })).rejects.toMatchObject({
        kind: "invalid",
      });
    });
  });

  describe("creating", () => {
    it("creates a person at a known company: CompanyNo and CompanyName from the company, counted in its history", async () => {
      const store = storeFor(emu.url);
      const person = await store.createContact({
        type: "Person",
        name: "Nora Adams",
        email: "nora.adams@adatum.example",
        companyNo: "ct000001",
      });
      expect(person).toMatchObject({ companyNo: "CT000001", companyName: "Adatum Corporation" });
      const ctx = await store.loadItemContext(
        mailFrom("nora.adams@adatum.example", "<nora-1@adatum>"),
        POLICY,
      );
      expect(ctx.matches[0]).toMatchObject({ status: "person", contact: { contactNo: person.contactNo } });
      expect(ctx.matches[0]!.company?.contactNo).toBe("CT000001");
      await store.logInteraction({
        correspondence: ctx.correspondence,
        contacts: [person],
        user: USER,
        draft: {
          templateCode: "EMAIL",
          description: "Hello",
          interactionDate: "2026-03-09T10:00:00Z",
          attemptFailed: false,
          costLCY: 0,
          durationMin: 0,
        },
      });
      const history = await store.getHistory({ contactNo: "CT000001", isCompany: true, pageSize: 20 });
      expect(history.entries.map((e) => e.contactNo)).toContain(person.contactNo);
    });

    it("refuses a person at a company that does not exist", async () => {
      await expect(
        storeFor(emu.url).createContact({
          type: "Person",
          name: "X",
          email: "x@nowhere.example",
          companyNo: "CT999998",
        }),
      ).rejects.toMatchObject({ kind: "invalid", details: { code: "unknownCompany" } });
    });

    it("creates a person with a new company in one step; the next mail from that domain matches the company", async () => {
      const store = storeFor(emu.url);
      const { person, company } = await store.createPersonWithCompany(
        { type: "Person", name: "Sam Taylor", email: "sam.taylor@northwind.example" },
        { type: "Company", name: "Northwind Traders", domain: "Northwind.example" },
      );
      expect(company).toMatchObject({
        type: "Company",
        domain: "northwind.example",
        companyNo: company.contactNo,
      });
      expect(person).toMatchObject({ companyNo: company.contactNo, companyName: "Northwind Traders" });
      const ctx = await store.loadItemContext(
        mailFrom("orders@northwind.example", "<nw-2@northwind>"),
        POLICY,
      );
      expect(ctx.matches[0]).toMatchObject({ status: "company", contact: { contactNo: company.contactNo } });
    });

    it("writes nothing when the person is invalid, and reuses the company an earlier try created", async () => {
      const store = storeFor(emu.url);
      await expect(
        store.createPersonWithCompany(
          { type: "Person", name: "Copy", email: "robin.danielsen@adatum.example" },
          { type: "Company", name: "Fabrikam", domain: "fabrikam-new.example" },
        ),
      ).rejects.toMatchObject({ kind: "invalid", details: { code: "duplicateEmail" } });
      expect((await store.findContacts({ text: "fabrikam-new.example" })).contacts).toEqual([]);
      const first = await store.createContact({
        type: "Company",
        name: "Contoso Pharma",
        domain: "contoso-pharma.example",
      });
      const { company } = await store.createPersonWithCompany(
        { type: "Person", name: "Lee Park", email: "lee@contoso-pharma.example" },
        { type: "Company", name: "Contoso  Pharma", domain: "contoso-pharma.example" },
      );
      expect(company.contactNo).toBe(first.contactNo);
    });
  });

  describe("linking an address as Email2", () => {
    it("links a free address with the eTag; from then on the address matches the contact", async () => {
      const store = storeFor(emu.url);
      const [ian] = await store.searchContacts("CT000013");
      expect(ian?.eTag).toBeDefined();
      const linked = await store.linkEmail(ian!, "Ian.Private@Home.example");
      expect(linked.email2).toBe("ian.private@home.example");
      const ctx = await store.loadItemContext(mailFrom("ian.private@home.example", "<ian-1@home>"), POLICY);
      expect(ctx.matches[0]).toMatchObject({ status: "person", contact: { contactNo: "CT000013" } });
      // Linking it again is a no-op, not an error.
      expect((await store.linkEmail(linked, "ian.private@home.example")).email2).toBe(
        "ian.private@home.example",
      );
    });

    it("refuses an address another contact has, a second Email2, and a contact changed since it was read", async () => {
      const store = storeFor(emu.url);
      const [kim] = await store.searchContacts("CT000012");
      await expect(store.linkEmail(kim!, "robin.danielsen@adatum.example")).rejects.toMatchObject({
        kind: "conflict",
        details: { code: "emailTaken" },
      });
      const [jesse] = await store.searchContacts("CT000011");
      await expect(store.linkEmail(jesse!, "jesse@elsewhere.example")).rejects.toMatchObject({
        details: { code: "email2Taken" },
      });
    });

    it("refuses a contact changed since the pane read it (eTag), and overwrites nothing", async () => {
      const store = storeFor(emu.url);
      const [dana] = await store.searchContacts("CT000015");
      // Someone else edits Dana meanwhile (a job title): the eTag the pane holds is stale now.
      await repository(emu.url).update(dana!.id!, { JobTitle: "Project Lead" }, dana!.eTag);
      await expect(store.linkEmail(dana!, "dana@home.example")).rejects.toMatchObject({
        kind: "conflict",
        details: { code: "changed" },
      });
      const [after] = await store.searchContacts("CT000015");
      expect(after).toMatchObject({ jobTitle: "Project Lead" });
      expect(after!.email2).toBeUndefined();
      // Read again, the link goes through.
      expect((await store.linkEmail(after!, "dana@home.example")).email2).toBe("dana@home.example");
    });

    it("an Email2 write racing another writer: the stale eTag loses with a clear message", async () => {
      const a = storeFor(emu.url);
      const b = storeFor(emu.url);
      const [mary] = await a.searchContacts("CT000014");
      const results = await Promise.allSettled([
        a.linkEmail(mary!, "mary@first.example"),
        b.linkEmail(mary!, "mary@second.example"),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost[0]!.reason).toMatchObject({ kind: "conflict" });
      expect((lost[0]!.reason as StoreError).details.code).toMatch(/changed|email2Taken/);
      const [after] = await a.searchContacts("CT000014");
      expect(["mary@first.example", "mary@second.example"]).toContain(after!.email2);
    });

    it("two writers giving one address to two contacts: exactly one keeps it", async () => {
      const a = storeFor(emu.url);
      const b = storeFor(emu.url);
      const [robin] = await a.searchContacts("CT000010");
      const [ian2] = await a.searchContacts("CT800003");
      const results = await Promise.allSettled([
        a.linkEmail(robin!, "shared@contested.example"),
        b.linkEmail(ian2!, "shared@contested.example"),
      ]);
      expect(results.filter((r) => r.status === "rejected").length).toBeGreaterThanOrEqual(1);
      const holders = (await a.findContacts({ text: "shared@contested.example" })).contacts;
      expect(holders).toHaveLength(1);
    });
  });
});

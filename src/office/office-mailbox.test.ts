import { OfficeMockObject } from "office-addin-mock";
import { createOfficeMailbox } from "./office-mailbox";
import { OfficeCallError } from "./office-async";
import { DRAFT_ID_PROPERTY } from "./draft-id";
import { ANNETTE, FakeOutlook, flush } from "./testing/fake-outlook";

const ROBIN = { displayName: "Robin Danielsen", emailAddress: "robin.danielsen@adatum.example" };
const KIM = { displayName: "Kim Akers", emailAddress: "kim.akers@treyresearch.example" };
const JESSE = { displayName: "Jesse Ulrich", emailAddress: "jesse.ulrich@adatum.example" };

function readMail(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    itemType: "message",
    itemId: "AAMkAD/inbox+001=",
    internetMessageId: "<inbox-001@adatum.example>",
    subject: "Quote request",
    from: ROBIN,
    sender: ROBIN,
    to: [ANNETTE],
    cc: [],
    dateTimeCreated: new Date("2026-03-02T09:15:00Z"),
    ...overrides,
  };
}

describe("createOfficeMailbox: profile, language, theme", () => {
  it("waits for Office.onReady and reports user and display language", async () => {
    const fake = new FakeOutlook({ displayLanguage: "nl-NL" });
    const mailbox = await createOfficeMailbox(fake.asOffice());
    expect(mailbox.user).toEqual({
      displayName: "Annette Hill",
      emailAddress: "annette.hill@cronus.example",
    });
    expect(mailbox.displayLanguage).toBe("nl-NL");
    expect(mailbox.theme).toBe("light");
  });

  it("derives dark or light from officeTheme's body background", async () => {
    const dark = await createOfficeMailbox(
      new FakeOutlook({ officeTheme: { bodyBackgroundColor: "#1f1f1f" } }).asOffice(),
    );
    const light = await createOfficeMailbox(
      new FakeOutlook({ officeTheme: { bodyBackgroundColor: "#FFFFFF" } }).asOffice(),
    );
    const junk = await createOfficeMailbox(
      new FakeOutlook({ officeTheme: { bodyBackgroundColor: "not a colour" } }).asOffice(),
    );
    expect([dark.theme, light.theme, junk.theme]).toEqual(["dark", "light", "light"]);
  });

  it("rejects clearly when the host is not Outlook", async () => {
    const fake = new FakeOutlook();
    (fake.office.context as { mailbox?: unknown }).mailbox = undefined;
    await expect(createOfficeMailbox(fake.asOffice())).rejects.toThrow(/not Outlook/);
  });

  it("returns null when nothing or an unsupported item is selected", async () => {
    const fake = new FakeOutlook();
    const mailbox = await createOfficeMailbox(fake.asOffice());
    expect(await mailbox.readCurrentItem()).toBeNull();
    fake.setItem({ itemType: "task" });
    expect(await mailbox.readCurrentItem()).toBeNull();
  });
});

describe("read mode mail", () => {
  it("reads a received mail as inbound with every correspondent, id and web link", async () => {
    const fake = new FakeOutlook();
    fake.setItem(readMail({ cc: [KIM] }));
    const c = await (await createOfficeMailbox(fake.asOffice())).readCurrentItem();
    expect(c).toEqual({
      kind: "email",
      mode: "read",
      sourceId: "<inbox-001@adatum.example>",
      itemId: "AAMkAD/inbox+001=",
      subject: "Quote request",
      date: "2026-03-02T09:15:00.000Z",
      direction: "inbound",
      participants: [
        { role: "from", displayName: "Robin Danielsen", address: "robin.danielsen@adatum.example" },
        { role: "to", displayName: "Annette Hill", address: "annette.hill@cronus.example" },
        { role: "cc", displayName: "Kim Akers", address: "kim.akers@treyresearch.example" },
      ],
      mailboxOwner: { displayName: "Annette Hill", address: "annette.hill@cronus.example" },
      webLink: "https://outlook.office.com/mail/deeplink/read/AAMkAD-inbox_001%3D",
    });
  });

  it("treats mail sent by the owner as outbound, whatever the address case", async () => {
    const fake = new FakeOutlook();
    const upper = { displayName: "Annette Hill", emailAddress: "ANNETTE.HILL@CRONUS.EXAMPLE" };
    fake.setItem(readMail({ from: upper, sender: upper, to: [KIM] }));
    const c = await (await createOfficeMailbox(fake.asOffice())).readCurrentItem();
    expect(c?.direction).toBe("outbound");
    // Addresses are passed on as Outlook gave them; the domain normalises them when matching.
    expect(c?.participants[0]?.address).toBe("ANNETTE.HILL@CRONUS.EXAMPLE");
  });

  it("keeps a delegate sender as a separate correspondent", async () => {
    const fake = new FakeOutlook();
    fake.setItem(readMail({ sender: JESSE }));
    const c = await (await createOfficeMailbox(fake.asOffice())).readCurrentItem();
    expect(c?.participants.map((p) => p.role)).toEqual(["from", "sender", "to"]);
  });

  it("passes hostile display names through untouched, as data", async () => {
    const fake = new FakeOutlook();
    const eve = { displayName: '<b>Eve</b> "Quote"', emailAddress: "eve@gmail.com" };
    const mary = { displayName: "Mary O'Brien", emailAddress: "mary.o'brien@litware.example" };
    fake.setItem(readMail({ from: eve, sender: eve, to: [ANNETTE, mary] }));
    const c = await (await createOfficeMailbox(fake.asOffice())).readCurrentItem();
    expect(c?.participants[0]).toEqual({
      role: "from",
      displayName: '<b>Eve</b> "Quote"',
      address: "eve@gmail.com",
    });
    expect(c?.participants[2]?.address).toBe("mary.o'brien@litware.example");
  });

  it("keeps all of 150 recipients", async () => {
    const fake = new FakeOutlook();
    const many = Array.from({ length: 150 }, (_, i) => ({
      displayName: `R${i}`,
      emailAddress: `r${i}@litware.example`,
    }));
    fake.setItem(readMail({ to: many }));
    const c = await (await createOfficeMailbox(fake.asOffice())).readCurrentItem();
    expect(c?.participants.filter((p) => p.role === "to")).toHaveLength(150);
    expect(c?.participants[150]?.address).toBe("r149@litware.example");
  });

  it("rejects with a clear error when the item has no usable date", async () => {
    const fake = new FakeOutlook();
    fake.setItem(readMail({ dateTimeCreated: new Date("garbage") }));
    const mailbox = await createOfficeMailbox(fake.asOffice());
    await expect(mailbox.readCurrentItem()).rejects.toThrow("The Outlook item has no valid date");
  });

  it("works over office-addin-mock's Outlook object", async () => {
    const mock = new OfficeMockObject({
      host: "outlook",
      onReady: () => Promise.resolve({ host: "Outlook" }),
      EventType: { ItemChanged: "olkItemSelectedChanged" },
      MailboxEnums: {
        ItemType: { Message: "message", Appointment: "appointment" },
        RestVersion: { v2_0: "v2.0" },
      },
      context: {
        displayLanguage: "nl-NL",
        mailbox: {
          userProfile: ANNETTE,
          item: readMail({ itemId: undefined }),
        },
      },
    });
    const mailbox = await createOfficeMailbox(mock as unknown as typeof Office);
    const c = await mailbox.readCurrentItem();
    expect(mailbox.displayLanguage).toBe("nl-NL");
    expect(c?.sourceId).toBe("<inbox-001@adatum.example>");
    expect(c?.direction).toBe("inbound");
    expect(c?.webLink).toBeUndefined();
  });
});

function composeMail(
  fake: FakeOutlook,
  fields: { subject?: string; to?: unknown[]; cc?: unknown[]; bcc?: unknown[]; from?: unknown },
) {
  return {
    itemType: "message",
    subject: fake.asyncField("subject", fields.subject ?? ""),
    to: fake.asyncField("to", fields.to ?? []),
    cc: fake.asyncField("cc", fields.cc ?? []),
    bcc: fake.asyncField("bcc", fields.bcc ?? []),
    from: fake.asyncField("from", fields.from ?? { displayName: "", emailAddress: "" }),
    getItemIdAsync: (cb: (r: unknown) => void) =>
      fake.respond("getItemIdAsync", cb as never, undefined as never),
    loadCustomPropertiesAsync: fake.loadCustomPropertiesAsync,
  };
}

describe("compose mode mail", () => {
  const now = () => new Date("2026-04-01T12:00:00Z");

  it("reads every field through getAsync and is outbound", async () => {
    const fake = new FakeOutlook();
    fake.setItem(
      composeMail(fake, { subject: "Offer", to: [KIM], cc: [ROBIN], bcc: [JESSE], from: ANNETTE }),
    );
    const c = await (await createOfficeMailbox(fake.asOffice(), { now })).readCurrentItem();
    expect(c).toMatchObject({
      kind: "email",
      mode: "compose",
      subject: "Offer",
      direction: "outbound",
      date: "2026-04-01T12:00:00.000Z",
    });
    expect(c?.participants.map((p) => `${p.role}:${p.address}`)).toEqual([
      "from:annette.hill@cronus.example",
      "to:kim.akers@treyresearch.example",
      "cc:robin.danielsen@adatum.example",
      "bcc:jesse.ulrich@adatum.example",
    ]);
    expect(fake.calls).toEqual(
      expect.arrayContaining([
        "subject.getAsync",
        "to.getAsync",
        "cc.getAsync",
        "bcc.getAsync",
        "from.getAsync",
      ]),
    );
  });

  it("skips an empty From in a new draft", async () => {
    const fake = new FakeOutlook();
    fake.setItem(composeMail(fake, { to: [KIM] }));
    const c = await (await createOfficeMailbox(fake.asOffice(), { now })).readCurrentItem();
    expect(c?.participants.map((p) => p.role)).toEqual(["to"]);
    expect(c?.itemId).toBeUndefined();
  });

  it("gives the same draft the same id, kept in its custom properties", async () => {
    const fake = new FakeOutlook();
    fake.setItem(composeMail(fake, { to: [KIM] }));
    const mailbox = await createOfficeMailbox(fake.asOffice(), { now });
    const first = await mailbox.readCurrentItem();
    const second = await mailbox.readCurrentItem();
    expect(first?.sourceId).toMatch(/^draft:[0-9a-f-]{36}$/);
    expect(second?.sourceId).toBe(first?.sourceId);
    expect(fake.customProperties.get(DRAFT_ID_PROPERTY)).toBe(first?.sourceId);
    expect(fake.calls.filter((c) => c === "customProperties.saveAsync")).toHaveLength(1);

    const other = new FakeOutlook();
    other.setItem(composeMail(other, { to: [KIM] }));
    const otherDraft = await (await createOfficeMailbox(other.asOffice(), { now })).readCurrentItem();
    expect(otherDraft?.sourceId).not.toBe(first?.sourceId);
  });

  it("does not read From below Mailbox 1.7", async () => {
    const fake = new FakeOutlook({ mailboxVersion: "1.6" });
    fake.setItem(composeMail(fake, { to: [KIM], from: ANNETTE }));
    const c = await (await createOfficeMailbox(fake.asOffice(), { now })).readCurrentItem();
    expect(fake.calls).not.toContain("from.getAsync");
    expect(fake.calls).not.toContain("getItemIdAsync");
    expect(c?.participants.map((p) => p.role)).toEqual(["to"]);
  });

  it("rejects (never throws from a callback) when an async getter fails", async () => {
    const fake = new FakeOutlook({
      failures: { "to.getAsync": { name: "GenericResponseError", message: "server busy" } },
    });
    fake.setItem(composeMail(fake, { to: [KIM] }));
    const mailbox = await createOfficeMailbox(fake.asOffice(), { now });
    const read = mailbox.readCurrentItem();
    await expect(read).rejects.toBeInstanceOf(OfficeCallError);
    await expect(read).rejects.toThrow("Outlook call to.getAsync failed: server busy");
    await expect(read).rejects.toMatchObject({ api: "to.getAsync", officeCode: "GenericResponseError" });
  });

  it("rejects when a host call throws synchronously", async () => {
    const fake = new FakeOutlook({ throws: ["subject.getAsync"] });
    fake.setItem(composeMail(fake, {}));
    const mailbox = await createOfficeMailbox(fake.asOffice(), { now });
    await expect(mailbox.readCurrentItem()).rejects.toThrow(
      "Outlook call subject.getAsync failed: subject.getAsync blew up",
    );
  });

  it("rejects when the draft id cannot be saved", async () => {
    const fake = new FakeOutlook({
      failures: { "customProperties.saveAsync": { name: "ItemNotSaved", message: "nope" } },
    });
    fake.setItem(composeMail(fake, {}));
    const mailbox = await createOfficeMailbox(fake.asOffice(), { now });
    await expect(mailbox.readCurrentItem()).rejects.toMatchObject({ api: "customProperties.saveAsync" });
  });

  it("uses the saved draft's item id for the web link", async () => {
    const fake = new FakeOutlook();
    const item = {
      ...composeMail(fake, { to: [KIM] }),
      getItemIdAsync: (cb: (r: unknown) => void) =>
        fake.respond("getItemIdAsync", cb as never, "AAMk/draft" as never),
    };
    fake.setItem(item);
    const c = await (
      await createOfficeMailbox(fake.asOffice(), { now, outlookWebUrl: "https://outlook.office365.com/" })
    ).readCurrentItem();
    expect(c?.itemId).toBe("AAMk/draft");
    expect(c?.webLink).toBe("https://outlook.office365.com/mail/deeplink/read/AAMk-draft");
  });
});

describe("meetings", () => {
  const attendeeItem = {
    itemType: "appointment",
    itemId: "AAMk/meeting-kim",
    subject: "Research review",
    organizer: KIM,
    requiredAttendees: [KIM, ANNETTE],
    optionalAttendees: [],
    start: new Date("2026-03-10T13:00:00Z"),
    end: new Date("2026-03-10T14:00:00Z"),
    dateTimeCreated: new Date("2026-03-01T08:00:00Z"),
  };

  it("reads a meeting we attend as inbound, organiser first", async () => {
    const fake = new FakeOutlook();
    fake.setItem(attendeeItem);
    const c = await (await createOfficeMailbox(fake.asOffice())).readCurrentItem();
    expect(c).toMatchObject({
      kind: "meeting",
      mode: "read",
      direction: "inbound",
      isOrganizer: false,
      date: "2026-03-10T13:00:00.000Z",
      end: "2026-03-10T14:00:00.000Z",
      webLink: "https://outlook.office.com/calendar/item/AAMk-meeting-kim",
    });
    expect(c?.participants.map((p) => `${p.role}:${p.displayName}`)).toEqual([
      "organizer:Kim Akers",
      "required:Kim Akers",
      "required:Annette Hill",
    ]);
  });

  it("uses the iCalUId from the resolver, else the REST id", async () => {
    const fake = new FakeOutlook();
    fake.setItem(attendeeItem);
    const resolveMeetingUid = jest.fn(async (restId: string) => `uid-for-${restId}`);
    const withUid = await (
      await createOfficeMailbox(fake.asOffice(), { resolveMeetingUid })
    ).readCurrentItem();
    expect(withUid?.sourceId).toBe("uid-for-AAMk-meeting-kim");
    const failing = await (
      await createOfficeMailbox(fake.asOffice(), {
        resolveMeetingUid: () => Promise.reject(new Error("offline")),
      })
    ).readCurrentItem();
    expect(failing?.sourceId).toBe("AAMk-meeting-kim");
    const without = await (await createOfficeMailbox(fake.asOffice())).readCurrentItem();
    expect(without?.sourceId).toBe("AAMk-meeting-kim");
  });

  it("marks a meeting we organise, seen in read mode, as outbound", async () => {
    const fake = new FakeOutlook();
    fake.setItem({ ...attendeeItem, organizer: { ...ANNETTE, emailAddress: "Annette.Hill@Cronus.example" } });
    const c = await (await createOfficeMailbox(fake.asOffice())).readCurrentItem();
    expect(c).toMatchObject({ direction: "outbound", isOrganizer: true });
  });

  it("reads an organiser's compose meeting through getAsync only", async () => {
    const fake = new FakeOutlook();
    fake.setItem({
      itemType: "appointment",
      subject: fake.asyncField("subject", "Contract talk"),
      start: fake.asyncField("start", new Date("2026-03-12T09:00:00Z")),
      end: fake.asyncField("end", new Date("2026-03-12T10:30:00Z")),
      requiredAttendees: fake.asyncField("requiredAttendees", [ROBIN, JESSE]),
      optionalAttendees: fake.asyncField("optionalAttendees", [KIM]),
      organizer: fake.asyncField("organizer", ANNETTE),
      loadCustomPropertiesAsync: fake.loadCustomPropertiesAsync,
    });
    const c = await (await createOfficeMailbox(fake.asOffice())).readCurrentItem();
    expect(c).toMatchObject({
      kind: "meeting",
      mode: "compose",
      subject: "Contract talk",
      direction: "outbound",
      isOrganizer: true,
      date: "2026-03-12T09:00:00.000Z",
      end: "2026-03-12T10:30:00.000Z",
    });
    expect(c?.sourceId).toMatch(/^draft:/);
    expect(c?.participants.map((p) => `${p.role}:${p.address}`)).toEqual([
      "organizer:annette.hill@cronus.example",
      "required:robin.danielsen@adatum.example",
      "required:jesse.ulrich@adatum.example",
      "optional:kim.akers@treyresearch.example",
    ]);
  });
});

describe("shared mailboxes", () => {
  it("uses the shared folder's owner as mailbox owner and for direction", async () => {
    const fake = new FakeOutlook();
    const robinMailbox = { ...readMail({ from: ROBIN, sender: ROBIN, to: [KIM] }) };
    robinMailbox.getSharedPropertiesAsync = (cb: (r: unknown) => void) =>
      fake.respond(
        "getSharedPropertiesAsync",
        cb as never,
        { owner: "robin.danielsen@adatum.example", delegatePermissions: 1 } as never,
      );
    fake.setItem(robinMailbox);
    const c = await (await createOfficeMailbox(fake.asOffice())).readCurrentItem();
    expect(c?.mailboxOwner).toEqual({
      displayName: "robin.danielsen@adatum.example",
      address: "robin.danielsen@adatum.example",
    });
    expect(c?.direction).toBe("outbound");
  });

  it("falls back to the user when the item is not shared after all", async () => {
    const fake = new FakeOutlook({
      failures: { getSharedPropertiesAsync: { name: "GenericResponseError", message: "not shared" } },
    });
    const item = readMail();
    item.getSharedPropertiesAsync = (cb: (r: unknown) => void) =>
      fake.respond("getSharedPropertiesAsync", cb as never, undefined as never);
    fake.setItem(item);
    const c = await (await createOfficeMailbox(fake.asOffice())).readCurrentItem();
    expect(c?.mailboxOwner.address).toBe("annette.hill@cronus.example");
  });

  it("never calls getSharedPropertiesAsync below Mailbox 1.8", async () => {
    const fake = new FakeOutlook({ mailboxVersion: "1.7" });
    const item = readMail();
    item.getSharedPropertiesAsync = (cb: (r: unknown) => void) =>
      fake.respond("getSharedPropertiesAsync", cb as never, { owner: "x@y.example" } as never);
    fake.setItem(item);
    const c = await (await createOfficeMailbox(fake.asOffice())).readCurrentItem();
    expect(fake.calls).not.toContain("getSharedPropertiesAsync");
    expect(c?.mailboxOwner.address).toBe("annette.hill@cronus.example");
  });
});

describe("ItemChanged", () => {
  it("registers once, notifies every listener, and removes the handler when the last leaves", async () => {
    const fake = new FakeOutlook();
    const mailbox = await createOfficeMailbox(fake.asOffice());
    const a = jest.fn();
    const b = jest.fn();
    const offA = mailbox.onItemChanged(a);
    const offB = mailbox.onItemChanged(b);
    await flush();
    expect(fake.calls.filter((c) => c === "addHandlerAsync")).toHaveLength(1);
    fake.select(readMail());
    await flush();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    offA();
    fake.select(null);
    await flush();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    offB();
    await flush();
    expect(fake.calls).toContain("removeHandlerAsync");
    expect(fake.itemChangedHandler).toBeUndefined();
  });

  it("ends unsubscribed when unsubscribing before the host confirmed the handler", async () => {
    const fake = new FakeOutlook();
    const mailbox = await createOfficeMailbox(fake.asOffice());
    const off = mailbox.onItemChanged(jest.fn());
    off();
    await flush();
    await flush();
    expect(fake.itemChangedHandler).toBeUndefined();
    expect(fake.calls).toEqual(["addHandlerAsync", "removeHandlerAsync"]);
  });

  it("reports a failed registration through onError", async () => {
    const fake = new FakeOutlook({
      failures: { addHandlerAsync: { name: "NotSupported", message: "not pinned" } },
    });
    const onError = jest.fn();
    const mailbox = await createOfficeMailbox(fake.asOffice(), { onError });
    mailbox.onItemChanged(jest.fn());
    await flush();
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: "Outlook call addHandlerAsync(ItemChanged) failed: not pinned" }),
    );
  });
});

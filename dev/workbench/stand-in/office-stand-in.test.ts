import { createOfficeMailbox } from "../../../src/office";
import { createOfficeStandIn, isSetSupported, ITEM_CHANGED } from "./office-stand-in";
import {
  FIXTURES,
  WORKBENCH_USER,
  type DraftMeeting,
  type DraftMessage,
  type HostBridge,
  type WorkbenchItem,
} from "./workbench-model";

type AnyResult = { status: string; value: unknown; error?: { name: string; message: string } };
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function makeBridge(initial: WorkbenchItem | null, theme: "light" | "dark" = "light") {
  let current = initial;
  const listeners = new Set<() => void>();
  let edits = 0;
  const bridge: HostBridge = {
    user: WORKBENCH_USER,
    displayLanguage: "nl-NL",
    theme,
    currentItem: () => current,
    onSelectionChanged: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    draftEdited: () => void edits++,
  };
  return {
    bridge,
    select(item: WorkbenchItem | null) {
      current = item;
      for (const l of listeners) l();
    },
    edits: () => edits,
  };
}

const call = (fn: (...a: unknown[]) => void, ...args: unknown[]): Promise<AnyResult> =>
  new Promise((resolve) => fn(...args, (r: AnyResult) => resolve(r)));

const inbox = (i: number): WorkbenchItem => ({
  kind: "message",
  mode: "read",
  folder: "inbox",
  data: FIXTURES.inbox[i]!,
});
const sentItem: WorkbenchItem = { kind: "message", mode: "read", folder: "sent", data: FIXTURES.sent[0]! };
const meeting = (i: number): WorkbenchItem => ({
  kind: "appointment",
  mode: "read",
  folder: "calendar",
  data: FIXTURES.calendar[i]!,
});
function draft(): { item: WorkbenchItem; d: DraftMessage } {
  const d: DraftMessage = {
    key: "k1",
    subject: "Offer",
    body: "",
    customProperties: {},
    from: WORKBENCH_USER,
    to: [{ displayName: "Kim Akers", emailAddress: "kim.akers@treyresearch.example" }],
    cc: [],
    bcc: [],
  };
  return { item: { kind: "message", mode: "compose", draft: d }, d };
}

describe("requirement sets", () => {
  it("supports Mailbox up to 1.8 and nothing else", () => {
    expect(["1.1", "1.5", "1.7", "1.8", undefined].map((v) => isSetSupported("Mailbox", v))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["1.9", "1.13", "1.14", "2.0"].map((v) => isSetSupported("Mailbox", v))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(isSetSupported("NestedAppAuth", "1.1")).toBe(false);
    expect(isSetSupported("IdentityAPI", "1.3")).toBe(false);
    expect(isSetSupported("Mailbox", "garbage")).toBe(false);
  });

  it("leaves APIs above Mailbox 1.8 undefined", () => {
    const { bridge } = makeBridge(inbox(0));
    const office = createOfficeStandIn(bridge) as Loose;
    const mailbox = office.context.mailbox;
    for (const name of [
      "displayMessageFormAsync",
      "getSelectedItemsAsync",
      "displayNewMessageFormAsync",
      "getUserIdentityTokenAsync",
    ]) {
      expect(mailbox[name]).toBeUndefined();
    }
    for (const name of [
      "sessionData",
      "inReplyTo",
      "getComputedBodyAsync",
      "sensitivityLabel",
      "getEnhancedLocationsAsync",
      "iCalUId",
      "uid",
    ]) {
      expect(mailbox.item[name]).toBeUndefined();
    }
    expect(office.auth).toBeUndefined();
  });
});

describe("read items", () => {
  it("expose Outlook's read properties", () => {
    const { bridge } = makeBridge(inbox(5));
    const item = (createOfficeStandIn(bridge) as Loose).context.mailbox.item;
    expect(item.itemType).toBe("message");
    expect(item.internetMessageId).toBe("<LO2PR04MB0006.kim@treyresearch.example>");
    expect(item.cc.map((a: Loose) => a.emailAddress)).toEqual([
      "dana.birkby@treyresearch.example",
      "mary.o'brien@litware.example",
    ]);
    expect(item.dateTimeCreated).toBeInstanceOf(Date);
    expect(item.from.recipientType).toBe("externalUser");
    expect(Object.isFrozen(item)).toBe(true);
  });

  it("only offers getSharedPropertiesAsync for items in a shared folder", async () => {
    expect(
      (createOfficeStandIn(makeBridge(inbox(0)).bridge) as Loose).context.mailbox.item
        .getSharedPropertiesAsync,
    ).toBeUndefined();
    const shared: WorkbenchItem = {
      kind: "message",
      mode: "read",
      folder: "inbox",
      data: { ...FIXTURES.inbox[0]!, sharedOwner: "sales@cronus.example" },
    };
    const item = (createOfficeStandIn(makeBridge(shared).bridge) as Loose).context.mailbox.item;
    const r = await call(item.getSharedPropertiesAsync);
    expect(r.status).toBe("succeeded");
    expect((r.value as Loose).owner).toBe("sales@cronus.example");
  });
});

describe("compose items", () => {
  it("have no plain properties, only async accessors, and never call back synchronously", async () => {
    const { item: wb } = draft();
    const item = (createOfficeStandIn(makeBridge(wb).bridge) as Loose).context.mailbox.item;
    expect(typeof item.subject).toBe("object");
    expect(item.itemId).toBeUndefined();
    expect(item.internetMessageId).toBeUndefined();
    expect(item.dateTimeCreated).toBeUndefined();
    let called = false;
    const p = new Promise<AnyResult>((resolve) =>
      item.subject.getAsync((r: AnyResult) => {
        called = true;
        resolve(r);
      }),
    );
    expect(called).toBe(false);
    expect((await p).value).toBe("Offer");
  });

  it("throws synchronously for a getAsync without callback, as Outlook does", () => {
    const item = (createOfficeStandIn(makeBridge(draft().item).bridge) as Loose).context.mailbox.item;
    expect(() => item.to.getAsync()).toThrow(/requires a callback/);
  });

  it("fails getItemIdAsync with ItemNotSaved until saved", async () => {
    const { item: wb, d } = draft();
    const item = (createOfficeStandIn(makeBridge(wb).bridge) as Loose).context.mailbox.item;
    const before = await call(item.getItemIdAsync);
    expect(before).toMatchObject({ status: "failed", error: { name: "ItemNotSaved" } });
    const saved = await call(item.saveAsync);
    expect(saved.status).toBe("succeeded");
    expect((await call(item.getItemIdAsync)).value).toBe(d.itemId);
  });

  it("saves a new meeting into the organiser's calendar first: saveAsync reports back once the page filed it", async () => {
    const d: DraftMeeting = {
      key: "m1",
      subject: "Showroom visit",
      body: "",
      customProperties: {},
      organizer: WORKBENCH_USER,
      requiredAttendees: [{ displayName: "Kim Akers", emailAddress: "kim.akers@treyresearch.example" }],
      optionalAttendees: [],
      location: "",
      start: "2026-03-24T10:00:00.000Z",
      end: "2026-03-24T11:00:00.000Z",
    };
    const host = makeBridge({ kind: "appointment", mode: "compose", draft: d });
    const filed: string[] = [];
    let file: () => void = () => undefined;
    host.bridge.meetingSaved = (draft, itemId) =>
      new Promise<void>((resolve) => {
        filed.push(`${draft.subject} ${itemId}`);
        file = resolve;
      });
    const item = (createOfficeStandIn(host.bridge) as Loose).context.mailbox.item;
    let answer: AnyResult | undefined;
    item.saveAsync((r: AnyResult) => (answer = r));
    await new Promise((r) => setTimeout(r, 20));
    expect(filed).toEqual([`Showroom visit ${d.itemId}`]);
    expect(answer).toBeUndefined();
    file();
    await new Promise((r) => setTimeout(r, 20));
    expect(answer).toMatchObject({ status: "succeeded", value: d.itemId });
    expect((await call(item.getItemIdAsync)).value).toBe(d.itemId);
  });

  it("validates setAsync input and reports edits to the page", async () => {
    const { item: wb, d } = draft();
    const host = makeBridge(wb);
    const item = (createOfficeStandIn(host.bridge) as Loose).context.mailbox.item;
    const bad = await call(item.to.setAsync, ["not an address"]);
    expect(bad).toMatchObject({ status: "failed", error: { name: "InvalidFormatError" } });
    expect(d.to).toHaveLength(1);
    const long = await call(item.subject.setAsync, "x".repeat(256));
    expect(long).toMatchObject({ status: "failed", error: { name: "DataExceedsMaximumSize" } });
    const ok = await call(item.cc.setAsync, ["dana.birkby@treyresearch.example"]);
    expect(ok.status).toBe("succeeded");
    expect(d.cc).toEqual([
      { displayName: "dana.birkby@treyresearch.example", emailAddress: "dana.birkby@treyresearch.example" },
    ]);
    expect(host.edits()).toBe(1);
  });

  it("keeps custom properties on the draft across pane reloads", async () => {
    const { item: wb } = draft();
    const host = makeBridge(wb);
    const first = (createOfficeStandIn(host.bridge) as Loose).context.mailbox.item;
    const props = (await call(first.loadCustomPropertiesAsync)).value as Loose;
    props.set("iloDraftId", "draft:abc12345");
    expect((await call(props.saveAsync)).status).toBe("succeeded");
    const reloaded = (createOfficeStandIn(host.bridge) as Loose).context.mailbox.item;
    const again = (await call(reloaded.loadCustomPropertiesAsync)).value as Loose;
    expect(again.get("iloDraftId")).toBe("draft:abc12345");
  });
});

describe("ItemChanged", () => {
  it("fires registered handlers asynchronously and retires the old item", async () => {
    const host = makeBridge(inbox(0));
    const office = createOfficeStandIn(host.bridge) as Loose;
    const old = office.context.mailbox.item;
    const seen: unknown[] = [];
    expect(
      (
        await call(office.context.mailbox.addHandlerAsync, office.EventType.ItemChanged, (a: unknown) =>
          seen.push(a),
        )
      ).status,
    ).toBe("succeeded");
    host.select(inbox(1));
    expect(seen).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual([{ type: ITEM_CHANGED }]);
    expect(office.context.mailbox.item.internetMessageId).toBe(FIXTURES.inbox[1]!.internetMessageId);
    expect(await call(old.loadCustomPropertiesAsync)).toMatchObject({
      status: "failed",
      error: { name: "ItemNotFound" },
    });
    expect((await call(office.context.mailbox.removeHandlerAsync, office.EventType.ItemChanged)).status).toBe(
      "succeeded",
    );
    host.select(inbox(2));
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toHaveLength(1);
  });

  it("rejects other event types", async () => {
    const office = createOfficeStandIn(makeBridge(null).bridge) as Loose;
    const r = await call(office.context.mailbox.addHandlerAsync, "RecipientsChanged", () => undefined);
    expect(r).toMatchObject({ status: "failed", error: { name: "InvalidEventType" } });
  });
});

describe("the Office adapter against the stand-in", () => {
  const read = async (item: WorkbenchItem | null, theme: "light" | "dark" = "light") => {
    const office = createOfficeStandIn(makeBridge(item, theme).bridge) as unknown as typeof Office;
    const mailbox = await createOfficeMailbox(office);
    return { mailbox, c: await mailbox.readCurrentItem() };
  };

  it("reads every fixture with the right direction", async () => {
    const directions: string[] = [];
    for (let i = 0; i < FIXTURES.inbox.length; i++) directions.push((await read(inbox(i))).c!.direction);
    expect(directions.every((d) => d === "inbound")).toBe(true);
    const sent = (await read(sentItem)).c!;
    expect(sent.direction).toBe("outbound");
    expect(sent.participants.map((p) => p.role)).toEqual(["from", "to", "to", "to", "cc"]);
    expect((await read(meeting(0))).c).toMatchObject({
      direction: "outbound",
      isOrganizer: true,
      kind: "meeting",
    });
    expect((await read(meeting(1))).c).toMatchObject({
      direction: "inbound",
      isOrganizer: false,
      date: "2026-03-19T13:00:00.000Z",
    });
  });

  it("passes language, theme and user through", async () => {
    const { mailbox } = await read(null, "dark");
    expect([mailbox.displayLanguage, mailbox.theme, mailbox.user.emailAddress]).toEqual([
      "nl-NL",
      "dark",
      "annette.hill@cronus.example",
    ]);
  });

  it("reads a compose draft with a stable draft id", async () => {
    const { item } = draft();
    const host = makeBridge(item);
    const a = await (
      await createOfficeMailbox(createOfficeStandIn(host.bridge) as unknown as typeof Office)
    ).readCurrentItem();
    const b = await (
      await createOfficeMailbox(createOfficeStandIn(host.bridge) as unknown as typeof Office)
    ).readCurrentItem();
    expect(a).toMatchObject({ mode: "compose", direction: "outbound", subject: "Offer" });
    expect(a!.sourceId).toMatch(/^draft:/);
    expect(b!.sourceId).toBe(a!.sourceId);
  });
});

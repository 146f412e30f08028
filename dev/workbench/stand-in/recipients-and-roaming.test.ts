// The stand-in's RecipientsChanged (item event, Mailbox 1.7) and roamingSettings (Mailbox 1.1), checked through the
// pane's own Office adapter where it matters: what the pane sees is what Outlook would give it.
import { createOfficeMailbox } from "../../../src/office";
import type { RecipientField } from "./item-events";
import { RECIPIENTS_CHANGED } from "./item-events";
import { createOfficeStandIn } from "./office-stand-in";
import { ROAMING_LIMIT, type RoamingStore } from "./roaming-settings";
import { WORKBENCH_USER, type DraftMessage, type HostBridge, type WorkbenchItem } from "./workbench-model";

type AnyResult = { status: string; value: unknown; error?: { name: string; message: string } };
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const tick = () => new Promise((r) => setTimeout(r, 5));

function setup(initial: WorkbenchItem | null, saved: Record<string, unknown> = {}) {
  let current = initial;
  const selection = new Set<() => void>();
  const recipients = new Set<(f: RecipientField) => void>();
  const disk = { values: saved, saves: 0 };
  const roaming: RoamingStore = {
    load: () => disk.values,
    save: (v) => {
      disk.values = v;
      disk.saves++;
    },
  };
  const bridge: HostBridge = {
    user: WORKBENCH_USER,
    displayLanguage: "en-US",
    theme: "light",
    currentItem: () => current,
    onSelectionChanged: (l) => {
      selection.add(l);
      return () => selection.delete(l);
    },
    draftEdited: () => undefined,
    onRecipientsChanged: (l) => {
      recipients.add(l);
      return () => recipients.delete(l);
    },
    roaming,
  };
  return {
    office: createOfficeStandIn(bridge) as unknown as Loose,
    disk,
    select(item: WorkbenchItem | null) {
      current = item;
      for (const l of selection) l();
    },
    userChangedRecipients(field: RecipientField) {
      for (const l of recipients) l(field);
    },
  };
}

function draft(key = "d1"): { item: WorkbenchItem; d: DraftMessage } {
  const d: DraftMessage = {
    key,
    subject: "Offer",
    body: "",
    customProperties: {},
    from: WORKBENCH_USER,
    to: [],
    cc: [],
    bcc: [],
  };
  return { item: { kind: "message", mode: "compose", draft: d }, d };
}

const call = (fn: (...a: unknown[]) => void, ...args: unknown[]): Promise<AnyResult> =>
  new Promise((resolve) => fn(...args, (r: AnyResult) => resolve(r)));

describe("RecipientsChanged in compose mode", () => {
  it("calls the draft's handler on a later task with the changed field, for form edits and setAsync", async () => {
    const { item, d } = draft();
    const wb = setup(item);
    const seen: Loose[] = [];
    const added = await call(wb.office.context.mailbox.item.addHandlerAsync, RECIPIENTS_CHANGED, (a: Loose) =>
      seen.push(a),
    );
    expect(added.status).toBe("succeeded");
    wb.userChangedRecipients("cc");
    expect(seen).toEqual([]); // never synchronously
    await tick();
    expect(seen).toEqual([
      {
        type: "olkRecipientsChanged",
        changedRecipientFields: {
          to: false,
          cc: true,
          bcc: false,
          requiredAttendees: false,
          optionalAttendees: false,
          resources: false,
        },
      },
    ]);
    await call(wb.office.context.mailbox.item.to.addAsync, ["kim.akers@treyresearch.example"]);
    await tick();
    expect(d.to.map((a) => a.emailAddress)).toEqual(["kim.akers@treyresearch.example"]);
    expect(seen.at(-1)!.changedRecipientFields.to).toBe(true);
  });

  it("refuses other event types, and an item no longer selected hears nothing", async () => {
    const first = draft("a");
    const wb = setup(first.item);
    const item = wb.office.context.mailbox.item;
    const refused = await call(item.addHandlerAsync, "olkAttachmentsChanged", () => undefined);
    expect(refused.status).toBe("failed");
    expect(refused.error?.name).toBe("InvalidEventType");
    let calls = 0;
    await call(item.addHandlerAsync, RECIPIENTS_CHANGED, () => calls++);
    wb.select(draft("b").item);
    wb.userChangedRecipients("to");
    await tick();
    expect(calls).toBe(0);
  });

  it("reaches the pane's Office adapter, which hooks each new draft once", async () => {
    const { item } = draft();
    const wb = setup(item);
    const mailbox = await createOfficeMailbox(wb.office as unknown as typeof Office);
    let heard = 0;
    mailbox.onRecipientsChanged(() => heard++);
    await mailbox.readCurrentItem();
    await mailbox.readCurrentItem();
    await tick();
    wb.userChangedRecipients("to");
    await tick();
    expect(heard).toBe(1);
    const next = draft("e2");
    wb.select(next.item);
    await mailbox.readCurrentItem();
    await tick();
    wb.userChangedRecipients("bcc");
    await tick();
    expect(heard).toBe(2);
  });

  it("read-mode items have no item events to hook", async () => {
    const wb = setup(null);
    expect(wb.office.context.mailbox.item).toBeNull();
    expect(wb.office.EventType.RecipientsChanged).toBe("olkRecipientsChanged");
  });
});

describe("roamingSettings", () => {
  it("starts from what was saved, keeps set values in memory until saveAsync persists them", async () => {
    const wb = setup(null, { theme: "dark" });
    const rs = wb.office.context.roamingSettings;
    expect(rs.get("theme")).toBe("dark");
    expect(rs.get("missing")).toBeNull();
    rs.set("choices", { "a@x.example": "CT000005" });
    expect(rs.get("choices")).toEqual({ "a@x.example": "CT000005" });
    expect(wb.disk.saves).toBe(0);
    let done: AnyResult | undefined;
    rs.saveAsync((r: AnyResult) => (done = r));
    expect(done).toBeUndefined(); // the callback comes later, as in Outlook
    await tick();
    expect(done?.status).toBe("succeeded");
    expect(wb.disk.values).toEqual({ theme: "dark", choices: { "a@x.example": "CT000005" } });
    rs.remove("theme");
    rs.saveAsync();
    await tick();
    expect(wb.disk.values).toEqual({ choices: { "a@x.example": "CT000005" } });
  });

  it("throws 9057 past 32 KB and for a missing name", () => {
    const rs = setup(null).office.context.roamingSettings;
    expect(() => rs.set("big", "x".repeat(ROAMING_LIMIT))).toThrow(expect.objectContaining({ code: 9057 }));
    expect(() => rs.set("", 1)).toThrow(/ArgumentException/);
  });

  it("holds the pane's remembered choices for ambiguous addresses across pane loads", async () => {
    const first = setup(null);
    const mailbox = await createOfficeMailbox(first.office as unknown as typeof Office);
    await mailbox.rememberChoice("Alex.Wilber@Relecloud.example", "CT000006");
    expect(mailbox.rememberedChoices()).toEqual({ "alex.wilber@relecloud.example": "CT000006" });
    // A new pane load (another Office object) reads what the first one saved.
    const again = setup(null, first.disk.values);
    const reopened = await createOfficeMailbox(again.office as unknown as typeof Office);
    expect(reopened.rememberedChoices()).toEqual({ "alex.wilber@relecloud.example": "CT000006" });
    await reopened.rememberChoice("alex.wilber@relecloud.example", null);
    expect(again.disk.values).toEqual({ ambiguousAddressChoices: {} });
  });
});

// The outbox is keyed by tenant + user (+ the shared mailbox's owner): a pane replays, lists and discards only the
// logs of its own account; logs waiting under another account are only counted. Also: Send now during an automatic
// run still retries failed logs, and a stuck run times out so Send now and Discard work again.
import { StoreError } from "../../domain/errors";
import type { LogRequest, LogResult, PendingLog } from "../../domain/ports";
import { MemoryOutbox } from "../outbox";
import { OutboxReplay, type Replay } from "./outbox-replay";

const ANNETTE = { displayName: "Annette Hill", emailAddress: "annette.hill@cronus.example" };
const ROBIN = { displayName: "Robin Danielsen", emailAddress: "robin@cronus.example" };

function request(user = ANNETTE, description = "Quote"): LogRequest {
  return {
    contacts: [{ contactNo: "CT000010", type: "Person", name: "Jane" }],
    user,
    draft: {
      templateCode: "EMAIL",
      description,
      interactionDate: "2024-05-01T00:00:00Z",
      attemptFailed: false,
      costLCY: 0,
      durationMin: 0,
    },
  };
}

const offlineError = new StoreError("offline", "Graph could not be reached");
const sent = (p: PendingLog): LogResult => ({
  results: p.request.contacts.map((c) => ({ contactNo: c.contactNo, status: "logged" })),
});

const account = (user: string, tenant = "contoso.sharepoint.com") => ({ tenant, user });

describe("the outbox is scoped to tenant and user", () => {
  it("never replays, lists or discards another account's logs, and counts them", async () => {
    const box = new MemoryOutbox();
    const annette = new OutboxReplay(box, () => new Date(), { account: account(ANNETTE.emailAddress) });
    const robin = new OutboxReplay(box, () => new Date(), { account: account(ROBIN.emailAddress) });
    const otherTenant = new OutboxReplay(box, () => new Date(), {
      account: account(ANNETTE.emailAddress, "fabrikam.sharepoint.com"),
    });
    await annette.enqueue(request(), "a1", offlineError);
    await robin.enqueue(request(ROBIN), "r1", offlineError);

    expect((await robin.pending()).map((p) => p.id)).toEqual(["r1"]);
    expect(await robin.pendingElsewhere()).toBe(1);
    expect(await otherTenant.pending()).toEqual([]);
    expect(await otherTenant.pendingElsewhere()).toBe(2);

    const replayed: string[] = [];
    const replay: Replay = async (p) => (replayed.push(p.id), sent(p));
    expect(await robin.flush(replay)).toBe(1);
    expect(await otherTenant.flush(replay)).toBe(0);
    expect(replayed).toEqual(["r1"]);
    await expect(robin.discard("a1")).rejects.toThrow(/another account/);
    expect((await box.list()).map((p) => p.id)).toEqual(["a1"]);
  });

  it("stamps each log with tenant, user and the shared mailbox it came from", async () => {
    const box = new MemoryOutbox();
    const pane = new OutboxReplay(box, () => new Date(), { account: account("Annette.Hill@cronus.example") });
    const shared: LogRequest = {
      ...request(),
      correspondence: {
        kind: "email",
        mode: "read",
        subject: "Quote",
        date: "2024-05-01T00:00:00Z",
        direction: "inbound",
        participants: [],
        mailboxOwner: { displayName: "Sales", address: "Sales@cronus.example" },
      },
    };
    await pane.enqueue(shared, "s1", offlineError);
    expect((await box.list())[0]!.account).toEqual({
      tenant: "contoso.sharepoint.com",
      user: "annette.hill@cronus.example",
      mailbox: "sales@cronus.example",
    });
  });

  it("adopts a log queued before accounts were recorded only when its user is this user", async () => {
    const box = new MemoryOutbox();
    const legacy = (id: string, user: typeof ANNETTE): PendingLog => ({
      id,
      request: request(user),
      queuedAt: "2024-05-01T00:00:00Z",
      attempts: 1,
    });
    await box.put(legacy("old-a", ANNETTE));
    await box.put(legacy("old-r", ROBIN));
    const annette = new OutboxReplay(box, () => new Date(), { account: account(ANNETTE.emailAddress) });
    expect((await annette.pending()).map((p) => p.id)).toEqual(["old-a"]);
    expect(await annette.pendingElsewhere()).toBe(1);
  });
});

describe("Send now during an automatic run", () => {
  it("also retries the failed logs once the automatic run is over", async () => {
    const box = new MemoryOutbox();
    const pane = new OutboxReplay(box, () => new Date(), { account: account(ANNETTE.emailAddress) });
    await box.put({ id: "ok", request: request(), queuedAt: "2024-05-01T00:00:00Z", attempts: 1 });
    await box.put({
      id: "failed",
      request: request(),
      queuedAt: "2024-05-02T00:00:00Z",
      attempts: 1,
      failed: true,
      lastError: "template blocked",
    });
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const replayed: string[] = [];
    const replay: Replay = async (p) => {
      replayed.push(p.id);
      if (p.id === "ok") await slow;
      return sent(p);
    };
    const automatic = pane.flush(replay);
    await new Promise((r) => setTimeout(r, 5));
    const sendNow = pane.flush(replay, { includeFailed: true });
    release();
    await automatic;
    await sendNow;
    expect(replayed).toEqual(["ok", "failed"]);
    expect(await box.list()).toEqual([]);
  });
});

describe("a stuck run", () => {
  it("times out: the next Send now starts a new run and Discard works again", async () => {
    const box = new MemoryOutbox();
    const pane = new OutboxReplay(box, () => new Date(), {
      account: account(ANNETTE.emailAddress),
      runDeadlineMs: 50,
    });
    await box.put({ id: "stuck", request: request(), queuedAt: "2024-05-01T00:00:00Z", attempts: 0 });
    await box.put({ id: "next", request: request(), queuedAt: "2024-05-02T00:00:00Z", attempts: 0 });
    const signals: AbortSignal[] = [];
    const hangs: Replay = (_p, ctx) =>
      new Promise<LogResult>((_resolve, reject) => {
        if (ctx?.signal) signals.push(ctx.signal);
        ctx?.signal?.addEventListener("abort", () => reject(new StoreError("offline", "aborted")));
      });
    const started = Date.now();
    await expect(pane.flush(hangs)).resolves.toBe(0);
    expect(Date.now() - started).toBeLessThan(2000);
    // The stuck requests were aborted, so nothing from that run can still land.
    expect(signals.every((s) => s.aborted)).toBe(true);
    await pane.discard("next");
    expect(await pane.flush(async (p) => sent(p), { includeFailed: true })).toBe(1);
    expect(await box.list()).toEqual([]);
  }, 5000);
});

// The pane's drain of send-time log intents keeps the outbox's guards (issue 12, items 2, 3, 5, 6): it drains,
// lists and discards only its own user's intents (others are only counted), a run has a deadline so Discard and the
// next flush are never stuck behind a hung one, and panes sharing the queue claim an intent before writing it, so
// one pane at a time writes it and a discard is never undone by another pane's failed attempt.
import { StoreError } from "../domain/errors";
import type { ItemContext, LogRequest, LogResult } from "../domain/ports";
import type { SendLogIntent } from "../domain/send-log";
import type { Correspondence, UserProfile } from "../domain/types";
import { JANE, mailFromJane, SETUP, TEMPLATES, USER } from "../taskpane/test-support/fixtures";
import type { LockManagerLike } from "./outbox-claims";
import {
  SendLogQueue,
  withSendQueue,
  type DrainableStore,
  type DrainRun,
  MemoryKeyValue,
} from "./send-queue";
import { KvClaims } from "./send-queue-claims";

const POLICY = { ownDomains: ["contoso.com"], neverLog: [] };
const ROBIN: UserProfile = { displayName: "Robin", emailAddress: "robin@contoso.com" };

function intent(id: string, user: UserProfile = USER): SendLogIntent {
  return {
    id,
    correspondence: mailFromJane({ mode: "compose", direction: "outbound", sourceId: `draft:${id}` }),
    user,
    queuedAt: `2024-05-02T09:30:0${id.length % 10}.000Z`,
    attempts: 1,
  };
}

function contextFor(c: Correspondence): ItemContext {
  return {
    correspondence: c,
    matches: [{ participant: c.participants[0]!, email: "jane@acme.com", status: "person", contact: JANE }],
    templates: TEMPLATES,
    groups: [],
    setup: SETUP,
    alreadyLogged: [],
  };
}

const logged = (request: LogRequest): LogResult => ({
  results: request.contacts.map((c) => ({ contactNo: c.contactNo, status: "logged" })),
});

/** Only what the drain uses; `gate` holds logInteraction until released. */
class FakeStore {
  contexts: string[] = [];
  logs: { request: LogRequest; requestId?: string }[] = [];
  elsewhere = 0;
  gate?: Promise<void>;
  fail?: StoreError;
  loadItemContext = async (c: Correspondence): Promise<ItemContext> => {
    this.contexts.push(c.sourceId ?? "");
    return contextFor(c);
  };
  logInteraction = async (request: LogRequest, options: { requestId?: string } = {}): Promise<LogResult> => {
    this.logs.push({ request, ...options });
    await this.gate;
    if (this.fail) throw this.fail;
    return logged(request);
  };
  pendingLogs = async () => [];
  flushPending = async () => 0;
  discardPending = async () => undefined;
  pendingElsewhere = async () => this.elsewhere;
  asStore(): DrainableStore {
    return this as unknown as DrainableStore;
  }
}

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

/** Rejects when `work` takes longer than `ms`: a hang shows up as a failure, not a stuck test. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms)),
  ]);
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Waits for `ready`, failing (not hanging) after two seconds. */
async function until(ready: () => boolean): Promise<void> {
  const end = Date.now() + 2_000;
  while (!ready()) {
    if (Date.now() > end) throw new Error("gave up waiting");
    await tick();
  }
}

describe("scoped to the pane's user", () => {
  it("drains, lists and discards only the pane's user's intents; another user's are only counted", async () => {
    const kv = new MemoryKeyValue();
    const queue = new SendLogQueue(kv);
    await queue.put(intent("mine-1"));
    await queue.put(intent("robin-1", ROBIN));
    const fake = new FakeStore();
    fake.elsewhere = 2;
    const store = withSendQueue(fake.asStore(), {
      queues: [queue],
      policy: POLICY,
      user: USER.emailAddress.toUpperCase(),
      locks: null,
    });

    expect((await store.pendingLogs()).map((p) => p.id)).toEqual(["mine-1"]);
    expect(await store.pendingElsewhere()).toBe(3);
    await expect(store.discardPending("robin-1")).rejects.toMatchObject({
      kind: "forbidden",
      details: { code: "otherAccount" },
    });

    await store.flushPending();
    expect(fake.logs.map((l) => l.requestId)).toEqual(["mine-1"]);
    expect(fake.logs[0]!.request.user).toEqual(USER);
    expect((await queue.list()).map((i) => i.id)).toEqual(["robin-1"]);
    expect(await store.pendingElsewhere()).toBe(3);
  });

  it("without a user (tools, tests) every intent is the pane's, as before", async () => {
    const queue = new SendLogQueue(new MemoryKeyValue());
    await queue.put(intent("mine-1"));
    await queue.put(intent("robin-1", ROBIN));
    const fake = new FakeStore();
    const store = withSendQueue(fake.asStore(), { queues: [queue], policy: POLICY, locks: null });
    expect((await store.pendingLogs()).map((p) => p.id).sort()).toEqual(["mine-1", "robin-1"]);
    expect(await store.flushPending()).toBe(2);
    expect(await queue.list()).toEqual([]);
  });
});

describe("a run has a deadline", () => {
  it("a hung drain is given up after runDeadlineMs: the flush resolves, Discard and the next flush work", async () => {
    const queue = new SendLogQueue(new MemoryKeyValue());
    await queue.put(intent("stuck-1"));
    const fake = new FakeStore();
    const hang = gate();
    fake.loadItemContext = async (c) => (await hang.promise, contextFor(c));
    const store = withSendQueue(fake.asStore(), {
      queues: [queue],
      policy: POLICY,
      runDeadlineMs: 50,
      locks: null,
    });

    await expect(within(2_000, store.flushPending())).resolves.toBe(0);
    await within(2_000, store.discardPending("stuck-1"));
    expect(await queue.list()).toEqual([]);
    await expect(within(2_000, store.flushPending())).resolves.toBe(0);

    // The hung request answers at last: nothing is written, nothing comes back.
    hang.open();
    await tick();
    await tick();
    expect(fake.logs).toEqual([]);
    expect(await queue.list()).toEqual([]);
  });

  it("a discard during a hung drain waits no longer than the deadline", async () => {
    const queue = new SendLogQueue(new MemoryKeyValue());
    await queue.put(intent("stuck-2"));
    const fake = new FakeStore();
    fake.loadItemContext = () => new Promise<ItemContext>(() => undefined);
    const store = withSendQueue(fake.asStore(), {
      queues: [queue],
      policy: POLICY,
      runDeadlineMs: 50,
      locks: null,
    });
    const flush = store.flushPending();
    await tick();
    await within(2_000, store.discardPending("stuck-2"));
    expect(await queue.list()).toEqual([]);
    await within(2_000, flush);
  });

  it("runs through the store's run path with the run's signal, aborted at the deadline", async () => {
    const queue = new SendLogQueue(new MemoryKeyValue());
    await queue.put(intent("stuck-3"));
    const fake = new FakeStore();
    const runs: { background: boolean; signal: AbortSignal }[] = [];
    const forRun = (run: { background: boolean; signal: AbortSignal }): DrainRun => {
      runs.push(run);
      return {
        loadItemContext: () => new Promise<ItemContext>(() => undefined),
        logInteraction: fake.logInteraction,
      };
    };
    const store = withSendQueue(Object.assign(fake, { forRun }).asStore(), {
      queues: [queue],
      policy: POLICY,
      runDeadlineMs: 50,
      locks: null,
    });
    await within(2_000, store.flushPending({ background: true }));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.background).toBe(true);
    expect(runs[0]!.signal.aborted).toBe(true);
    expect(fake.contexts).toEqual([]);
    expect((await queue.list()).map((i) => i.id)).toEqual(["stuck-3"]);
  });
});

describe("background drains sign in silently only", () => {
  it("stops at a sign-in that needs the user, keeps the intent and rejects; a click during it drains again", async () => {
    const queue = new SendLogQueue(new MemoryKeyValue());
    await queue.put(intent("signin-1"));
    const fake = new FakeStore();
    const asked = gate();
    const runs: boolean[] = [];
    const forRun = (run: { background: boolean }): DrainRun => {
      runs.push(run.background);
      return {
        loadItemContext: async (c) => {
          if (!run.background) return contextFor(c);
          await asked.promise;
          throw new StoreError("unauthenticated", "Signing in needs you", { code: "interactionRequired" });
        },
        logInteraction: fake.logInteraction,
      };
    };
    const store = withSendQueue(Object.assign(fake, { forRun }).asStore(), {
      queues: [queue],
      policy: POLICY,
      locks: null,
    });
    const automatic = store.flushPending({ background: true });
    const outcome = automatic.catch((e: unknown) => e);
    await until(() => runs.length > 0);
    const click = store.flushPending({ includeFailed: true });
    asked.open();
    expect(await outcome).toMatchObject({
      kind: "unauthenticated",
      details: { code: "interactionRequired" },
    });
    await expect(click).resolves.toBe(1);
    expect(runs).toEqual([true, false]);
    expect(fake.logs.map((l) => l.requestId)).toEqual(["signin-1"]);
    expect(await queue.list()).toEqual([]);
  });
});

describe("panes sharing the queue claim an intent", () => {
  it("a claim record left by a pane that died is free again after its expiry", async () => {
    const kv = new MemoryKeyValue();
    let now = 1_000;
    await kv.setItem("ilo-send-log-claim:x", JSON.stringify({ token: "dead-pane", expiresAt: 2_000 }));
    const claims = new KvClaims(kv, { now: () => now, settleMs: 0 });
    await expect(claims.hold("x", false, async () => "mine")).resolves.toBeUndefined();
    now = 2_001;
    await expect(claims.hold("x", false, async () => "mine")).resolves.toBe("mine");
    expect([...kv.map.keys()]).toEqual([]);
  });

  it("an intent another pane is writing is not written a second time", async () => {
    const kv = new MemoryKeyValue();
    const queue = new SendLogQueue(kv);
    await queue.put(intent("shared-1"));
    const a = new FakeStore();
    const held = gate();
    a.gate = held.promise;
    const b = new FakeStore();
    const paneA = withSendQueue(a.asStore(), { queues: [queue], policy: POLICY, locks: null });
    const paneB = withSendQueue(b.asStore(), { queues: [new SendLogQueue(kv)], policy: POLICY, locks: null });

    const first = paneA.flushPending();
    await until(() => a.logs.length > 0);
    await expect(paneB.flushPending()).resolves.toBe(0);
    expect(b.logs).toEqual([]);
    held.open();
    await expect(first).resolves.toBe(1);
    expect(await queue.list()).toEqual([]);
    expect([...kv.map.keys()]).toEqual([]);
  });

  it("a discard in another pane wins over a failing write: the intent is not put back", async () => {
    const kv = new MemoryKeyValue();
    const queue = new SendLogQueue(kv);
    await queue.put(intent("shared-2"));
    const a = new FakeStore();
    const held = gate();
    a.gate = held.promise;
    a.fail = new StoreError("offline", "Graph could not be reached");
    const paneA = withSendQueue(a.asStore(), { queues: [queue], policy: POLICY, locks: null });
    const paneB = withSendQueue(new FakeStore().asStore(), {
      queues: [new SendLogQueue(kv)],
      policy: POLICY,
      locks: null,
    });

    const first = paneA.flushPending();
    await until(() => a.logs.length > 0);
    const discard = paneB.discardPending("shared-2");
    for (let i = 0; i < 10; i++) await tick();
    held.open();
    await first;
    await within(2_000, discard);
    expect(await queue.list()).toEqual([]);
  });

  it("an intent removed meanwhile (without a claim) is never put back after a failure", async () => {
    const queue = new SendLogQueue(new MemoryKeyValue());
    await queue.put(intent("gone-1"));
    const a = new FakeStore();
    const held = gate();
    a.gate = held.promise;
    a.fail = new StoreError("offline", "Graph could not be reached");
    const store = withSendQueue(a.asStore(), { queues: [queue], policy: POLICY, locks: null });
    const flush = store.flushPending();
    await until(() => a.logs.length > 0);
    await queue.remove("gone-1");
    held.open();
    await flush;
    expect(await queue.list()).toEqual([]);
  });

  it("uses the Web Locks API when the host has it", async () => {
    const kv = new MemoryKeyValue();
    const queue = new SendLogQueue(kv);
    await queue.put(intent("locked-1"));
    const names: string[] = [];
    const busy = new Set<string>();
    const locks: LockManagerLike = {
      async request(name, options, callback) {
        names.push(name);
        if (busy.has(name) && options.ifAvailable) return callback(null);
        busy.add(name);
        try {
          return await callback({ name });
        } finally {
          busy.delete(name);
        }
      },
    };
    const a = new FakeStore();
    const held = gate();
    a.gate = held.promise;
    const b = new FakeStore();
    const paneA = withSendQueue(a.asStore(), { queues: [queue], policy: POLICY, locks });
    const paneB = withSendQueue(b.asStore(), { queues: [new SendLogQueue(kv)], policy: POLICY, locks });
    const first = paneA.flushPending();
    await until(() => a.logs.length > 0);
    await paneB.flushPending();
    expect(b.logs).toEqual([]);
    held.open();
    await expect(first).resolves.toBe(1);
    expect(names.every((n) => n.endsWith("locked-1"))).toBe(true);
    // No claim records: the locks did the work.
    expect([...kv.map.keys()]).toEqual([]);
  });
});

describe("the user's remembered choices travel with the intent", () => {
  it("logs an ambiguous address for the contact chosen when the mail was sent", async () => {
    const queue = new SendLogQueue(new MemoryKeyValue());
    const chosen = { ...JANE, contactNo: "CT000099", name: "Jane at Acme Europe" };
    await queue.put({ ...intent("amb-1"), choices: { "jane@acme.com": "CT000099" } });
    await queue.put(intent("amb-2"));
    const fake = new FakeStore();
    fake.loadItemContext = async (c: Correspondence) => ({
      ...contextFor(c),
      matches: [
        {
          participant: c.participants[0]!,
          email: "jane@acme.com",
          status: "ambiguous",
          candidates: [JANE, chosen],
        },
      ],
    });
    const store = withSendQueue(fake.asStore(), { queues: [queue], policy: POLICY, locks: null });
    await store.flushPending();
    // With the choice: the chosen candidate; without one: nothing to log, and the intent is done.
    expect(fake.logs.map((l) => [l.requestId, l.request.contacts.map((c) => c.contactNo)])).toEqual([
      ["amb-1", ["CT000099"]],
    ]);
    await expect(queue.list()).resolves.toEqual([]);
  });
});

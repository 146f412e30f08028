// Send-time logs that could not be written before the item left (SharePoint unreachable, too slow, no token yet)
// are kept as intents: the item as it was sent, to be matched and written later under the same request id. The
// send handler writes them to whatever storage its runtime has (IndexedDB in the browser runtime, OfficeRuntime.storage
// in classic Outlook's JavaScript-only runtime); the pane drains every such store before replaying its outbox, so a
// kept intent becomes a normal log (or a normal outbox entry) with the same id, its DedupeKeys unchanged.
import { needsInteractiveSignIn, StoreError } from "../domain/errors";
import type { MatchingPolicy } from "../domain/matching";
import type { FlushOptions, InteractionStorePort, LogRequest, LogResult, PendingLog } from "../domain/ports";
import type { KeyValueStore, SendLogAdopter, SendLogIntent } from "../domain/send-log";
import type { LockManagerLike } from "./outbox-claims";
import { runWithDeadline } from "./run-deadline";
import { claimsFor, holdWithin, hostLocks } from "./send-queue-claims";
import { drainQueues, type ClaimedQueue, type DrainDeps, type DrainRun } from "./send-queue-drain";
import type { ReplayContext } from "./store/outbox-replay";

export type { DrainRun } from "./send-queue-drain";

const PREFIX = "ilo-send-log:";

/** Intents in one key-value store, one key each (a write never rewrites another intent). */
export class SendLogQueue {
  constructor(readonly kv: KeyValueStore) {}

  async put(intent: SendLogIntent): Promise<void> {
    await this.kv.setItem(PREFIX + intent.id, JSON.stringify(intent));
  }

  async list(): Promise<SendLogIntent[]> {
    const keys = (await this.kv.getKeys()).filter((k) => k.startsWith(PREFIX));
    const out: SendLogIntent[] = [];
    for (const key of keys) {
      const raw = await this.kv.getItem(key);
      const intent = raw ? parseIntent(raw) : undefined;
      if (intent) out.push(intent);
    }
    return out.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt) || a.id.localeCompare(b.id));
  }

  async has(id: string): Promise<boolean> {
    return Boolean(await this.kv.getItem(PREFIX + id));
  }

  async get(id: string): Promise<SendLogIntent | undefined> {
    const raw = await this.kv.getItem(PREFIX + id);
    return raw ? parseIntent(raw) : undefined;
  }

  remove(id: string): Promise<void> {
    return this.kv.removeItem(PREFIX + id);
  }
}

function parseIntent(raw: string): SendLogIntent | undefined {
  try {
    const v = JSON.parse(raw) as SendLogIntent;
    return v && typeof v.id === "string" && v.correspondence && v.user ? v : undefined;
  } catch {
    return undefined;
  }
}

/** A key-value store in memory (tests, tools): `map` shows what it holds. */
export class MemoryKeyValue implements KeyValueStore {
  readonly map = new Map<string, string>();
  async getItem(key: string): Promise<string | null> {
    return this.map.get(key) ?? null;
  }
  async setItem(key: string, value: string): Promise<void> {
    this.map.set(key, value);
  }
  async removeItem(key: string): Promise<void> {
    this.map.delete(key);
  }
  async getKeys(): Promise<string[]> {
    return [...this.map.keys()];
  }
}

/** IndexedDB as a key-value store (the browser runtimes: the pane, and the send handler's hidden page). */
export class IndexedDbKeyValue implements KeyValueStore {
  private db?: Promise<IDBDatabase>;

  constructor(
    private readonly name = "interaction-log-send-queue",
    private readonly factory: IDBFactory | null = globalThis.indexedDB ?? null,
  ) {}

  private open(): Promise<IDBDatabase> {
    const factory = this.factory;
    if (!factory) return Promise.reject(new Error("IndexedDB is not available in this runtime"));
    this.db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(this.name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore("kv");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error("Opening the send queue failed"));
    }).catch((e: unknown) => {
      this.db = undefined;
      throw e;
    });
    return this.db;
  }

  private async run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.open();
    return new Promise<T>((resolve, reject) => {
      const tx = db.transaction("kv", mode);
      const req = op(tx.objectStore("kv"));
      let result: T;
      req.onsuccess = () => (result = req.result);
      // Durable only once the transaction commits.
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error ?? new Error("Send queue transaction failed"));
      tx.onabort = () => reject(tx.error ?? new Error("Send queue transaction aborted"));
    });
  }

  async getItem(key: string): Promise<string | null> {
    const v = await this.run<unknown>("readonly", (s) => s.get(key));
    return typeof v === "string" ? v : null;
  }
  async setItem(key: string, value: string): Promise<void> {
    await this.run("readwrite", (s) => s.put(value, key));
  }
  async removeItem(key: string): Promise<void> {
    await this.run("readwrite", (s) => s.delete(key));
  }
  async getKeys(): Promise<string[]> {
    const keys = await this.run<IDBValidKey[]>("readonly", (s) => s.getAllKeys());
    return keys.map(String);
  }
}

/** The store the pane needs for draining intents: the port, plus logging under a given request id. */
export interface DrainableStore extends InteractionStorePort {
  logInteraction(request: LogRequest, options?: { requestId?: string }): Promise<LogResult>;
  /**
   * The item context and log on a run's own client, as the outbox's runs: silent sign-in only when `background`,
   * every request aborted with `signal`. Without it a drain uses the store itself.
   */
  forRun?(run: ReplayContext): DrainRun;
}

export interface SendQueueOptions {
  queues: SendLogQueue[];
  policy: MatchingPolicy;
  /**
   * The signed-in user's address: only their intents are drained, listed and discarded; other users' are only
   * counted (`pendingElsewhere`). Without it (tools, tests) every intent is this pane's.
   */
  user?: string;
  /** How long one drain may take before it is given up (and Discard proceeds). Default 2 minutes. */
  runDeadlineMs?: number;
  /** The Web Locks API (default: the host's, when it has one); `null` claims with records in each queue's store. */
  locks?: LockManagerLike | null;
  now?: () => Date;
}

interface Drain {
  background: boolean;
  promise: Promise<number>;
}

/**
 * The pane's store with the send queues folded in: `pendingLogs` lists this user's intents too, `flushPending`
 * turns each into a log first (matching its contacts now, with the set-up template) and then replays the outbox,
 * and `discardPending` drops an intent as it drops a pending log. The drain keeps the outbox's guards (see
 * send-queue-drain.ts): scoped to the user, claimed, bounded by a deadline, silent sign-in in the background.
 */
export function withSendQueue<S extends DrainableStore>(
  store: S,
  options: SendQueueOptions,
): S & SendLogAdopter {
  const now = options.now ?? (() => new Date());
  const deadline = options.runDeadlineMs ?? 120_000;
  const user = options.user?.trim().toLowerCase();
  const locks = options.locks === undefined ? hostLocks() : options.locks;
  const queues: ClaimedQueue[] = options.queues.map((queue) => ({
    queue,
    claims: claimsFor(queue.kv, locks),
  }));
  const mine = (intent: SendLogIntent): boolean =>
    !user || intent.user.emailAddress.trim().toLowerCase() === user;
  const deps: DrainDeps = {
    queues,
    policy: options.policy,
    now,
    mine,
    runner: (run) => (store.forRun ? store.forRun(run) : store),
  };
  let current: Drain | undefined;

  const asPending = (intent: SendLogIntent): PendingLog => ({
    id: intent.id,
    request: {
      correspondence: intent.correspondence,
      contacts: [],
      draft: {
        templateCode: "",
        description: intent.correspondence.subject,
        interactionDate: intent.correspondence.date,
        attemptFailed: false,
        costLCY: 0,
        durationMin: 0,
      },
      user: intent.user,
    },
    queuedAt: intent.queuedAt,
    attempts: intent.attempts,
    ...(intent.lastError ? { lastError: intent.lastError } : {}),
  });

  const drain = (background: boolean): Promise<number> => {
    const running = current;
    if (running) {
      if (!running.background || background) return running.promise;
      // The user's click during an automatic drain that stops to ask for sign-in: drained again, interactively.
      return running.promise.catch((e: unknown) => {
        if (needsInteractiveSignIn(e)) return drain(false);
        throw e;
      });
    }
    const run: Drain = {
      background,
      promise: runWithDeadline(deadline, "Writing the kept logs took too long", (signal, progress) =>
        drainQueues(deps, { background, signal }, progress),
      ).finally(() => {
        if (current === run) current = undefined;
      }),
    };
    current = run;
    return run.promise;
  };

  const listed = async (queue: SendLogQueue): Promise<SendLogIntent[]> => queue.list().catch(() => []);

  const overrides = {
    async pendingLogs(): Promise<PendingLog[]> {
      const intents: PendingLog[] = [];
      for (const { queue } of queues) intents.push(...(await listed(queue)).filter(mine).map(asPending));
      return [...intents, ...(await store.pendingLogs())];
    },
    async pendingElsewhere(): Promise<number> {
      let others = 0;
      for (const { queue } of queues) others += (await listed(queue)).filter((i) => !mine(i)).length;
      return others + (await store.pendingElsewhere());
    },
    async flushPending(flush: FlushOptions = {}): Promise<number> {
      const fromQueue = await drain(flush.background === true);
      return fromQueue + (await store.flushPending(flush));
    },
    /** Waits for a drain in progress here (at most its deadline) and another pane's claim, then removes it. */
    async discardPending(id: string): Promise<void> {
      await current?.promise.catch(() => undefined);
      for (const { queue, claims } of queues) {
        if (!(await queue.has(id))) continue;
        const held = await holdWithin(claims, id, deadline, async () => {
          const intent = await queue.get(id);
          if (!intent) return false;
          if (!mine(intent))
            throw new StoreError("forbidden", "This pending log belongs to another account", {
              code: "otherAccount",
            });
          await queue.remove(id);
          return true;
        });
        if (!held) throw new StoreError("conflict", "The pending log is being sent");
        // Gone meanwhile: another pane wrote it, perhaps into the outbox under the same id.
        if (held.value) return;
      }
      return store.discardPending(id);
    },
    /** A sent copy marked pending whose log no runtime here kept (another device, no shared storage). */
    async adoptSendLog(intent: SendLogIntent): Promise<boolean> {
      const first = queues[0]?.queue;
      if (!first || !mine(intent)) return false;
      for (const { queue } of queues) if (await queue.has(intent.id)) return false;
      if ((await store.pendingLogs()).some((p) => p.id === intent.id)) return false;
      await first.put(intent);
      return true;
    },
  };
  return new Proxy(store as S & SendLogAdopter, {
    get(target, prop, receiver) {
      if (typeof prop === "string" && prop in overrides) return overrides[prop as keyof typeof overrides];
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Keeps an intent for a send-time log (used by the handler, and by the pane for a sent copy still pending). */
export async function keepIntent(queue: SendLogQueue, intent: SendLogIntent): Promise<void> {
  try {
    await queue.put(intent);
  } catch (e) {
    throw new StoreError("unknown", `The log of the sent item could not be kept: ${String(e)}`);
  }
}

// Send-time logs that could not be written before the item left (SharePoint unreachable, too slow, no token yet)
// are kept as intents: the item as it was sent, to be matched and written later under the same request id. The
// send handler writes them to whatever storage its runtime has (IndexedDB in the browser runtime, OfficeRuntime.storage
// in classic Outlook's JavaScript-only runtime); the pane drains every such store before replaying its outbox, so a
// kept intent becomes a normal log (or a normal outbox entry) with the same id, its DedupeKeys unchanged.
import { StoreError } from "../domain/errors";
import type { MatchingPolicy } from "../domain/matching";
import type { FlushOptions, InteractionStorePort, LogRequest, LogResult, PendingLog } from "../domain/ports";
import {
  sendTimeLogRequest,
  type KeyValueStore,
  type SendLogAdopter,
  type SendLogIntent,
} from "../domain/send-log";
import { isTransient, toStoreError } from "./errors";

const PREFIX = "ilo-send-log:";

/** Intents in one key-value store, one key each (a write never rewrites another intent). */
export class SendLogQueue {
  constructor(private readonly kv: KeyValueStore) {}

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
}

export interface SendQueueOptions {
  queues: SendLogQueue[];
  policy: MatchingPolicy;
  now?: () => Date;
}

/**
 * The pane's store with the send queues folded in: `pendingLogs` lists intents too, `flushPending` turns each into
 * a log first (matching its contacts now, with the set-up template) and then replays the outbox, and
 * `discardPending` drops an intent as it drops a pending log.
 */
export function withSendQueue<S extends DrainableStore>(
  store: S,
  options: SendQueueOptions,
): S & SendLogAdopter {
  const now = options.now ?? (() => new Date());
  const { queues } = options;
  let draining: Promise<number> | undefined;

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

  const drainOnce = async (): Promise<number> => {
    let sent = 0;
    for (const queue of queues) {
      for (const intent of await queue.list()) {
        try {
          const context = await store.loadItemContext(intent.correspondence, options.policy);
          const decided = sendTimeLogRequest(context, intent.user, now());
          if ("request" in decided) {
            const result = await store.logInteraction(decided.request, { requestId: intent.id });
            // Queued results are in the outbox now, under this same id; replayed below.
            if (result.results.every((r) => r.status === "logged" || r.status === "alreadyLogged")) sent++;
          }
          await queue.remove(intent.id);
        } catch (e) {
          const err = toStoreError(e, "Logging a sent item failed");
          await queue.put({ ...intent, attempts: intent.attempts + 1, lastError: err.message });
          // Offline or signed out: every other intent would fail the same way.
          if (isTransient(err) || err.kind === "unauthenticated") return sent;
        }
      }
    }
    return sent;
  };

  const drain = (): Promise<number> => {
    draining ??= drainOnce().finally(() => (draining = undefined));
    return draining;
  };

  const overrides = {
    async pendingLogs(): Promise<PendingLog[]> {
      const intents: PendingLog[] = [];
      for (const q of queues) intents.push(...(await q.list().catch(() => [])).map(asPending));
      return [...intents, ...(await store.pendingLogs())];
    },
    async flushPending(flush: FlushOptions = {}): Promise<number> {
      const fromQueue = await drain();
      return fromQueue + (await store.flushPending(flush));
    },
    async discardPending(id: string): Promise<void> {
      await draining?.catch(() => undefined);
      for (const q of queues) if (await q.has(id)) return q.remove(id);
      return store.discardPending(id);
    },
    /** A sent copy marked pending whose log no runtime here kept (another device, no shared storage). */
    async adoptSendLog(intent: SendLogIntent): Promise<boolean> {
      const first = queues[0];
      if (!first) return false;
      for (const q of queues) if (await q.has(intent.id)) return false;
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

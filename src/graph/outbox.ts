// Logs that could not reach Graph are kept on the device and sent later. Replaying is safe because every
// entry carries its DedupeKey (derived from the pending log's id): a log that did arrive is recognised,
// never written twice. IndexedDB keeps them when the task pane is closed.
//
// Several panes (a pinned pane and a pop-out, two windows) share the one IndexedDB outbox of the origin. A log is
// only replayed, updated or discarded while its claim is held (see outbox-claims.ts): one pane at a time, and a
// discard waits for a replay in progress, then wins — an update never writes a log back once it is gone.
import type { PendingLog } from "../domain/ports";
import {
  IdbClaims,
  LocalClaims,
  WebLocksClaims,
  type ClaimResult,
  type LockManagerLike,
  type OutboxClaims,
} from "./outbox-claims";

export type { ClaimResult } from "./outbox-claims";

export interface ClaimOptions {
  /** Wait for another pane's claim to be released (a discard); false gives up at once (a replay). */
  wait: boolean;
}

export interface OutboxStorage {
  /** Adds or replaces (same id) a pending log. */
  put(log: PendingLog): Promise<void>;
  /** Oldest first. */
  list(): Promise<PendingLog[]>;
  remove(id: string): Promise<void>;
  /** Replaces a stored log only while it is still there; false when it was removed (a discard wins). */
  replace(log: PendingLog): Promise<boolean>;
  /**
   * Runs `fn` with the log as stored now, while this caller alone holds its claim: no other pane replays, updates
   * or discards it meanwhile. "busy" when another holds it (and `wait` is false), "gone" when it is not stored.
   */
  withClaim<T>(
    id: string,
    fn: (log: PendingLog) => Promise<T>,
    options: ClaimOptions,
  ): Promise<ClaimResult<T>>;
}

const byQueuedAt = (a: PendingLog, b: PendingLog) =>
  a.queuedAt.localeCompare(b.queuedAt) || a.id.localeCompare(b.id);

async function claimed<T>(
  claims: OutboxClaims,
  read: (id: string) => Promise<PendingLog | undefined>,
  id: string,
  fn: (log: PendingLog) => Promise<T>,
  options: ClaimOptions,
): Promise<ClaimResult<T>> {
  const held = await claims.hold(id, options.wait, async (): Promise<ClaimResult<T>> => {
    const log = await read(id);
    return log ? { status: "done", value: await fn(log) } : { status: "gone" };
  });
  return held ?? { status: "busy" };
}

/** For tests and hosts without IndexedDB: lost when the pane closes. Claims coordinate within this page. */
export class MemoryOutbox implements OutboxStorage {
  private readonly logs = new Map<string, PendingLog>();
  private readonly claims = new LocalClaims();

  async put(log: PendingLog): Promise<void> {
    this.logs.set(log.id, structuredClone(log));
  }

  async list(): Promise<PendingLog[]> {
    return [...this.logs.values()].map((l) => structuredClone(l)).sort(byQueuedAt);
  }

  async remove(id: string): Promise<void> {
    this.logs.delete(id);
  }

  async replace(log: PendingLog): Promise<boolean> {
    if (!this.logs.has(log.id)) return false;
    this.logs.set(log.id, structuredClone(log));
    return true;
  }

  withClaim<T>(
    id: string,
    fn: (log: PendingLog) => Promise<T>,
    options: ClaimOptions,
  ): Promise<ClaimResult<T>> {
    return claimed(
      this.claims,
      async (key) => {
        const log = this.logs.get(key);
        return log && structuredClone(log);
      },
      id,
      fn,
      options,
    );
  }
}

const STORE = "pending";
const CLAIMS = "claims";
const DB_VERSION = 2;

/** The Web Locks API where the host has it (Outlook on the web, new Outlook, WebView2). */
function hostLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

export class IndexedDbOutbox implements OutboxStorage {
  private dbPromise?: Promise<IDBDatabase>;
  private readonly claims: OutboxClaims;

  /**
   * `locks`: the Web Locks API (default: the host's, when it has one); `null` falls back to claim records with an
   * expiry in this database, which other panes of the origin honour the same way.
   */
  constructor(
    private readonly dbName = "interaction-log-outbox",
    private readonly factory: IDBFactory | null = globalThis.indexedDB ?? null,
    locks: LockManagerLike | null = hostLocks(),
  ) {
    this.claims = locks ? new WebLocksClaims(locks, `${dbName}:`) : new IdbClaims(() => this.db(), CLAIMS);
  }

  private db(): Promise<IDBDatabase> {
    const factory = this.factory;
    if (!factory) return Promise.reject(new Error("IndexedDB is not available in this host"));
    this.dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(this.dbName, DB_VERSION);
      req.onupgradeneeded = () => {
        const names = req.result.objectStoreNames;
        if (!names.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: "id" });
        if (!names.contains(CLAIMS)) req.result.createObjectStore(CLAIMS, { keyPath: "id" });
      };
      req.onsuccess = () => {
        // A newer pane upgrading the database must not be blocked by this one.
        req.result.onversionchange = () => {
          req.result.close();
          this.dbPromise = undefined;
        };
        resolve(req.result);
      };
      req.onerror = () => reject(req.error ?? new Error("Opening the outbox database failed"));
      req.onblocked = () => reject(new Error("The outbox database is blocked by another tab"));
    }).catch((e: unknown) => {
      this.dbPromise = undefined;
      throw e;
    });
    return this.dbPromise;
  }

  private async run<T>(
    mode: IDBTransactionMode,
    op: (store: IDBObjectStore) => IDBRequest<T> | void,
  ): Promise<T> {
    const db = await this.db();
    return new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = op(tx.objectStore(STORE));
      let result: T;
      if (req) req.onsuccess = () => (result = req.result);
      // Resolve on commit, not on request success: a write is only durable once its transaction completes.
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error ?? req?.error ?? new Error("Outbox transaction failed"));
      tx.onabort = () => reject(tx.error ?? new Error("Outbox transaction aborted"));
    });
  }

  async put(log: PendingLog): Promise<void> {
    await this.run("readwrite", (s) => s.put(log));
  }

  async list(): Promise<PendingLog[]> {
    const all = await this.run<PendingLog[]>("readonly", (s) => s.getAll() as IDBRequest<PendingLog[]>);
    return all.sort(byQueuedAt);
  }

  private get(id: string): Promise<PendingLog | undefined> {
    return this.run<PendingLog | undefined>(
      "readonly",
      (s) => s.get(id) as IDBRequest<PendingLog | undefined>,
    );
  }

  async remove(id: string): Promise<void> {
    await this.run("readwrite", (s) => s.delete(id));
  }

  async replace(log: PendingLog): Promise<boolean> {
    let replaced = false;
    // One transaction: the check and the write cannot be split by another pane's delete.
    await this.run("readwrite", (s) => {
      const req = s.getKey(log.id);
      req.onsuccess = () => {
        if (req.result === undefined) return;
        replaced = true;
        s.put(log);
      };
    });
    return replaced;
  }

  withClaim<T>(
    id: string,
    fn: (log: PendingLog) => Promise<T>,
    options: ClaimOptions,
  ): Promise<ClaimResult<T>> {
    return claimed(this.claims, (key) => this.get(key), id, fn, options);
  }

  close(): void {
    void this.dbPromise?.then((db) => db.close());
    this.dbPromise = undefined;
  }
}

/** IndexedDB when the host has it, memory otherwise. */
export function defaultOutbox(): OutboxStorage {
  return typeof globalThis.indexedDB !== "undefined" ? new IndexedDbOutbox() : new MemoryOutbox();
}

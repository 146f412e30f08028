// Logs that could not reach Graph are kept on the device and sent later. Replaying is safe because every
// entry carries its DedupeKey (derived from the pending log's id): a log that did arrive is recognised,
// never written twice. IndexedDB keeps them when the task pane is closed.
import type { PendingLog } from "../domain/ports";

export interface OutboxStorage {
  /** Adds or replaces (same id) a pending log. */
  put(log: PendingLog): Promise<void>;
  /** Oldest first. */
  list(): Promise<PendingLog[]>;
  remove(id: string): Promise<void>;
}

const byQueuedAt = (a: PendingLog, b: PendingLog) =>
  a.queuedAt.localeCompare(b.queuedAt) || a.id.localeCompare(b.id);

/** For tests and hosts without IndexedDB: lost when the pane closes. */
export class MemoryOutbox implements OutboxStorage {
  private readonly logs = new Map<string, PendingLog>();

  async put(log: PendingLog): Promise<void> {
    this.logs.set(log.id, structuredClone(log));
  }

  async list(): Promise<PendingLog[]> {
    return [...this.logs.values()].map((l) => structuredClone(l)).sort(byQueuedAt);
  }

  async remove(id: string): Promise<void> {
    this.logs.delete(id);
  }
}

const STORE = "pending";

export class IndexedDbOutbox implements OutboxStorage {
  private dbPromise?: Promise<IDBDatabase>;

  constructor(
    private readonly dbName = "interaction-log-outbox",
    private readonly factory: IDBFactory | null = globalThis.indexedDB ?? null,
  ) {}

  private db(): Promise<IDBDatabase> {
    const factory = this.factory;
    if (!factory) return Promise.reject(new Error("IndexedDB is not available in this host"));
    this.dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(this.dbName, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE))
          req.result.createObjectStore(STORE, { keyPath: "id" });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error("Opening the outbox database failed"));
      req.onblocked = () => reject(new Error("The outbox database is blocked by another tab"));
    }).catch((e: unknown) => {
      this.dbPromise = undefined;
      throw e;
    });
    return this.dbPromise;
  }

  private async run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.db();
    return new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = op(tx.objectStore(STORE));
      let result: T;
      req.onsuccess = () => (result = req.result);
      // Resolve on commit, not on request success: a write is only durable once its transaction completes.
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error ?? req.error ?? new Error("Outbox transaction failed"));
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

  async remove(id: string): Promise<void> {
    await this.run("readwrite", (s) => s.delete(id));
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

// Claims on outbox entries, so that panes sharing one outbox never replay the same log at once and a discard
// wins. The Web Locks API where the host has it (locks are released by the browser when a pane dies); otherwise a
// claim record with an expiry in the outbox database, renewed while held, so that a pane that died mid-replay
// frees its logs after `ttlMs`.

export type ClaimResult<T> = { status: "done"; value: T } | { status: "busy" } | { status: "gone" };

export interface OutboxClaims {
  /** Runs `fn` while holding the claim on `id`; undefined (fn not run) when it is held elsewhere and `!wait`. */
  hold<T>(id: string, wait: boolean, fn: () => Promise<T>): Promise<T | undefined>;
}

/** The part of the Web Locks API used here (navigator.locks). */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable?: boolean },
    callback: (lock: unknown) => Promise<T> | T,
  ): Promise<T>;
}

export class WebLocksClaims implements OutboxClaims {
  constructor(
    private readonly locks: LockManagerLike,
    private readonly prefix: string,
  ) {}

  hold<T>(id: string, wait: boolean, fn: () => Promise<T>): Promise<T | undefined> {
    return this.locks.request(`${this.prefix}${id}`, { ifAvailable: !wait }, (lock) =>
      lock ? fn() : undefined,
    );
  }
}

/** Within one page only: for the in-memory outbox (tests, hosts without IndexedDB). */
export class LocalClaims implements OutboxClaims {
  private readonly held = new Map<string, Promise<void>>();

  async hold<T>(id: string, wait: boolean, fn: () => Promise<T>): Promise<T | undefined> {
    while (this.held.has(id)) {
      if (!wait) return undefined;
      await this.held.get(id);
    }
    let release!: () => void;
    this.held.set(id, new Promise<void>((r) => (release = r)));
    try {
      return await fn();
    } finally {
      this.held.delete(id);
      release();
    }
  }
}

/** The steps of a claim kept as a record with an expiry (one token per holder). */
export interface RecordClaimSteps {
  /** Takes the claim for `token`; false when another live claim holds it. */
  take(token: string): Promise<boolean>;
  /** Extends the claim while `token` still holds it. */
  renew(token: string): Promise<unknown>;
  release(token: string): Promise<unknown>;
}

/**
 * What every record-based claim does around `fn`: take the claim (polling while `wait`), renew it every third of
 * its life while `fn` runs, release it after (a pane that dies stops renewing: the claim expires).
 */
export async function holdRecordClaim<T>(
  steps: RecordClaimSteps,
  timing: { ttlMs: number; pollMs: number },
  wait: boolean,
  fn: () => Promise<T>,
): Promise<T | undefined> {
  const token = globalThis.crypto.randomUUID();
  while (!(await steps.take(token))) {
    if (!wait) return undefined;
    await new Promise((r) => setTimeout(r, timing.pollMs));
  }
  const renew = setInterval(() => void steps.renew(token).catch(() => undefined), timing.ttlMs / 3);
  try {
    return await fn();
  } finally {
    clearInterval(renew);
    await steps.release(token).catch(() => undefined);
  }
}

interface ClaimRecord {
  id: string;
  token: string;
  expiresAt: number;
}

export interface IdbClaimsOptions {
  /** A claim not renewed for this long is free again (its pane died). Default 60 s; renewed every third of it. */
  ttlMs?: number;
  /** How often a waiting discard looks again. Default 50 ms. */
  pollMs?: number;
  now?: () => number;
}

export class IdbClaims implements OutboxClaims {
  private readonly ttl: number;
  private readonly poll: number;
  private readonly now: () => number;

  constructor(
    private readonly db: () => Promise<IDBDatabase>,
    private readonly store: string,
    options: IdbClaimsOptions = {},
  ) {
    this.ttl = options.ttlMs ?? 60_000;
    this.poll = options.pollMs ?? 50;
    this.now = options.now ?? Date.now;
  }

  hold<T>(id: string, wait: boolean, fn: () => Promise<T>): Promise<T | undefined> {
    // Taking again is renewing: one transaction either way.
    const steps = {
      take: (token: string) => this.tryClaim(id, token),
      renew: (token: string) => this.tryClaim(id, token),
      release: (token: string) => this.release(id, token),
    };
    return holdRecordClaim(steps, { ttlMs: this.ttl, pollMs: this.poll }, wait, fn);
  }

  /** Takes (or renews) the claim in one transaction; false when another live claim holds it. */
  private async tryClaim(id: string, token: string): Promise<boolean> {
    let won = false;
    await this.tx((s) => {
      const req = s.get(id) as IDBRequest<ClaimRecord | undefined>;
      req.onsuccess = () => {
        const held = req.result;
        if (held && held.token !== token && held.expiresAt > this.now()) return;
        won = true;
        s.put({ id, token, expiresAt: this.now() + this.ttl } satisfies ClaimRecord);
      };
    });
    return won;
  }

  private async release(id: string, token: string): Promise<void> {
    await this.tx((s) => {
      const req = s.get(id) as IDBRequest<ClaimRecord | undefined>;
      req.onsuccess = () => {
        if (req.result?.token === token) s.delete(id);
      };
    });
  }

  private async tx(op: (s: IDBObjectStore) => void): Promise<void> {
    const db = await this.db();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(this.store, "readwrite");
      op(tx.objectStore(this.store));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error("Outbox claim failed"));
      tx.onabort = () => reject(tx.error ?? new Error("Outbox claim aborted"));
    });
  }
}

// Claims on kept send-time logs, so that panes sharing a send queue never write the same intent at once and a
// discard is never undone by another pane's attempt. The Web Locks API where the host has it (as the outbox: the
// browser releases a lock when its pane dies); otherwise a claim record with an expiry in the queue's own key-value
// store, renewed while held. A KeyValueStore has no compare-and-set, so the record is written, then read back after
// a short pause: two panes racing for it both see the one that won. Should both still write, the log's DedupeKeys
// keep it to one entry per contact; the claim's job is that one pane at a time writes and that a discard wins.
import type { KeyValueStore } from "../domain/send-log";
import { holdRecordClaim, WebLocksClaims, type LockManagerLike, type OutboxClaims } from "./outbox-claims";

const CLAIM_PREFIX = "ilo-send-log-claim:";
const LOCK_PREFIX = "ilo-send-log:";

interface ClaimRecord {
  token: string;
  expiresAt: number;
}

export interface KvClaimsOptions {
  /** A claim not renewed for this long is free again (its pane died). Default 60 s; renewed every third of it. */
  ttlMs?: number;
  /** The pause between writing a claim and reading it back. Default 20 ms. */
  settleMs?: number;
  now?: () => number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class KvClaims implements OutboxClaims {
  private readonly ttl: number;
  private readonly settle: number;
  private readonly now: () => number;

  constructor(
    private readonly kv: KeyValueStore,
    options: KvClaimsOptions = {},
  ) {
    this.ttl = options.ttlMs ?? 60_000;
    this.settle = options.settleMs ?? 20;
    this.now = options.now ?? Date.now;
  }

  hold<T>(id: string, wait: boolean, fn: () => Promise<T>): Promise<T | undefined> {
    const steps = {
      take: (token: string) => this.tryClaim(id, token),
      renew: (token: string) => this.renew(id, token),
      release: (token: string) => this.release(id, token),
    };
    return holdRecordClaim(steps, { ttlMs: this.ttl, pollMs: 50 }, wait, fn);
  }

  private async read(id: string): Promise<ClaimRecord | undefined> {
    const raw = await this.kv.getItem(CLAIM_PREFIX + id);
    if (!raw) return undefined;
    try {
      const v = JSON.parse(raw) as ClaimRecord;
      return typeof v?.token === "string" && typeof v.expiresAt === "number" ? v : undefined;
    } catch {
      return undefined;
    }
  }

  private write(id: string, token: string): Promise<void> {
    const record: ClaimRecord = { token, expiresAt: this.now() + this.ttl };
    return this.kv.setItem(CLAIM_PREFIX + id, JSON.stringify(record));
  }

  private async tryClaim(id: string, token: string): Promise<boolean> {
    const held = await this.read(id);
    if (held && held.token !== token && held.expiresAt > this.now()) return false;
    await this.write(id, token);
    await sleep(this.settle);
    return (await this.read(id))?.token === token;
  }

  private async renew(id: string, token: string): Promise<void> {
    if ((await this.read(id))?.token === token) await this.write(id, token);
  }

  private async release(id: string, token: string): Promise<void> {
    if ((await this.read(id))?.token === token) await this.kv.removeItem(CLAIM_PREFIX + id);
  }
}

/** The Web Locks API where the host has it (Outlook on the web, new Outlook, WebView2). */
export function hostLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

/** Claims for the intents of one queue: locks named by the intent's id, else records in the queue's store. */
export function claimsFor(kv: KeyValueStore, locks: LockManagerLike | null): OutboxClaims {
  return locks ? new WebLocksClaims(locks, LOCK_PREFIX) : new KvClaims(kv);
}

/**
 * Runs `fn` under the claim on `id`, waiting for another holder no longer than `waitMs` (a discard: never stuck
 * behind a pane that hangs). Undefined when the claim could not be had in time.
 */
export async function holdWithin<T>(
  claims: OutboxClaims,
  id: string,
  waitMs: number,
  fn: () => Promise<T>,
): Promise<{ value: T } | undefined> {
  const until = Date.now() + waitMs;
  for (;;) {
    const held = await claims.hold(id, false, async () => ({ value: await fn() }));
    if (held) return held;
    if (Date.now() >= until) return undefined;
    await sleep(50);
  }
}

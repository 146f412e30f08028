// The store handlers see, behind IEmulatorStore. State lives in memory (lists with their indexes); when a data folder
// is given every commit goes through the journal first, so memory never holds a write the disk does not.
import { AsyncLocalStorage } from "node:async_hooks";
import type { ColumnDef, ListMeta, SiteRecord } from "../model";
import { Journal, type JournalRecord, type JournalStats } from "./journal";
import type { JournalFs } from "./journal-fs";
import type { Mutation, SnapshotData } from "./mutations";
import type { IEmulatorStore, ListView } from "./store-interface";
import { StoredList } from "./stored-list";

export type { IEmulatorStore, ListView } from "./store-interface";

export interface EmulatorStoreOptions {
  /** Persistent data folder; undefined keeps everything in memory. */
  dataDir?: string;
  /** Journal size that triggers compaction into a snapshot (bytes). */
  compactAtBytes?: number;
  /** The journal's file system (tests inject failing disks). */
  fs?: JournalFs;
  /** Start-up reports (skipped journal lines) and compaction failures. */
  log?: (message: string) => void;
}

export class EmulatorStore implements IEmulatorStore {
  private readonly siteMap = new Map<string, SiteRecord>();
  private readonly listMap = new Map<string, StoredList>();
  /** Set inside group(): commits on this async path leave the fsync to the group's end. */
  private readonly deferSync = new AsyncLocalStorage<true>();
  private readonly journal: Journal | undefined;
  private readonly log: (message: string) => void;

  constructor(options: EmulatorStoreOptions = {}) {
    this.log = options.log ?? (() => undefined);
    if (options.dataDir) {
      this.journal = new Journal(options.dataDir, {
        ...(options.compactAtBytes !== undefined ? { compactAtBytes: options.compactAtBytes } : {}),
        ...(options.fs ? { fs: options.fs } : {}),
        log: this.log,
      });
      const { snapshot, records, skipped, allKept } = this.journal.open();
      if (snapshot) this.load(snapshot);
      let kept = allKept;
      for (const r of records) kept = this.replay(r) && kept;
      // Skipped lines stay in the journal until a snapshot holds everything that replayed; their bytes are in
      // journal.rejected. Compact now, so the next start does not meet them again.
      if (skipped > 0 && kept) this.compact();
    }
  }

  /**
   * Applies one journal record, unless it needs a list that no longer exists (because a skipped corrupt line created
   * it): such a record is dropped whole, reported, and copied to journal.rejected. Returns false if that copy failed.
   */
  private replay(r: JournalRecord): boolean {
    const known = new Set(this.listMap.keys());
    for (const m of r.muts) {
      if (m.t === "list") known.add(m.meta.id.toLowerCase());
      else if (m.t !== "site" && !known.has(m.listId.toLowerCase())) {
        this.log(
          `journal: dropped record seq ${r.seq}: it refers to list ${m.listId}, which no replayed record created ` +
            "(a skipped corrupt line probably did).",
        );
        return r.raw && this.journal
          ? this.journal.keepRejected(r.raw, `record seq ${r.seq} needs a missing list`, r.offset ?? -1)
          : true;
      }
    }
    for (const m of r.muts) this.apply(m);
    return true;
  }

  site(id: string): SiteRecord | undefined {
    return this.siteMap.get(id.toLowerCase());
  }

  siteByPath(hostname: string, path: string): SiteRecord | undefined {
    const p = normalizePath(path);
    for (const s of this.siteMap.values()) {
      if (s.hostname.toLowerCase() === hostname.toLowerCase() && normalizePath(s.path) === p) return s;
    }
    return undefined;
  }

  sites(): SiteRecord[] {
    return [...this.siteMap.values()];
  }

  list(siteId: string, idOrName: string): ListView | undefined {
    const byId = this.listMap.get(idOrName.toLowerCase());
    if (byId && byId.meta.siteId === siteId) return byId;
    const wanted = idOrName.toLowerCase();
    for (const l of this.listMap.values()) {
      if (
        l.meta.siteId === siteId &&
        (l.meta.displayName.toLowerCase() === wanted || l.meta.name.toLowerCase() === wanted)
      )
        return l;
    }
    return undefined;
  }

  lists(siteId: string): ListView[] {
    return [...this.listMap.values()].filter((l) => l.meta.siteId === siteId);
  }

  commit(muts: Mutation[]): void {
    if (muts.length === 0) return;
    const deferred = this.deferSync.getStore() === true;
    if (this.journal) this.journal.append(muts, !deferred);
    for (const m of muts) this.apply(m);
    // A compaction that fails is logged and retried later; it never fails this commit, which is durable already.
    if (this.journal && !deferred && this.journal.needsCompaction()) this.compact();
  }

  async group<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await this.deferSync.run(true, fn);
    } finally {
      // Always: another group finishing first, or a nested one, must not leave this group's writes unsynced. Cheap
      // when nothing is pending.
      if (this.journal) {
        this.journal.sync();
        if (this.journal.needsCompaction()) this.compact();
      }
    }
  }

  journalStats(): JournalStats | undefined {
    return this.journal ? { ...this.journal.stats } : undefined;
  }

  /** Writes a snapshot and empties the journal; false (logged) if that could not be done safely. */
  compact(): boolean {
    return this.journal?.compact((seq) => this.snapshot(seq)) ?? true;
  }

  close(): void {
    this.journal?.close();
  }

  private apply(m: Mutation): void {
    switch (m.t) {
      case "site":
        this.siteMap.set(m.site.id.toLowerCase(), m.site);
        return;
      case "list":
        this.listMap.set(m.meta.id.toLowerCase(), new StoredList(m.meta, m.columns));
        return;
      case "column": {
        const list = this.mustList(m.listId);
        const had = list.columns.get(m.column.name);
        list.columns.set(m.column.name, m.column);
        if (m.column.indexed && !(had?.indexed && list.indexes.has(m.column.name))) list.buildIndex(m.column);
        if (!m.column.indexed) list.dropIndex(m.column.name);
        return;
      }
      case "put":
        this.mustList(m.listId).put(m.item);
        return;
      case "putMany": {
        const list = this.mustList(m.listId);
        for (const item of m.items) list.put(item);
        return;
      }
      case "delete":
        this.mustList(m.listId).delete(m.id, m.changeSeq);
        return;
    }
  }

  private mustList(id: string): StoredList {
    const l = this.listMap.get(id.toLowerCase());
    if (!l) throw new Error(`journal refers to unknown list ${id}`);
    return l;
  }

  private snapshot(seq: number): SnapshotData {
    return {
      format: 1,
      seq,
      sites: this.sites(),
      lists: [...this.listMap.values()].map((l) => ({
        meta: l.meta,
        columns: [...l.columns.values()],
        items: l.order.map((id) => l.items.get(id)!),
        nextId: l.nextId,
        changeSeq: l.changeSeq,
        tombstones: [...l.tombstones.entries()],
      })),
    };
  }

  private load(s: SnapshotData): void {
    for (const site of s.sites) this.siteMap.set(site.id.toLowerCase(), site);
    for (const ls of s.lists) {
      const list = new StoredList(ls.meta, ls.columns as ColumnDef[]);
      for (const item of ls.items) list.put(item);
      list.nextId = ls.nextId;
      list.changeSeq = ls.changeSeq;
      for (const [id, seq] of ls.tombstones) list.tombstones.set(id, seq);
      this.listMap.set(ls.meta.id.toLowerCase(), list);
    }
  }
}

function normalizePath(p: string): string {
  return ("/" + p.replace(/^\/+|\/+$/g, "")).toLowerCase();
}

export type { ListMeta };

// The store handlers see. State lives in memory (lists with their indexes); when a data folder is given every commit
// goes through the journal first, so memory never holds a write the disk does not.
import { AsyncLocalStorage } from "node:async_hooks";
import type { ColumnDef, ListMeta, SiteRecord } from "../model";
import { Journal, type JournalStats } from "./journal";
import { ListState } from "./list-state";
import type { Mutation, SnapshotData } from "./mutations";

export interface IEmulatorStore {
  site(id: string): SiteRecord | undefined;
  siteByPath(hostname: string, path: string): SiteRecord | undefined;
  sites(): SiteRecord[];
  list(siteId: string, idOrName: string): ListState | undefined;
  lists(siteId: string): ListState[];
  /** Makes the mutations durable (when persistent) and applies them, all or nothing. */
  commit(muts: Mutation[]): void;
  /**
   * Runs fn with fsync deferred to its end: one fsync for a whole $batch. Only commits made from fn's own async call
   * path are deferred; concurrent requests still fsync before they answer.
   */
  group<T>(fn: () => Promise<T>): Promise<T>;
  journalStats(): JournalStats | undefined;
  close(): void;
}

export class EmulatorStore implements IEmulatorStore {
  private readonly siteMap = new Map<string, SiteRecord>();
  private readonly listMap = new Map<string, ListState>();
  /** Set inside group(): commits on this async path leave the fsync to the group's end. */
  private readonly deferSync = new AsyncLocalStorage<true>();
  private readonly journal: Journal | undefined;

  constructor(dataDir?: string, compactAtBytes?: number) {
    if (dataDir) {
      this.journal = new Journal(dataDir, compactAtBytes);
      const { snapshot, records } = this.journal.open();
      if (snapshot) this.load(snapshot);
      for (const r of records) for (const m of r.muts) this.apply(m);
    }
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

  list(siteId: string, idOrName: string): ListState | undefined {
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

  lists(siteId: string): ListState[] {
    return [...this.listMap.values()].filter((l) => l.meta.siteId === siteId);
  }

  commit(muts: Mutation[]): void {
    if (muts.length === 0) return;
    const deferred = this.deferSync.getStore() === true;
    if (this.journal) this.journal.append(muts, !deferred);
    for (const m of muts) this.apply(m);
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

  compact(): void {
    this.journal?.compact((seq) => this.snapshot(seq));
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
        this.listMap.set(m.meta.id.toLowerCase(), new ListState(m.meta, m.columns));
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

  private mustList(id: string): ListState {
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
      const list = new ListState(ls.meta, ls.columns as ColumnDef[]);
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

// The storage seam (as Azurite's ITableMetadataStore): the pipeline and the handlers see sites, read-only views of
// lists and a commit of fully resolved mutations. How lists are held and indexed, and how they reach the disk, stays
// inside the store; `startEmulator({ store })` injects another implementation.
import type { Key } from "../field-values";
import type { ColumnDef, ItemRecord, ListMeta, SiteRecord } from "../model";
import type { JournalStats } from "./journal";
import type { Mutation } from "./mutations";

/** One indexed column: value → ids, and its distinct values in order (for ranges and startswith). */
export interface ColumnIndexView {
  readonly map: ReadonlyMap<Key, ReadonlySet<number>>;
  /** Distinct keys in ascending order; callers must not modify the array. */
  sortedKeys(): Key[];
}

/** A list as handlers read it. Every change goes through IEmulatorStore.commit. */
export interface ListView {
  readonly meta: Readonly<ListMeta>;
  readonly columns: ReadonlyMap<string, ColumnDef>;
  readonly items: ReadonlyMap<number, ItemRecord>;
  /** Item ids ascending. */
  readonly order: readonly number[];
  readonly indexes: ReadonlyMap<string, ColumnIndexView>;
  /** Deleted ids → change sequence of the delete, for delta. */
  readonly tombstones: ReadonlyMap<number, number>;
  readonly nextId: number;
  readonly changeSeq: number;
  /** Bumped on every item write; `sortCache` entries are valid for one version. */
  readonly version: number;
  /** A cache the query code keeps per `$orderby` (not list state: clearing it changes nothing). */
  readonly sortCache: Map<string, { version: number; keys: unknown[] }>;
}

export interface IEmulatorStore {
  site(id: string): SiteRecord | undefined;
  siteByPath(hostname: string, path: string): SiteRecord | undefined;
  sites(): SiteRecord[];
  list(siteId: string, idOrName: string): ListView | undefined;
  lists(siteId: string): ListView[];
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

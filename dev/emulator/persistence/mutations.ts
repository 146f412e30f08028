// Mutations are fully resolved facts (ids, eTags, times, authors included), so replaying them is deterministic.
import type { ColumnDef, ItemRecord, ListMeta, SiteRecord } from "../model";

export type Mutation =
  | { t: "site"; site: SiteRecord }
  | { t: "list"; meta: ListMeta; columns: ColumnDef[] }
  | { t: "column"; listId: string; column: ColumnDef }
  | { t: "put"; listId: string; item: ItemRecord }
  | { t: "putMany"; listId: string; items: ItemRecord[] }
  | { t: "delete"; listId: string; id: number; changeSeq: number };

export interface ListSnapshot {
  meta: ListMeta;
  columns: ColumnDef[];
  items: ItemRecord[];
  nextId: number;
  changeSeq: number;
  tombstones: [number, number][];
}

export interface SnapshotData {
  format: 1;
  seq: number;
  sites: SiteRecord[];
  lists: ListSnapshot[];
}

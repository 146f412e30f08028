// One list in memory, owned by EmulatorStore: columns, items in id order, and a real index (value → ids) per indexed
// column so that an indexed query reads only its matches, whatever the list's size. Handlers never see this class;
// they get it typed as the read-only ListView (store-interface.ts), and every change arrives here as a Mutation.
import type { ColumnDef, ItemRecord, ListMeta } from "../model";
import { compareKeys, fieldValue, type Key, keyOf } from "../field-values";
import type { ColumnIndexView, ListView } from "./store-interface";

export class ColumnIndex implements ColumnIndexView {
  readonly map = new Map<Key, Set<number>>();
  private sorted: Key[] | null = null;

  add(key: Key, id: number): void {
    let set = this.map.get(key);
    if (!set) {
      set = new Set();
      this.map.set(key, set);
      this.sorted = null;
    }
    set.add(id);
  }

  remove(key: Key, id: number): void {
    const set = this.map.get(key);
    if (!set) return;
    set.delete(id);
    if (set.size === 0) {
      this.map.delete(key);
      this.sorted = null;
    }
  }

  /** Distinct keys in order; rebuilt lazily after a key appears or disappears. */
  sortedKeys(): Key[] {
    if (!this.sorted) this.sorted = [...this.map.keys()].sort(compareKeys);
    return this.sorted;
  }
}

export class StoredList implements ListView {
  readonly columns = new Map<string, ColumnDef>();
  readonly items = new Map<number, ItemRecord>();
  /** Item ids ascending; ids only grow, so creation appends. */
  readonly order: number[] = [];
  readonly indexes = new Map<string, ColumnIndex>();
  /** Deleted ids → change sequence of the delete, for delta. */
  readonly tombstones = new Map<number, number>();
  nextId = 1;
  changeSeq = 0;
  /** Bumped on every item write; sorted views cached per $orderby are valid for one version. */
  version = 0;
  readonly sortCache = new Map<string, { version: number; keys: unknown[] }>();

  constructor(
    public meta: ListMeta,
    columns: ColumnDef[],
  ) {
    for (const c of columns) this.addColumn(c);
  }

  addColumn(col: ColumnDef): void {
    this.columns.set(col.name, col);
    if (col.indexed) this.buildIndex(col);
  }

  buildIndex(col: ColumnDef): void {
    const idx = new ColumnIndex();
    for (const item of this.items.values()) idx.add(keyOf(col, fieldValue(item, col.name)), item.id);
    this.indexes.set(col.name, idx);
  }

  dropIndex(name: string): void {
    this.indexes.delete(name);
  }

  put(item: ItemRecord): void {
    const old = this.items.get(item.id);
    if (old) this.unindex(old);
    else this.insertOrder(item.id);
    this.items.set(item.id, item);
    for (const [name, idx] of this.indexes)
      idx.add(keyOf(this.columns.get(name), fieldValue(item, name)), item.id);
    if (item.id >= this.nextId) this.nextId = item.id + 1;
    if (item.changeSeq > this.changeSeq) this.changeSeq = item.changeSeq;
    this.tombstones.delete(item.id);
    this.version++;
  }

  delete(id: number, changeSeq: number): void {
    const old = this.items.get(id);
    if (!old) return;
    this.unindex(old);
    this.items.delete(id);
    const pos = this.findOrder(id);
    if (this.order[pos] === id) this.order.splice(pos, 1);
    this.tombstones.set(id, changeSeq);
    if (changeSeq > this.changeSeq) this.changeSeq = changeSeq;
    this.version++;
  }

  private unindex(item: ItemRecord): void {
    for (const [name, idx] of this.indexes)
      idx.remove(keyOf(this.columns.get(name), fieldValue(item, name)), item.id);
  }

  private insertOrder(id: number): void {
    const last = this.order[this.order.length - 1];
    if (last === undefined || id > last) this.order.push(id);
    else this.order.splice(this.findOrder(id), 0, id);
  }

  private findOrder(id: number): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.order[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// Runs a list-item query the way SharePoint does: the filter must be narrowed by an indexed column and every
// ordering field must be indexed, unless the caller accepts non-indexed queries (Prefer header) on a list that is
// still under the threshold. Candidates come from the index; pages are cut with an opaque, stable skiptoken.
import {
  badFilter,
  invalidRequest,
  listViewThresholdExceeded,
  nonIndexedField,
  unknownField,
} from "../errors/graph-error-factory";
import { compareKeys, fieldValue, type Key, keyOf } from "../field-values";
import type { ColumnDef, ItemRecord } from "../model";
import type { ListState } from "../persistence/list-state";
import { type FilterNode, type Literal, fieldRefs } from "./filter-ast";
import { parseFilter } from "./filter-parser";
import type { OrderBy } from "./query-options";

export interface ItemQuery {
  filter?: string;
  orderby: OrderBy[];
  top: number;
  skiptoken?: string;
  honorNonIndexed: boolean;
  threshold: number;
}

export interface ItemPage {
  items: ItemRecord[];
  /** Present when more items follow. */
  nextSkiptoken?: string;
}

/** A comparison whose literal is already converted to the column's key space. */
type Bound =
  | { kind: "cmp"; op: string; col: ColumnDef | undefined; field: string; key: Key }
  | { kind: "prefix"; field: string; prefix: string };

const ID_COLUMN: ColumnDef | undefined = undefined;

function columnFor(list: ListState, name: string): ColumnDef | undefined {
  if (name === "id") return ID_COLUMN;
  const col = list.columns.get(name);
  if (!col) throw unknownField(name);
  return col;
}

function isIndexed(list: ListState, name: string): boolean {
  return name === "id" || name === "ID" || list.indexes.has(name);
}

function literalKey(col: ColumnDef | undefined, field: string, lit: Literal, op: string): Key {
  if (lit.kind === "null") {
    if (op !== "eq" && op !== "ne")
      throw badFilter(`null can only be compared with eq or ne (field '${field}')`);
    return null;
  }
  const type = col ? col.type : "number";
  const mismatch = (): never => {
    throw badFilter(
      `the literal ${JSON.stringify("value" in lit ? lit.value : null)} does not match the type of field '${field}' (${type})`,
    );
  };
  switch (type) {
    case "number":
      if (lit.kind === "number") return lit.value;
      // Item ids are strings on the wire; `id eq '5'` is common.
      if (!col && lit.kind === "string" && /^\d+$/.test(lit.value)) return Number(lit.value);
      return mismatch();
    case "boolean":
      if (lit.kind === "boolean") return lit.value;
      if (lit.kind === "number" && (lit.value === 0 || lit.value === 1)) return lit.value === 1;
      return mismatch();
    case "dateTime": {
      if (lit.kind !== "string" && lit.kind !== "datetime") return mismatch();
      const ms = Date.parse(lit.value);
      if (Number.isNaN(ms)) return mismatch();
      return ms;
    }
    default:
      if (lit.kind !== "string") return mismatch();
      return lit.value.toLowerCase();
  }
}

/** The filter compiled against the list's columns: an evaluator plus the bound comparisons for planning. */
interface Compiled {
  test(item: ItemRecord): boolean;
}

function compile(list: ListState, node: FilterNode, bounds: Map<FilterNode, Bound>): Compiled {
  switch (node.kind) {
    case "compare": {
      const name = node.field.name;
      const col = columnFor(list, name);
      const key = literalKey(col, name, node.literal, node.op);
      bounds.set(node, { kind: "cmp", op: node.op, col, field: name, key });
      const op = node.op;
      return {
        test(item) {
          const v = keyOf(col, fieldValue(item, name));
          if (op === "eq") return v === key;
          if (op === "ne") return v !== key;
          if (v === null || key === null) return false;
          const c = compareKeys(v, key);
          return op === "lt" ? c < 0 : op === "le" ? c <= 0 : op === "gt" ? c > 0 : c >= 0;
        },
      };
    }
    case "startswith": {
      const name = node.field.name;
      const col = columnFor(list, name);
      if (!col || !["text", "note", "choice"].includes(col.type))
        throw badFilter(`startswith needs a text field, '${name}' is not one`);
      const prefix = (node.literal.kind === "string" ? node.literal.value : "").toLowerCase();
      bounds.set(node, { kind: "prefix", field: name, prefix });
      return {
        test(item) {
          const v = keyOf(col, fieldValue(item, name));
          return typeof v === "string" && v.startsWith(prefix);
        },
      };
    }
    case "and": {
      const l = compile(list, node.left, bounds);
      const r = compile(list, node.right, bounds);
      return { test: (item) => l.test(item) && r.test(item) };
    }
    case "or": {
      const l = compile(list, node.left, bounds);
      const r = compile(list, node.right, bounds);
      return { test: (item) => l.test(item) || r.test(item) };
    }
    case "not": {
      const o = compile(list, node.operand, bounds);
      return { test: (item) => !o.test(item) };
    }
  }
}

/** Index-backed candidate ids for the part of the filter that narrows it, or undefined if nothing does. */
function narrow(
  list: ListState,
  node: FilterNode,
  bounds: Map<FilterNode, Bound>,
): { field: string; ids: () => Iterable<number> } | undefined {
  switch (node.kind) {
    case "compare":
    case "startswith": {
      const b = bounds.get(node)!;
      if (!isIndexed(list, b.field)) return undefined;
      if (b.kind === "cmp" && b.op === "ne") return undefined;
      return { field: b.field, ids: () => lookup(list, b) };
    }
    case "and":
      return narrow(list, node.left, bounds) ?? narrow(list, node.right, bounds);
    case "or": {
      const l = narrow(list, node.left, bounds);
      const r = narrow(list, node.right, bounds);
      if (!l || !r || l.field !== r.field) return undefined;
      return { field: l.field, ids: () => new Set([...l.ids(), ...r.ids()]) };
    }
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, without this case the switch ends and narrow() returns undefined all the same
    case "not":
      return undefined;
  }
}

function lookup(list: ListState, b: Bound): Iterable<number> {
  if (b.field === "id" || b.field === "ID") {
    if (b.kind !== "cmp" || typeof b.key !== "number") return [];
    if (b.op === "eq") return list.items.has(b.key) ? [b.key] : [];
    const key = b.key;
    return list.order.filter((id) =>
      b.op === "lt" ? id < key : b.op === "le" ? id <= key : b.op === "gt" ? id > key : id >= key,
    );
  }
  const idx = list.indexes.get(b.field)!;
  if (b.kind === "cmp" && b.op === "eq") return idx.map.get(b.key) ?? [];
  const keys = idx.sortedKeys();
  const out: number[] = [];
  let start = 0;
  if (b.kind === "prefix") start = lowerBound(keys, b.prefix);
  else if (b.op === "gt" || b.op === "ge") start = lowerBound(keys, b.key);
  for (let i = start; i < keys.length; i++) {
    const k = keys[i]!;
    if (k === null) continue;
    if (b.kind === "prefix") {
      if (typeof k !== "string" || !k.startsWith(b.prefix)) break;
    } else {
      const c = compareKeys(k, b.key);
      if (b.op === "lt" && c >= 0) break;
      if (b.op === "le" && c > 0) break;
      if (b.op === "gt" && c <= 0) continue;
    }
    for (const id of idx.map.get(k)!) out.push(id);
  }
  return out;
}

function lowerBound(keys: Key[], key: Key): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(keys[mid]!, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface SortKey {
  k: Key[];
  id: number;
}

function sortKeyOf(list: ListState, order: OrderBy[], item: ItemRecord): SortKey {
  return {
    k: order.map((o) =>
      keyOf(o.field === "id" ? undefined : list.columns.get(o.field), fieldValue(item, o.field)),
    ),
    id: item.id,
  };
}

function comparator(order: OrderBy[]): (a: SortKey, b: SortKey) => number {
  // Ties break on id, in the direction of the last ordering (or ascending), so pages never overlap.
  const idDesc = order.length > 0 && order[order.length - 1]!.field === "id" && order[order.length - 1]!.desc;
  return (a, b) => {
    for (let i = 0; i < order.length; i++) {
      const c = compareKeys(a.k[i]!, b.k[i]!);
      if (c !== 0) return order[i]!.desc ? -c : c;
    }
    return idDesc ? b.id - a.id : a.id - b.id;
  };
}

export function encodeSkiptoken(key: SortKey): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

function decodeSkiptoken(token: string, width: number): SortKey {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as SortKey;
    if (typeof parsed.id === "number" && Array.isArray(parsed.k) && parsed.k.length === width) return parsed;
  } catch {
    // fall through to the error below
  }
  throw invalidRequest("The $skiptoken is not valid for this query");
}

export function runItemQuery(list: ListState, q: ItemQuery): ItemPage {
  const bounds = new Map<FilterNode, Bound>();
  const ast = q.filter !== undefined ? parseFilter(q.filter) : undefined;
  const compiled = ast ? compile(list, ast, bounds) : undefined;
  for (const o of q.orderby) columnFor(list, o.field);

  // SharePoint's indexed-column rules.
  const narrowing = ast ? narrow(list, ast, bounds) : undefined;
  const nonIndexed = [
    ...(ast && !narrowing
      ? fieldRefs(ast)
          .map((f) => f.name)
          .filter((n) => !isIndexed(list, n))
      : []),
    // Stryker disable next-line MethodExpression: equivalent, some() differs from every() only when a field is not indexed, and that field is listed before the appended one, so nonIndexed[0] (the field the error names) stays the same
    ...(ast && !narrowing && fieldRefs(ast).every((f) => isIndexed(list, f.name))
      ? [fieldRefs(ast)[0]!.name]
      : []),
    ...q.orderby.map((o) => o.field).filter((n) => !isIndexed(list, n)),
  ];
  if (nonIndexed.length > 0) {
    if (!q.honorNonIndexed) throw nonIndexedField(nonIndexed[0]!);
    if (list.items.size > q.threshold) throw listViewThresholdExceeded(list.items.size, q.threshold);
  }

  const order = q.orderby;
  const cmp = comparator(order);
  let sorted: SortKey[];
  if (!compiled) {
    sorted = sortedView(list, order, cmp);
  } else {
    const source = narrowing ? narrowing.ids() : list.order;
    sorted = [];
    for (const id of source) {
      const item = list.items.get(id);
      if (item && compiled.test(item)) sorted.push(sortKeyOf(list, order, item));
    }
    sorted.sort(cmp);
  }

  let start = 0;
  if (q.skiptoken !== undefined) {
    const after = decodeSkiptoken(q.skiptoken, order.length);
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(sorted[mid]!, after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const slice = sorted.slice(start, start + q.top);
  const items = slice.map((s) => list.items.get(s.id)!);
  const page: ItemPage = { items };
  if (start + q.top < sorted.length) page.nextSkiptoken = encodeSkiptoken(slice[slice.length - 1]!);
  return page;
}

/** The whole list in the requested order, cached until the next write so paging stays O(page). */
function sortedView(list: ListState, order: OrderBy[], cmp: (a: SortKey, b: SortKey) => number): SortKey[] {
  const cacheKey = JSON.stringify(order.map((o) => [o.field, o.desc]));
  const hit = list.sortCache.get(cacheKey);
  if (hit && hit.version === list.version) return hit.keys as SortKey[];
  const keys: SortKey[] = [];
  for (const id of list.order) keys.push(sortKeyOf(list, order, list.items.get(id)!));
  if (order.length > 0) keys.sort(cmp);
  list.sortCache.clear();
  list.sortCache.set(cacheKey, { version: list.version, keys });
  return keys;
}

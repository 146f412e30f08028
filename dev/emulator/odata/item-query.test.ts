// runItemQuery on its own: SharePoint's indexed-column rules, every comparison at its boundary (with the literal on
// either side), index lookups that read only their matches, ordering with id tie-breaks, and stable paging.
import { GraphError } from "../errors/graph-error";
import { compareKeys, fieldValue, type Key, keyOf } from "../field-values";
import {
  builtInColumns,
  type ColumnDef,
  type ColumnType,
  type FieldValue,
  type ItemRecord,
  SYSTEM_IDENTITY,
} from "../model";
import { encodeSkiptoken, type ItemQuery, runItemQuery } from "./item-query";

type QueryList = Parameters<typeof runItemQuery>[0];

function col(name: string, type: ColumnType, indexed = false): ColumnDef {
  return {
    id: `col-${name}`,
    name,
    displayName: name,
    description: "",
    type,
    indexed,
    enforceUniqueValues: false,
    required: false,
    readOnly: false,
    hidden: false,
    builtIn: false,
    ...(type === "choice" ? { choices: ["Red", "Green", "Blue"] } : {}),
  };
}

const COLUMNS = [
  col("Email", "text", true),
  col("Name", "text"),
  col("Num", "number", true),
  col("Score", "number"),
  col("Done", "boolean", true),
  col("Due", "dateTime", true),
  col("Colour", "choice", true),
  col("Notes", "note"),
];

/**
 * The read side of a list that runItemQuery uses (columns, items in id order, value → ids indexes, the sort cache),
 * kept here rather than taken from the emulator's store so that these tests pin the query code alone.
 */
class TestList {
  readonly columns = new Map<string, ColumnDef>();
  readonly items = new Map<number, ItemRecord>();
  order: number[] = [];
  readonly indexes = new Map<string, { map: Map<Key, Set<number>>; sortedKeys(): Key[] }>();
  readonly sortCache = new Map<string, { version: number; keys: unknown[] }>();
  version = 0;

  constructor(columns: ColumnDef[]) {
    for (const c of columns) {
      this.columns.set(c.name, c);
      if (!c.indexed) continue;
      const map = new Map<Key, Set<number>>();
      this.indexes.set(c.name, { map, sortedKeys: () => [...map.keys()].sort(compareKeys) });
    }
  }

  put(item: ItemRecord): void {
    const old = this.items.get(item.id);
    for (const [name, idx] of this.indexes) {
      const c = this.columns.get(name);
      if (old) idx.map.get(keyOf(c, fieldValue(old, name)))?.delete(item.id);
      const key = keyOf(c, fieldValue(item, name));
      idx.map.set(key, (idx.map.get(key) ?? new Set()).add(item.id));
      for (const [k, ids] of idx.map) if (ids.size === 0) idx.map.delete(k);
    }
    this.items.set(item.id, item);
    this.order = [...this.items.keys()].sort((a, b) => a - b);
    this.version++;
  }

  get view(): QueryList {
    return this as unknown as QueryList;
  }
}

/** A list with one item per row; item ids are 1, 2, 3, … in row order. */
function listOf(rows: Record<string, FieldValue>[]): TestList {
  const list = new TestList([...builtInColumns(), ...COLUMNS]);
  rows.forEach((fields, i) => put(list, i + 1, fields));
  return list;
}

function put(list: TestList, id: number, fields: Record<string, FieldValue>): void {
  list.put({
    id,
    guid: `guid-${id}`,
    version: 1,
    created: `2024-01-${String(id).padStart(2, "0")}T00:00:00Z`,
    modified: `2024-01-${String(id).padStart(2, "0")}T00:00:00Z`,
    createdBy: SYSTEM_IDENTITY,
    modifiedBy: SYSTEM_IDENTITY,
    changeSeq: id,
    fields,
  });
}

const base: ItemQuery = { orderby: [], top: 100, honorNonIndexed: false, threshold: 5000 };

function ids(list: TestList, q: Partial<ItemQuery>): number[] {
  return runItemQuery(list.view, { ...base, ...q }).items.map((i) => i.id);
}

function errorOf(list: TestList, q: Partial<ItemQuery>): GraphError {
  try {
    runItemQuery(list.view, { ...base, ...q });
  } catch (e) {
    return e as GraphError;
  }
  throw new Error(`query ${JSON.stringify(q)} ran without an error`);
}

/** Counts the items a query reads from the list, to pin that an index lookup reads only its matches. */
function reads(list: TestList, q: Partial<ItemQuery>): { ids: number[]; read: number[] } {
  const read: number[] = [];
  const get = list.items.get.bind(list.items);
  const spy = jest.spyOn(list.items, "get").mockImplementation((id: number) => {
    read.push(id);
    return get(id);
  });
  try {
    const result = ids(list, q);
    return { ids: result, read: read.slice(0, read.length - result.length) };
  } finally {
    spy.mockRestore();
  }
}

// Num: 1..5 on items 1..5, item 6 has none; Email mixed case; Done alternating; Due one per day.
const rows: Record<string, FieldValue>[] = [
  {
    Email: "Ann@X.example",
    Name: "Ann",
    Num: 1,
    Score: 10,
    Done: true,
    Due: "2024-03-01T00:00:00Z",
    Colour: "Red",
  },
  {
    Email: "bob@x.example",
    Name: "Bob",
    Num: 2,
    Score: 20,
    Done: false,
    Due: "2024-03-02T00:00:00Z",
    Colour: "Blue",
  },
  {
    Email: "cy@y.example",
    Name: "Cy",
    Num: 3,
    Score: 30,
    Done: true,
    Due: "2024-03-03T00:00:00Z",
    Colour: "Green",
  },
  { Email: "dee@y.example", Name: "Dee", Num: 4, Score: 40, Done: false, Due: "2024-03-04T00:00:00Z" },
  { Email: "ann@z.example", Name: "ann", Num: 5, Score: 50, Done: true, Due: "2024-03-05T00:00:00Z" },
  { Email: null, Name: "Nobody", Num: null, Score: null, Done: null, Due: null },
];

describe("comparisons at their boundaries", () => {
  const list = listOf(rows);

  it.each([
    ["fields/Num eq 3", [3]],
    ["fields/Num lt 3", [1, 2]],
    ["fields/Num le 3", [1, 2, 3]],
    ["fields/Num gt 3", [4, 5]],
    ["fields/Num ge 3", [3, 4, 5]],
    ["fields/Num lt 1", []],
    ["fields/Num le 1", [1]],
    ["fields/Num ge 5", [5]],
    ["fields/Num gt 5", []],
    ["fields/Num gt 2.5", [3, 4, 5]],
    ["fields/Num eq null", [6]],
  ])("%s on an indexed number", (filter, expected) => {
    expect(ids(list, { filter })).toEqual(expected);
  });

  it.each([
    ["3 eq fields/Num", [3]],
    ["3 gt fields/Num", [1, 2]],
    ["3 ge fields/Num", [1, 2, 3]],
    ["3 lt fields/Num", [4, 5]],
    ["3 le fields/Num", [3, 4, 5]],
    ["2 lt id", [3, 4, 5, 6]],
    ["'2' ge id", [1, 2]],
    ["'Bob@X.example' eq fields/Email", [2]],
    ["true eq fields/Done", [1, 3, 5]],
    ["2024-03-02T00:00:00Z gt fields/Due", [1]],
  ])("%s, with the literal on the left", (filter, expected) => {
    expect(ids(list, { filter })).toEqual(expected);
  });

  it.each([
    ["3 ne fields/Num", [1, 2, 4, 5, 6]],
    ["fields/Num ne 3", [1, 2, 4, 5, 6]],
    ["fields/Num ne null", [1, 2, 3, 4, 5]],
  ])("%s scans (ne never narrows), and keeps items without a value", (filter, expected) => {
    expect(ids(list, { filter, honorNonIndexed: true })).toEqual(expected);
  });

  it.each([
    ["id eq 3", [3]],
    ["id eq '3'", [3]],
    ["id eq 99", []],
    ["id lt 3", [1, 2]],
    ["id le 3", [1, 2, 3]],
    ["id gt 3", [4, 5, 6]],
    ["id ge 3", [3, 4, 5, 6]],
    ["fields/ID ge 6", [6]],
  ])("%s on the item id", (filter, expected) => {
    expect(ids(list, { filter })).toEqual(expected);
  });

  it.each([
    ["fields/Email eq 'ANN@x.EXAMPLE'", [1]],
    ["fields/Email lt 'bob@x.example'", [1, 5]],
    ["fields/Email le 'bob@x.example'", [1, 2, 5]],
    ["fields/Email gt 'cy@y.example'", [4]],
    ["fields/Email ge 'cy@y.example'", [3, 4]],
    ["fields/Email eq null", [6]],
  ])("%s compares text case-insensitively", (filter, expected) => {
    expect(ids(list, { filter })).toEqual(expected);
  });

  it.each([
    ["fields/Done eq true", [1, 3, 5]],
    ["fields/Done eq false", [2, 4]],
    ["fields/Done eq 1", [1, 3, 5]],
    ["fields/Done eq 0", [2, 4]],
    ["fields/Due lt '2024-03-03'", [1, 2]],
    ["fields/Due ge 2024-03-04T00:00:00Z", [4, 5]],
    ["fields/Due eq 2024-03-02T00:00:00Z", [2]],
    ["fields/Colour eq 'green'", [3]],
    ["fields/Colour gt 'blue'", [3, 1]],
  ])("%s on booleans, dates and choices", (filter, expected) => {
    expect(ids(list, { filter }).sort()).toEqual(expected.sort());
  });

  it("reads only the index's matches for each operator, never an item without a value", () => {
    for (const [filter, expected] of [
      ["fields/Num lt 3", [1, 2]],
      ["fields/Num le 3", [1, 2, 3]],
      ["fields/Num gt 3", [4, 5]],
      ["fields/Num ge 3", [3, 4, 5]],
      ["fields/Num eq 3", [3]],
      ["fields/Email ge 'cy@y.example'", [3, 4]],
      ["startswith(fields/Email,'ann')", [1, 5]],
      ["id gt 4", [5, 6]],
      ["id ge 5", [5, 6]],
      ["id lt 3", [1, 2]],
      ["id le 2", [1, 2]],
      ["id eq 2", [2]],
      ["3 le fields/Num", [3, 4, 5]],
      ["3 ge fields/Num", [1, 2, 3]],
      ["3 lt fields/Num", [4, 5]],
      ["3 gt fields/Num", [1, 2]],
    ] as const) {
      const r = reads(list, { filter });
      expect(r.ids).toEqual(expected);
      expect(r.read.sort()).toEqual([...expected].sort());
    }
  });

  it("never counts an item without a value in a range it scans", () => {
    expect(ids(list, { filter: "fields/Score lt 30", honorNonIndexed: true })).toEqual([1, 2]);
    expect(ids(list, { filter: "fields/Score ge 30", honorNonIndexed: true })).toEqual([3, 4, 5]);
    expect(ids(list, { filter: "fields/Name le 'bob'", honorNonIndexed: true })).toEqual([1, 2, 5]);
  });

  it("reads an id given as a string of digits, and refuses any other string", () => {
    expect(ids(list, { filter: "id eq '12'" })).toEqual([]);
    expect(ids(list, { filter: "id eq '5'" })).toEqual([5]);
    expect(errorOf(list, { filter: "id eq '5x'" }).message).toMatch(/the literal "5x" does not match/);
    expect(errorOf(list, { filter: "id eq 'x5'" }).message).toMatch(/the literal "x5" does not match/);
  });

  it("reads nothing for an id that is not there or not a number", () => {
    expect(reads(list, { filter: "id eq 42" }).read).toEqual([]);
    expect(reads(list, { filter: "fields/Num eq 42" }).read).toEqual([]);
    expect(reads(list, { filter: "id eq null" })).toEqual({ ids: [], read: [] });
  });
});

describe("startswith", () => {
  const list = listOf(rows);

  it("matches a prefix case-insensitively on indexed text, through the index", () => {
    expect(ids(list, { filter: "startswith(fields/Email,'ANN')" })).toEqual([1, 5]);
    expect(ids(list, { filter: "startswith(fields/Email,'b')" })).toEqual([2]);
    expect(ids(list, { filter: "startswith(fields/Email,'zz')" })).toEqual([]);
    expect(ids(list, { filter: "startswith(fields/Email,'')" })).toEqual([1, 2, 3, 4, 5]);
    expect(ids(list, { filter: "startswith(fields/Colour,'Gr')" })).toEqual([3]);
  });

  it("scans a non-indexed text or note column when allowed", () => {
    expect(ids(list, { filter: "startswith(fields/Name,'an')", honorNonIndexed: true })).toEqual([1, 5]);
    const notes = listOf([{ Notes: "Call back" }, { Notes: "call me" }, { Notes: "Email" }]);
    expect(ids(notes, { filter: "startswith(fields/Notes,'CALL')", honorNonIndexed: true })).toEqual([1, 2]);
  });

  it("skips items without a value when it scans", () => {
    const notes = listOf([{ Notes: "Call back" }, {}, { Notes: null }, { Notes: "call me" }]);
    expect(ids(notes, { filter: "startswith(fields/Notes,'call')", honorNonIndexed: true })).toEqual([1, 4]);
    expect(ids(notes, { filter: "startswith(fields/Notes,'')", honorNonIndexed: true })).toEqual([1, 4]);
  });

  it.each(["Num", "Done", "Due"])("refuses a %s column", (name) => {
    const e = errorOf(list, { filter: `startswith(fields/${name},'1')` });
    expect(e.status).toBe(400);
    expect(e.message).toBe(`Invalid filter clause: startswith needs a text field, '${name}' is not one`);
  });

  it("refuses the item id", () => {
    expect(errorOf(list, { filter: "startswith(id,'1')" }).message).toBe(
      "Invalid filter clause: startswith needs a text field, 'id' is not one",
    );
  });
});

describe("and, or, not", () => {
  const list = listOf(rows);

  it("narrows an and by its indexed side and checks the other side on each candidate", () => {
    expect(ids(list, { filter: "fields/Num ge 2 and fields/Score lt 40" })).toEqual([2, 3]);
    expect(ids(list, { filter: "fields/Score lt 40 and fields/Num ge 2" })).toEqual([2, 3]);
    expect(reads(list, { filter: "fields/Score lt 40 and fields/Num ge 4" }).read.sort()).toEqual([4, 5]);
  });

  it("narrows an or on one indexed column by the union of both lookups", () => {
    const r = reads(list, { filter: "fields/Num eq 1 or fields/Num ge 4" });
    expect(r.ids).toEqual([1, 4, 5]);
    expect(r.read.sort()).toEqual([1, 4, 5]);
    expect(ids(list, { filter: "fields/Num eq 2 or fields/Num eq 2" })).toEqual([2]);
  });

  it("refuses an or across two columns, indexed or not, naming the first", () => {
    expect(errorOf(list, { filter: "fields/Num eq 1 or fields/Email eq 'x'" }).message).toMatch(
      /^Field 'Num' cannot be referenced in filter or orderby as it is not indexed/,
    );
    expect(errorOf(list, { filter: "fields/Num eq 1 or fields/Score eq 2" }).message).toMatch(
      /^Field 'Score'/,
    );
    expect(errorOf(list, { filter: "fields/Score eq 1 or fields/Num eq 2" }).message).toMatch(
      /^Field 'Score'/,
    );
  });

  it("runs them when non-indexed queries are accepted", () => {
    expect(
      ids(list, { filter: "fields/Num eq 1 or fields/Email eq 'cy@y.example'", honorNonIndexed: true }),
    ).toEqual([1, 3]);
    expect(ids(list, { filter: "not fields/Num le 3", honorNonIndexed: true })).toEqual([4, 5, 6]);
    expect(ids(list, { filter: "not (fields/Num le 3 or fields/Num eq 5)", honorNonIndexed: true })).toEqual([
      4, 6,
    ]);
    expect(ids(list, { filter: "fields/Score gt 10 and fields/Score lt 40", honorNonIndexed: true })).toEqual(
      [2, 3],
    );
  });

  it("refuses not and ne on an indexed column without the Prefer header", () => {
    expect(errorOf(list, { filter: "not fields/Num eq 1" }).message).toMatch(/^Field 'Num'/);
    expect(errorOf(list, { filter: "fields/Num ne 1" }).message).toMatch(/^Field 'Num'/);
  });
});

describe("SharePoint's indexed-column rules", () => {
  it("refuses a filter on a non-indexed column, naming it, with 400 invalidRequest", () => {
    const e = errorOf(listOf(rows), { filter: "fields/Score eq 10" });
    expect(e).toBeInstanceOf(GraphError);
    expect(e.status).toBe(400);
    expect(e.code).toBe("invalidRequest");
    expect(e.message).toMatch(/^Field 'Score' cannot be referenced/);
  });

  it("refuses ordering by a non-indexed column, also next to an indexed filter", () => {
    const list = listOf(rows);
    expect(errorOf(list, { orderby: [{ field: "Score", desc: false, pos: 0 }] }).message).toMatch(
      /^Field 'Score'/,
    );
    expect(
      errorOf(list, { filter: "fields/Num ge 1", orderby: [{ field: "Name", desc: false, pos: 0 }] }).message,
    ).toMatch(/^Field 'Name'/);
  });

  it("runs a non-indexed query under the threshold with the Prefer header, and refuses it above", () => {
    const list = listOf(rows);
    const q = { filter: "fields/Score ge 30", honorNonIndexed: true };
    expect(ids(list, { ...q, threshold: 6 })).toEqual([3, 4, 5]);
    const e = errorOf(list, { ...q, threshold: 5 });
    expect(e.status).toBe(400);
    expect(e.code).toBe("notSupported");
    expect(e.message).toMatch(/\(6 items, threshold 5\)/);
  });

  it("lets an indexed query through however big the list", () => {
    expect(ids(listOf(rows), { filter: "fields/Num eq 2", threshold: 1 })).toEqual([2]);
  });

  it("names unknown fields, in a filter or in the ordering", () => {
    const list = listOf(rows);
    expect(errorOf(list, { filter: "fields/Nope eq 1" }).message).toBe("Field 'Nope' is not recognized");
    expect(errorOf(list, { orderby: [{ field: "Nope", desc: false, pos: 0 }] }).message).toBe(
      "Field 'Nope' is not recognized",
    );
  });
});

describe("literals against column types", () => {
  const list = listOf(rows);

  it.each([
    ["fields/Num eq 'abc'", `the literal "abc" does not match the type of field 'Num' (number)`],
    ["fields/Num eq '3'", `the literal "3" does not match the type of field 'Num' (number)`],
    ["id eq 'x'", `the literal "x" does not match the type of field 'id' (number)`],
    ["id eq true", `the literal true does not match the type of field 'id' (number)`],
    ["fields/Done eq 2", `the literal 2 does not match the type of field 'Done' (boolean)`],
    ["fields/Done eq 'true'", `the literal "true" does not match the type of field 'Done' (boolean)`],
    ["fields/Due eq 3", `the literal 3 does not match the type of field 'Due' (dateTime)`],
    ["fields/Due eq 'someday'", `the literal "someday" does not match the type of field 'Due' (dateTime)`],
    ["fields/Email eq 3", `the literal 3 does not match the type of field 'Email' (text)`],
    ["fields/Colour eq false", `the literal false does not match the type of field 'Colour' (choice)`],
    [
      "fields/Email eq 2024-01-01T00:00:00Z",
      `the literal "2024-01-01T00:00:00Z" does not match the type of field 'Email' (text)`,
    ],
  ])("refuses %s", (filter, message) => {
    const e = errorOf(list, { filter });
    expect(e.status).toBe(400);
    expect(e.message).toBe(`Invalid filter clause: ${message}`);
  });

  it.each(["lt", "le", "gt", "ge"])("refuses null with %s", (op) => {
    expect(errorOf(list, { filter: `fields/Num ${op} null` }).message).toBe(
      "Invalid filter clause: null can only be compared with eq or ne (field 'Num')",
    );
  });
});

describe("ordering", () => {
  const list = listOf(rows);
  const by = (field: string, desc = false) => ({ field, desc, pos: 0 });

  it("orders the whole list by an indexed column, values before no value, ties by id", () => {
    expect(ids(list, { orderby: [by("Num")] })).toEqual([6, 1, 2, 3, 4, 5]);
    expect(ids(list, { orderby: [by("Num", true)] })).toEqual([5, 4, 3, 2, 1, 6]);
    expect(ids(list, { orderby: [by("Done")] })).toEqual([6, 2, 4, 1, 3, 5]);
    expect(ids(list, { orderby: [by("Done", true)] })).toEqual([1, 3, 5, 2, 4, 6]);
  });

  it("breaks ties by id in the direction of a last id ordering, ascending otherwise", () => {
    expect(ids(list, { orderby: [by("Done"), by("id", true)] })).toEqual([6, 4, 2, 5, 3, 1]);
    expect(ids(list, { orderby: [by("id", true)] })).toEqual([6, 5, 4, 3, 2, 1]);
    expect(ids(list, { orderby: [by("id")] })).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids(list, { orderby: [by("id", true), by("Done")] })).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it("orders filtered results too", () => {
    expect(ids(list, { filter: "fields/Num ge 2", orderby: [by("Num", true)] })).toEqual([5, 4, 3, 2]);
    expect(ids(list, { filter: "fields/Done eq true", orderby: [by("Email")] })).toEqual([1, 5, 3]);
  });

  it("orders text case-insensitively, as SharePoint does, filtered or not", () => {
    const mixed = listOf([
      { Email: "Bob@x.example", Num: 1 },
      { Email: "amy@x.example", Num: 1 },
      { Email: "CAROL@x.example", Num: 1 },
    ]);
    expect(ids(mixed, { orderby: [by("Email")] })).toEqual([2, 1, 3]);
    expect(ids(mixed, { filter: "fields/Num eq 1", orderby: [by("Email", true)] })).toEqual([3, 1, 2]);
  });

  it("keeps the id order without an ordering, filtered or not", () => {
    const shuffled = listOf([]);
    for (const id of [3, 1, 2]) put(shuffled, id, { Num: 4 - id });
    expect(ids(shuffled, {})).toEqual([1, 2, 3]);
    expect(ids(shuffled, { filter: "fields/Num ge 1" })).toEqual([1, 2, 3]);
  });

  it("caches a sorted view per ordering until the next write", () => {
    const l = listOf(rows.slice(0, 3));
    expect(ids(l, { orderby: [by("Num", true)] })).toEqual([3, 2, 1]);
    expect(ids(l, { orderby: [by("Num")] })).toEqual([1, 2, 3]);
    expect(ids(l, { orderby: [by("Num", true)] })).toEqual([3, 2, 1]);
    put(l, 4, { Num: 0 });
    expect(ids(l, { orderby: [by("Num", true)] })).toEqual([3, 2, 1, 4]);
    put(l, 1, { Num: 9 });
    expect(ids(l, { orderby: [by("Num", true)] })).toEqual([1, 3, 2, 4]);
  });

  it("reads only the page from a cached view, and the whole list again after a write", () => {
    const l = listOf(rows);
    const q = { orderby: [by("Num", true)], top: 2 };
    expect(reads(l, q)).toEqual({ ids: [5, 4], read: [1, 2, 3, 4, 5, 6] });
    expect(reads(l, q)).toEqual({ ids: [5, 4], read: [] });
    put(l, 7, { Num: 9 });
    expect(reads(l, q)).toEqual({ ids: [7, 5], read: [1, 2, 3, 4, 5, 6, 7] });
    expect(reads(l, q)).toEqual({ ids: [7, 5], read: [] });
  });
});

describe("paging", () => {
  const many = listOf(Array.from({ length: 25 }, (_, i) => ({ Num: i % 4, Email: `p${i}@x.example` })));

  function allPages(q: Partial<ItemQuery>): number[][] {
    const pages: number[][] = [];
    let skiptoken: string | undefined;
    do {
      const page = runItemQuery(many.view, { ...base, ...q, ...(skiptoken ? { skiptoken } : {}) });
      pages.push(page.items.map((i) => i.id));
      skiptoken = page.nextSkiptoken;
    } while (skiptoken);
    return pages;
  }

  it("cuts pages of `top` with a skiptoken only while more follow", () => {
    const pages = allPages({ top: 10 });
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(runItemQuery(many.view, { ...base, top: 25 }).nextSkiptoken).toBeUndefined();
    expect(runItemQuery(many.view, { ...base, top: 24 }).nextSkiptoken).toBeDefined();
  });

  it("pages through ties without overlap or gaps, in both directions", () => {
    for (const desc of [false, true]) {
      const pages = allPages({ top: 4, orderby: [{ field: "Num", desc, pos: 0 }] });
      const flat = pages.flat();
      expect(new Set(flat).size).toBe(25);
      expect(flat).toEqual(ids(many, { orderby: [{ field: "Num", desc, pos: 0 }] }));
    }
    const filtered = allPages({ top: 3, filter: "fields/Num eq 1" }).flat();
    expect(filtered).toEqual([2, 6, 10, 14, 18, 22]);
  });

  it("resumes right after the item the token names", () => {
    const first = runItemQuery(many.view, {
      ...base,
      top: 1,
      orderby: [{ field: "Num", desc: false, pos: 0 }],
    });
    expect(first.items.map((i) => i.id)).toEqual([1]);
    const token = encodeSkiptoken({ k: [0], id: 5 });
    expect(ids(many, { top: 3, skiptoken: token, orderby: [{ field: "Num", desc: false, pos: 0 }] })).toEqual(
      [9, 13, 17],
    );
    expect(ids(many, { top: 2, skiptoken: encodeSkiptoken({ k: [], id: 23 }) })).toEqual([24, 25]);
    expect(ids(many, { top: 2, skiptoken: encodeSkiptoken({ k: [], id: 25 }) })).toEqual([]);
  });

  it.each([
    ["not base64 JSON", "%%%"],
    ["JSON of the wrong shape", Buffer.from('{"x":1}').toString("base64url")],
    ["an id that is not a number", encodeSkiptoken({ k: [], id: "3" as unknown as number })],
    ["keys that are not a list", Buffer.from('{"k":1,"id":3}').toString("base64url")],
    ["a token from another ordering", encodeSkiptoken({ k: [1], id: 3 })],
  ])("refuses a skiptoken that is %s", (_label, skiptoken) => {
    const e = errorOf(many, { skiptoken });
    expect(e.status).toBe(400);
    expect(e.message).toBe("The $skiptoken is not valid for this query");
  });
});

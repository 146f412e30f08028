import { and, anyEq, cmp, eq, field, itemsQuery, odataString, startsWith } from "./odata";

describe("odataString", () => {
  it("doubles single quotes so a value can never close the literal", () => {
    expect(odataString("mary.o'brien@litware.example")).toBe("'mary.o''brien@litware.example'");
    expect(odataString("x' or 1 eq 1 or 'a")).toBe("'x'' or 1 eq 1 or ''a'");
    expect(odataString("")).toBe("''");
  });
});

describe("filter builders", () => {
  it("builds eq, OR of eq (deduplicated) and startswith on fields/", () => {
    expect(eq("Email", "a@b.example")).toBe("fields/Email eq 'a@b.example'");
    expect(eq("LoggedSegmentId", 7)).toBe("fields/LoggedSegmentId eq 7");
    expect(anyEq("Email", ["a", "b", "a"])).toBe("fields/Email eq 'a' or fields/Email eq 'b'");
    expect(anyEq("Email", [])).toBeUndefined();
    expect(startsWith("Title", "O'B")).toBe("startswith(fields/Title,'O''B')");
    expect(and("a", undefined, "b")).toBe("(a) and (b)");
    expect(and(undefined)).toBeUndefined();
  });

  it("builds range comparisons, quoting strings and leaving numbers bare", () => {
    expect(cmp("NoOfInteractions", "ge", 5)).toBe("fields/NoOfInteractions ge 5");
    expect(cmp("InteractionDate", "lt", "2024-05-01T00:00:00Z")).toBe(
      "fields/InteractionDate lt '2024-05-01T00:00:00Z'",
    );
    expect(cmp("Title", "le", "O'B")).toBe("fields/Title le 'O''B'");
    expect(() => cmp("Email) or (Title", "gt", 1)).toThrow(TypeError);
  });

  it("refuses a column name that is not an internal name", () => {
    expect(() => field("Email) or (1 eq 1")).toThrow(TypeError);
  });
});

describe("itemsQuery", () => {
  it("encodes values so that & and # inside a value cannot split the query", () => {
    const q = itemsQuery({
      filter: eq("ContactNo", "A&B#C"),
      orderBy: { column: "InteractionDate", desc: true },
      top: 20,
    });
    const params = new URLSearchParams(q.slice(1));
    expect(params.get("$filter")).toBe("fields/ContactNo eq 'A&B#C'");
    expect(params.get("$orderby")).toBe("fields/InteractionDate desc");
    expect(params.get("$top")).toBe("20");
    expect(params.get("$expand")).toBe("fields");
    expect(q).not.toContain("A&B");
  });

  it("selects fields inside the expand and rejects a bad $top", () => {
    expect(new URLSearchParams(itemsQuery({ select: ["ContactNo", "Title"] }).slice(1)).get("$expand")).toBe(
      "fields($select=ContactNo,Title)",
    );
    expect(() => itemsQuery({ top: 0 })).toThrow(RangeError);
  });
});

// The column-name guard is the one thing between a caller's column name and the $filter text: both anchors matter.
describe("field() guard", () => {
  it.each([
    "Email) or (Title",
    "Email) or (1 eq 1",
    "fields/Email",
    "Email eq 'x'",
    "1Email",
    "Email ",
    " Email",
    "Em-ail",
    "",
  ])("refuses %j, naming it", (column) => {
    expect(() => field(column)).toThrow(new TypeError(`Not a column internal name: ${column}`));
  });

  it.each(["Email", "_x", "E", "Email2", "Contact_No"])("accepts %j", (column) => {
    expect(field(column)).toBe(`fields/${column}`);
  });

  it("guards every builder that takes a column", () => {
    expect(() => eq("Email) or (Title", "x")).toThrow(TypeError);
    expect(() => anyEq("Email) or (Title", ["x"])).toThrow(TypeError);
    expect(() => startsWith("Email) or (Title", "x")).toThrow(TypeError);
    expect(() => itemsQuery({ orderBy: { column: "Email) or (Title" } })).toThrow(TypeError);
  });
});

describe("and() and itemsQuery, exactly", () => {
  it("leaves a single clause unparenthesised", () => {
    expect(and("fields/A eq 1", undefined, "")).toBe("fields/A eq 1");
    expect(and()).toBeUndefined();
    expect(and("a", "b", "c")).toBe("(a) and (b) and (c)");
  });

  it("builds the whole query string", () => {
    expect(itemsQuery({})).toBe("?$expand=fields");
    expect(itemsQuery({ filter: "" })).toBe("?$expand=fields");
    expect(itemsQuery({ select: [] })).toBe("?$expand=fields");
    expect(itemsQuery({ filter: "fields/A eq 1", orderBy: { column: "A" }, top: 1 })).toBe(
      "?$expand=fields&$filter=fields%2FA%20eq%201&$orderby=fields%2FA%20asc&$top=1",
    );
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses $top %p, saying so", (top) => {
    expect(() => itemsQuery({ top })).toThrow(new RangeError(`$top must be a positive integer, got ${top}`));
  });
});

import { and, anyEq, eq, field, itemsQuery, odataString, startsWith } from "./odata";

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

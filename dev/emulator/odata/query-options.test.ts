// System query options as the emulator reads them from a list-items URL: prefixes, limits, the $orderby and $expand
// grammars, and the exact 400 each malformed option gets.
import { GraphError } from "../errors/graph-error";
import { parseQueryOptions } from "./query-options";

const parse = (query: string) => parseQueryOptions(new URLSearchParams(query));

function errorOf(query: string): GraphError {
  try {
    parse(query);
  } catch (e) {
    return e as GraphError;
  }
  throw new Error(`"${query}" parsed without an error`);
}

describe("parseQueryOptions", () => {
  it("gives only the defaults for no options", () => {
    expect(parse("")).toStrictEqual({ orderby: [], expandColumns: false });
    expect(parse("$top=5")).toStrictEqual({ orderby: [], expandColumns: false, top: 5 });
  });

  it("reads every option with or without the $ prefix, the prefixed one first", () => {
    expect(parse("$filter=fields/A eq 1&filter=ignored").filter).toBe("fields/A eq 1");
    expect(parse("filter=fields/A eq 1").filter).toBe("fields/A eq 1");
    expect(parse("skiptoken=abc").skiptoken).toBe("abc");
    expect(parse("$skiptoken=abc&skiptoken=def").skiptoken).toBe("abc");
    expect(parse("top=5&$top=7").top).toBe(7);
    expect(parse("select=id").select).toEqual(["id"]);
  });

  it("keeps an empty $filter as given (the parser refuses it later)", () => {
    expect(parse("$filter=").filter).toBe("");
  });

  it("reads the delta token from token or $deltatoken", () => {
    expect(parse("token=t1").deltaToken).toBe("t1");
    expect(parse("$deltatoken=t2").deltaToken).toBe("t2");
    expect(parse("token=t1&$deltatoken=t2").deltaToken).toBe("t1");
    expect(parse("deltatoken=t3")).not.toHaveProperty("deltaToken");
  });

  it.each([
    ["1", 1],
    ["20", 20],
    ["998", 998],
    ["999", 999],
    ["1000", 999],
    ["5000", 999],
    ["007", 7],
  ])("reads $top=%s as %i (at most 999)", (value, top) => {
    expect(parse(`$top=${value}`).top).toBe(top);
  });

  it.each(["0", "00", "-1", "1.5", "abc", "", " 5", "5 ", "1e3"])("refuses $top=%j", (value) => {
    const e = errorOf(`$top=${encodeURIComponent(value)}`);
    expect(e).toBeInstanceOf(GraphError);
    expect(e.status).toBe(400);
    expect(e.code).toBe("invalidRequest");
    expect(e.message).toBe(`Invalid $top value '${value}': expected a positive integer`);
  });

  it("splits $select, trimming names and dropping empty ones", () => {
    expect(parse("$select= id , ,fields,").select).toEqual(["id", "fields"]);
    expect(parse("$select=").select).toEqual([]);
  });
});

describe("$orderby", () => {
  it("reads fields and id, with direction and position", () => {
    expect(parse("$orderby=fields/Title desc,id,fields/ID asc , fields/id DESC").orderby).toEqual([
      { field: "Title", desc: true, pos: 0 },
      { field: "id", desc: false, pos: 18 },
      { field: "id", desc: false, pos: 21 },
      { field: "id", desc: true, pos: 36 },
    ]);
    expect(parse("$orderby=  fields/_Due2   ").orderby).toEqual([{ field: "_Due2", desc: false, pos: 0 }]);
    expect(parse("$orderby=fields/A  desc").orderby).toEqual([{ field: "A", desc: true, pos: 0 }]);
  });

  it.each([
    ["fields/A up", "Invalid $orderby clause 'fields/A up' at position 0"],
    ["id, fields/A up ", "Invalid $orderby clause 'fields/A up' at position 3"],
    ["fields/A desc asc", "Invalid $orderby clause 'fields/A desc asc' at position 0"],
    ["id,", "Invalid $orderby clause '' at position 3"],
    ["", "Invalid $orderby clause '' at position 0"],
    ["Title", "Invalid $orderby field 'Title' at position 0: use fields/<name> or id"],
    ["id, fields/2nd", "Invalid $orderby field 'fields/2nd' at position 3: use fields/<name> or id"],
    ["fields/A-B", "Invalid $orderby field 'fields/A-B' at position 0: use fields/<name> or id"],
    ["xfields/A", "Invalid $orderby field 'xfields/A' at position 0: use fields/<name> or id"],
    ["fields/A/B", "Invalid $orderby field 'fields/A/B' at position 0: use fields/<name> or id"],
    ["ID", "Invalid $orderby field 'ID' at position 0: use fields/<name> or id"],
  ])("refuses %j", (value, message) => {
    const e = errorOf(`$orderby=${encodeURIComponent(value)}`);
    expect(e.status).toBe(400);
    expect(e.message).toBe(message);
  });
});

describe("$expand", () => {
  it.each<[string, string[] | undefined, boolean]>([
    ["fields", [], false],
    [" fields ", [], false],
    ["fields()", [], false],
    ["fields($select=Title,Email)", ["Title", "Email"], false],
    ["fields(select= Title , Email )", ["Title", "Email"], false],
    ["fields( $select=Title)", ["Title"], false],
    ["columns", undefined, true],
    ["fields($select=A,B),columns", ["A", "B"], true],
    ["columns,fields,", [], true],
    ["fields, ", [], false],
  ])("reads %j", (value, fields, columns) => {
    const q = parse(`$expand=${encodeURIComponent(value)}`);
    expect(q.expandFields).toEqual(fields);
    expect(q.expandColumns).toBe(columns);
  });

  it("leaves fields unexpanded without $expand", () => {
    expect(parse("$select=id")).not.toHaveProperty("expandFields");
  });

  it.each([
    ["fields(", "Invalid $expand clause 'fields('"],
    ["fields(a)(b", "Invalid $expand clause 'fields(a)(b'"],
    ["fields x", "Invalid $expand clause 'fields x'"],
    ["fields($top=1)", "Invalid $expand options '$top=1': only select is supported"],
    ["fields(xselect=A)", "Invalid $expand options 'xselect=A': only select is supported"],
    ["owner", "Parsing OData Select and Expand failed: Could not find a property named 'owner'"],
    [
      "columns,driveItem",
      "Parsing OData Select and Expand failed: Could not find a property named 'driveItem'",
    ],
  ])("refuses %j", (value, message) => {
    const e = errorOf(`$expand=${encodeURIComponent(value)}`);
    expect(e.status).toBe(400);
    expect(e.code).toBe("invalidRequest");
    expect(e.message).toBe(message);
  });
});

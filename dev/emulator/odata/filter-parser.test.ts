// The $filter grammar on its own: precedence, literals, escaping and error positions.
import { GraphError } from "../errors/graph-error";
import { parseFilter } from "./filter-parser";

function errorOf(text: string): GraphError {
  try {
    parseFilter(text);
  } catch (e) {
    return e as GraphError;
  }
  throw new Error(`"${text}" parsed without an error`);
}

describe("parseFilter", () => {
  it("binds and tighter than or, and not tighter than and", () => {
    expect(parseFilter("fields/A eq 1 or fields/B eq 2 and not fields/C eq 3")).toEqual({
      kind: "or",
      left: {
        kind: "compare",
        op: "eq",
        field: { name: "A", pos: 0 },
        literal: { kind: "number", value: 1 },
      },
      right: {
        kind: "and",
        left: {
          kind: "compare",
          op: "eq",
          field: { name: "B", pos: 17 },
          literal: { kind: "number", value: 2 },
        },
        right: {
          kind: "not",
          operand: {
            kind: "compare",
            op: "eq",
            field: { name: "C", pos: 39 },
            literal: { kind: "number", value: 3 },
          },
        },
      },
    });
  });

  it("honours parentheses", () => {
    const ast = parseFilter("(fields/A eq 1 or fields/B eq 2) and id gt 5");
    expect(ast.kind).toBe("and");
    expect(ast.kind === "and" && ast.left.kind).toBe("or");
  });

  it("reads literals: doubled quotes, negative and decimal numbers, booleans, null, dates", () => {
    const lit = (text: string) => {
      const ast = parseFilter(`fields/X eq ${text}`);
      return ast.kind === "compare" ? ast.literal : undefined;
    };
    expect(lit("'O''Brien'")).toEqual({ kind: "string", value: "O'Brien" });
    expect(lit("-2.5")).toEqual({ kind: "number", value: -2.5 });
    expect(lit("true")).toEqual({ kind: "boolean", value: true });
    expect(lit("null")).toEqual({ kind: "null" });
    expect(lit("2024-03-01T10:00:00Z")).toEqual({ kind: "datetime", value: "2024-03-01T10:00:00Z" });
  });

  it("turns a literal on the left around", () => {
    expect(parseFilter("5 lt fields/N")).toEqual({
      kind: "compare",
      op: "gt",
      field: { name: "N", pos: 5 },
      literal: { kind: "number", value: 5 },
    });
  });

  it("maps id and fields/id to the item id", () => {
    for (const ref of ["id", "fields/id", "fields/ID"]) {
      const ast = parseFilter(`${ref} eq 3`);
      expect(ast.kind === "compare" && ast.field.name).toBe("id");
    }
  });

  it("parses startswith", () => {
    expect(parseFilter("startswith(fields/Title,'Ab')")).toEqual({
      kind: "startswith",
      field: { name: "Title", pos: 11 },
      literal: { kind: "string", value: "Ab" },
    });
  });

  it.each([
    ["", /empty/],
    ["fields/A eq", /position 11/],
    ["fields/A eq 1 and", /position 17/],
    ["fields/A eq 1)", /position 13/],
    ["fields/A xx 1", /comparison operator.*position 9/],
    ["fields/A eq 'x", /unterminated.*position 12/],
    ["fields/A eq #", /character '#' at position 12/],
    ["Title eq 'x'", /not a field reference/],
    ["contains(fields/A,'x')", /not supported/],
    ["(fields/A eq 1", /'\)' at position 14/],
  ])("refuses %j with 400 invalidRequest pointing at the problem", (text, message) => {
    const e = errorOf(text);
    expect(e).toBeInstanceOf(GraphError);
    expect(e.status).toBe(400);
    expect(e.code).toBe("invalidRequest");
    expect(e.message).toMatch(message);
  });
});

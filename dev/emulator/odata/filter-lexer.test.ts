// The $filter tokens on their own, and the parser's exact refusals for the malformed filters the other tests do not
// reach (literal words on the left, functions, messages naming what was found).
import { GraphError } from "../errors/graph-error";
import { tokenize } from "./filter-lexer";
import { parseFilter } from "./filter-parser";

const kinds = (text: string) => tokenize(text).map((t) => [t.kind, t.value]);

function errorOf(text: string): GraphError {
  try {
    parseFilter(text);
  } catch (e) {
    return e as GraphError;
  }
  throw new Error(`"${text}" parsed without an error`);
}

describe("tokenize", () => {
  it("skips spaces, tabs, newlines and carriage returns", () => {
    expect(kinds(" \tfields/A\neq\r1 ")).toEqual([
      ["ident", "fields/A"],
      ["ident", "eq"],
      ["number", 1],
      ["end", ""],
    ]);
  });

  it("keeps a string token's text as written, quotes and doubled quotes included", () => {
    const [, , str] = tokenize("fields/A eq 'O''Brien' and");
    expect(str).toEqual({ kind: "string", text: "'O''Brien'", value: "O'Brien", pos: 12 });
    expect(tokenize("''")[0]).toEqual({ kind: "string", text: "''", value: "", pos: 0 });
  });

  it.each([
    ["2024-03-01T10:00", "2024-03-01T10:00"],
    ["2024-03-01T10:00:30", "2024-03-01T10:00:30"],
    ["2024-03-01T10:00:30.5Z", "2024-03-01T10:00:30.5Z"],
    ["2024-03-01T10:00:30.125+02:00", "2024-03-01T10:00:30.125+02:00"],
    ["2024-03-01T10:00-05:30", "2024-03-01T10:00-05:30"],
  ])("reads the date-time %s as one token", (text, value) => {
    expect(kinds(text)).toEqual([
      ["datetime", value],
      ["end", ""],
    ]);
  });

  it.each([
    ["1.25", 1.25],
    ["-7", -7],
    ["1e3", 1000],
    ["1E+3", 1000],
    ["2.5e-2", 0.025],
    ["10", 10],
    ["1e10", 1e10],
    ["2E-12", 2e-12],
  ])("reads the number %s", (text, value) => {
    expect(kinds(text)).toEqual([
      ["number", value],
      ["end", ""],
    ]);
  });

  it("ends with an end token of empty text at the input's length", () => {
    expect(tokenize("id eq 1").at(-1)).toEqual({ kind: "end", text: "", value: "", pos: 7 });
    expect(tokenize("")).toEqual([{ kind: "end", text: "", value: "", pos: 0 }]);
  });

  it("refuses a character that starts no token even when an identifier follows it", () => {
    expect(() => tokenize("fields/A eq #x")).toThrow("unexpected character '#' at position 12");
    expect(() => tokenize("fields/A eq 'x")).toThrow("unterminated string literal starting at position 12");
  });
});

describe("parseFilter refusals, exactly", () => {
  it.each([
    ["   ", "Invalid filter clause: the expression is empty"],
    [
      "fields/A eq",
      "Invalid filter clause: expected a literal (string, number, true, false or null) at position 11, found end of expression",
    ],
    [
      "fields/A eq )",
      "Invalid filter clause: expected a literal (string, number, true, false or null) at position 12, found ')'",
    ],
    [
      "fields/A eq foo",
      "Invalid filter clause: expected a literal (string, number, true, false or null) at position 12, found 'foo'",
    ],
    [
      "fields/A eq 'x' 'y'",
      "Invalid filter clause: expected 'and', 'or' or end of expression at position 16, found ''y''",
    ],
    [
      "fields/A 1 2",
      "Invalid filter clause: expected a comparison operator (eq, ne, lt, gt, le, ge) at position 9, found '1'",
    ],
    [
      "1(2)",
      "Invalid filter clause: expected a comparison operator (eq, ne, lt, gt, le, ge) at position 1, found '('",
    ],
    ["1 eq 2", "Invalid filter clause: expected a field reference at position 5, found '2'"],
    ["1 eq true", "Invalid filter clause: expected a field reference at position 5, found 'true'"],
    ["null eq null", "Invalid filter clause: expected a field reference at position 8, found 'null'"],
    [
      "xfields/A eq 1",
      "Invalid filter clause: 'xfields/A' at position 0 is not a field reference; use fields/<name> or id",
    ],
    [
      "fields/A/B eq 1",
      "Invalid filter clause: 'fields/A/B' at position 0 is not a field reference; use fields/<name> or id",
    ],
    ["startswith(1,'x')", "Invalid filter clause: expected a field reference at position 11, found '1'"],
    ["startswith(fields/A 'x')", "Invalid filter clause: expected ',' at position 20, found ''x''"],
    ["startswith(fields/A,1)", "Invalid filter clause: startswith needs a string literal (position 0)"],
    [
      "startswith(fields/A,'x'",
      "Invalid filter clause: expected ')' at position 23, found end of expression",
    ],
    ["startswith(fields/A,'x' and", "Invalid filter clause: expected ')' at position 24, found 'and'"],
  ])("%j", (text, message) => {
    const e = errorOf(text);
    expect(e).toBeInstanceOf(GraphError);
    expect(e.status).toBe(400);
    expect(e.message).toBe(message);
  });
});

describe("parseFilter literal words", () => {
  it.each([
    ["false eq fields/Done", { kind: "boolean", value: false }],
    ["null eq fields/Email", { kind: "null" }],
    ["TRUE eq fields/Done", { kind: "boolean", value: true }],
  ])("turns %s around", (text, literal) => {
    const ast = parseFilter(text);
    expect(ast).toMatchObject({ kind: "compare", op: "eq", literal });
  });

  it("reads a literal word followed by a parenthesis as a literal, not a function", () => {
    expect(errorOf("true(1)").message).toBe(
      "Invalid filter clause: expected a comparison operator (eq, ne, lt, gt, le, ge) at position 4, found '('",
    );
  });

  it("reads and, or and not only as words, never inside a string", () => {
    expect(parseFilter("fields/A eq 'or'")).toEqual({
      kind: "compare",
      op: "eq",
      field: { name: "A", pos: 0 },
      literal: { kind: "string", value: "or" },
    });
    expect(parseFilter("fields/A eq 1 AND NOT fields/B eq 2").kind).toBe("and");
  });
});

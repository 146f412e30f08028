// Recursive-descent parser for $filter: or > and > not > comparison / startswith / parentheses.
// Comparisons are `field op literal` (a literal on the left is turned around) because that is all SharePoint runs.
import { badFilter } from "../errors/graph-error-factory";
import type { CompareOp, FieldRef, FilterNode, Literal } from "./filter-ast";
import { type Token, tokenize } from "./filter-lexer";

const COMPARE_OPS = new Set(["eq", "ne", "lt", "gt", "le", "ge"]);
const FLIP: Record<CompareOp, CompareOp> = { eq: "eq", ne: "ne", lt: "gt", gt: "lt", le: "ge", ge: "le" };

export function parseFilter(input: string): FilterNode {
  if (!input.trim()) throw badFilter("the expression is empty");
  const p = new Parser(tokenize(input));
  const node = p.parseOr();
  p.expectEnd();
  return node;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  private isWord(t: Token, word: string): boolean {
    return t.kind === "ident" && t.text.toLowerCase() === word;
  }
  private fail(t: Token, expected: string): never {
    const found = t.kind === "end" ? "end of expression" : `'${t.text}'`;
    throw badFilter(`expected ${expected} at position ${t.pos}, found ${found}`);
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.kind !== "end") this.fail(t, "'and', 'or' or end of expression");
  }

  parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isWord(this.peek(), "or")) {
      this.next();
      left = { kind: "or", left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseNot();
    while (this.isWord(this.peek(), "and")) {
      this.next();
      left = { kind: "and", left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): FilterNode {
    if (this.isWord(this.peek(), "not")) {
      this.next();
      return { kind: "not", operand: this.parseNot() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterNode {
    const t = this.peek();
    if (t.kind === "lparen") {
      this.next();
      const inner = this.parseOr();
      if (this.peek().kind !== "rparen") this.fail(this.peek(), "')'");
      this.next();
      return inner;
    }
    // Stryker disable next-line OptionalChaining: equivalent, an ident token is never the last token (tokenize always ends with "end"), so tokens[i + 1] exists
    if (t.kind === "ident" && this.tokens[this.i + 1]?.kind === "lparen" && !this.isLiteralWord(t)) {
      return this.parseFunction();
    }
    return this.parseComparison();
  }

  private isLiteralWord(t: Token): boolean {
    return ["true", "false", "null"].includes(t.text.toLowerCase());
  }

  private parseFunction(): FilterNode {
    const name = this.next();
    if (name.text.toLowerCase() !== "startswith") {
      throw badFilter(`function '${name.text}' at position ${name.pos} is not supported; only startswith is`);
    }
    this.next(); // (
    const field = this.parseFieldRef();
    if (this.peek().kind !== "comma") this.fail(this.peek(), "','");
    this.next();
    const literal = this.parseLiteral();
    if (literal.kind !== "string")
      throw badFilter(`startswith needs a string literal (position ${name.pos})`);
    if (this.peek().kind !== "rparen") this.fail(this.peek(), "')'");
    this.next();
    return { kind: "startswith", field, literal };
  }

  private parseComparison(): FilterNode {
    const left = this.peek();
    const leftIsField = left.kind === "ident" && !this.isLiteralWord(left);
    const field = leftIsField ? this.parseFieldRef() : undefined;
    const literalLeft = leftIsField ? undefined : this.parseLiteral();
    const opTok = this.next();
    if (opTok.kind !== "ident" || !COMPARE_OPS.has(opTok.text.toLowerCase())) {
      this.fail(opTok, "a comparison operator (eq, ne, lt, gt, le, ge)");
    }
    const op = opTok.text.toLowerCase() as CompareOp;
    if (field) return { kind: "compare", op, field, literal: this.parseLiteral() };
    const right = this.peek();
    if (right.kind !== "ident" || this.isLiteralWord(right)) this.fail(right, "a field reference");
    return { kind: "compare", op: FLIP[op], field: this.parseFieldRef(), literal: literalLeft! };
  }

  private parseFieldRef(): FieldRef {
    const t = this.next();
    if (t.kind !== "ident") this.fail(t, "a field reference");
    const text = t.text;
    if (text === "id" || text === "fields/id" || text === "fields/ID") return { name: "id", pos: t.pos };
    const m = /^fields\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(text);
    if (!m)
      throw badFilter(`'${text}' at position ${t.pos} is not a field reference; use fields/<name> or id`);
    return { name: m[1]!, pos: t.pos };
  }

  private parseLiteral(): Literal {
    const t = this.next();
    switch (t.kind) {
      case "string":
        return { kind: "string", value: String(t.value) };
      case "number":
        return { kind: "number", value: Number(t.value) };
      case "datetime":
        return { kind: "datetime", value: String(t.value) };
      case "ident": {
        const w = t.text.toLowerCase();
        if (w === "true" || w === "false") return { kind: "boolean", value: w === "true" };
        if (w === "null") return { kind: "null" };
        break;
      }
      // Stryker disable next-line ConditionalExpression: equivalent, without the default case the switch falls through to the same fail() below
      default:
        break;
    }
    return this.fail(t, "a literal (string, number, true, false or null)");
  }
}

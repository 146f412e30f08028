// Tokens of the OData $filter subset Graph accepts on list items. Positions are kept so errors can point at them.
import { badFilter } from "../errors/graph-error-factory";

export type TokenKind = "ident" | "string" | "number" | "datetime" | "lparen" | "rparen" | "comma" | "end";

export interface Token {
  kind: TokenKind;
  text: string;
  /** Decoded value for literals; the identifier text otherwise. */
  value: string | number;
  pos: number;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$/]*/;

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    if (c === "(" || c === ")" || c === ",") {
      tokens.push({ kind: c === "(" ? "lparen" : c === ")" ? "rparen" : "comma", text: c, value: c, pos: i });
      i++;
      continue;
    }
    if (c === "'") {
      const start = i;
      let value = "";
      i++;
      for (;;) {
        if (i >= input.length) throw badFilter(`unterminated string literal starting at position ${start}`);
        const ch = input[i]!;
        if (ch === "'") {
          // OData escapes a quote inside a string by doubling it.
          if (input[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += ch;
        i++;
      }
      tokens.push({ kind: "string", text: input.slice(start, i), value, pos: start });
      continue;
    }
    const rest = input.slice(i);
    const dt = DATETIME.exec(rest);
    if (dt && dt[1]) {
      tokens.push({ kind: "datetime", text: dt[0], value: dt[0], pos: i });
      i += dt[0].length;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num) {
      tokens.push({ kind: "number", text: num[0], value: Number(num[0]), pos: i });
      i += num[0].length;
      continue;
    }
    const id = IDENT.exec(rest);
    if (id) {
      tokens.push({ kind: "ident", text: id[0], value: id[0], pos: i });
      i += id[0].length;
      continue;
    }
    throw badFilter(`unexpected character '${c}' at position ${i}`);
  }
  tokens.push({ kind: "end", text: "", value: "", pos: input.length });
  return tokens;
}

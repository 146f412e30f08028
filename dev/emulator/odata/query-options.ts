// OData system query options as Graph accepts them on list items: with or without the `$` prefix, and the
// `fields($select=A,B)` / `fields(select=A,B)` forms of $expand.
import { invalidRequest } from "../errors/graph-error-factory";

export interface OrderBy {
  field: string;
  desc: boolean;
  pos: number;
}

export interface QueryOptions {
  filter?: string;
  orderby: OrderBy[];
  top?: number;
  skiptoken?: string;
  deltaToken?: string;
  select?: string[];
  /** undefined: fields not expanded; [] : all fields; otherwise the selected field names. */
  expandFields?: string[];
  expandColumns: boolean;
}

function option(params: URLSearchParams, name: string): string | undefined {
  return params.get(`$${name}`) ?? params.get(name) ?? undefined;
}

function splitList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseQueryOptions(params: URLSearchParams): QueryOptions {
  const out: QueryOptions = { orderby: [], expandColumns: false };
  const filter = option(params, "filter");
  if (filter !== undefined) out.filter = filter;
  const top = option(params, "top");
  if (top !== undefined) {
    if (!/^\d+$/.test(top) || Number(top) < 1)
      throw invalidRequest(`Invalid $top value '${top}': expected a positive integer`);
    out.top = Math.min(Number(top), 999);
  }
  const skiptoken = option(params, "skiptoken");
  if (skiptoken !== undefined) out.skiptoken = skiptoken;
  const token = params.get("token") ?? params.get("$deltatoken") ?? undefined;
  if (token !== undefined) out.deltaToken = token;
  const select = option(params, "select");
  if (select !== undefined) out.select = splitList(select);
  const orderby = option(params, "orderby");
  if (orderby !== undefined) {
    let pos = 0;
    for (const part of orderby.split(",")) {
      const m = /^\s*(\S+)(?:\s+(asc|desc))?\s*$/i.exec(part);
      if (!m) throw invalidRequest(`Invalid $orderby clause '${part.trim()}' at position ${pos}`);
      const ref = m[1]!;
      const field =
        ref === "id" || ref === "fields/id" || ref === "fields/ID"
          ? "id"
          : /^fields\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(ref)?.[1];
      if (!field)
        throw invalidRequest(`Invalid $orderby field '${ref}' at position ${pos}: use fields/<name> or id`);
      out.orderby.push({ field, desc: (m[2] ?? "").toLowerCase() === "desc", pos });
      pos += part.length + 1;
    }
  }
  const expand = option(params, "expand");
  if (expand !== undefined) {
    for (const part of splitExpand(expand)) {
      const m = /^(\w+)(?:\((.*)\))?$/.exec(part.trim());
      if (!m) throw invalidRequest(`Invalid $expand clause '${part}'`);
      const [, nav, inner] = m;
      if (nav === "fields") {
        out.expandFields = [];
        if (inner) {
          const sel = /^\$?select=(.*)$/.exec(inner.trim());
          if (!sel) throw invalidRequest(`Invalid $expand options '${inner}': only select is supported`);
          out.expandFields = splitList(sel[1]!);
        }
      } else if (nav === "columns") {
        out.expandColumns = true;
      } else {
        throw invalidRequest(
          `Parsing OData Select and Expand failed: Could not find a property named '${nav}'`,
        );
      }
    }
  }
  return out;
}

/** Splits on commas that are not inside parentheses. */
function splitExpand(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  return parts;
}

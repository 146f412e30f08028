// OData query text. Every value that reaches a $filter goes through odataString: a single quote is doubled,
// so an address like mary.o'brien@litware.example is a value, never a syntax error or an injection.

export function odataString(value: string): string {
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** `fields/Col` as Graph wants it for list item filters and ordering. */
export function field(column: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(column)) throw new TypeError(`Not a column internal name: ${column}`);
  return `fields/${column}`;
}

export function eq(column: string, value: string | number | boolean): string {
  const v = typeof value === "string" ? odataString(value) : String(value);
  return `${field(column)} eq ${v}`;
}

/** OR of `eq` on one column; empty input gives undefined (the caller must not send a match-all query). */
export function anyEq(column: string, values: readonly string[]): string | undefined {
  const distinct = [...new Set(values)];
  if (distinct.length === 0) return undefined;
  return distinct.map((v) => eq(column, v)).join(" or ");
}

/** An ordering comparison (for ranges on indexed dateTime or number columns); strings are quoted and escaped. */
export function cmp(column: string, op: "lt" | "le" | "gt" | "ge", value: string | number): string {
  const v = typeof value === "string" ? odataString(value) : String(value);
  return `${field(column)} ${op} ${v}`;
}

export function startsWith(column: string, prefix: string): string {
  return `startswith(${field(column)},${odataString(prefix)})`;
}

export function and(...clauses: (string | undefined)[]): string | undefined {
  const parts = clauses.filter((c): c is string => !!c);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(" and ");
}

export interface ItemQuery {
  /** Columns to return inside `fields`; all when absent. */
  select?: readonly string[];
  filter?: string;
  orderBy?: { column: string; desc?: boolean };
  top?: number;
}

/**
 * Query string for `.../items`. Values are URI-encoded here because the Graph SDK joins query parameters
 * verbatim: an unencoded `&` or `#` inside a value would split the query.
 */
export function itemsQuery(q: ItemQuery): string {
  const parts: string[] = [];
  const expand = q.select?.length ? `fields($select=${q.select.join(",")})` : "fields";
  parts.push(`$expand=${encodeURIComponent(expand)}`);
  if (q.filter) parts.push(`$filter=${encodeURIComponent(q.filter)}`);
  if (q.orderBy)
    parts.push(
      `$orderby=${encodeURIComponent(`${field(q.orderBy.column)} ${q.orderBy.desc ? "desc" : "asc"}`)}`,
    );
  if (q.top !== undefined) {
    if (!Number.isInteger(q.top) || q.top < 1)
      throw new RangeError(`$top must be a positive integer, got ${q.top}`);
    parts.push(`$top=${q.top}`);
  }
  return `?${parts.join("&")}`;
}

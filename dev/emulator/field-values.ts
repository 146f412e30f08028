// Column-typed values: validation of what clients send, and the comparable keys used by indexes, filters and
// sorting. Text comparisons are case-insensitive, as SharePoint's are (also for enforceUniqueValues).
import { invalidRequest } from "./errors/graph-error-factory";
import type { ColumnDef, FieldValue, ItemRecord } from "./model";

export type Key = string | number | boolean | null;

export function toIsoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Validates a value sent for a column and returns it in stored form. */
export function coerceFieldValue(col: ColumnDef, value: unknown): FieldValue {
  const bad = (expected: string): never => {
    throw invalidRequest(
      `Invalid value for field '${col.name}': expected ${expected}, got ${JSON.stringify(value)}`,
    );
  };
  if (value === null) {
    if (col.required) throw invalidRequest(`Field '${col.name}' is required and cannot be cleared`);
    return null;
  }
  switch (col.type) {
    case "text":
    case "note": {
      if (typeof value !== "string") return bad("a string");
      const max = col.type === "text" ? (col.maxLength ?? 255) : 63999;
      if (value.length > max)
        throw invalidRequest(`Value for field '${col.name}' is longer than ${max} characters`);
      return value;
    }
    case "choice":
      if (typeof value !== "string") return bad("a string");
      if (!(col.choices ?? []).includes(value)) {
        throw invalidRequest(
          `Value '${value}' for field '${col.name}' is not one of its choices: ${(col.choices ?? []).join(", ")}`,
        );
      }
      return value;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return bad("a number");
      return value;
    case "boolean":
      if (typeof value !== "boolean") return bad("true or false");
      return value;
    case "dateTime": {
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value))
        return bad("an ISO 8601 date and time");
      const ms = Date.parse(value);
      if (Number.isNaN(ms)) return bad("an ISO 8601 date and time");
      return toIsoSeconds(ms);
    }
  }
}

/** The raw value of a column on an item, built-ins included. */
export function fieldValue(item: ItemRecord, name: string): FieldValue {
  switch (name) {
    case "id":
    case "ID":
      return item.id;
    case "Created":
      return item.created;
    case "Modified":
      return item.modified;
    case "ContentType":
      return "Item";
    default:
      return item.fields[name] ?? null;
  }
}

export function keyOf(col: ColumnDef | undefined, value: FieldValue): Key {
  if (value === null || value === undefined) return null;
  if (!col) return value;
  switch (col.type) {
    case "dateTime":
      return typeof value === "string" ? Date.parse(value) : null;
    case "text":
    case "note":
    case "choice":
      return String(value).toLowerCase();
    default:
      return value;
  }
}

/** Total order over keys of one column: null first, then by value. */
export function compareKeys(a: Key, b: Key): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return a ? 1 : -1;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

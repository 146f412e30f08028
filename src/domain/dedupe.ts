// DedupeKey: the same Outlook item is never logged twice for the same contact. The key goes into a unique
// SharePoint column (text, at most 255 characters), so long message ids are hashed, not stored verbatim.
import type { SourceKind } from "./types";

const KIND_PREFIX: Record<SourceKind, string> = { Email: "E", Meeting: "M", Manual: "X" };

/** The DedupeKey column is a SharePoint text column: 255 characters at most. */
export const DEDUPE_KEY_MAX = 255;

/**
 * `source` is the item's SourceId, or for a manual log the id of the log request itself (so that a retried
 * request is still recognised). Contact numbers are compared case-insensitively; an unusually long one is
 * hashed too so that the key always fits the column. A blank source or contact throws: a key made from
 * nothing would collide with every other such key.
 */
export function dedupeKey(kind: SourceKind, source: string, contactNo: string): string {
  const prefix = Object.prototype.hasOwnProperty.call(KIND_PREFIX, kind) ? KIND_PREFIX[kind] : undefined;
  if (!prefix) throw new RangeError(`dedupeKey: unknown source kind "${String(kind)}"`);
  const src = String(source ?? "").trim();
  const no = String(contactNo ?? "")
    .trim()
    .toUpperCase();
  if (!src) throw new RangeError("dedupeKey: the source id is blank");
  if (!no) throw new RangeError("dedupeKey: the contact number is blank");
  const key = `${prefix}-${hash128(src)}-${no}`;
  return key.length <= DEDUPE_KEY_MAX ? key : `${prefix}-${hash128(src)}-#${hash128(no)}`;
}

/** Two independent 53-bit string hashes (cyrb53 with different seeds): 106 bits, hex. */
export function hash128(text: string): string {
  return (
    cyrb53(text, 0x9e3779b9).toString(16).padStart(14, "0") +
    cyrb53(text, 0x85ebca6b).toString(16).padStart(14, "0")
  );
}

function cyrb53(str: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

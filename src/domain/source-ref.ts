// SourceId and WebLink go into SharePoint text columns of at most 255 characters. An Internet Message-ID has no
// length limit (RFC 5322), and a WebLink carries the item's URL-encoded REST id, so either can be longer.
//
// - SourceId: the exact id when it fits (every id that fits is stored and looked up unchanged); otherwise a stable
//   hashed form: the id's first 200 characters, "…#", and hash128 of the whole id (28 hex characters) — 230
//   characters, the same for the same id on every device, so "already logged" look-ups and the outbox agree. The
//   hashed form itself fits, so applying this twice changes nothing. (The DedupeKey is derived from the full id
//   with the same hash, as before: keys of ids that fit are unchanged.)
// - WebLink: kept when it fits, left out when it does not — a shortened link would open nothing.
import { hash128 } from "./dedupe";

export const TEXT_COLUMN_MAX = 255;
const KEPT_PREFIX = 200;

export function storedSourceId(id: string): string {
  if (id.length <= TEXT_COLUMN_MAX) return id;
  let prefix = id.slice(0, KEPT_PREFIX);
  // Never end on half a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(prefix)) prefix = prefix.slice(0, -1);
  return `${prefix}…#${hash128(id)}`;
}

export function storedWebLink(link: string | undefined): string | undefined {
  return link !== undefined && link.length <= TEXT_COLUMN_MAX ? link : undefined;
}

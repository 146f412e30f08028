// Keeping what was said (issue 15): the excerpt that goes into BodyExcerpt, the folder that holds the kept mail in
// Interaction Documents, the user's choice capped by the administrator's, and the size limit checked before
// anything is uploaded. Pure: no Office, no Graph.
import { DEFAULT_CONTENT_LIMIT_BYTES } from "./content-choice";
import { hash128 } from "./dedupe";

export {
  allowedContentChoices,
  CONTENT_CHOICES,
  DEFAULT_CONTENT_LIMIT_BYTES,
  effectiveContentChoice,
  isContentChoice,
  type ContentChoice,
} from "./content-choice";

/** BodyExcerpt holds at most this many characters (contract: ≤ 2,000). */
export const EXCERPT_MAX = 2000;

/**
 * The folder in Interaction Documents for one source item: a hash of its SourceId (never the subject, which can
 * say more than a URL should and changes between replies). Every entry logged from the item shares it.
 */
export function contentFolderName(sourceId: string): string {
  const id = String(sourceId ?? "").trim();
  if (!id) throw new RangeError("contentFolderName: the source id is blank");
  return `item-${hash128(id)}`;
}

// ---------------------------------------------------------------------------------------------- excerpt

const SIGNATURE = /^--\s?$/;
const ORIGINAL_MESSAGE =
  /^\s*-{2,}\s*(original message|oorspronkelijk bericht|forwarded message|doorgestuurd bericht)\s*-{2,}/i;
const UNDERSCORE_RULE = /^\s*_{10,}\s*$/;
const HEADER_FROM = /^\s*\*?(from|van)\s*:\*?\s/i;
const HEADER_SENT = /^\s*\*?(sent|date|verzonden|datum)\s*:\*?\s/i;
/** "On Tue, 3 Mar 2026 at 10:00, Ann <ann@x.com> wrote:" — possibly wrapped over two or three lines. */
const ON_WROTE_START = /^\s*On\s.+/;
const ON_WROTE_END = /\bwrote:\s*$/i;
/** "Op di 3 mrt 2026 om 10:00 schreef Ann <ann@x.com>:" */
const OP_SCHREEF_START = /^\s*Op\s.+/;
const OP_SCHREEF = /\bschreef\b.*:\s*$/i;

/** The attribution line(s) starting at `i` that end with "wrote:" / "schreef …:" within three lines, else 0. */
function attributionLength(lines: string[], i: number): number {
  const first = lines[i]!;
  const english = ON_WROTE_START.test(first);
  const dutch = OP_SCHREEF_START.test(first);
  if (!english && !dutch) return 0;
  let joined = "";
  for (let k = 0; k < 3 && i + k < lines.length; k++) {
    joined = `${joined} ${lines[i + k]!}`.trim();
    if ((english && ON_WROTE_END.test(joined)) || (dutch && OP_SCHREEF.test(joined))) return k + 1;
  }
  return 0;
}

/** Outlook's reply header: "From: …" with "Sent: …" (or Date/Verzonden) within the next four lines. */
function isHeaderBlock(lines: string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i]!)) return false;
  for (let k = 1; k <= 4 && i + k < lines.length; k++) if (HEADER_SENT.test(lines[i + k]!)) return true;
  return false;
}

function nextNonBlank(lines: string[], i: number): number {
  let k = i;
  while (k < lines.length && !lines[k]!.trim()) k++;
  return k;
}

/** Where the quoted history or the signature starts (a line index), or lines.length. */
function historyStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (SIGNATURE.test(line) || ORIGINAL_MESSAGE.test(line)) return i;
    if (attributionLength(lines, i) > 0) return i;
    if (isHeaderBlock(lines, i)) return i;
    if (UNDERSCORE_RULE.test(line)) {
      const k = nextNonBlank(lines, i + 1);
      if (k < lines.length && isHeaderBlock(lines, k)) return i;
    }
  }
  return lines.length;
}

/**
 * The first 2,000 characters of a plain-text body with quoted history ("> " lines, "On … wrote:", "Op … schreef …:",
 * "-----Original Message-----", Outlook's "From: … Sent: …" block) and the signature ("-- ") cut. Blank runs are
 * folded to one empty line; the result is trimmed and never ends on half a surrogate pair.
 */
export function bodyExcerpt(plainText: string, max = EXCERPT_MAX): string {
  const text = String(plainText ?? "")
    .replace(/\r\n?/g, "\n")
    .replace(/\u00a0/g, " ");
  const lines = text.split("\n");
  const kept = lines.slice(0, historyStart(lines)).filter((l) => !/^\s*>/.test(l));
  const joined = kept
    .map((l) => l.replace(/\s+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (joined.length <= max) return joined;
  let cut = joined.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd();
}

// ---------------------------------------------------------------------------------------------- size limit

/** One file of the content to keep: the `.eml`, or the body `.html` and each attachment the user kept. */
export interface ContentPart {
  name: string;
  /** Bytes. */
  size: number;
}

export type ContentSizeCheck =
  | { ok: true; totalBytes: number }
  | { ok: false; totalBytes: number; limitBytes: number; largest: ContentPart; message: string };

export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/**
 * The whole content of one source item against the limit (per item, every part counted). Checked before anything
 * is uploaded: a refusal uploads nothing and says why. Sizes that are not finite non-negative numbers are refused
 * as well (an unknown size cannot be shown to fit).
 */
export function checkContentSize(
  parts: readonly ContentPart[],
  limitBytes = DEFAULT_CONTENT_LIMIT_BYTES,
): ContentSizeCheck {
  let total = 0;
  let largest: ContentPart | undefined;
  for (const p of parts) {
    const size = Number.isFinite(p.size) && p.size >= 0 ? p.size : Number.POSITIVE_INFINITY;
    total += size;
    if (!largest || size > largest.size) largest = { name: p.name, size };
  }
  if (total <= limitBytes) return { ok: true, totalBytes: total };
  const what = Number.isFinite(total) ? formatMegabytes(total) : "of unknown size";
  return {
    ok: false,
    totalBytes: total,
    limitBytes,
    largest: largest!,
    message:
      `The mail's content is ${what}; at most ${formatMegabytes(limitBytes)} per item can be kept. ` +
      `Nothing was uploaded: untick large attachments or keep an excerpt.`,
  };
}

/**
 * A file name SharePoint accepts (attachment names are the sender's): characters it refuses become "_", leading and
 * trailing dots and spaces go, ".." is folded, at most 200 characters keeping the extension; "file" when nothing is
 * left.
 */
export function safeFileName(name: string): string {
  let out = Array.from(String(name ?? ""), (ch) => (ch.charCodeAt(0) < 0x20 ? "_" : ch))
    .join("")
    .replace(/["*:<>?/\\|#%~&{}]/g, "_")
    .replace(/\.{2,}/g, ".")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (out.length > 200) {
    const dot = out.lastIndexOf(".");
    const ext = dot > 0 && out.length - dot <= 16 ? out.slice(dot) : "";
    out = out.slice(0, 200 - ext.length).replace(/[\s.]+$/, "") + ext;
  }
  return out || "file";
}

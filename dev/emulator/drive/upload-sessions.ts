// Resumable uploads (issue 15), as Graph's createUploadSession: the session takes byte ranges in order through an
// upload URL that needs no token (the unguessable session id is the capability); each accepted range answers 202 with
// `nextExpectedRanges`, a range that does not start where the session expects answers 416, and the last byte commits
// the file (201 new / 200 replaced) with the conflict rule chosen when the session was created. Sessions live in
// memory (a restart ends them, as an expiry would); committed files are durable like every other write.
import { randomBytes } from "node:crypto";
import type { Identity } from "../model";
import type { ConflictBehavior } from "./drive-items";

/** Graph: ranges are multiples of 320 KiB (except the last) and under 60 MiB. */
export const RANGE_UNIT = 320 * 1024;
export const MAX_RANGE_BYTES = 60 * 1024 * 1024;
/** The emulator's cap on a whole file (Graph allows far more; the emulator keeps files in memory while uploading). */
export const MAX_FILE_BYTES = 250 * 1024 * 1024;
export const SESSION_LIFETIME_MS = 15 * 60 * 1000;
export const UPLOAD_PREFIX = "/_api/upload/";
export const DOWNLOAD_PREFIX = "/_api/download/";

export interface UploadSession {
  id: string;
  siteId: string;
  listId: string;
  /** Parent folder's list item id, 0 = root. */
  parentId: number;
  name: string;
  behavior: ConflictBehavior;
  /** Declared by the first range's `Content-Range: bytes a-b/total` (or the session's item.fileSize). */
  total?: number;
  chunks: Buffer[];
  received: number;
  expires: number;
  by: Identity;
}

export interface Download {
  siteId: string;
  listId: string;
  itemId: number;
  expires: number;
}

export class DriveSessions {
  private readonly sessions = new Map<string, UploadSession>();
  private readonly downloads = new Map<string, Download>();

  constructor(private readonly now: () => number = Date.now) {}

  create(s: Omit<UploadSession, "id" | "chunks" | "received" | "expires">): UploadSession {
    this.prune();
    const session: UploadSession = {
      ...s,
      id: randomBytes(24).toString("base64url"),
      chunks: [],
      received: 0,
      expires: this.now() + SESSION_LIFETIME_MS,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string): UploadSession | undefined {
    const s = this.sessions.get(id);
    if (s && s.expires < this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return s;
  }

  end(id: string): void {
    this.sessions.delete(id);
  }

  /** A short-lived URL token for one file's bytes (Graph's @microsoft.graph.downloadUrl needs no token either). */
  download(d: Omit<Download, "expires">): string {
    const token = randomBytes(24).toString("base64url");
    this.downloads.set(token, { ...d, expires: this.now() + 60 * 60 * 1000 });
    return token;
  }

  downloadFor(token: string): Download | undefined {
    const d = this.downloads.get(token);
    return d && d.expires >= this.now() ? d : undefined;
  }

  private prune(): void {
    const now = this.now();
    for (const [k, s] of this.sessions) if (s.expires < now) this.sessions.delete(k);
    for (const [k, d] of this.downloads) if (d.expires < now) this.downloads.delete(k);
  }
}

export function nextExpectedRanges(s: UploadSession): string[] {
  return [s.total === undefined ? `${s.received}-` : `${s.received}-${s.total - 1}`];
}

export function sessionStatus(s: UploadSession): Record<string, unknown> {
  return { expirationDateTime: new Date(s.expires).toISOString(), nextExpectedRanges: nextExpectedRanges(s) };
}

/** `bytes 0-327679/6291456` → numbers; undefined when malformed. */
export function parseContentRange(
  value: string | undefined,
): { start: number; end: number; total: number } | undefined {
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec((value ?? "").trim());
  if (!m) return undefined;
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return end >= start && total > end ? { start, end, total } : undefined;
}

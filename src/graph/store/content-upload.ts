// Large files through an upload session (issue 15): byte ranges in multiples of 320 KiB, each PUT to the session's
// uploadUrl WITHOUT the Authorization header (Graph's rule: the URL is the credential, and a token sent to it may be
// refused). A dropped connection or a lost answer is resumed, never restarted: the session is asked for its
// `nextExpectedRanges` and the upload continues from there (a range the server already took is not sent again).
// Every request has a deadline; nothing waits forever.
import { StoreError } from "../../domain/errors";
import { DEFAULT_REQUEST_TIMEOUT_MS } from "../request-deadline";

/** Graph: every range but the last is a multiple of 320 KiB. */
export const RANGE_UNIT = 320 * 1024;
/** 16 × 320 KiB = 5 MiB per range by default. */
export const DEFAULT_RANGE_BYTES = 16 * RANGE_UNIT;
/**
 * At or below this a file goes in one simple PUT (Graph allows up to 4 MB); larger files go through a session,
 * whose ranges get time by their size (a simple PUT has the client's fixed deadline, which a slow link would miss).
 */
export const SIMPLE_UPLOAD_MAX = 1024 * 1024;
/**
 * The slowest upload a range must survive: each range's deadline is the request deadline plus the time its bytes
 * take at this rate (64 KiB/s, about 0.5 Mbit/s): a 5 MiB range gets 110 s, a stalled one still ends.
 */
export const MIN_UPLOAD_BYTES_PER_SECOND = 64 * 1024;

export interface SessionUploadOptions {
  fetch?: typeof fetch;
  /** A multiple of 320 KiB. */
  rangeBytes?: number;
  timeoutMs?: number;
  /** Resumes after dropped connections / 416 before giving up (the failure is then "offline": retried later). */
  maxResumes?: number;
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

export interface UploadedItem {
  id: string;
  name: string;
  size?: number;
  webUrl?: string;
}

/** The upload session is gone (expired, or it completed and its last answer was lost): check the file. */
export const SESSION_GONE = "uploadSessionGone";

export function firstExpected(ranges: unknown): number | undefined {
  const first = Array.isArray(ranges) ? ranges[0] : undefined;
  const m = typeof first === "string" ? /^(\d+)-/.exec(first) : null;
  return m ? Number(m[1]) : undefined;
}

export async function uploadInSession(
  uploadUrl: string,
  bytes: Uint8Array,
  options: SessionUploadOptions = {},
): Promise<UploadedItem> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const range = options.rangeBytes ?? DEFAULT_RANGE_BYTES;
  if (range <= 0 || range % RANGE_UNIT !== 0)
    throw new RangeError(`rangeBytes must be a positive multiple of ${RANGE_UNIT}, got ${range}`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const maxResumes = options.maxResumes ?? 5;
  const total = bytes.length;
  let offset = 0;
  let resumes = 0;

  const call = (init: RequestInit, bodyBytes = 0) => {
    const deadline = AbortSignal.timeout(
      timeoutMs + Math.ceil((bodyBytes / MIN_UPLOAD_BYTES_PER_SECOND) * 1000),
    );
    const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
    // No Authorization header: the upload URL carries its own credential.
    return doFetch(uploadUrl, { ...init, signal });
  };
  const resume = async (why: string): Promise<void> => {
    if (options.signal?.aborted)
      throw new StoreError("unknown", "The upload was stopped", { code: "aborted" });
    if (++resumes > maxResumes)
      throw new StoreError("offline", `The upload did not get through (${why}); it will be tried again`);
    let status: Response;
    try {
      status = await call({ method: "GET" });
    } catch {
      return; // Still unreachable: try the same range again (counted as a resume).
    }
    if (status.status === 404)
      throw new StoreError("notFound", "The upload session is gone", { code: SESSION_GONE });
    if (!status.ok) return;
    const next = firstExpected(
      ((await status.json()) as { nextExpectedRanges?: unknown }).nextExpectedRanges,
    );
    if (next !== undefined) offset = next;
  };

  for (;;) {
    const end = Math.min(offset + range, total);
    let res: Response;
    try {
      res = await call(
        {
          method: "PUT",
          headers: { "Content-Range": `bytes ${offset}-${end - 1}/${total}` },
          body: new Blob([bytes.subarray(offset, end) as BlobPart]),
        },
        end - offset,
      );
    } catch (e) {
      await resume((e as Error).message || "connection lost");
      continue;
    }
    if (res.status === 202) {
      const body = (await res.json()) as { nextExpectedRanges?: unknown };
      offset = firstExpected(body.nextExpectedRanges) ?? end;
      options.onProgress?.(offset, total);
      continue;
    }
    if (res.status === 200 || res.status === 201) {
      options.onProgress?.(total, total);
      return (await res.json()) as UploadedItem;
    }
    if (res.status === 416) {
      await resume("the session expected another range");
      continue;
    }
    if (res.status === 404)
      throw new StoreError("notFound", "The upload session is gone", { code: SESSION_GONE, status: 404 });
    if (res.status === 429 || res.status >= 500) {
      const wait = Math.min(Number(res.headers.get("Retry-After")) || 1, 30);
      await new Promise((r) => setTimeout(r, wait * 1000));
      await resume(`HTTP ${res.status}`);
      continue;
    }
    const text = await res.text().catch(() => "");
    throw new StoreError(
      res.status === 409 ? "duplicate" : "invalid",
      `Uploading failed: HTTP ${res.status} ${text}`,
      {
        status: res.status,
      },
    );
  }
}

// Reads a request's JSON body under a size cap. A declared Content-Length over the cap is refused before a byte is
// read; a streamed body is refused as soon as it passes the cap (what was received is discarded, never parsed).
import type { IncomingMessage } from "node:http";
import { invalidJsonBody, requestTooLarge } from "./errors/graph-error-factory";

/** What Graph accepts for a JSON request, $batch included: 4 MB. */
export const GRAPH_BODY_LIMIT = 4 * 1024 * 1024;
/** The admin endpoints take bulk inserts of many items; they are read only after the admin secret was checked. */
export const ADMIN_BODY_LIMIT = 64 * 1024 * 1024;

/** True when the request announces a body (a length above zero, or a transfer encoding). */
export function hasBody(req: IncomingMessage): boolean {
  const length = Number(req.headers["content-length"] ?? 0);
  return (Number.isFinite(length) && length > 0) || req.headers["transfer-encoding"] !== undefined;
}

/** The raw bytes of a body (file content) under a cap, refused like readJsonBody's when over it. */
export function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(requestTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        chunks.length = 0;
        reject(requestTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

export function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(requestTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        chunks.length = 0;
        reject(requestTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      const text = Buffer.concat(chunks).toString("utf8");
      if (!text.trim()) return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(invalidJsonBody());
      }
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

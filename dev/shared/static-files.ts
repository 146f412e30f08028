// A small static file handler for the local servers: no directory listing, no path escapes.
import { createReadStream, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** Resolves a URL path inside `dir`, or null when it would leave it. */
export function resolveInside(dir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const file = path.resolve(
    dir,
    "." + path.posix.normalize(decoded.endsWith("/") ? decoded + "index.html" : decoded),
  );
  return file === dir || file.startsWith(dir + path.sep) ? file : null;
}

export function serveStatic(dir: string, req: IncomingMessage, res: ServerResponse): void {
  const file = resolveInside(path.resolve(dir), req.url ?? "/");
  let size = -1;
  try {
    if (file) size = statSync(file).isFile() ? statSync(file).size : -1;
  } catch {
    size = -1;
  }
  if (!file || size < 0) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
    return;
  }
  res.writeHead(200, {
    "Content-Type": contentTypeOf(file),
    "Content-Length": size,
    "Cache-Control": "no-cache",
  });
  createReadStream(file).pipe(res);
}

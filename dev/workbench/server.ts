// The local Outlook workbench: an HTTPS server with an Outlook-like page, the built task pane (its office.js tag
// swapped for the Office stand-in) and a same-origin proxy of Graph paths to the emulator, so the pane in
// emulator mode talks to its own origin exactly as it would talk to Graph.
import { readFile, stat } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { ensureDevCerts } from "../shared/certs";
import { contentTypeOf, resolveInside } from "../shared/static-files";
import { pageHtml, PAGE_STYLES } from "./page/page-html";

export interface WorkbenchOptions {
  /** Default WORKBENCH_PORT or 3000; 0 picks a free port. */
  port?: number;
  /** The built pane (taskpane.html and its assets); default <repo>/dist. */
  paneDir?: string;
  /** Graph emulator root, e.g. https://127.0.0.1:4000; default EMULATOR_URL. Without it /v1.0 answers 502. */
  emulatorUrl?: string;
  /**
   * The emulator's admin secret (default EMULATOR_ADMIN_SECRET), for the one admin call the workbench makes: it
   * registers the meetings it saves and sends (POST /workbench/calendar → /_emulator/events), as Exchange files
   * them. A function is read per call (a test may restart the emulator with a new secret).
   */
  emulatorAdminSecret?: string | (() => string | undefined);
  quiet?: boolean;
}

export interface Workbench {
  url: string;
  close(): Promise<void>;
}

export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const STAND_IN_PATH = "/workbench/office-stand-in.js";
/** Where the page registers a meeting it saved or sent (see WorkbenchOptions.emulatorAdminSecret). */
export const CALENDAR_PATH = "/workbench/calendar";
const CALENDAR_BODY_LIMIT = 64 * 1024;
const OFFICE_JS_TAG =
  /<script\b[^>]*\bsrc=["']?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js["']?[^>]*>\s*<\/script>/i;

/** Replaces the pane's office.js tag with the stand-in; throws when the page has none (a broken pane build). */
export function swapOfficeScript(html: string): string {
  if (!OFFICE_JS_TAG.test(html)) {
    throw new Error(
      `taskpane.html has no <script src="${OFFICE_JS_URL}"> tag to replace with the Office stand-in`,
    );
  }
  return html.replace(OFFICE_JS_TAG, `<script src="${STAND_IN_PATH}"></script>`);
}

async function bundle(entry: string): Promise<string> {
  const esbuild = (await import("esbuild")) as typeof import("esbuild");
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    sourcemap: "inline",
    logLevel: "silent",
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`esbuild produced nothing for ${entry}`);
  return out.text;
}

function isGraphPath(pathname: string): boolean {
  return (
    pathname === "/v1.0" ||
    pathname.startsWith("/v1.0/") ||
    pathname === "/$batch" ||
    pathname === "/%24batch" ||
    // Issue 15: the emulator's token-free drive URLs (upload sessions, downloads) it builds on this origin.
    pathname.startsWith("/_api/upload/") ||
    pathname.startsWith("/_api/download/")
  );
}

function graphError(res: http.ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(JSON.stringify({ error: { code, message } }));
}

export async function startWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const port = options.port ?? Number(process.env.WORKBENCH_PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid workbench port: ${String(port)}`);
  const paneDir = path.resolve(options.paneDir ?? path.resolve(__dirname, "..", "..", "dist"));
  const emulatorRaw = options.emulatorUrl ?? process.env.EMULATOR_URL;
  let emulator: URL | undefined;
  if (emulatorRaw) {
    emulator = new URL(emulatorRaw);
    if (emulator.protocol !== "https:")
      throw new Error(`The emulator URL must be https (the Graph client needs it): ${emulatorRaw}`);
  }
  const log = (msg: string): void => {
    if (!options.quiet) process.stdout.write(`[workbench] ${msg}\n`);
  };

  const certs = await ensureDevCerts();
  const [pageJs, standInJs, jsRuntimeJs] = await Promise.all([
    bundle(path.join(__dirname, "page", "main.ts")),
    bundle(path.join(__dirname, "stand-in", "entry.ts")),
    bundle(path.join(__dirname, "stand-in", "js-runtime.ts")),
  ]);
  const assets: Record<string, { type: string; body: string }> = {
    "/": { type: contentTypeOf("index.html"), body: pageHtml() },
    "/workbench/page.js": { type: contentTypeOf("page.js"), body: pageJs },
    "/workbench/page.css": { type: contentTypeOf("page.css"), body: PAGE_STYLES },
    [STAND_IN_PATH]: { type: contentTypeOf("page.js"), body: standInJs },
    // Classic Outlook's JavaScript-only runtime for the send handler: a worker that loads launchevent.js alone.
    "/workbench/js-runtime.js": { type: contentTypeOf("page.js"), body: jsRuntimeJs },
  };

  // The workbench's own origins, known once it listens. Its pages call /v1.0 on their own origin; a browser sends an
  // Origin header with those calls (always for POST/PATCH/DELETE), and another site's page sends its own.
  const ownOrigins = new Set<string>();
  const proxy = (req: http.IncomingMessage, res: http.ServerResponse, url: URL): void => {
    if (!emulator) {
      graphError(res, 502, "EmulatorNotConfigured", "The workbench has no emulator URL (set EMULATOR_URL)");
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins.has(origin)) {
      graphError(res, 403, "accessDenied", `Origin '${origin}' may not call Graph through the workbench`);
      return;
    }
    const headers = { ...req.headers };
    // Checked above: to the emulator this is the workbench's own server-side call, whatever port it listens on.
    delete headers.origin;
    // Keep the browser's Host so the emulator builds @odata.nextLink URLs that point back at this origin.
    headers["x-forwarded-host"] = req.headers.host ?? "";
    headers["x-forwarded-proto"] = "https";
    const upstream = https.request(
      {
        protocol: "https:",
        hostname: emulator.hostname,
        port: emulator.port || 443,
        servername: emulator.hostname === "127.0.0.1" ? undefined : emulator.hostname,
        method: req.method,
        // The normalised path that isGraphPath checked (so "/v1.0/../_emulator/…" cannot reach the admin API).
        path: `${url.pathname}${url.search}`,
        headers,
        ca: certs.ca,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", (e) => {
      if (!res.headersSent)
        graphError(
          res,
          502,
          "EmulatorUnreachable",
          `The Graph emulator at ${emulator!.origin} did not answer: ${e.message}`,
        );
      else res.destroy(e);
    });
    req.pipe(upstream);
  };

  const adminSecret = (): string | undefined => {
    const s = options.emulatorAdminSecret ?? process.env.EMULATOR_ADMIN_SECRET;
    return typeof s === "function" ? s() : s;
  };
  /** The page's own POST (its Origin): forwarded to the emulator's calendar with the admin secret. */
  const registerMeeting = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const origin = req.headers.origin;
    if (req.method !== "POST" || origin === undefined || !ownOrigins.has(origin)) {
      graphError(res, 403, "accessDenied", "Only the workbench page registers meetings");
      return;
    }
    const secret = adminSecret();
    if (!emulator || !secret) {
      graphError(res, 502, "EmulatorNotConfigured", "The workbench has no emulator URL or admin secret");
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > CALENDAR_BODY_LIMIT) req.destroy();
      else chunks.push(c);
    });
    req.on("end", () => {
      const upstream = https.request(
        {
          protocol: "https:",
          hostname: emulator!.hostname,
          port: emulator!.port || 443,
          method: "POST",
          path: "/_emulator/events",
          headers: { "Content-Type": "application/json", "X-Emulator-Secret": secret },
          ca: certs.ca,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, {
            "Content-Type": "application/json",
            "Cache-Control": "no-store",
          });
          up.pipe(res);
        },
      );
      upstream.on("error", (e) => {
        if (!res.headersSent)
          graphError(res, 502, "EmulatorUnreachable", `The Graph emulator did not answer: ${e.message}`);
        else res.destroy(e);
      });
      upstream.end(Buffer.concat(chunks));
    });
  };

  const serveFile = async (pathname: string, res: http.ServerResponse): Promise<void> => {
    const file = resolveInside(paneDir, pathname);
    if (!file) {
      res.writeHead(403).end("Forbidden");
      return;
    }
    const rel = path.relative(paneDir, file);
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error("not a file");
    } catch {
      const hint =
        path.basename(file) === "taskpane.html" ? ` (is the pane built? looked in ${paneDir})` : "";
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${rel}${hint}`);
      return;
    }
    let body: Buffer | string = await readFile(file);
    // The send handler's page (launchevent.html) loads Office.js like the pane: it gets the stand-in too.
    if (path.basename(file) === "taskpane.html" || path.basename(file) === "launchevent.html") {
      try {
        body = swapOfficeScript(body.toString("utf8"));
      } catch (e) {
        res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end((e as Error).message);
        return;
      }
    }
    res.writeHead(200, {
      "Content-Type": contentTypeOf(file),
      "Cache-Control": "no-store",
    });
    res.end(body);
  };

  const server = https.createServer({ key: certs.key, cert: certs.cert }, (req, res) => {
    const url = new URL(req.url ?? "/", "https://localhost");
    if (isGraphPath(url.pathname)) {
      proxy(req, res, url);
      return;
    }
    if (url.pathname === CALENDAR_PATH) {
      registerMeeting(req, res);
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const asset = assets[url.pathname];
    if (asset) {
      res.writeHead(200, { "Content-Type": asset.type, "Cache-Control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : asset.body);
      return;
    }
    serveFile(url.pathname, res).catch((e: unknown) => {
      log(`error serving ${url.pathname}: ${String(e)}`);
      if (!res.headersSent) res.writeHead(500).end("Internal error");
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  const url = `https://localhost:${actual}/`;
  ownOrigins.add(`https://localhost:${actual}`).add(`https://127.0.0.1:${actual}`);
  log(`serving ${paneDir}${emulator ? `, Graph → ${emulator.origin}` : ", no emulator"}`);
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

// The HTTPS server and its request pipeline, in order:
//   context (ids, URL) → CORS / preflight → admin → version → body → count → auth → faults → route → serialize,
// with every error shaped by GraphError on the way out.
import { randomUUID } from "node:crypto";
import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate, type UserRules } from "./auth";
import { DEFAULT_SITE, DEFAULT_THRESHOLD, type EmulatorOptions, type FaultConfig } from "./config";
import type { GraphRequest, GraphResponse } from "./context";
import { GraphError } from "./errors/graph-error";
import {
  internalError,
  invalidRequest,
  methodNotAllowed,
  serviceUnavailable,
  tooManyRequests,
} from "./errors/graph-error-factory";
import { FaultEngine } from "./faults";
import { addSite, handleAdmin } from "./handlers/admin";
import { runBatch } from "./handlers/batch";
import { EmulatorStore, type IEmulatorStore } from "./persistence/emulator-store";
import { route, type RouterDeps } from "./router";
import { pathKind, Stats } from "./stats";

const JSON_TYPE =
  "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
const MAX_BODY = 256 * 1024 * 1024;
const ALLOW_HEADERS =
  "Authorization, Content-Type, Prefer, If-Match, If-None-Match, client-request-id, return-client-request-id, SdkVersion, ConsistencyLevel, Accept";
const EXPOSE_HEADERS = "request-id, client-request-id, Retry-After, ETag, Location, Content-Type";

export interface ServerTls {
  cert: Buffer;
  key: Buffer;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class EmulatorServer {
  readonly store: IEmulatorStore;
  readonly faults: FaultEngine;
  readonly stats = new Stats();
  readonly rules: UserRules;
  private threshold: number;
  private readonly server: https.Server;
  private readonly quiet: boolean;

  constructor(options: EmulatorOptions, tls: ServerTls) {
    this.store = new EmulatorStore(options.dataDir, options.compactAtBytes);
    this.faults = new FaultEngine(options.faults ?? {});
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.rules = {
      readonlyUsers: new Set((options.readonlyUsers ?? []).map((u) => u.toLowerCase())),
      noManageUsers: new Set((options.noManageUsers ?? []).map((u) => u.toLowerCase())),
    };
    this.quiet = options.quiet ?? false;
    for (const spec of options.sites ?? [DEFAULT_SITE]) addSite(this.store, spec);
    this.server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
      this.onRequest(req, res).catch((e: unknown) => {
        this.log(`unhandled: ${(e as Error).stack ?? String(e)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    // Keep-alive sockets must not hold close() open.
    this.server.keepAliveTimeout = 1000;
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        this.server.off("error", reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    this.store.close();
  }

  setFaults(f: FaultConfig): void {
    this.faults.set(f);
  }

  setThreshold(n: number): void {
    this.threshold = n;
  }

  private log(msg: string): void {
    if (!this.quiet) process.stderr.write(`[emulator] ${msg}\n`);
  }

  private deps(): RouterDeps {
    return { store: this.store, rules: this.rules, threshold: () => this.threshold };
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const clientRequestId = headerOf(req, "client-request-id") ?? requestId;
    const origin = `https://${req.headers.host ?? "127.0.0.1"}`;
    const base: Record<string, string> = {
      "request-id": requestId,
      "client-request-id": clientRequestId,
      "Access-Control-Allow-Origin": headerOf(req, "origin") ?? "*",
      "Access-Control-Expose-Headers": EXPOSE_HEADERS,
      Vary: "Origin",
    };
    const send = (r: GraphResponse) => {
      const headers: Record<string, string> = { ...base, ...(r.headers ?? {}) };
      if (r.body === undefined) {
        res.writeHead(r.status, headers).end();
        return;
      }
      headers["Content-Type"] = JSON_TYPE;
      res.writeHead(r.status, headers).end(JSON.stringify(r.body));
    };
    const fail = (e: unknown) => send(this.errorResponse(e, requestId, clientRequestId));

    if (req.method === "OPTIONS") {
      res
        .writeHead(204, {
          ...base,
          "Access-Control-Allow-Methods": "GET, POST, PATCH, PUT, DELETE, OPTIONS",
          "Access-Control-Allow-Headers": headerOf(req, "access-control-request-headers") ?? ALLOW_HEADERS,
          "Access-Control-Max-Age": "600",
        })
        .end();
      return;
    }
    const url = new URL(req.url ?? "/", origin);
    let body: unknown;
    try {
      body = await readJson(req);
    } catch (e) {
      fail(e);
      return;
    }
    if (url.pathname === "/_emulator" || url.pathname.startsWith("/_emulator/")) {
      this.stats.count(req.method ?? "GET", "admin", false);
      try {
        send(
          handleAdmin(req.method ?? "GET", url.pathname, body, {
            store: this.store,
            faults: this.faults,
            stats: this.stats,
            rules: this.rules,
            getThreshold: () => this.threshold,
            setThreshold: (n) => this.setThreshold(n),
          }),
        );
      } catch (e) {
        fail(e);
      }
      return;
    }
    const m = /^\/v1\.0(\/.*)?$/.exec(url.pathname);
    const path = m ? m[1] || "/" : url.pathname;
    const method = (req.method ?? "GET").toUpperCase();
    this.stats.count(method, pathKind(path), false);
    try {
      if (!m) throw invalidRequest(`Invalid version or path '${url.pathname}': the emulator serves /v1.0`);
      const caller = authenticate(headerOf(req, "authorization"));
      const delay = this.faults.slowness(path);
      if (delay > 0) {
        this.stats.fault("slow");
        await sleep(delay);
      }
      const decision = this.faults.decide(path, true);
      if (decision.kind === "status") {
        this.stats.fault(decision.status === 429 ? "429" : "503");
        throw decision.status === 429
          ? tooManyRequests(decision.retryAfter)
          : serviceUnavailable(decision.retryAfter);
      }
      if (decision.kind === "drop" && !decision.afterHandling) {
        this.stats.fault("dropBefore");
        req.socket.destroy();
        return;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === "string") headers[k.toLowerCase()] = v;
      const greq: GraphRequest = {
        method,
        path,
        query: url.searchParams,
        headers,
        body,
        requestId,
        clientRequestId,
        origin,
        caller,
        inBatch: false,
      };
      let out: GraphResponse;
      if (path === "/$batch") {
        if (method !== "POST") throw methodNotAllowed(method, path);
        out = await this.store.group(() =>
          runBatch(
            greq,
            (sub) => this.runPart(sub),
            (e, sub) => this.errorResponse(e, sub.requestId, sub.clientRequestId),
          ),
        );
      } else {
        out = route(greq, this.deps());
      }
      if (decision.kind === "drop") {
        // The lost-answer case: the write above is applied and durable, the client never hears about it.
        this.stats.fault("dropAfter");
        req.socket.destroy();
        return;
      }
      send(out);
    } catch (e) {
      fail(e);
    }
  }

  private async runPart(sub: GraphRequest): Promise<GraphResponse> {
    this.stats.count(sub.method, pathKind(sub.path), true);
    try {
      if (sub.path === "/$batch") throw invalidRequest("A $batch cannot contain another $batch");
      const delay = this.faults.slowness(sub.path);
      if (delay > 0) {
        this.stats.fault("slow");
        await sleep(delay);
      }
      const decision = this.faults.decide(sub.path, false);
      if (decision.kind === "status") {
        this.stats.fault(decision.status === 429 ? "429" : "503");
        throw decision.status === 429
          ? tooManyRequests(decision.retryAfter)
          : serviceUnavailable(decision.retryAfter);
      }
      return route(sub, this.deps());
    } catch (e) {
      return this.errorResponse(e, sub.requestId, sub.clientRequestId);
    }
  }

  private errorResponse(e: unknown, requestId: string, clientRequestId: string): GraphResponse {
    const err = e instanceof GraphError ? e : internalError("The emulator failed to handle the request");
    if (!(e instanceof GraphError)) this.log(`internal error: ${(e as Error).stack ?? String(e)}`);
    return { status: err.status, headers: { ...err.headers }, body: err.toBody(requestId, clientRequestId) };
  }
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new GraphError(413, "requestEntityTooLarge", "The request body is too large");
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRequest("The request body is not valid JSON");
  }
}

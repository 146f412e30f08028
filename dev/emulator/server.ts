// The HTTPS server: the composition root of the emulator. It builds the store (or takes an injected one), the fault
// engine, the CORS policy and the admin secret, runs every request through the pipeline (pipeline.ts) and writes the
// answer. Everything a request goes through, in order, is in pipeline.ts.
import { randomBytes } from "node:crypto";
import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { UserRules } from "./auth";
import {
  DEFAULT_SITE,
  DEFAULT_THRESHOLD,
  validateAdminSecret,
  workbenchOrigins,
  type EmulatorOptions,
  type FaultConfig,
} from "./config";
import type { GraphResponse } from "./context";
import { CorsPolicy } from "./cors";
import { errorResponse } from "./errors/graph-error-factory";
import { FaultEngine } from "./faults";
import { addSite } from "./handlers/admin";
import { EmulatorStore } from "./persistence/emulator-store";
import type { IEmulatorStore } from "./persistence/store-interface";
import {
  DROPPED,
  PIPELINE,
  requestContext,
  runPipeline,
  type PipelineContext,
  type PipelineDeps,
} from "./pipeline";
import { ADMIN_BODY_LIMIT, GRAPH_BODY_LIMIT, hasBody } from "./request-body";
import { Stats } from "./stats";
import { DriveSessions } from "./drive/upload-sessions";
import { Calendar } from "./handlers/events";
import { referencedContent } from "./handlers/drives";
import { DiskContentStore, MemoryContentStore, type ContentStore } from "./persistence/content-store";
import path from "node:path";

const JSON_TYPE =
  "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

export interface ServerTls {
  cert: Buffer;
  key: Buffer;
}

export class EmulatorServer {
  readonly store: IEmulatorStore;
  readonly faults: FaultEngine;
  readonly stats = new Stats();
  readonly rules: UserRules;
  readonly cors: CorsPolicy;
  readonly adminSecret: string;
  readonly content: ContentStore;
  private threshold: number;
  private readonly server: https.Server;
  private readonly deps: PipelineDeps;
  private readonly writeLog: (message: string) => void;

  constructor(options: EmulatorOptions, tls: ServerTls) {
    const quiet = options.quiet ?? false;
    this.writeLog =
      options.log ?? ((msg) => (quiet ? undefined : void process.stderr.write(`[emulator] ${msg}\n`)));
    this.adminSecret =
      options.adminSecret !== undefined
        ? validateAdminSecret(options.adminSecret)
        : randomBytes(24).toString("base64url");
    this.cors = new CorsPolicy(
      options.allowedOrigins ?? workbenchOrigins(Number(process.env.WORKBENCH_PORT) || undefined),
    );
    this.faults = new FaultEngine(options.faults ?? {});
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.rules = {
      readonlyUsers: new Set((options.readonlyUsers ?? []).map((u) => u.toLowerCase())),
      noManageUsers: new Set((options.noManageUsers ?? []).map((u) => u.toLowerCase())),
    };
    this.store =
      options.store ??
      new EmulatorStore({
        ...(options.dataDir ? { dataDir: options.dataDir } : {}),
        ...(options.compactAtBytes !== undefined ? { compactAtBytes: options.compactAtBytes } : {}),
        log: (m) => this.log(m),
      });
    for (const spec of options.sites ?? [DEFAULT_SITE]) addSite(this.store, spec);
    // File bytes beside the journal; bytes a crash left without committed metadata are removed now.
    this.content =
      options.dataDir && !options.store
        ? new DiskContentStore(path.join(options.dataDir, "content"))
        : new MemoryContentStore();
    const swept = this.content.sweep(referencedContent(this.store));
    if (swept) this.log(`content: removed ${swept} file(s) no committed item names`);
    this.deps = {
      steps: options.pipeline ?? PIPELINE,
      store: this.store,
      content: this.content,
      sessions: new DriveSessions(),
      calendar: new Calendar(),
      faults: this.faults,
      stats: this.stats,
      rules: this.rules,
      cors: this.cors,
      adminSecret: this.adminSecret,
      limits: { graphBodyBytes: GRAPH_BODY_LIMIT, adminBodyBytes: ADMIN_BODY_LIMIT },
      threshold: () => this.threshold,
      setThreshold: (n) => this.setThreshold(n),
      log: (m) => this.log(m),
    };
    this.server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
      this.onRequest(req, res).catch((e: unknown) => {
        this.log(`unhandled: ${(e as Error).stack ?? String(e)}`);
        if (res.headersSent) res.destroy();
        else this.write(req, res, undefined, errorResponse(e, "", ""));
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
    this.writeLog(msg);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const ctx = requestContext(req);
    const out = await runPipeline(ctx, this.deps);
    if (out === DROPPED) return;
    this.write(req, res, ctx, out);
  }

  private write(
    req: IncomingMessage,
    res: ServerResponse,
    ctx: PipelineContext | undefined,
    out: GraphResponse,
  ): void {
    const headers: Record<string, string> = { ...(ctx?.responseHeaders ?? {}), ...(out.headers ?? {}) };
    if (!ctx?.bodyConsumed && hasBody(req)) {
      // Answered without reading the body (refused before it, or over the cap): discard what still arrives and
      // close the connection once the answer is out, instead of reading the rest of it.
      headers.Connection = "close";
      req.resume();
    }
    if (out.body === undefined) {
      res.writeHead(out.status, headers).end();
      return;
    }
    if (Buffer.isBuffer(out.body)) {
      headers["Content-Type"] ??= "application/octet-stream";
      res.writeHead(out.status, headers).end(out.body);
      return;
    }
    headers["Content-Type"] = JSON_TYPE;
    res.writeHead(out.status, headers).end(JSON.stringify(out.body));
  }
}

// The emulator's request pipeline, put together here in one explicit order (as Azurite's TableRequestListenerFactory):
//
//   context → cors → admin → version → auth → body → faults → route
//
// A top-level request runs every step. Each $batch part runs the same list again (the route step of the batch calls
// runPipeline for it) with scope "part": the steps that belong to the HTTP exchange (cors, admin) skip it, and the
// others take what a part inherits from its batch (caller, ids, link origin). Authentication comes before the body,
// so nothing unauthenticated is read or parsed. A step lets the request go on (undefined), answers it
// (GraphResponse) or drops the connection (DROPPED); whatever it throws becomes Graph's error wire shape through the
// error factory.
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { authenticate, type Caller, type UserRules } from "./auth";
import type { CorsPolicy } from "./cors";
import type { GraphRequest, GraphResponse } from "./context";
import {
  adminSecretRequired,
  batchBodyWithoutContentType,
  errorResponse,
  internalError,
  invalidRequest,
  invalidVersion,
  methodNotAllowed,
  nestedBatch,
  serviceUnavailable,
  tooManyRequests,
} from "./errors/graph-error-factory";
import type { FaultEngine } from "./faults";
import { handleAdmin } from "./handlers/admin";
import type { Calendar } from "./handlers/events";
import { runBatch, type BatchPart } from "./handlers/batch";
import type { IEmulatorStore } from "./persistence/store-interface";
import {
  DOWNLOAD_PREFIX,
  MAX_FILE_BYTES,
  MAX_RANGE_BYTES,
  UPLOAD_PREFIX,
  type DriveSessions,
} from "./drive/upload-sessions";
import type { ContentStore } from "./persistence/content-store";
import { readJsonBody, readRawBody } from "./request-body";
import { route } from "./router";
import { pathKind, type Stats } from "./stats";

/** Header that carries the admin secret on /_emulator/* (never allowed from a browser page). */
export const ADMIN_SECRET_HEADER = "X-Emulator-Secret";

export type StepName = "context" | "cors" | "admin" | "version" | "auth" | "body" | "faults" | "route";
export type Scope = "request" | "part";
export const DROPPED = Symbol("dropped");
export type StepResult = GraphResponse | typeof DROPPED | undefined;

export interface PipelineStep {
  readonly name: StepName;
  /** "request": top-level HTTP requests only; "both": $batch parts as well. */
  readonly scope: "request" | "both";
  run(ctx: PipelineContext, deps: PipelineDeps): StepResult | Promise<StepResult>;
}

/** One request (or one $batch part) on its way through the pipeline. */
export interface PipelineContext {
  readonly scope: Scope;
  /** The HTTP request; top-level requests only. */
  readonly http?: IncomingMessage;
  /** The $batch a part belongs to, and the part's id in it. */
  readonly parent?: PipelineContext;
  readonly partId?: string;
  readonly method: string;
  /** As received: the request target, or the part's url. */
  readonly target: string;
  /** Header names in lower case. */
  readonly headers: Record<string, string>;
  body: unknown;
  requestId: string;
  clientRequestId: string;
  /** `https://host:port` as the client addressed it, for nextLink and deltaLink. */
  linkOrigin: string;
  url?: URL;
  /** Graph path after the version segment, still percent-encoded. */
  path: string;
  caller?: Caller;
  /** Headers every answer to this request carries (ids, CORS). */
  readonly responseHeaders: Record<string, string>;
  /** Set by the faults step: the connection is destroyed after the route step handled the request. */
  dropAfterHandling: boolean;
  /** Set once the request body was read to its end (the server closes the connection otherwise). */
  bodyConsumed: boolean;
}

export interface PipelineDeps {
  readonly steps: readonly PipelineStep[];
  readonly store: IEmulatorStore;
  /** File bytes of document libraries and the upload/download sessions of their drives (issue 15). */
  readonly content: ContentStore;
  readonly sessions: DriveSessions;
  /** Meetings for GET /me/events (fixture + registered through POST /_emulator/events). */
  readonly calendar: Calendar;
  readonly faults: FaultEngine;
  readonly stats: Stats;
  readonly rules: UserRules;
  readonly cors: CorsPolicy;
  readonly adminSecret: string;
  readonly limits: { readonly graphBodyBytes: number; readonly adminBodyBytes: number };
  threshold(): number;
  setThreshold(n: number): void;
  log(message: string): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw internalError(`The pipeline reached a step without ${what}`);
  return value;
}

/** Drive capability URLs (upload sessions, downloads): outside /v1.0 and without a token, as Graph's. */
export function isCapabilityPath(pathname: string): boolean {
  return pathname.startsWith(UPLOAD_PREFIX) || pathname.startsWith(DOWNLOAD_PREFIX);
}

/** A PUT that carries file bytes: `…/content` or an upload session's range. */
function carriesFile(ctx: PipelineContext): boolean {
  return ctx.method === "PUT" && (ctx.path.startsWith(UPLOAD_PREFIX) || /\/content$/.test(ctx.path));
}

function isAdminPath(pathname: string): boolean {
  return pathname === "/_emulator" || pathname.startsWith("/_emulator/");
}

function secretMatches(sent: string | undefined, secret: string): boolean {
  if (!sent) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(sent), digest(secret));
}

/** context: ids (request-id, client-request-id), the URL, the origin links are built on. */
const contextStep: PipelineStep = {
  name: "context",
  scope: "both",
  run(ctx) {
    if (ctx.parent) {
      ctx.requestId = ctx.parent.requestId;
      ctx.clientRequestId = ctx.headers["client-request-id"] ?? ctx.parent.clientRequestId;
      ctx.linkOrigin = ctx.parent.linkOrigin;
      ctx.url = new URL(ctx.target.startsWith("/") ? ctx.target : `/${ctx.target}`, "https://batch.invalid");
      return undefined;
    }
    ctx.clientRequestId = ctx.headers["client-request-id"] ?? ctx.requestId;
    ctx.responseHeaders["client-request-id"] = ctx.clientRequestId;
    try {
      ctx.linkOrigin = new URL(`https://${ctx.headers.host ?? "127.0.0.1"}`).origin;
    } catch {
      ctx.linkOrigin = "https://127.0.0.1";
    }
    try {
      ctx.url = new URL(ctx.target, ctx.linkOrigin);
    } catch {
      throw invalidRequest(`Malformed request target '${ctx.target}'`);
    }
    return undefined;
  },
};

/** cors: only allowed origins get answers (403 otherwise); preflights get a fixed list, never an echo. */
const corsStep: PipelineStep = {
  name: "cors",
  scope: "request",
  run(ctx, deps) {
    Object.assign(ctx.responseHeaders, deps.cors.headersFor(ctx.headers.origin));
    return ctx.method === "OPTIONS" ? deps.cors.preflight() : undefined;
  },
};

/** admin: /_emulator/* needs the run's secret; only then is its body read (under its own cap) and handled. */
const adminStep: PipelineStep = {
  name: "admin",
  scope: "request",
  async run(ctx, deps) {
    const url = need(ctx.url, "a URL");
    if (!isAdminPath(url.pathname)) return undefined;
    deps.stats.count(ctx.method, "admin", false);
    if (!secretMatches(ctx.headers[ADMIN_SECRET_HEADER.toLowerCase()], deps.adminSecret))
      throw adminSecretRequired(ADMIN_SECRET_HEADER);
    const body = await readJsonBody(need(ctx.http, "an HTTP request"), deps.limits.adminBodyBytes);
    ctx.bodyConsumed = true;
    return handleAdmin(ctx.method, url.pathname, body, {
      store: deps.store,
      faults: deps.faults,
      stats: deps.stats,
      rules: deps.rules,
      getThreshold: () => deps.threshold(),
      setThreshold: (n) => deps.setThreshold(n),
      calendar: deps.calendar,
    });
  },
};

/** version: `/v1.0` on top-level requests (400 otherwise); a part's url may leave it out. Counts the request. */
const versionStep: PipelineStep = {
  name: "version",
  scope: "both",
  run(ctx, deps) {
    const pathname = need(ctx.url, "a URL").pathname;
    if (ctx.scope === "part") {
      ctx.path = pathname.replace(/^\/(v1\.0|beta)(?=\/|$)/, "") || "/";
      deps.stats.count(ctx.method, pathKind(ctx.path), true);
      return undefined;
    }
    if (isCapabilityPath(pathname)) {
      ctx.path = pathname;
      deps.stats.count(ctx.method, pathKind(ctx.path), false);
      return undefined;
    }
    const m = /^\/v1\.0(\/.*)?$/.exec(pathname);
    ctx.path = m ? m[1] || "/" : pathname;
    deps.stats.count(ctx.method, pathKind(ctx.path), false);
    if (!m) throw invalidVersion(pathname);
    return undefined;
  },
};

/** auth: the bearer token of a top-level request; a part acts as its batch's caller. */
const authStep: PipelineStep = {
  name: "auth",
  scope: "both",
  run(ctx) {
    if (ctx.scope === "request" && isCapabilityPath(ctx.path)) {
      // The session id in the URL is the capability; any Authorization header is ignored.
      ctx.caller = { upn: "", email: "", displayName: "" };
      return undefined;
    }
    ctx.caller = ctx.parent
      ? need(ctx.parent.caller, "the batch's caller")
      : authenticate(ctx.headers.authorization);
    return undefined;
  },
};

/** body: a top-level JSON body under Graph's cap; a part's body needs a Content-Type, JSON text is parsed. */
const bodyStep: PipelineStep = {
  name: "body",
  scope: "both",
  async run(ctx, deps) {
    if (ctx.scope === "request" && carriesFile(ctx)) {
      const limit = ctx.path.startsWith(UPLOAD_PREFIX) ? MAX_RANGE_BYTES : MAX_FILE_BYTES;
      ctx.body = await readRawBody(need(ctx.http, "an HTTP request"), limit);
      ctx.bodyConsumed = true;
      return undefined;
    }
    if (ctx.scope === "request") {
      ctx.body = await readJsonBody(need(ctx.http, "an HTTP request"), deps.limits.graphBodyBytes);
      ctx.bodyConsumed = true;
      return undefined;
    }
    if (ctx.body === undefined) return undefined;
    const type = ctx.headers["content-type"];
    if (!type) throw batchBodyWithoutContentType(ctx.partId ?? "");
    if (typeof ctx.body === "string" && /json/i.test(type)) {
      try {
        ctx.body = JSON.parse(ctx.body);
      } catch {
        // A JSON content type over text that is not JSON: the handler sees the text and refuses it.
      }
    }
    return undefined;
  },
};

/** faults: slowness, 429/503 with Retry-After, and dropped connections (never inside $batch). */
const faultsStep: PipelineStep = {
  name: "faults",
  scope: "both",
  async run(ctx, deps) {
    const delay = deps.faults.slowness(ctx.path);
    if (delay > 0) {
      deps.stats.fault("slow");
      await sleep(delay);
    }
    const decision = deps.faults.decide(ctx.path, ctx.scope === "request");
    if (decision.kind === "status") {
      deps.stats.fault(decision.status === 429 ? "429" : "503");
      throw decision.status === 429
        ? tooManyRequests(decision.retryAfter)
        : serviceUnavailable(decision.retryAfter);
    }
    if (decision.kind === "drop") {
      if (decision.afterHandling) {
        ctx.dropAfterHandling = true;
        return undefined;
      }
      deps.stats.fault("dropBefore");
      ctx.http?.socket.destroy();
      return DROPPED;
    }
    return undefined;
  },
};

function graphRequest(ctx: PipelineContext): GraphRequest {
  return {
    method: ctx.method,
    path: ctx.path,
    query: need(ctx.url, "a URL").searchParams,
    headers: ctx.headers,
    body: ctx.body,
    requestId: ctx.requestId,
    clientRequestId: ctx.clientRequestId,
    origin: ctx.linkOrigin,
    caller: need(ctx.caller, "a caller"),
    inBatch: ctx.scope === "part",
  };
}

/** route: the handler for the path; `$batch` runs each part through this same pipeline. */
const routeStep: PipelineStep = {
  name: "route",
  scope: "both",
  async run(ctx, deps) {
    let out: GraphResponse;
    if (ctx.path === "/$batch") {
      if (ctx.scope === "part") throw nestedBatch();
      if (ctx.method !== "POST") throw methodNotAllowed(ctx.method, ctx.path);
      const req = graphRequest(ctx);
      out = await deps.store.group(() => runBatch(req, (part) => runPart(ctx, part, deps)));
    } else {
      out = route(graphRequest(ctx), {
        store: deps.store,
        content: deps.content,
        sessions: deps.sessions,
        calendar: deps.calendar,
        rules: deps.rules,
        threshold: () => deps.threshold(),
      });
    }
    if (ctx.dropAfterHandling) {
      // The lost-answer case: the write above is applied and durable, the client never hears about it.
      deps.stats.fault("dropAfter");
      ctx.http?.socket.destroy();
      return DROPPED;
    }
    return out;
  },
};

/** The steps, in order. */
export const PIPELINE: readonly PipelineStep[] = [
  contextStep,
  corsStep,
  adminStep,
  versionStep,
  authStep,
  bodyStep,
  faultsStep,
  routeStep,
];

/** A top-level request as the pipeline starts with it. */
export function requestContext(req: IncomingMessage): PipelineContext {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === "string") headers[k.toLowerCase()] = v;
    else if (Array.isArray(v) && v[0] !== undefined) headers[k.toLowerCase()] = v[0];
  }
  const requestId = randomUUID();
  return {
    scope: "request",
    http: req,
    method: (req.method ?? "GET").toUpperCase(),
    target: req.url ?? "/",
    headers,
    body: undefined,
    requestId,
    clientRequestId: requestId,
    linkOrigin: "https://127.0.0.1",
    path: "",
    responseHeaders: { "request-id": requestId, "client-request-id": requestId },
    dropAfterHandling: false,
    bodyConsumed: false,
  };
}

function partContext(parent: PipelineContext, part: BatchPart): PipelineContext {
  return {
    scope: "part",
    parent,
    partId: part.id,
    method: part.method,
    target: part.url,
    headers: { ...part.headers },
    body: part.body,
    requestId: parent.requestId,
    clientRequestId: parent.clientRequestId,
    linkOrigin: parent.linkOrigin,
    path: "",
    responseHeaders: {},
    dropAfterHandling: false,
    bodyConsumed: true,
  };
}

async function runPart(parent: PipelineContext, part: BatchPart, deps: PipelineDeps): Promise<GraphResponse> {
  const out = await runPipeline(partContext(parent, part), deps);
  return out === DROPPED
    ? errorResponse(internalError("A $batch part cannot drop"), parent.requestId, "")
    : out;
}

/** Runs the steps that apply to the context's scope until one answers; any throw becomes Graph's error shape. */
export async function runPipeline(
  ctx: PipelineContext,
  deps: PipelineDeps,
): Promise<GraphResponse | typeof DROPPED> {
  try {
    for (const step of deps.steps) {
      if (step.scope === "request" && ctx.scope === "part") continue;
      const out = await step.run(ctx, deps);
      if (out !== undefined) return out;
    }
    throw internalError("No step of the pipeline answered the request");
  } catch (e) {
    return errorResponse(e, ctx.requestId, ctx.clientRequestId, (err) =>
      deps.log(`internal error: ${(err as Error).stack ?? String(err)}`),
    );
  }
}

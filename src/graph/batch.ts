// JSON $batch: requests are split into chunks of at most 20 (BatchRequestContent validates ids and dependsOn),
// answers are parsed by BatchResponseContent, and throttled sub-requests are re-sent here, because the SDK's
// RetryHandler sees only the outer 200 of a $batch and never retries what is inside it.
import { BatchRequestContent, BatchResponseContent, type Client } from "@microsoft/microsoft-graph-client";
import { GRAPH_VERSION } from "./client";
import { isNetworkError, MalformedResponseError } from "./errors";

export const BATCH_LIMIT = 20;
const RETRYABLE = new Set([429, 503, 504]);

export interface BatchStep {
  /** Unique within one executeBatch call. */
  id: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Relative to the Graph version, e.g. "/sites/{id}/lists/{id}/items?$top=1". */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Ids of steps that must succeed first; they are kept in the same chunk. */
  dependsOn?: string[];
  /**
   * Display name of the list whose items collection this step addresses by title (not sent): a 404 answer then
   * means the list (or the site) is missing, not an item.
   */
  list?: string;
}

export interface StepResult {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface BatchOptions {
  /** Re-sends of throttled sub-requests (429/503/504); bounded. */
  maxRetries?: number;
  /** Upper bound for one wait, in seconds, whatever Retry-After says. */
  maxDelaySeconds?: number;
  /** Wait when a throttled answer carries no Retry-After, in seconds (doubles each round). */
  defaultDelaySeconds?: number;
  /**
   * Re-sends of a whole chunk whose answer was lost (connection dropped). Only safe when every write in it is
   * idempotent, e.g. creates protected by a unique DedupeKey; 0 by default.
   */
  networkRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Groups steps into chunks of at most `limit`, keeping every step with the steps it depends on. */
export function chunkSteps(steps: readonly BatchStep[], limit = BATCH_LIMIT): BatchStep[][] {
  const ids = new Set<string>();
  for (const s of steps) {
    if (ids.has(s.id)) throw new TypeError(`Duplicate batch step id "${s.id}"`);
    ids.add(s.id);
  }
  // Union-find over dependsOn so that a dependency chain is never cut between two $batch requests.
  const parent = new Map(steps.map((s) => [s.id, s.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  for (const s of steps)
    for (const d of s.dependsOn ?? []) {
      if (!ids.has(d)) throw new TypeError(`Batch step "${s.id}" depends on unknown step "${d}"`);
      parent.set(find(s.id), find(d));
    }
  const groups = new Map<string, BatchStep[]>();
  for (const s of steps) {
    const root = find(s.id);
    const g = groups.get(root) ?? [];
    g.push(s);
    groups.set(root, g);
  }
  const chunks: BatchStep[][] = [];
  let current: BatchStep[] = [];
  for (const g of groups.values()) {
    if (g.length > limit)
      throw new RangeError(`A dependency group of ${g.length} steps exceeds the $batch limit of ${limit}`);
    if (current.length + g.length > limit) {
      chunks.push(current);
      current = [];
    }
    current.push(...g);
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/** Seconds to wait for one throttled answer: Retry-After as seconds or HTTP date, else the default. */
export function retryAfterSeconds(headers: Record<string, string>, fallback: number): number {
  const raw = Object.entries(headers).find(([k]) => k.toLowerCase() === "retry-after")?.[1];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (Number.isFinite(n)) return Math.max(0, n);
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, (at - Date.now()) / 1000) : fallback;
}

export class BatchExecutor {
  constructor(
    private readonly client: Client,
    /** Normalised Graph root (no version): used to build absolute sub-request URLs for the SDK's Request objects. */
    private readonly baseUrl: string,
    private readonly defaults: BatchOptions = {},
  ) {}

  /** Runs every step, in as few $batch requests as the limit allows; answers keyed by step id. */
  async execute(steps: readonly BatchStep[], options: BatchOptions = {}): Promise<Map<string, StepResult>> {
    const o = { ...this.defaults, ...options };
    const results = new Map<string, StepResult>();
    for (const chunk of chunkSteps(steps)) {
      await this.runChunk(chunk, o, results);
    }
    return results;
  }

  private async runChunk(
    chunk: BatchStep[],
    o: BatchOptions,
    results: Map<string, StepResult>,
  ): Promise<void> {
    const maxRetries = Math.min(o.maxRetries ?? 5, 10);
    const maxDelay = o.maxDelaySeconds ?? 60;
    const sleep = o.sleep ?? defaultSleep;
    let pending = chunk;
    let fallback = o.defaultDelaySeconds ?? 1;
    for (let attempt = 0; ; attempt++) {
      const answers = await this.postWithNetworkRetry(pending, o);
      for (const a of answers.values()) results.set(a.id, a);
      // Stryker disable next-line OptionalChaining: equivalent, post() throws unless every pending step has an answer, so results.get(s.id) is always defined here
      const throttled = pending.filter((s) => RETRYABLE.has(results.get(s.id)?.status ?? 0));
      if (throttled.length === 0 || attempt >= maxRetries) return;
      // A step refused with 424 because its dependency was throttled is re-sent with it.
      const retryIds = new Set(throttled.map((s) => s.id));
      let grew = true;
      while (grew) {
        grew = false;
        for (const s of pending)
          if (
            !retryIds.has(s.id) &&
            // Stryker disable next-line OptionalChaining: equivalent, every pending step has an answer (post() checks), so results.get(s.id) is defined
            results.get(s.id)?.status === 424 &&
            s.dependsOn?.some((d) => retryIds.has(d))
          ) {
            retryIds.add(s.id);
            // Stryker disable next-line BooleanLiteral: equivalent, BatchRequestContent accepts only dependency shapes (none, a chain in step order, every dependant on one step) in which one pass in order finds every dependant; the loop guards against other shapes
            grew = true;
          }
      }
      const wait = Math.max(...throttled.map((s) => retryAfterSeconds(results.get(s.id)!.headers, fallback)));
      await sleep(Math.min(wait, maxDelay) * 1000);
      fallback *= 2;
      pending = pending
        .filter((s) => retryIds.has(s.id))
        .map((s) => ({
          ...s,
          ...(s.dependsOn ? { dependsOn: s.dependsOn.filter((d) => retryIds.has(d)) } : {}),
        }));
    }
  }

  private async postWithNetworkRetry(steps: BatchStep[], o: BatchOptions): Promise<Map<string, StepResult>> {
    const retries = o.networkRetries ?? 0;
    const sleep = o.sleep ?? defaultSleep;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.post(steps);
      } catch (e) {
        if (attempt >= retries || !isNetworkError(e)) throw e;
        await sleep(250 * 2 ** attempt);
      }
    }
  }

  private async post(steps: BatchStep[]): Promise<Map<string, StepResult>> {
    const content = new BatchRequestContent(
      steps.map((s) => ({
        id: s.id,
        request: new Request(`${this.baseUrl}/${GRAPH_VERSION}${s.url.startsWith("/") ? "" : "/"}${s.url}`, {
          method: s.method,
          headers: { ...(s.body !== undefined ? { "Content-Type": "application/json" } : {}), ...s.headers },
          ...(s.body !== undefined ? { body: JSON.stringify(s.body) } : {}),
        }),
        ...(s.dependsOn?.length ? { dependsOn: [...s.dependsOn] } : {}),
      })),
    );
    const payload = await content.getContent();
    // BatchRequestContent keeps the version segment; $batch URLs are relative to the version.
    const versionPrefix = `/${GRAPH_VERSION}/`;
    for (const r of payload.requests)
      if (r.url.startsWith(versionPrefix)) r.url = r.url.slice(versionPrefix.length - 1);
    const raw = (await this.client.api("/$batch").post(payload)) as { responses?: RawStep[] };
    if (!raw || !Array.isArray(raw.responses))
      throw new MalformedResponseError("The $batch answer has no responses array");
    const parsed = new BatchResponseContent({ responses: raw.responses.map(normalizeRawStep) });
    const out = new Map<string, StepResult>();
    for (const [id, response] of parsed.getResponses()) {
      const text = await response.text();
      let body: unknown = undefined;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((v, k) => (headers[k] = v));
      out.set(id, { id, status: response.status, headers, body });
    }
    for (const s of steps)
      if (!out.has(s.id))
        throw new MalformedResponseError(`The $batch answer has no response for step "${s.id}"`);
    return out;
  }
}

interface RawStep {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * BatchResponseContent re-serialises a body only when its header is spelled "Content-Type", and a Response for
 * 204/304 may carry no body at all: make each raw answer fit those two rules before the SDK parses it.
 */
function normalizeRawStep(r: RawStep): RawStep {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers ?? {}))
    headers[k.toLowerCase() === "content-type" ? "Content-Type" : k] = v;
  const noBody = r.status === 204 || r.status === 304 || r.body === undefined || r.body === null;
  if (!noBody && typeof r.body === "object" && !headers["Content-Type"])
    headers["Content-Type"] = "application/json";
  const { body: _omit, ...rest } = r;
  return noBody ? { ...rest, headers } : { ...rest, headers, body: r.body };
}

/** A step's error as Graph reports it inside a sub-response. */
export function stepError(r: StepResult): {
  status: number;
  code?: string;
  message?: string;
  requestId?: string;
} {
  const err = (
    r.body as { error?: { code?: string; message?: string; innerError?: Record<string, string> } } | undefined
  )?.error;
  return {
    status: r.status,
    code: err?.code,
    message: err?.message,
    requestId: err?.innerError?.["request-id"] ?? r.headers["request-id"],
  };
}

export function isSuccess(r: StepResult | undefined): boolean {
  return !!r && r.status >= 200 && r.status < 300;
}

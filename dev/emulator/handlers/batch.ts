// JSON $batch: validates the envelope as Graph does (at most 20 requests, unique ids, known and acyclic dependsOn),
// runs the parts in dependency order, each through the pipeline (runPart: the same steps as a top-level request), and
// answers 424 for dependents of failures.
import type { GraphRequest, GraphResponse } from "../context";
import { json } from "../context";
import { errorResponse, failedDependency, invalidRequest } from "../errors/graph-error-factory";

export const BATCH_LIMIT = 20;

export interface BatchPart {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

export interface BatchResponsePart {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Runs one part through the pipeline (auth, body, faults, routing and error shaping included). */
export type RunPart = (part: BatchPart) => Promise<GraphResponse>;

function parseParts(body: unknown): BatchPart[] {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests))
    throw invalidRequest("Invalid batch payload format: 'requests' must be an array.");
  if (requests.length === 0) throw invalidRequest("Invalid batch payload format: 'requests' is empty.");
  if (requests.length > BATCH_LIMIT)
    throw invalidRequest(
      `Invalid batch payload format: the number of requests exceeds the limit of ${BATCH_LIMIT}.`,
    );
  const ids = new Set<string>();
  const parts = requests.map((r: unknown, i): BatchPart => {
    if (typeof r !== "object" || r === null)
      throw invalidRequest(`Request ${i} of the batch is not an object`);
    const o = r as Record<string, unknown>;
    const id = o.id;
    if (typeof id !== "string" || !id) throw invalidRequest(`Request ${i} of the batch has no id`);
    if (ids.has(id))
      throw invalidRequest(`Invalid batch payload format: request id '${id}' is used more than once.`);
    ids.add(id);
    if (typeof o.method !== "string" || !o.method)
      throw invalidRequest(`Request '${id}' of the batch has no method`);
    if (typeof o.url !== "string" || !o.url) throw invalidRequest(`Request '${id}' of the batch has no url`);
    const headers: Record<string, string> = {};
    if (o.headers !== undefined) {
      if (typeof o.headers !== "object" || o.headers === null)
        throw invalidRequest(`Headers of request '${id}' must be an object`);
      for (const [k, v] of Object.entries(o.headers)) headers[k.toLowerCase()] = String(v);
    }
    const dependsOn = o.dependsOn === undefined ? [] : o.dependsOn;
    if (!Array.isArray(dependsOn) || !dependsOn.every((d) => typeof d === "string")) {
      throw invalidRequest(`dependsOn of request '${id}' must be an array of ids`);
    }
    return {
      id,
      method: o.method.toUpperCase(),
      url: o.url,
      headers,
      ...(o.body !== undefined ? { body: o.body } : {}),
      dependsOn: dependsOn as string[],
    };
  });
  for (const p of parts) {
    for (const d of p.dependsOn) {
      if (!ids.has(d)) throw invalidRequest(`Request '${p.id}' depends on unknown request id '${d}'.`);
      if (d === p.id) throw invalidRequest(`Request '${p.id}' depends on itself.`);
    }
  }
  // Refuse cycles before running anything.
  const state = new Map<string, number>();
  const byId = new Map(parts.map((p) => [p.id, p]));
  const visit = (id: string): void => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) throw invalidRequest(`The dependsOn chain of request '${id}' is circular.`);
    state.set(id, 1);
    for (const d of byId.get(id)!.dependsOn) visit(d);
    state.set(id, 2);
  };
  for (const p of parts) visit(p.id);
  return parts;
}

export async function runBatch(req: GraphRequest, runPart: RunPart): Promise<GraphResponse> {
  const parts = parseParts(req.body);
  const results = new Map<string, BatchResponsePart>();
  const order: string[] = [];
  const pending = [...parts];
  while (pending.length > 0) {
    const idx = pending.findIndex((p) => p.dependsOn.every((d) => results.has(d)));
    const part = pending.splice(idx, 1)[0]!;
    const failedDep = part.dependsOn.some((d) => (results.get(d)?.status ?? 500) >= 400);
    const res = failedDep
      ? errorResponse(
          failedDependency(),
          req.requestId,
          part.headers["client-request-id"] ?? req.clientRequestId,
        )
      : await runPart(part);
    const headers: Record<string, string> = { ...(res.headers ?? {}) };
    const out: BatchResponsePart = { id: part.id, status: res.status, headers };
    if (res.body !== undefined) {
      // BatchResponseContent parses a body only when this exact header name is present.
      headers["Content-Type"] = "application/json";
      out.body = res.body;
    }
    results.set(part.id, out);
    order.push(part.id);
  }
  return json(200, { responses: order.map((id) => results.get(id)!) });
}

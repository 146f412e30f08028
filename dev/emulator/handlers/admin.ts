// Admin endpoints under /_emulator/ (never under /v1.0; the pipeline's admin step has checked the run's admin secret
// before this sees the body): faults, config, sites, bulk insert, stats, calendar events.
import { type EmulatorOptions, type FaultConfig, parseSiteSpec, validateFaults } from "../config";
import { type GraphResponse, json } from "../context";
import {
  invalidRequest,
  itemNotFound,
  methodNotAllowed,
  nameAlreadyExists,
} from "../errors/graph-error-factory";
import { keyOf } from "../field-values";
import { SYSTEM_IDENTITY, type ItemRecord } from "../model";
import type { IEmulatorStore } from "../persistence/store-interface";
import { siteRecordFor, siteJson } from "../site-ids";
import type { Stats } from "../stats";
import type { FaultEngine } from "../faults";
import type { UserRules } from "../auth";
import { ADMIN_EVENTS_PATH, type Calendar } from "./events";
import { buildNewItem } from "./items";
import { listOrThrow, siteOrThrow } from "./lists";

export interface AdminDeps {
  store: IEmulatorStore;
  faults: FaultEngine;
  stats: Stats;
  rules: UserRules;
  getThreshold(): number;
  setThreshold(n: number): void;
  /** The meetings GET /me/events knows: the workbench registers the ones it saves and sends. */
  calendar: Calendar;
}

export const BULK_LIMIT = 1_000_000;

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw invalidRequest("The request body must be a JSON object");
  return body as Record<string, unknown>;
}

function users(v: unknown, name: string): Set<string> {
  if (!Array.isArray(v) || !v.every((u) => typeof u === "string"))
    throw invalidRequest(`${name} must be an array of user names`);
  return new Set((v as string[]).map((u) => u.trim().toLowerCase()).filter(Boolean));
}

export function addSite(store: IEmulatorStore, spec: string): ReturnType<typeof siteRecordFor> {
  const { hostname, path } = parseSiteSpec(spec);
  const existing = store.siteByPath(hostname, path);
  if (existing) return existing;
  const site = siteRecordFor(hostname, path);
  store.commit([{ t: "site", site }]);
  return site;
}

export function handleAdmin(method: string, path: string, body: unknown, deps: AdminDeps): GraphResponse {
  const { store } = deps;
  const sub = path.slice("/_emulator".length) || "/";
  if (sub === "/faults") {
    if (method === "GET") return json(200, deps.faults.get());
    if (method !== "PUT") throw methodNotAllowed(method, path);
    let f: FaultConfig;
    try {
      f = validateFaults(body);
    } catch (e) {
      throw invalidRequest((e as Error).message);
    }
    deps.faults.set(f);
    return json(200, deps.faults.get());
  }
  if (sub === "/config") {
    const view = () => ({
      threshold: deps.getThreshold(),
      readonlyUsers: [...deps.rules.readonlyUsers],
      noManageUsers: [...deps.rules.noManageUsers],
    });
    if (method === "GET") return json(200, view());
    if (method !== "PUT") throw methodNotAllowed(method, path);
    const b = asObject(body);
    for (const k of Object.keys(b))
      if (!["threshold", "readonlyUsers", "noManageUsers"].includes(k))
        throw invalidRequest(`unknown config setting "${k}"`);
    if (b.threshold !== undefined) {
      if (typeof b.threshold !== "number" || !Number.isInteger(b.threshold) || b.threshold < 0)
        throw invalidRequest("threshold must be a non-negative integer");
    }
    const ro = b.readonlyUsers !== undefined ? users(b.readonlyUsers, "readonlyUsers") : undefined;
    const nm = b.noManageUsers !== undefined ? users(b.noManageUsers, "noManageUsers") : undefined;
    if (typeof b.threshold === "number") deps.setThreshold(b.threshold);
    if (ro) {
      deps.rules.readonlyUsers.clear();
      for (const u of ro) deps.rules.readonlyUsers.add(u);
    }
    if (nm) {
      deps.rules.noManageUsers.clear();
      for (const u of nm) deps.rules.noManageUsers.add(u);
    }
    return json(200, view());
  }
  if (sub === "/sites") {
    if (method === "GET") return json(200, { value: store.sites().map(siteJson) });
    if (method !== "POST") throw methodNotAllowed(method, path);
    const b = asObject(body);
    const spec =
      typeof b.url === "string"
        ? b.url
        : typeof b.hostname === "string"
          ? `${b.hostname}/${typeof b.path === "string" ? b.path : ""}`
          : undefined;
    if (!spec)
      throw invalidRequest(
        'Send {"hostname":"contoso.sharepoint.com","path":"/sites/x"} or {"url":"https://..."}',
      );
    let site;
    try {
      site = addSite(store, spec);
    } catch (e) {
      throw invalidRequest((e as Error).message);
    }
    return json(201, siteJson(site));
  }
  if (sub === "/stats") {
    if (method !== "GET") throw methodNotAllowed(method, path);
    return json(200, { ...deps.stats.snapshot(), journal: store.journalStats() ?? null });
  }
  if (sub === "/reset-stats") {
    if (method !== "POST") throw methodNotAllowed(method, path);
    deps.stats.reset();
    return { status: 204 };
  }
  if (sub === "/health") return json(200, { ok: true });
  if (sub === ADMIN_EVENTS_PATH) {
    if (method !== "POST") throw methodNotAllowed(method, path);
    return deps.calendar.register(body);
  }
  const bulk = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/bulk$/.exec(sub);
  if (bulk) {
    if (method !== "POST") throw methodNotAllowed(method, path);
    const site = siteOrThrow(store, decodeURIComponent(bulk[1]!));
    const list = listOrThrow(store, site, decodeURIComponent(bulk[2]!));
    return bulkInsert(store, list, asObject(body));
  }
  throw itemNotFound(`Unknown admin endpoint ${path}`);
}

/**
 * Inserts many items as one journal record: `{items:[{fields}...]}` or `{count, fields}` where "{i}" in a string
 * value is replaced by the item's 0-based number. Every value is validated as for POST items.
 */
function bulkInsert(
  store: IEmulatorStore,
  list: ReturnType<typeof listOrThrow>,
  b: Record<string, unknown>,
): GraphResponse {
  let sources: unknown[];
  if (Array.isArray(b.items))
    sources = b.items.map((it) =>
      typeof it === "object" && it !== null && "fields" in it ? (it as { fields: unknown }).fields : it,
    );
  else if (typeof b.count === "number" && Number.isInteger(b.count) && b.count > 0) {
    const template = asObject(b.fields ?? {});
    sources = Array.from({ length: b.count }, (_, i) => {
      const f: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(template))
        f[k] = typeof v === "string" ? v.replaceAll("{i}", String(i)) : v;
      return f;
    });
  } else throw invalidRequest('Send {"items":[{...fields}]} or {"count":N,"fields":{...}}');
  if (sources.length > BULK_LIMIT) throw invalidRequest(`At most ${BULK_LIMIT} items per bulk insert`);
  const uniques = [...list.columns.values()].filter((c) => c.enforceUniqueValues);
  const seen = new Map(uniques.map((c) => [c.name, new Set<unknown>()]));
  const items: ItemRecord[] = [];
  let nextId = list.nextId;
  let seq = list.changeSeq;
  for (const src of sources) {
    const item = buildNewItem(list, src, SYSTEM_IDENTITY, nextId++, ++seq);
    for (const c of uniques) {
      const k = keyOf(c, item.fields[c.name] ?? null);
      if (k === null) continue;
      if (seen.get(c.name)!.has(k))
        throw nameAlreadyExists(`Bulk insert repeats the value '${String(k)}' of unique field '${c.name}'`);
      seen.get(c.name)!.add(k);
    }
    items.push(item);
  }
  const t0 = performance.now();
  store.commit([{ t: "putMany", listId: list.meta.id, items }]);
  return json(201, {
    inserted: items.length,
    firstId: String(items[0]?.id ?? ""),
    lastId: String(items[items.length - 1]?.id ?? ""),
    commitMs: Math.round(performance.now() - t0),
  });
}

export type { EmulatorOptions };

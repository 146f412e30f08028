// List items: query (filter/orderby/top/paging under SharePoint's index rules), read, create, update, delete, delta.
import { randomUUID } from "node:crypto";
import { type GraphRequest, type GraphResponse, json, preferValues } from "../context";
import {
  HONOR_NON_INDEXED,
  invalidRequest,
  itemNotFound,
  nameAlreadyExists,
  resourceModified,
} from "../errors/graph-error-factory";
import { coerceFieldValue, fieldValue, type Key, keyOf, toIsoSeconds } from "../field-values";
import type { ColumnDef, FieldValue, ItemRecord, SiteRecord } from "../model";
import type { IEmulatorStore, ListView } from "../persistence/store-interface";
import { runItemQuery } from "../odata/item-query";
import { parseQueryOptions } from "../odata/query-options";
import { listWebUrl } from "./lists";

export const DEFAULT_PAGE = 200;
const ITEM_PROPS = new Set([
  "id",
  "createdDateTime",
  "lastModifiedDateTime",
  "eTag",
  "webUrl",
  "createdBy",
  "lastModifiedBy",
  "parentReference",
  "contentType",
  "fields",
  "sharepointIds",
]);

export function eTagOf(item: ItemRecord): string {
  return `"${item.guid},${item.version}"`;
}

/** The `fields` object; `select` undefined = every field with a value. */
export function fieldsJson(list: ListView, item: ItemRecord, select?: string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    "@odata.etag": eTagOf(item),
    id: String(item.id),
    ContentType: "Item",
  };
  if (item.fields.Title !== undefined && item.fields.Title !== null) all.Title = item.fields.Title;
  for (const col of list.columns.values()) {
    if (col.builtIn) continue;
    const v = item.fields[col.name];
    if (v !== undefined && v !== null) all[col.name] = v;
  }
  Object.assign(all, {
    Modified: item.modified,
    Created: item.created,
    AuthorLookupId: "1",
    EditorLookupId: "1",
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
    Edit: "",
    LinkTitleNoMenu: item.fields.Title ?? "",
    LinkTitle: item.fields.Title ?? "",
    ItemChildCount: "0",
    FolderChildCount: "0",
  });
  if (!select || select.length === 0) return all;
  const out: Record<string, unknown> = { "@odata.etag": all["@odata.etag"] };
  for (const name of select) {
    const field = name === "ID" ? "id" : name;
    if (field !== "id" && !list.columns.has(field) && !(field in all))
      throw invalidRequest(`Field '${name}' is not recognized`);
    if (all[field] !== undefined) out[field] = all[field];
  }
  return out;
}

export function itemJson(
  site: SiteRecord,
  list: ListView,
  item: ItemRecord,
  expandFields?: string[],
  select?: string[],
): Record<string, unknown> {
  const full: Record<string, unknown> = {
    "@odata.etag": eTagOf(item),
    createdDateTime: item.created,
    eTag: eTagOf(item),
    id: String(item.id),
    lastModifiedDateTime: item.modified,
    webUrl: `${listWebUrl(site, list)}/DispForm.aspx?ID=${item.id}`,
    createdBy: { user: { email: item.createdBy.email, displayName: item.createdBy.displayName } },
    lastModifiedBy: { user: { email: item.modifiedBy.email, displayName: item.modifiedBy.displayName } },
    parentReference: { id: list.meta.id, siteId: site.id },
    contentType: { id: "0x0100", name: "Item" },
  };
  let out = full;
  if (select && select.length > 0) {
    out = { "@odata.etag": full["@odata.etag"] };
    for (const p of select) {
      if (!ITEM_PROPS.has(p))
        throw invalidRequest(
          `Parsing OData Select and Expand failed: Could not find a property named '${p}' on type 'microsoft.graph.listItem'`,
        );
      if (p in full) out[p] = full[p];
      if (p === "sharepointIds") out.sharepointIds = { listId: list.meta.id, listItemId: String(item.id) };
    }
  }
  if (expandFields !== undefined) out.fields = fieldsJson(list, item, expandFields);
  return out;
}

function pageSize(req: GraphRequest, top: number | undefined): number {
  if (top !== undefined) return top;
  const m = /odata\.maxpagesize=(\d+)/.exec(req.headers["prefer"] ?? "");
  return m ? Math.min(Math.max(Number(m[1]), 1), 999) : DEFAULT_PAGE;
}

function linkWith(req: GraphRequest, set: Record<string, string>, drop: string[] = []): string {
  const params = new URLSearchParams(req.query);
  for (const k of drop) params.delete(k);
  for (const [k, v] of Object.entries(set)) params.set(k, v);
  // Graph keeps the `$` of system query options readable in nextLink and deltaLink.
  const query = [...params]
    .map(([k, v]) => `${encodeURIComponent(k).replace(/^%24/, "$")}=${encodeURIComponent(v)}`)
    .join("&");
  return `${req.origin}/v1.0${req.path}?${query}`;
}

export function queryItems(
  req: GraphRequest,
  site: SiteRecord,
  list: ListView,
  threshold: number,
): GraphResponse {
  const q = parseQueryOptions(req.query);
  const page = runItemQuery(list, {
    ...(q.filter !== undefined ? { filter: q.filter } : {}),
    orderby: q.orderby,
    top: pageSize(req, q.top),
    ...(q.skiptoken !== undefined ? { skiptoken: q.skiptoken } : {}),
    honorNonIndexed: preferValues(req.headers).has(HONOR_NON_INDEXED),
    threshold,
  });
  const body: Record<string, unknown> = {
    "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#sites('${site.id}')/lists('${list.meta.id}')/items`,
    value: page.items.map((item) => itemJson(site, list, item, q.expandFields, q.select)),
  };
  if (page.nextSkiptoken)
    body["@odata.nextLink"] = linkWith(req, { $skiptoken: page.nextSkiptoken }, ["skiptoken"]);
  return json(200, body);
}

export function itemOrThrow(list: ListView, rawId: string): ItemRecord {
  const id = /^\d+$/.test(rawId) ? Number(rawId) : NaN;
  const item = list.items.get(id);
  if (!item) throw itemNotFound("The specified list item was not found");
  return item;
}

export function getItem(
  req: GraphRequest,
  site: SiteRecord,
  list: ListView,
  item: ItemRecord,
): GraphResponse {
  const q = parseQueryOptions(req.query);
  return json(200, itemJson(site, list, item, q.expandFields, q.select), { ETag: eTagOf(item) });
}

export function getFields(req: GraphRequest, list: ListView, item: ItemRecord): GraphResponse {
  const q = parseQueryOptions(req.query);
  return json(200, fieldsJson(list, item, q.select), { ETag: eTagOf(item) });
}

/** Validates sent fields against the columns; unknown or read-only fields are refused by name. */
function resolveFields(list: ListView, sent: unknown): Record<string, FieldValue> {
  if (typeof sent !== "object" || sent === null || Array.isArray(sent))
    throw invalidRequest("fields must be a JSON object");
  const out: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(sent as Record<string, unknown>)) {
    if (name.startsWith("@odata.")) continue;
    const col = list.columns.get(name);
    if (!col) throw invalidRequest(`Field '${name}' is not recognized`);
    if (col.readOnly) throw invalidRequest(`Field '${name}' is read-only`);
    out[name] = coerceFieldValue(col, value);
  }
  return out;
}

/** True when another item than `selfId` holds `key` in the unique column `col` (through its index when it has one). */
function conflictsWith(list: ListView, col: ColumnDef, key: Key, selfId: number | undefined): boolean {
  if (key === null) return false;
  const idx = list.indexes.get(col.name);
  if (idx) {
    for (const id of idx.map.get(key) ?? []) if (id !== selfId) return true;
    return false;
  }
  for (const item of list.items.values()) {
    if (item.id !== selfId && keyOf(col, fieldValue(item, col.name)) === key) return true;
  }
  return false;
}

function checkRequiredAndUnique(
  list: ListView,
  fields: Record<string, FieldValue>,
  selfId: number | undefined,
): void {
  for (const col of list.columns.values()) {
    const v = fields[col.name];
    if (col.required && (v === undefined || v === null || v === ""))
      throw invalidRequest(`Field '${col.name}' is required`);
    if (col.enforceUniqueValues && v !== undefined && conflictsWith(list, col, keyOf(col, v), selfId)) {
      throw nameAlreadyExists(
        `The value '${String(v)}' of field '${col.name}' is already used by another item; the column enforces unique values`,
      );
    }
  }
}

function checkIfMatch(req: GraphRequest, item: ItemRecord): void {
  const h = req.headers["if-match"];
  if (h === undefined) return;
  const wanted = h.split(",").map((s) => s.trim().replace(/^W\//, ""));
  if (wanted.includes("*")) return;
  // Our eTags contain a comma, so compare the whole header too.
  const current = eTagOf(item);
  const norm = (s: string) => s.replace(/^W\//, "").replace(/^"|"$/g, "");
  if (norm(h.trim()) === norm(current)) return;
  throw resourceModified();
}

function nowIso(): string {
  return toIsoSeconds(Date.now());
}

export function createItem(
  req: GraphRequest,
  store: IEmulatorStore,
  site: SiteRecord,
  list: ListView,
): GraphResponse {
  const b = req.body;
  if (typeof b !== "object" || b === null || Array.isArray(b))
    throw invalidRequest("The request body must be a listItem object");
  for (const k of Object.keys(b)) {
    if (k !== "fields" && !k.startsWith("@odata."))
      throw invalidRequest(`Property '${k}' cannot be set on a new listItem; send fields`);
  }
  const item = buildNewItem(list, (b as { fields?: unknown }).fields ?? {}, req.caller);
  store.commit([{ t: "put", listId: list.meta.id, item }]);
  return json(201, itemJson(site, list, item, []), {
    Location: `${req.origin}/v1.0/sites/${site.id}/lists/${list.meta.id}/items/${item.id}`,
    ETag: eTagOf(item),
  });
}

/** A validated new item with the next id; used by the API and by bulk insert. */
export function buildNewItem(
  list: ListView,
  sentFields: unknown,
  by: { email: string; displayName: string },
  nextId = list.nextId,
  changeSeq = list.changeSeq + 1,
): ItemRecord {
  const fields = resolveFields(list, sentFields);
  checkRequiredAndUnique(list, fields, undefined);
  const now = nowIso();
  const who = { email: by.email, displayName: by.displayName };
  for (const k of Object.keys(fields)) if (fields[k] === null) delete fields[k];
  // A Yes/No column reads No until set, as in SharePoint.
  for (const col of list.columns.values()) {
    if (col.type === "boolean" && !col.builtIn && fields[col.name] === undefined) fields[col.name] = false;
  }
  return {
    id: nextId,
    guid: randomUUID(),
    version: 1,
    created: now,
    modified: now,
    createdBy: who,
    modifiedBy: who,
    changeSeq,
    fields,
  };
}

export function updateItem(
  req: GraphRequest,
  store: IEmulatorStore,
  site: SiteRecord,
  list: ListView,
  item: ItemRecord,
  fieldsOnly: boolean,
): GraphResponse {
  checkIfMatch(req, item);
  const b = req.body;
  if (typeof b !== "object" || b === null || Array.isArray(b))
    throw invalidRequest("The request body must be a JSON object");
  let sent: unknown = b;
  if (!fieldsOnly) {
    for (const k of Object.keys(b)) {
      if (k !== "fields" && !k.startsWith("@odata."))
        throw invalidRequest(`Property '${k}' of a listItem cannot be updated; send fields`);
    }
    sent = (b as { fields?: unknown }).fields ?? {};
  }
  const changes = resolveFields(list, sent);
  const merged: Record<string, FieldValue> = { ...item.fields, ...changes };
  for (const k of Object.keys(merged)) if (merged[k] === null) delete merged[k];
  checkRequiredAndUnique(list, merged, item.id);
  const next: ItemRecord = {
    ...item,
    version: item.version + 1,
    modified: nowIso(),
    modifiedBy: { email: req.caller.email, displayName: req.caller.displayName },
    changeSeq: list.changeSeq + 1,
    fields: merged,
  };
  store.commit([{ t: "put", listId: list.meta.id, item: next }]);
  const body = fieldsOnly ? fieldsJson(list, next) : itemJson(site, list, next, []);
  return json(200, body, { ETag: eTagOf(next) });
}

export function deleteItem(
  req: GraphRequest,
  store: IEmulatorStore,
  list: ListView,
  item: ItemRecord,
): GraphResponse {
  checkIfMatch(req, item);
  store.commit([{ t: "delete", listId: list.meta.id, id: item.id, changeSeq: list.changeSeq + 1 }]);
  return { status: 204 };
}

interface DeltaToken {
  /** Changes after this sequence ... */
  s: number;
  /** ... up to and including this one (fixed when a round starts, so paging is stable). */
  u: number;
  /** Last id returned in this round. */
  a: number;
  /** Initial round: deleted items are not reported. */
  i: boolean;
}

function encodeDelta(t: DeltaToken): string {
  return Buffer.from(JSON.stringify(t)).toString("base64url");
}

function decodeDelta(text: string): DeltaToken {
  try {
    const t = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as DeltaToken;
    if ([t.s, t.u, t.a].every((n) => typeof n === "number") && typeof t.i === "boolean") return t;
  } catch {
    // fall through
  }
  throw new Error("bad delta token");
}

export function delta(req: GraphRequest, site: SiteRecord, list: ListView): GraphResponse {
  const q = parseQueryOptions(req.query);
  let token: DeltaToken;
  const raw = q.skiptoken ?? q.deltaToken;
  if (raw !== undefined) {
    try {
      token = decodeDelta(raw);
    } catch {
      throw invalidRequest("The delta token is not valid");
    }
    if (q.deltaToken !== undefined && q.skiptoken === undefined)
      token = { s: token.u, u: list.changeSeq, a: 0, i: false };
  } else {
    token = { s: 0, u: list.changeSeq, a: 0, i: true };
  }
  const top = pageSize(req, q.top);
  const value: Record<string, unknown>[] = [];
  const entries: { id: number; item?: ItemRecord }[] = [];
  for (const id of list.order) {
    if (id <= token.a) continue;
    const item = list.items.get(id)!;
    if (item.changeSeq > token.s && item.changeSeq <= token.u) entries.push({ id, item });
  }
  if (!token.i) {
    for (const [id, seq] of list.tombstones)
      if (id > token.a && seq > token.s && seq <= token.u) entries.push({ id });
    entries.sort((x, y) => x.id - y.id);
  }
  const pageEntries = entries.slice(0, top);
  for (const e of pageEntries) {
    value.push(
      e.item
        ? itemJson(site, list, e.item, q.expandFields, q.select)
        : { id: String(e.id), deleted: { state: "deleted" } },
    );
  }
  const body: Record<string, unknown> = {
    "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.listItem)`,
    value,
  };
  if (entries.length > top) {
    const next = { ...token, a: pageEntries[pageEntries.length - 1]!.id };
    body["@odata.nextLink"] = linkWith(req, { $skiptoken: encodeDelta(next) }, [
      "token",
      "$deltatoken",
      "skiptoken",
    ]);
  } else {
    body["@odata.deltaLink"] = linkWith(
      req,
      { token: encodeDelta({ s: token.s, u: token.u, a: 0, i: false }) },
      ["$skiptoken", "skiptoken", "$deltatoken", "$top", "top"],
    );
  }
  return json(200, body);
}

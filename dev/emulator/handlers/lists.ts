// Lists and columns: create with typed columns, read by id or display name, add columns, index existing ones.
import { randomUUID } from "node:crypto";
import { type GraphRequest, type GraphResponse, json } from "../context";
import { invalidRequest, itemNotFound, nameAlreadyExists } from "../errors/graph-error-factory";
import { keyOf, fieldValue } from "../field-values";
import { builtInColumns, type ColumnDef, type ColumnType, type SiteRecord } from "../model";
import type { IEmulatorStore, ListView } from "../persistence/store-interface";
import { parseFilter } from "../odata/filter-parser";
import { parseQueryOptions } from "../odata/query-options";
import { LIBRARY_TEMPLATE, libraryColumns } from "../drive/drive-items";

const TYPE_FACETS = ["text", "number", "boolean", "dateTime", "choice"] as const;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function listWebUrl(site: SiteRecord, list: ListView): string {
  return `https://${site.hostname}${site.path === "/" ? "" : site.path}/Lists/${encodeURIComponent(list.meta.name)}`;
}

export function columnJson(c: ColumnDef): Record<string, unknown> {
  const out: Record<string, unknown> = {
    columnGroup: c.builtIn ? "_Hidden" : "Custom Columns",
    description: c.description,
    displayName: c.displayName,
    enforceUniqueValues: c.enforceUniqueValues,
    hidden: c.hidden,
    id: c.id,
    indexed: c.indexed,
    name: c.name,
    readOnly: c.readOnly,
    required: c.required,
  };
  switch (c.type) {
    case "text":
      out.text = {
        allowMultipleLines: false,
        appendChangesToExistingText: false,
        linesForEditing: 0,
        maxLength: c.maxLength ?? 255,
      };
      break;
    case "note":
      out.text = {
        allowMultipleLines: true,
        appendChangesToExistingText: false,
        linesForEditing: 6,
        maxLength: 63999,
      };
      break;
    case "number":
      out.number = {};
      break;
    case "boolean":
      out.boolean = {};
      break;
    case "dateTime":
      out.dateTime = { displayAs: "default", format: "dateTime" };
      break;
    case "choice":
      out.choice = { allowTextEntry: false, choices: c.choices ?? [], displayAs: "dropDownMenu" };
      break;
  }
  return out;
}

export function listJson(site: SiteRecord, list: ListView, withColumns: boolean): Record<string, unknown> {
  const m = list.meta;
  const out: Record<string, unknown> = {
    "@odata.etag": `"${m.id},${list.columns.size}"`,
    createdDateTime: m.created,
    description: m.description,
    eTag: `"${m.id},${list.columns.size}"`,
    id: m.id,
    lastModifiedDateTime: m.modified,
    name: m.name,
    webUrl: listWebUrl(site, list),
    displayName: m.displayName,
    createdBy: { user: { email: m.createdBy.email, displayName: m.createdBy.displayName } },
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: m.template },
  };
  if (withColumns) out.columns = [...list.columns.values()].map(columnJson);
  return out;
}

/** Reads a columnDefinition from a request body; throws 400 naming what is wrong. */
export function parseColumnDefinition(body: unknown): ColumnDef {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw invalidRequest("A column definition must be a JSON object");
  const b = body as Record<string, unknown>;
  const name = b.name;
  if (typeof name !== "string" || !NAME.test(name)) {
    throw invalidRequest(
      `Invalid column name ${JSON.stringify(name)}: letters, digits and underscores, starting with a letter`,
    );
  }
  const facets = TYPE_FACETS.filter((f) => b[f] !== undefined);
  if (facets.length !== 1) {
    throw invalidRequest(
      `Column '${name}' must have exactly one type facet (text, number, boolean, dateTime or choice)`,
    );
  }
  const facet = facets[0]!;
  let type: ColumnType = facet;
  const col: ColumnDef = {
    id: randomUUID(),
    name,
    displayName: typeof b.displayName === "string" && b.displayName ? b.displayName : name,
    description: typeof b.description === "string" ? b.description : "",
    type,
    indexed: b.indexed === true,
    enforceUniqueValues: b.enforceUniqueValues === true,
    required: b.required === true,
    readOnly: false,
    hidden: b.hidden === true,
    builtIn: false,
  };
  const f = b[facet];
  if (typeof f !== "object" || f === null)
    throw invalidRequest(`The ${facet} facet of column '${name}' must be an object`);
  if (facet === "text") {
    const t = f as { allowMultipleLines?: unknown; maxLength?: unknown };
    if (t.allowMultipleLines === true) type = "note";
    else if (typeof t.maxLength === "number") {
      if (!Number.isInteger(t.maxLength) || t.maxLength < 1 || t.maxLength > 255)
        throw invalidRequest(`maxLength of column '${name}' must be 1..255`);
      col.maxLength = t.maxLength;
    }
  }
  if (facet === "choice") {
    const choices = (f as { choices?: unknown }).choices;
    if (!Array.isArray(choices) || choices.length === 0 || !choices.every((c) => typeof c === "string")) {
      throw invalidRequest(`Column '${name}' needs a non-empty choice.choices array of strings`);
    }
    col.choices = [...new Set(choices as string[])];
  }
  col.type = type;
  if (col.enforceUniqueValues && !col.indexed) {
    throw invalidRequest(`Column '${name}' enforces unique values and must therefore be indexed`);
  }
  if (col.indexed && type === "note")
    throw invalidRequest(`Multiple-lines-of-text column '${name}' cannot be indexed`);
  return col;
}

export function siteOrThrow(store: IEmulatorStore, siteId: string): SiteRecord {
  const site = store.site(siteId);
  if (!site) throw itemNotFound("Requested site could not be found");
  return site;
}

export function listOrThrow(store: IEmulatorStore, site: SiteRecord, idOrName: string): ListView {
  const list = store.list(site.id, idOrName);
  if (!list) throw itemNotFound("The specified list was not found");
  return list;
}

export function getLists(req: GraphRequest, store: IEmulatorStore, site: SiteRecord): GraphResponse {
  const q = parseQueryOptions(req.query);
  let lists = store.lists(site.id);
  if (q.filter !== undefined) {
    const ast = parseFilter(
      q.filter.replace(/\bdisplayName\b/g, "fields/displayName").replace(/\bname\b/g, "fields/name"),
    );
    const match = (l: ListView, node: typeof ast): boolean => {
      switch (node.kind) {
        case "compare": {
          if (!["displayName", "name"].includes(node.field.name))
            throw invalidRequest(`Filtering lists on '${node.field.name}' is not supported`);
          if (node.literal.kind !== "string") throw invalidRequest("List names compare with string literals");
          const v = (node.field.name === "name" ? l.meta.name : l.meta.displayName).toLowerCase();
          const eq = v === node.literal.value.toLowerCase();
          if (node.op === "eq") return eq;
          if (node.op === "ne") return !eq;
          throw invalidRequest(`Operator ${node.op} is not supported on list names`);
        }
        case "and":
          return match(l, node.left) && match(l, node.right);
        case "or":
          return match(l, node.left) || match(l, node.right);
        case "not":
          return !match(l, node.operand);
        default:
          throw invalidRequest("Only eq/ne comparisons are supported when filtering lists");
      }
    };
    lists = lists.filter((l) => match(l, ast));
  }
  return json(200, {
    "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#sites('${site.id}')/lists`,
    value: lists.map((l) => listJson(site, l, q.expandColumns)),
  });
}

export function createList(req: GraphRequest, store: IEmulatorStore, site: SiteRecord): GraphResponse {
  const b = req.body as Record<string, unknown> | undefined;
  if (typeof b !== "object" || b === null || Array.isArray(b))
    throw invalidRequest("The request body must be a list object");
  const displayName = b.displayName;
  if (typeof displayName !== "string" || !displayName.trim()) throw invalidRequest("displayName is required");
  if (displayName.length > 255) throw invalidRequest("displayName is longer than 255 characters");
  const template = ((b.list as { template?: unknown } | undefined)?.template ?? "genericList") as unknown;
  if (template !== "genericList" && template !== LIBRARY_TEMPLATE)
    throw invalidRequest(
      `List template '${String(template)}' is not supported; use genericList or documentLibrary`,
    );
  if (store.list(site.id, displayName))
    throw nameAlreadyExists(`A list with the name '${displayName}' already exists`);
  const columns =
    template === LIBRARY_TEMPLATE ? [...builtInColumns(), ...libraryColumns()] : builtInColumns();
  const raw = b.columns ?? [];
  if (!Array.isArray(raw)) throw invalidRequest("columns must be an array");
  for (const c of raw) {
    const col = parseColumnDefinition(c);
    if (columns.some((x) => x.name.toLowerCase() === col.name.toLowerCase()))
      throw nameAlreadyExists(`A column named '${col.name}' already exists`);
    columns.push(col);
  }
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const meta = {
    id: randomUUID(),
    siteId: site.id,
    displayName,
    name: displayName.replace(/[^A-Za-z0-9]/g, ""),
    description: typeof b.description === "string" ? b.description : "",
    template,
    created: now,
    modified: now,
    createdBy: { email: req.caller.email, displayName: req.caller.displayName },
  };
  store.commit([{ t: "list", meta, columns }]);
  const list = store.list(site.id, meta.id)!;
  return json(201, listJson(site, list, true), {
    Location: `${req.origin}/v1.0/sites/${site.id}/lists/${meta.id}`,
  });
}

export function getColumns(list: ListView): GraphResponse {
  return json(200, { value: [...list.columns.values()].map(columnJson) });
}

export function columnOrThrow(list: ListView, idOrName: string): ColumnDef {
  const col = [...list.columns.values()].find((c) => c.id === idOrName || c.name === idOrName);
  if (!col) throw itemNotFound(`Column '${idOrName}' was not found`);
  return col;
}

export function addColumn(req: GraphRequest, store: IEmulatorStore, list: ListView): GraphResponse {
  const col = parseColumnDefinition(req.body);
  if ([...list.columns.keys()].some((n) => n.toLowerCase() === col.name.toLowerCase())) {
    throw nameAlreadyExists(`A column named '${col.name}' already exists`);
  }
  store.commit([{ t: "column", listId: list.meta.id, column: col }]);
  return json(201, columnJson(col));
}

/** PATCH a column: index or un-index it, toggle uniqueness, rename its display name. */
export function updateColumn(
  req: GraphRequest,
  store: IEmulatorStore,
  list: ListView,
  col: ColumnDef,
): GraphResponse {
  const b = req.body as Record<string, unknown> | undefined;
  if (typeof b !== "object" || b === null || Array.isArray(b))
    throw invalidRequest("The request body must be a column object");
  const allowed = ["indexed", "enforceUniqueValues", "displayName", "description", "required", "hidden"];
  for (const k of Object.keys(b)) {
    if (!allowed.includes(k))
      throw invalidRequest(`Property '${k}' of a column cannot be changed by the emulator`);
  }
  const next: ColumnDef = { ...col };
  if (b.indexed !== undefined) {
    if (typeof b.indexed !== "boolean") throw invalidRequest("indexed must be true or false");
    if (b.indexed && col.type === "note")
      throw invalidRequest(`Multiple-lines-of-text column '${col.name}' cannot be indexed`);
    if (col.name === "ID") throw invalidRequest("The ID column is always indexed");
    next.indexed = b.indexed;
  }
  if (b.enforceUniqueValues !== undefined) {
    if (typeof b.enforceUniqueValues !== "boolean")
      throw invalidRequest("enforceUniqueValues must be true or false");
    next.enforceUniqueValues = b.enforceUniqueValues;
  }
  for (const k of ["displayName", "description"] as const) {
    if (b[k] !== undefined) {
      if (typeof b[k] !== "string") throw invalidRequest(`${k} must be a string`);
      next[k] = b[k];
    }
  }
  for (const k of ["required", "hidden"] as const) {
    if (b[k] !== undefined) {
      if (typeof b[k] !== "boolean") throw invalidRequest(`${k} must be true or false`);
      next[k] = b[k];
    }
  }
  if (col.builtIn && (next.enforceUniqueValues || next.required !== col.required)) {
    throw invalidRequest(`Built-in column '${col.name}' only supports changing 'indexed'`);
  }
  if (next.enforceUniqueValues && !next.indexed)
    throw invalidRequest(`Column '${col.name}' enforces unique values and must therefore be indexed`);
  if (next.enforceUniqueValues && !col.enforceUniqueValues) {
    const seen = new Set<unknown>();
    for (const item of list.items.values()) {
      const k = keyOf(col, fieldValue(item, col.name));
      if (k === null) continue;
      if (seen.has(k))
        throw invalidRequest(`Column '${col.name}' holds duplicate values and cannot enforce unique values`);
      seen.add(k);
    }
  }
  store.commit([{ t: "column", listId: list.meta.id, column: next }]);
  return json(200, columnJson(next));
}

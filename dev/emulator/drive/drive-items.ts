// Document libraries as Graph shows them (issue 15): a list with template documentLibrary has a drive; its files and
// folders are the list's items, as in SharePoint. An item's place and content are fields the handlers set directly
// (never through the items API): FileLeafRef (name), FSObjType (1 folder, 0 file), ParentId (0 = the root folder),
// FileSize, ContentId (the bytes in the ContentStore), ContentHash (sha256), MimeType.
import { createHash, randomUUID } from "node:crypto";
import { invalidRequest, itemNotFound, nameAlreadyExists } from "../errors/graph-error-factory";
import type { ColumnDef, Identity, ItemRecord, SiteRecord } from "../model";
import type { ListView } from "../persistence/store-interface";
import type { Mutation } from "../persistence/mutations";

export const LIBRARY_TEMPLATE = "documentLibrary";
export const F = {
  name: "FileLeafRef",
  kind: "FSObjType",
  parent: "ParentId",
  size: "FileSize",
  content: "ContentId",
  hash: "ContentHash",
  mime: "MimeType",
} as const;

export type ConflictBehavior = "fail" | "replace" | "rename";

/** Built-in columns a document library adds to a list's (read-only: set by the drive handlers only). */
export function libraryColumns(): ColumnDef[] {
  const col = (id: string, name: string, type: ColumnDef["type"], indexed = false): ColumnDef => ({
    id,
    name,
    displayName: name,
    description: "",
    type,
    indexed,
    enforceUniqueValues: false,
    required: false,
    readOnly: true,
    hidden: false,
    builtIn: true,
  });
  return [
    col("8553196d-ec8d-4564-9861-3dbe931050c8", F.name, "text"),
    col("30bb605f-5bae-48fe-b4e3-1f81d9772af9", F.kind, "number"),
    col("6b5e8a4f-1c61-4d2b-9e3a-0f7c6a0d5e11", F.parent, "number", true),
    col("78a07ba4-bda8-4357-9e0f-580d64487583", F.size, "number"),
    col("4b1bf6c6-4f39-45ac-acd5-16fe7a214e5e", F.content, "text"),
    col("a1f0c9de-7d6b-4c49-8a64-2f7d9c1e0b53", F.hash, "text"),
    col("e3f5c1a2-9b8d-4f6e-a1c2-3d4e5f6a7b8c", F.mime, "text"),
  ];
}

export function isLibrary(list: ListView): boolean {
  return list.meta.template === LIBRARY_TEMPLATE;
}

export function driveIdOf(list: ListView): string {
  return `b!${Buffer.from(list.meta.id).toString("base64url")}`;
}

/** The list id inside a drive id, or undefined when it is not one of ours. */
export function listIdOfDrive(driveId: string): string | undefined {
  if (!driveId.startsWith("b!")) return undefined;
  const id = Buffer.from(driveId.slice(2), "base64url").toString("utf8");
  return /^[0-9a-f-]{36}$/.test(id) ? id : undefined;
}

export function rootIdOf(list: ListView): string {
  return `01${list.meta.id.replace(/-/g, "").toUpperCase()}`;
}

export function driveItemIdOf(item: ItemRecord): string {
  return `01${item.guid.replace(/-/g, "").toUpperCase()}`;
}

/** A folder or file; `undefined` stands for the root folder. */
export type Node = ItemRecord | undefined;

export const isFolder = (item: Node): boolean => item === undefined || item.fields[F.kind] === 1;
const parentOf = (item: ItemRecord): number => Number(item.fields[F.parent] ?? 0);
export const nameOf = (item: ItemRecord): string => String(item.fields[F.name] ?? "");

export function children(list: ListView, parent: Node): ItemRecord[] {
  const pid = parent === undefined ? 0 : parent.id;
  return [...list.items.values()]
    .filter((i) => parentOf(i) === pid)
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
}

export function childNamed(list: ListView, parent: Node, name: string): ItemRecord | undefined {
  const lower = name.toLowerCase();
  return children(list, parent).find((i) => nameOf(i).toLowerCase() === lower);
}

export function itemById(list: ListView, id: string): Node {
  if (id === "root" || id === rootIdOf(list)) return undefined;
  for (const item of list.items.values()) if (driveItemIdOf(item) === id) return item;
  throw itemNotFound("The resource could not be found.");
}

/** Path segments below the root, decoded; every one must exist. */
export function itemByPath(list: ListView, from: Node, segments: string[]): Node {
  let node = from;
  for (const s of segments) {
    if (!isFolder(node)) throw itemNotFound("The resource could not be found.");
    const next = childNamed(list, node, s);
    if (!next) throw itemNotFound("The resource could not be found.");
    node = next;
  }
  return node;
}

export function pathOf(list: ListView, item: Node): string[] {
  const out: string[] = [];
  let node = item;
  for (let guard = 0; node !== undefined && guard < 1000; guard++) {
    out.unshift(nameOf(node));
    const pid = parentOf(node);
    node = pid === 0 ? undefined : list.items.get(pid);
  }
  return out;
}

/** SharePoint's rules for a file or folder name (the ones that matter here). */
export function checkName(name: unknown): string {
  if (typeof name !== "string" || !name.trim()) throw invalidRequest("A name is required");
  if (name.length > 255) throw invalidRequest("The name is longer than 255 characters");
  if (/["*:<>?/\\|#%]/.test(name) || /^\.|\.$|^\s|\s$/.test(name) || name.includes(".."))
    throw invalidRequest(`The name '${name}' contains characters that are not allowed`);
  return name;
}

export function conflictBehavior(value: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (value === undefined || value === null || value === "") return fallback;
  if (value === "fail" || value === "replace" || value === "rename") return value;
  throw invalidRequest(
    `Invalid @microsoft.graph.conflictBehavior '${String(value)}': fail, replace or rename`,
  );
}

/** `name 1.ext`, `name 2.ext`, … : the first free name (conflictBehavior rename). */
function freeName(list: ListView, parent: Node, name: string): string {
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!childNamed(list, parent, candidate)) return candidate;
  }
}

const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

function newRecord(list: ListView, nextId: number, by: Identity, fields: ItemRecord["fields"]): ItemRecord {
  const now = nowIso();
  return {
    id: nextId,
    guid: randomUUID(),
    version: 1,
    created: now,
    modified: now,
    createdBy: by,
    modifiedBy: by,
    changeSeq: list.changeSeq + 1,
    fields: { Title: fields[F.name] ?? null, ...fields },
  };
}

/** Where a new child goes: its name after the conflict rule, or the existing item to replace. */
export function placeChild(
  list: ListView,
  parent: Node,
  name: string,
  behavior: ConflictBehavior,
): { name: string; replace?: ItemRecord } {
  if (!isFolder(parent)) throw invalidRequest("The parent is a file, not a folder");
  const existing = childNamed(list, parent, checkName(name));
  if (!existing) return { name };
  if (behavior === "fail")
    throw nameAlreadyExists(`An item with the name '${nameOf(existing)}' already exists`);
  if (behavior === "rename") return { name: freeName(list, parent, name) };
  return { name: nameOf(existing), replace: existing };
}

export function folderMutation(
  list: ListView,
  parent: Node,
  name: string,
  by: Identity,
): { mutation: Mutation; item: ItemRecord } {
  const item = newRecord(list, list.nextId, by, {
    [F.name]: name,
    [F.kind]: 1,
    [F.parent]: parent === undefined ? 0 : parent.id,
  });
  return { mutation: { t: "put", listId: list.meta.id, item }, item };
}

/** A new file, or a new version of `replace` (folders are never replaced by files). */
export function fileMutation(
  list: ListView,
  parent: Node,
  name: string,
  content: { id: string; bytes: Buffer; mime: string },
  by: Identity,
  replace?: ItemRecord,
): { mutation: Mutation; item: ItemRecord; oldContent?: string } {
  const fields = {
    [F.name]: name,
    [F.kind]: 0,
    [F.parent]: parent === undefined ? 0 : parent.id,
    [F.size]: content.bytes.length,
    [F.content]: content.id,
    [F.hash]: createHash("sha256").update(content.bytes).digest("hex").toUpperCase(),
    [F.mime]: content.mime,
  };
  if (replace) {
    if (isFolder(replace)) throw nameAlreadyExists(`A folder named '${name}' already exists`);
    const item: ItemRecord = {
      ...replace,
      version: replace.version + 1,
      modified: nowIso(),
      modifiedBy: by,
      changeSeq: list.changeSeq + 1,
      fields: { ...replace.fields, ...fields },
    };
    const old = String(replace.fields[F.content] ?? "");
    return { mutation: { t: "put", listId: list.meta.id, item }, item, ...(old ? { oldContent: old } : {}) };
  }
  const item = newRecord(list, list.nextId, by, fields);
  return { mutation: { t: "put", listId: list.meta.id, item }, item };
}

/** The item and everything below it, deepest first, with the content ids to remove once the delete is durable. */
export function deleteMutations(
  list: ListView,
  item: ItemRecord,
): { mutations: Mutation[]; contents: string[] } {
  const all: ItemRecord[] = [];
  const walk = (node: ItemRecord) => {
    if (isFolder(node)) for (const c of children(list, node)) walk(c);
    all.push(node);
  };
  walk(item);
  let seq = list.changeSeq;
  return {
    mutations: all.map((i) => ({ t: "delete" as const, listId: list.meta.id, id: i.id, changeSeq: ++seq })),
    contents: all.map((i) => String(i.fields[F.content] ?? "")).filter(Boolean),
  };
}

function libraryUrl(site: SiteRecord, list: ListView): string {
  return `https://${site.hostname}${site.path === "/" ? "" : site.path}/${encodeURIComponent(list.meta.name)}`;
}

export function driveJson(site: SiteRecord, list: ListView): Record<string, unknown> {
  return {
    id: driveIdOf(list),
    driveType: "documentLibrary",
    name: list.meta.displayName,
    createdDateTime: list.meta.created,
    webUrl: libraryUrl(site, list),
    createdBy: { user: { email: list.meta.createdBy.email, displayName: list.meta.createdBy.displayName } },
  };
}

export function driveItemJson(
  site: SiteRecord,
  list: ListView,
  node: Node,
  downloadUrl?: string,
): Record<string, unknown> {
  const driveId = driveIdOf(list);
  const base = { driveId, driveType: "documentLibrary", siteId: site.id };
  if (node === undefined) {
    return {
      id: rootIdOf(list),
      name: "root",
      root: {},
      webUrl: libraryUrl(site, list),
      createdDateTime: list.meta.created,
      lastModifiedDateTime: list.meta.modified,
      parentReference: base,
      folder: { childCount: children(list, undefined).length },
      size: 0,
    };
  }
  const segments = pathOf(list, node);
  const parentId = parentOf(node);
  const parentPath = `/drives/${driveId}/root:${segments.length > 1 ? "/" + segments.slice(0, -1).join("/") : ""}`;
  const parent = parentId === 0 ? undefined : list.items.get(parentId);
  const out: Record<string, unknown> = {
    "@odata.etag": `"{${node.guid.toUpperCase()}},${node.version}"`,
    id: driveItemIdOf(node),
    name: nameOf(node),
    eTag: `"{${node.guid.toUpperCase()}},${node.version}"`,
    cTag: `"c:{${node.guid.toUpperCase()}},${node.version}"`,
    webUrl: `${libraryUrl(site, list)}/${segments.map(encodeURIComponent).join("/")}`,
    createdDateTime: node.created,
    lastModifiedDateTime: node.modified,
    createdBy: { user: { email: node.createdBy.email, displayName: node.createdBy.displayName } },
    lastModifiedBy: { user: { email: node.modifiedBy.email, displayName: node.modifiedBy.displayName } },
    parentReference: { ...base, id: parent ? driveItemIdOf(parent) : rootIdOf(list), path: parentPath },
    size: isFolder(node) ? 0 : Number(node.fields[F.size] ?? 0),
  };
  if (isFolder(node)) out.folder = { childCount: children(list, node).length };
  else {
    out.file = {
      mimeType: String(node.fields[F.mime] ?? "application/octet-stream"),
      hashes: { sha256Hash: String(node.fields[F.hash] ?? "") },
    };
    if (downloadUrl) out["@microsoft.graph.downloadUrl"] = downloadUrl;
  }
  return out;
}

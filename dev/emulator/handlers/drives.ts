// Drive endpoints of document libraries (issue 15), in Graph's shapes:
//   /sites/{site}/lists/{list}/drive[...]  and  /drives/{drive-id}[...]
//   GET drive · GET root | items/{id} | root:/{path}[:] · GET …/children · POST …/children {name, folder:{}}
//   PUT …/{parent}:/{name}:/content (simple upload) · PUT items/{id}/content · POST …:/{name}:/createUploadSession
//   GET …/content (302 to a download URL) · DELETE items/{id} | root:/{path}
// plus the token-free upload URL (PUT byte ranges, GET status, DELETE cancel) and download URL of drive-sessions.
import type { GraphRequest, GraphResponse } from "../context";
import { json } from "../context";
import {
  checkName,
  children,
  conflictBehavior,
  deleteMutations,
  driveItemJson,
  driveJson,
  F,
  folderMutation,
  isFolder,
  isLibrary,
  itemById,
  itemByPath,
  listIdOfDrive,
  placeChild,
  type Node,
} from "../drive/drive-items";
import { DOWNLOAD_PREFIX } from "../drive/upload-sessions";
import { GraphError } from "../errors/graph-error";
import {
  invalidRequest,
  itemNotFound,
  methodNotAllowed,
  notImplemented,
} from "../errors/graph-error-factory";
import type { SiteRecord } from "../model";
import type { IEmulatorStore, ListView } from "../persistence/store-interface";
import { body, CONFLICT, identity, storeFile, type DriveDeps } from "./drive-files";
import { createUploadSession } from "./drive-sessions";

export type { DriveDeps } from "./drive-files";
export { referencedContent } from "./drive-files";
export { downloadRoute, uploadRoute } from "./drive-sessions";

function library(store: IEmulatorStore, site: SiteRecord, list: ListView): ListView {
  if (!isLibrary(list)) throw itemNotFound("The list has no drive: it is not a document library");
  return store.list(site.id, list.meta.id)!;
}

/** `/drives/{id}/…`: the library behind a drive id, in whichever site holds it. */
export function resolveDrive(store: IEmulatorStore, driveId: string): { site: SiteRecord; list: ListView } {
  const listId = listIdOfDrive(driveId);
  if (listId)
    for (const site of store.sites()) {
      const list = store.list(site.id, listId);
      if (list && isLibrary(list)) return { site, list };
    }
  throw itemNotFound("The drive could not be found");
}

type Address =
  | { kind: "drive" }
  | { kind: "item"; node: Node; action?: string; name?: string }
  | { kind: "path"; parent: Node; segments: string[]; action?: string };

/**
 * The part after `drive`: `root`, `root:/a/b`, `root:/a/b:`, `root:/a/b:/content`, `items/{id}`,
 * `items/{id}:/name:/createUploadSession`, `…/children`, `…/content`.
 */
function address(list: ListView, tail: string): Address {
  if (tail === "") return { kind: "drive" };
  let rest: string;
  let base: Node;
  if (tail === "root" || tail.startsWith("root:") || tail.startsWith("root/")) {
    base = undefined;
    rest = tail.slice("root".length);
  } else {
    const m = /^items\/([^/:]+)/.exec(tail);
    if (!m) throw notImplemented(`drive path '${tail}'`);
    base = itemById(list, m[1]!);
    rest = tail.slice(m[0].length);
  }
  const actionOf = (after: string): { action?: string } => {
    const action = after.replace(/^\//, "");
    if (action.includes("/")) throw notImplemented(`drive path '${tail}'`);
    return action ? { action } : {};
  };
  if (!rest.startsWith(":")) return { kind: "item", node: base, ...actionOf(rest) };
  // `:/a/b`, `:/a/b:` or `:/a/b:/content` — the path ends at the next colon.
  const inner = rest.slice(1);
  const close = inner.indexOf(":");
  const segments = (close < 0 ? inner : inner.slice(0, close)).split("/").filter(Boolean);
  const after = actionOf(close < 0 ? "" : inner.slice(close + 1));
  return segments.length
    ? { kind: "path", parent: base, segments, ...after }
    : { kind: "item", node: base, ...after };
}

export function driveRoute(
  req: GraphRequest,
  deps: DriveDeps,
  site: SiteRecord,
  rawList: ListView,
  tailSegments: string[],
): GraphResponse {
  const list = library(deps.store, site, rawList);
  const m = req.method;
  const a = address(list, tailSegments.join("/"));
  if (a.kind === "drive") {
    if (m !== "GET") throw methodNotAllowed(m, req.path);
    return json(200, driveJson(site, list));
  }
  if (a.kind === "path") {
    // Uploads name a child that may not exist yet: resolve only its parent.
    if (a.action === "content" && m === "PUT") {
      const parent = itemByPath(list, a.parent, a.segments.slice(0, -1));
      return simpleUpload(req, deps, site, list, parent, a.segments[a.segments.length - 1]!);
    }
    if (a.action === "createUploadSession" && m === "POST") {
      const parent = itemByPath(list, a.parent, a.segments.slice(0, -1));
      return createUploadSession(req, deps, site, list, parent, a.segments[a.segments.length - 1]!);
    }
    const node = itemByPath(list, a.parent, a.segments);
    return itemAction(req, deps, site, list, node, a.action);
  }
  return itemAction(req, deps, site, list, a.node, a.action);
}

function itemAction(
  req: GraphRequest,
  deps: DriveDeps,
  site: SiteRecord,
  list: ListView,
  node: Node,
  action: string | undefined,
): GraphResponse {
  const m = req.method;
  if (action === undefined) {
    if (m === "GET")
      return json(200, driveItemJson(site, list, node, downloadUrl(req, deps, site, list, node)));
    if (m === "DELETE") return deleteNode(req, deps, list, node);
    throw methodNotAllowed(m, req.path);
  }
  if (action === "children") {
    if (!isFolder(node)) throw invalidRequest("A file has no children");
    if (m === "GET")
      return json(200, { value: children(list, node).map((c) => driveItemJson(site, list, c)) });
    if (m === "POST") return createFolder(req, deps, site, list, node);
    throw methodNotAllowed(m, req.path);
  }
  if (action === "content") {
    if (node === undefined || isFolder(node)) throw invalidRequest("Only a file has content");
    if (m === "GET") return { status: 302, headers: { Location: downloadUrl(req, deps, site, list, node)! } };
    if (m === "PUT")
      return storeFile(req, deps, site, list, parentNode(list, node), node, "replace", body(req));
    throw methodNotAllowed(m, req.path);
  }
  throw notImplemented(`'${m} ${req.path}'`);
}

function parentNode(list: ListView, item: NonNullable<Node>): Node {
  const pid = Number(item.fields[F.parent] ?? 0);
  return pid === 0 ? undefined : list.items.get(pid);
}

function downloadUrl(
  req: GraphRequest,
  deps: DriveDeps,
  site: SiteRecord,
  list: ListView,
  node: Node,
): string | undefined {
  if (node === undefined || isFolder(node)) return undefined;
  const token = deps.sessions.download({ siteId: site.id, listId: list.meta.id, itemId: node.id });
  return `${req.origin}${DOWNLOAD_PREFIX}${token}`;
}

function createFolder(
  req: GraphRequest,
  deps: DriveDeps,
  site: SiteRecord,
  list: ListView,
  parent: Node,
): GraphResponse {
  const b = req.body as Record<string, unknown> | undefined;
  if (typeof b !== "object" || b === null || Array.isArray(b))
    throw invalidRequest("A driveItem object is required");
  if (typeof b.folder !== "object" || b.folder === null)
    throw invalidRequest("Only folders can be created this way: send a folder facet");
  const behavior = conflictBehavior(b[CONFLICT], "fail");
  const placed = placeChild(list, parent, checkName(b.name), behavior);
  if (placed.replace) {
    // replace on a folder keeps the existing folder (and what it holds), as SharePoint does.
    if (isFolder(placed.replace)) return json(200, driveItemJson(site, list, placed.replace));
  }
  const { mutation, item } = folderMutation(list, parent, placed.name, identity(req));
  deps.store.commit([mutation]);
  return json(201, driveItemJson(site, list, deps.store.list(site.id, list.meta.id)!.items.get(item.id)));
}

function simpleUpload(
  req: GraphRequest,
  deps: DriveDeps,
  site: SiteRecord,
  list: ListView,
  parent: Node,
  name: string,
): GraphResponse {
  const behavior = conflictBehavior(req.query.get(CONFLICT), "replace");
  return storeFile(req, deps, site, list, parent, undefined, behavior, body(req), name);
}

/** Writes the bytes durably, then commits the metadata (journal), then drops replaced bytes. */
function deleteNode(req: GraphRequest, deps: DriveDeps, list: ListView, node: Node): GraphResponse {
  if (node === undefined) throw invalidRequest("The root folder cannot be deleted");
  const ifMatch = req.headers["if-match"];
  if (ifMatch && ifMatch !== "*" && !ifMatch.includes(node.guid.toUpperCase()))
    throw new GraphError(412, "resourceModified", "The resource has changed since the caller last read it");
  const { mutations, contents } = deleteMutations(list, node);
  deps.store.commit(mutations);
  for (const c of contents) deps.content.remove(c);
  return { status: 204 };
}

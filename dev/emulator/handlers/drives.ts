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
  fileMutation,
  folderMutation,
  isFolder,
  isLibrary,
  itemById,
  itemByPath,
  listIdOfDrive,
  placeChild,
  type ConflictBehavior,
  type Node,
} from "../drive/drive-items";
import {
  DOWNLOAD_PREFIX,
  MAX_FILE_BYTES,
  MAX_RANGE_BYTES,
  nextExpectedRanges,
  parseContentRange,
  RANGE_UNIT,
  sessionStatus,
  UPLOAD_PREFIX,
  type DriveSessions,
  type UploadSession,
} from "../drive/upload-sessions";
import { GraphError } from "../errors/graph-error";
import {
  invalidRequest,
  itemNotFound,
  methodNotAllowed,
  notImplemented,
} from "../errors/graph-error-factory";
import type { Identity, SiteRecord } from "../model";
import type { ContentStore } from "../persistence/content-store";
import type { IEmulatorStore, ListView } from "../persistence/store-interface";

export interface DriveDeps {
  store: IEmulatorStore;
  content: ContentStore;
  sessions: DriveSessions;
}

const CONFLICT = "@microsoft.graph.conflictBehavior";

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

function identity(req: GraphRequest): Identity {
  return { email: req.caller.email, displayName: req.caller.displayName };
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

function body(req: GraphRequest): Buffer {
  if (Buffer.isBuffer(req.body)) return req.body;
  if (req.body === undefined) return Buffer.alloc(0);
  if (typeof req.body === "string") return Buffer.from(req.body, "utf8");
  throw invalidRequest("File content must be sent as the raw request body");
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
function storeFile(
  req: GraphRequest | { caller: Identity; origin: string },
  deps: DriveDeps,
  site: SiteRecord,
  list: ListView,
  parent: Node,
  existing: Node,
  behavior: ConflictBehavior,
  bytes: Buffer,
  name?: string,
): GraphResponse {
  const by =
    "caller" in req ? { email: req.caller.email, displayName: req.caller.displayName } : identity(req);
  const placed = existing
    ? { name: String(existing.fields[F.name]), replace: existing }
    : placeChild(list, parent, name!, behavior);
  const mime = mimeFor(placed.name);
  const contentId = deps.content.put(bytes);
  let done: ReturnType<typeof fileMutation>;
  try {
    done = fileMutation(list, parent, placed.name, { id: contentId, bytes, mime }, by, placed.replace);
    deps.store.commit([done.mutation]);
  } catch (e) {
    deps.content.remove(contentId);
    throw e;
  }
  if (done.oldContent) deps.content.remove(done.oldContent);
  const stored = deps.store.list(site.id, list.meta.id)!.items.get(done.item.id);
  return json(placed.replace ? 200 : 201, driveItemJson(site, list, stored));
}

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

function createUploadSession(
  req: GraphRequest,
  deps: DriveDeps,
  site: SiteRecord,
  list: ListView,
  parent: Node,
  name: string,
): GraphResponse {
  const b = (req.body ?? {}) as { item?: Record<string, unknown>; deferCommit?: unknown };
  if (typeof b !== "object" || Array.isArray(b)) throw invalidRequest("The body must be an object");
  if (b.deferCommit === true) throw notImplemented("deferCommit");
  const item = b.item ?? {};
  const behavior = conflictBehavior(item[CONFLICT], "fail");
  if (!isFolder(parent)) throw invalidRequest("The parent is a file, not a folder");
  // A name that is taken fails now with `fail` (and is checked again when the last range commits).
  placeChild(list, parent, checkName(name), behavior);
  const declared = item.fileSize;
  if (declared !== undefined && (typeof declared !== "number" || declared < 0 || declared > MAX_FILE_BYTES))
    throw invalidRequest(`fileSize must be a number of bytes up to ${MAX_FILE_BYTES}`);
  const session = deps.sessions.create({
    siteId: site.id,
    listId: list.meta.id,
    parentId: parent === undefined ? 0 : parent.id,
    name,
    behavior,
    ...(typeof declared === "number" ? { total: declared } : {}),
    by: identity(req),
  });
  return json(200, {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.uploadSession",
    uploadUrl: `${req.origin}${UPLOAD_PREFIX}${session.id}`,
    ...sessionStatus(session),
  });
}

function rangeError(session: UploadSession, message: string): GraphError {
  return new GraphError(
    416,
    "invalidRange",
    `${message}; next expected: ${nextExpectedRanges(session).join(",")}`,
  );
}

/** The upload URL: PUT a range, GET the status, DELETE to cancel. No token: the session id is the capability. */
export function uploadRoute(req: GraphRequest, deps: DriveDeps): GraphResponse {
  const id = req.path.slice(UPLOAD_PREFIX.length);
  const session = deps.sessions.get(id);
  if (!session) throw itemNotFound("The upload session was not found or has expired");
  if (req.method === "GET") return json(200, sessionStatus(session));
  if (req.method === "DELETE") {
    deps.sessions.end(id);
    return { status: 204 };
  }
  if (req.method !== "PUT") throw methodNotAllowed(req.method, req.path);
  const bytes = body(req);
  const range = parseContentRange(req.headers["content-range"]);
  if (!range) throw invalidRequest("Content-Range must be 'bytes {start}-{end}/{total}'");
  if (range.end - range.start + 1 !== bytes.length)
    throw invalidRequest(
      `Content-Range covers ${range.end - range.start + 1} bytes, the body has ${bytes.length}`,
    );
  if (range.total > MAX_FILE_BYTES)
    throw invalidRequest(`The emulator keeps files up to ${MAX_FILE_BYTES} bytes`);
  if (session.total !== undefined && range.total !== session.total)
    throw invalidRequest(`The file size was declared as ${session.total}, this range says ${range.total}`);
  if (range.start !== session.received)
    throw rangeError(session, `Range ${range.start}-${range.end} is not expected`);
  const last = range.end === range.total - 1;
  if (bytes.length > MAX_RANGE_BYTES) throw invalidRequest("A range must be smaller than 60 MiB");
  if (!last && bytes.length % RANGE_UNIT !== 0)
    throw invalidRequest("A range other than the last must be a multiple of 320 KiB (327,680 bytes)");
  session.total = range.total;
  session.chunks.push(Buffer.from(bytes));
  session.received += bytes.length;
  if (!last) return json(202, sessionStatus(session));
  const site = deps.store.site(session.siteId);
  const list = site && deps.store.list(site.id, session.listId);
  if (!site || !list) throw itemNotFound("The drive of this upload session is gone");
  const parent = session.parentId === 0 ? undefined : list.items.get(session.parentId);
  if (session.parentId !== 0 && !parent) throw itemNotFound("The folder of this upload session is gone");
  const all = Buffer.concat(session.chunks);
  try {
    const by = { caller: session.by, origin: req.origin };
    const out = storeFile(by, deps, site, list, parent, undefined, session.behavior, all, session.name);
    deps.sessions.end(id);
    return out;
  } catch (e) {
    // A name taken meanwhile (conflictBehavior fail): the session is over, as in Graph.
    deps.sessions.end(id);
    throw e;
  }
}

/** The download URL: the bytes of one file, no token. */
export function downloadRoute(req: GraphRequest, deps: DriveDeps): GraphResponse {
  if (req.method !== "GET") throw methodNotAllowed(req.method, req.path);
  const d = deps.sessions.downloadFor(req.path.slice(DOWNLOAD_PREFIX.length));
  const list = d && deps.store.list(d.siteId, d.listId);
  const item = d && list?.items.get(d.itemId);
  const bytes = item && deps.content.read(String(item.fields[F.content] ?? ""));
  if (!item || !bytes) throw itemNotFound("The file could not be found");
  return {
    status: 200,
    headers: { "Content-Type": String(item.fields[F.mime] ?? "application/octet-stream") },
    body: bytes,
  };
}

const MIME: Record<string, string> = {
  eml: "message/rfc822",
  html: "text/html",
  txt: "text/plain",
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  json: "application/json",
};

function mimeFor(name: string): string {
  const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  return MIME[ext] ?? "application/octet-stream";
}

/** Content ids every library item still names (for ContentStore.sweep at start). */
export function referencedContent(store: IEmulatorStore): Set<string> {
  const out = new Set<string>();
  for (const site of store.sites())
    for (const list of store.lists(site.id))
      if (isLibrary(list))
        for (const item of list.items.values()) {
          const c = item.fields[F.content];
          if (typeof c === "string" && c) out.add(c);
        }
  return out;
}

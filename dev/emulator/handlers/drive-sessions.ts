// The token-free URLs of drives (issue 15): createUploadSession, the upload URL (PUT ranges, GET status, DELETE) and
// the download URL. The session id / download token in the URL is the capability.
import type { GraphRequest, GraphResponse } from "../context";
import { json } from "../context";
import { checkName, conflictBehavior, F, isFolder, placeChild, type Node } from "../drive/drive-items";
import {
  DOWNLOAD_PREFIX,
  MAX_FILE_BYTES,
  MAX_RANGE_BYTES,
  nextExpectedRanges,
  parseContentRange,
  RANGE_UNIT,
  sessionStatus,
  UPLOAD_PREFIX,
  type UploadSession,
} from "../drive/upload-sessions";
import { GraphError } from "../errors/graph-error";
import {
  invalidRequest,
  itemNotFound,
  methodNotAllowed,
  notImplemented,
} from "../errors/graph-error-factory";
import type { SiteRecord } from "../model";
import type { ListView } from "../persistence/store-interface";
import { body, CONFLICT, identity, storeFile, type DriveDeps } from "./drive-files";

export function createUploadSession(
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

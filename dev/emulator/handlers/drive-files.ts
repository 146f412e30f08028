// Storing a file's bytes for the drive handlers (issue 15): the bytes durably first, then the metadata (journal), then
// the replaced bytes removed; shared by simple uploads and upload sessions.
import type { GraphRequest, GraphResponse } from "../context";
import { json } from "../context";
import {
  driveItemJson,
  F,
  fileMutation,
  isLibrary,
  placeChild,
  type ConflictBehavior,
  type Node,
} from "../drive/drive-items";
import type { DriveSessions } from "../drive/upload-sessions";
import { invalidRequest } from "../errors/graph-error-factory";
import type { Identity, SiteRecord } from "../model";
import type { ContentStore } from "../persistence/content-store";
import type { IEmulatorStore, ListView } from "../persistence/store-interface";

export interface DriveDeps {
  store: IEmulatorStore;
  content: ContentStore;
  sessions: DriveSessions;
}

export const CONFLICT = "@microsoft.graph.conflictBehavior";

export function identity(req: GraphRequest): Identity {
  return { email: req.caller.email, displayName: req.caller.displayName };
}

export function body(req: GraphRequest): Buffer {
  if (Buffer.isBuffer(req.body)) return req.body;
  if (req.body === undefined) return Buffer.alloc(0);
  if (typeof req.body === "string") return Buffer.from(req.body, "utf8");
  throw invalidRequest("File content must be sent as the raw request body");
}

export function storeFile(
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

// Maps a Graph path (after /v1.0) to its handler and the access it needs. Used for top-level requests and for
// every request inside $batch alike, so both behave the same.
import { authorize, type Access, type UserRules } from "./auth";
import type { GraphRequest, GraphResponse } from "./context";
import { json } from "./context";
import { invalidRequest, itemNotFound, methodNotAllowed, notImplemented } from "./errors/graph-error-factory";
import { DOWNLOAD_PREFIX, UPLOAD_PREFIX } from "./drive/upload-sessions";
import { downloadRoute, driveRoute, resolveDrive, uploadRoute, type DriveDeps } from "./handlers/drives";
import * as events from "./handlers/events";
import * as items from "./handlers/items";
import * as lists from "./handlers/lists";
import type { SiteRecord } from "./model";
import type { IEmulatorStore } from "./persistence/store-interface";
import { siteJson } from "./site-ids";

export interface RouterDeps extends DriveDeps {
  store: IEmulatorStore;
  /** The meetings GET /me/events answers for (the fixture calendar and what the workbench registered). */
  calendar: events.Calendar;
  rules: UserRules;
  threshold(): number;
}

interface SiteRoute {
  site: SiteRecord;
  /** Segments after the site, decoded. */
  rest: string[];
}

function decode(seg: string): string {
  try {
    return decodeURIComponent(seg);
  } catch {
    throw invalidRequest(`Malformed percent-encoding in '${seg}'`);
  }
}

/** `/sites/{id}/...`, `/sites/{hostname}/...` (root site) or `/sites/{hostname}:/{path}[:][/...]`. */
function resolveSite(store: IEmulatorStore, afterSites: string): SiteRoute {
  const firstSlash = afterSites.indexOf("/");
  const first = firstSlash < 0 ? afterSites : afterSites.slice(0, firstSlash);
  if (first.endsWith(":") || decode(first).endsWith(":")) {
    const hostname = decode(first).slice(0, -1);
    const tail = decode(afterSites.slice(firstSlash + 1));
    const colon = tail.indexOf(":");
    const sitePath = colon < 0 ? tail : tail.slice(0, colon);
    const rest = colon < 0 ? "" : tail.slice(colon + 1);
    const site = store.siteByPath(hostname, "/" + sitePath);
    if (!site) throw itemNotFound("Requested site could not be found");
    return { site, rest: rest.split("/").filter(Boolean) };
  }
  // A bare hostname (no comma) addresses the root site of that host, as in Graph.
  const key = decode(first);
  const site = store.site(key) ?? (key.includes(",") ? undefined : store.siteByPath(key, "/"));
  if (!site) throw itemNotFound("Requested site could not be found");
  const rest =
    firstSlash < 0
      ? []
      : afterSites
          .slice(firstSlash + 1)
          .split("/")
          .filter(Boolean)
          .map(decode);
  return { site, rest };
}

function accessFor(method: string, rest: string[]): Access {
  if (method === "GET") return "read";
  const managing = rest[0] === "lists" && (rest.length === 1 || rest[2] === "columns");
  return managing ? "manage" : "write";
}

export function route(req: GraphRequest, deps: RouterDeps): GraphResponse {
  const { store } = deps;
  const m = req.method;
  const path = req.path.replace(/\/+$/, "") || "/";
  if (path === "/me") {
    if (m !== "GET") throw methodNotAllowed(m, path);
    return json(200, {
      id: req.caller.upn,
      displayName: req.caller.displayName,
      mail: req.caller.email,
      userPrincipalName: req.caller.upn,
    });
  }
  if (path.startsWith(events.EVENTS_PREFIX)) return events.getEvent(req, path, deps.calendar);
  // Token-free capability URLs of drives (issue 15): upload sessions and downloads.
  if (path.startsWith(UPLOAD_PREFIX)) return uploadRoute(req, deps);
  if (path.startsWith(DOWNLOAD_PREFIX)) return downloadRoute(req, deps);
  if (path.startsWith("/drives/")) {
    const segs = path.slice("/drives/".length).split("/").filter(Boolean).map(decode);
    const { site, list } = resolveDrive(store, segs[0] ?? "");
    authorize(req.caller, m === "GET" ? "read" : "write", deps.rules);
    return driveRoute(req, deps, site, list, segs.slice(1));
  }
  if (!path.startsWith("/sites/")) throw notImplemented(`'${m} ${path}'`);
  const { site, rest } = resolveSite(store, path.slice("/sites/".length));
  authorize(req.caller, accessFor(m, rest), deps.rules);
  const only = (...methods: string[]) => {
    if (!methods.includes(m)) throw methodNotAllowed(m, path);
  };

  if (rest.length === 0) {
    only("GET");
    return json(200, siteJson(site));
  }
  if (rest[0] !== "lists") throw notImplemented(`'${m} ${path}'`);
  if (rest.length === 1) {
    only("GET", "POST");
    return m === "GET" ? lists.getLists(req, store, site) : lists.createList(req, store, site);
  }
  const list = lists.listOrThrow(store, site, rest[1]!);
  if (rest.length === 2) {
    only("GET");
    const expandColumns = /columns/.test(req.query.get("$expand") ?? req.query.get("expand") ?? "");
    return json(200, lists.listJson(site, list, expandColumns));
  }
  if (rest[2] === "drive") return driveRoute(req, deps, site, list, rest.slice(3));
  if (rest[2] === "columns") {
    if (rest.length === 3) {
      only("GET", "POST");
      return m === "GET" ? lists.getColumns(list) : lists.addColumn(req, store, list);
    }
    if (rest.length === 4) {
      only("GET", "PATCH");
      const col = lists.columnOrThrow(list, rest[3]!);
      return m === "GET" ? json(200, lists.columnJson(col)) : lists.updateColumn(req, store, list, col);
    }
  }
  if (rest[2] === "items") {
    if (rest.length === 3) {
      only("GET", "POST");
      return m === "GET"
        ? items.queryItems(req, site, list, deps.threshold())
        : items.createItem(req, store, site, list);
    }
    if (rest.length === 4 && rest[3] === "delta") {
      only("GET");
      return items.delta(req, site, list);
    }
    const item = items.itemOrThrow(list, rest[3]!);
    if (rest.length === 4) {
      only("GET", "PATCH", "DELETE");
      if (m === "GET") return items.getItem(req, site, list, item);
      if (m === "PATCH") return items.updateItem(req, store, site, list, item, false);
      return items.deleteItem(req, store, list, item);
    }
    if (rest.length === 5 && rest[4] === "fields") {
      only("GET", "PATCH");
      return m === "GET"
        ? items.getFields(req, list, item)
        : items.updateItem(req, store, site, list, item, true);
    }
  }
  throw notImplemented(`'${m} ${path}'`);
}

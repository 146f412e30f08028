// Site ids are `hostname,{site guid},{web guid}` derived from the hostname and path, so they are the same on every
// start without being stored.
import { createHash } from "node:crypto";
import type { SiteRecord } from "./model";

function guidFrom(text: string): string {
  const h = createHash("sha1").update(text).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function siteRecordFor(
  hostname: string,
  path: string,
  created = new Date().toISOString(),
): SiteRecord {
  const host = hostname.toLowerCase();
  const p = "/" + path.replace(/^\/+|\/+$/g, "");
  const id = `${host},${guidFrom(`site|${host}|${p.toLowerCase()}`)},${guidFrom(`web|${host}|${p.toLowerCase()}`)}`;
  const last = p.split("/").filter(Boolean).pop() ?? host;
  return { id, hostname: host, path: p, displayName: last, created };
}

export function siteJson(site: SiteRecord): Record<string, unknown> {
  return {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#sites/$entity",
    createdDateTime: site.created,
    description: "",
    id: site.id,
    lastModifiedDateTime: site.created,
    name: site.displayName,
    webUrl: `https://${site.hostname}${site.path === "/" ? "" : site.path}`,
    displayName: site.displayName,
    root: {},
    siteCollection: { hostname: site.hostname },
  };
}

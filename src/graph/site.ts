// The SharePoint site and its lists. Everyday reads and writes address a list by site path and title
// (`/sites/{host}:/{path}:/lists/{title}/items`), which Graph resolves itself: nothing is looked up first, so even
// the first Outlook item of a session costs one $batch. Ids (siteId, allLists) are resolved only for provisioning.
import {
  AuthenticationHandlerOptions,
  type Client,
  type GraphRequest,
} from "@microsoft/microsoft-graph-client";
import { StoreError } from "../domain/errors";
import { SCOPES } from "./auth/scopes";
import { toStoreError } from "./errors";
import { LIST_NAMES, LIST_ORDER, type ListKey } from "./schema";

/** `https://contoso.sharepoint.com/sites/crm` → `/sites/contoso.sharepoint.com:/sites/crm` (the root site has no path). */
export function sitePathFor(siteUrl: string): string {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new StoreError("invalid", `The SharePoint site URL is not a URL: "${siteUrl}"`);
  }
  if (url.protocol !== "https:")
    throw new StoreError("invalid", `The SharePoint site URL must use https: "${siteUrl}"`);
  const path = decodeURIComponent(url.pathname).replace(/\/+$/, "");
  const host = url.hostname.toLowerCase();
  if (!path) return `/sites/${host}`;
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return `/sites/${host}:${encoded}`;
}

/**
 * The site as a prefix for further segments: `/sites/{host}:/{path}:` (the closing colon ends the path) or
 * `/sites/{host}` for the root site of a host.
 */
export function siteAddressFor(siteUrl: string): string {
  const p = sitePathFor(siteUrl);
  return p.includes(":") ? `${p}:` : p;
}

export interface ListInfo {
  id: string;
  displayName: string;
}

export class SharePointSite {
  private siteIdPromise?: Promise<string>;
  private lists?: Map<string, ListInfo>;
  private address?: string;

  constructor(
    readonly client: Client,
    readonly siteUrl: string,
  ) {}

  /** Same request builder, asking for Sites.Manage.All: for provisioning calls only. */
  manage(path: string): GraphRequest {
    return this.client
      .api(path)
      .middlewareOptions([new AuthenticationHandlerOptions(undefined, { scopes: [...SCOPES.manage] })]);
  }

  siteId(): Promise<string> {
    this.siteIdPromise ??= (async () => {
      try {
        const site = (await this.client.api(sitePathFor(this.siteUrl)).select("id").get()) as { id?: string };
        if (!site?.id) throw new StoreError("unknown", "Graph returned a site without an id");
        return site.id;
      } catch (e) {
        this.siteIdPromise = undefined;
        const err = toStoreError(e, `Cannot open the SharePoint site ${this.siteUrl}`);
        throw err.kind === "notFound"
          ? new StoreError(
              "notProvisioned",
              `The SharePoint site ${this.siteUrl} does not exist`,
              err.details,
            )
          : err;
      }
    })();
    return this.siteIdPromise;
  }

  /** Every list on the site by displayName (follows nextLink). Cached until `forget()`. */
  async allLists(refresh = false): Promise<Map<string, ListInfo>> {
    if (this.lists && !refresh) return this.lists;
    const siteId = await this.siteId();
    const out = new Map<string, ListInfo>();
    try {
      let page = (await this.client
        .api(`/sites/${siteId}/lists`)
        .select("id,displayName")
        .get()) as Page<ListInfo>;
      for (;;) {
        for (const l of page.value ?? []) out.set(l.displayName, { id: l.id, displayName: l.displayName });
        const next = page["@odata.nextLink"];
        if (!next) break;
        page = (await this.client.api(next).get()) as Page<ListInfo>;
      }
    } catch (e) {
      throw toStoreError(e, "Cannot read the lists of the SharePoint site");
    }
    this.lists = out;
    return out;
  }

  async listId(key: ListKey): Promise<string> {
    const ids = await this.listIds();
    return ids[key];
  }

  /** Ids of all six lists; notProvisioned when any is missing. */
  async listIds(): Promise<Record<ListKey, string>> {
    const lists = await this.allLists();
    const missing = LIST_ORDER.filter((k) => !lists.has(LIST_NAMES[k]));
    if (missing.length) {
      throw new StoreError(
        "notProvisioned",
        `The SharePoint lists are not set up: missing ${missing.map((k) => `"${LIST_NAMES[k]}"`).join(", ")}`,
      );
    }
    return Object.fromEntries(LIST_ORDER.map((k) => [k, lists.get(LIST_NAMES[k])!.id])) as Record<
      ListKey,
      string
    >;
  }

  /** `.../lists/{title}/items` by site path, the title URL-encoded (spaces as %20): no request to resolve ids. */
  itemsUrl(key: ListKey): string {
    this.address ??= siteAddressFor(this.siteUrl);
    return `${this.address}/lists/${encodeURIComponent(LIST_NAMES[key])}/items`;
  }

  /** Same as `itemsUrl`, kept awaitable for callers written when it resolved ids. */
  async itemsPath(key: ListKey): Promise<string> {
    return this.itemsUrl(key);
  }

  /** After provisioning (or a 404 on a list that was deleted): read the lists again next time. */
  forget(): void {
    this.lists = undefined;
  }
}

export interface Page<T> {
  value?: T[];
  "@odata.nextLink"?: string;
}

// One SharePoint list, seen as domain objects: list / getById / add / update / delete, plus the same verbs as
// $batch steps. Queries filter and sort only on indexed columns, so they never need the Prefer header and
// keep working above the 5,000-item threshold.
import { StoreError } from "../../domain/errors";
import type { BatchStep, StepResult } from "../batch";
import { fromHttpFailure, toStoreError } from "../errors";
import type { Fields, ListItem } from "../mapping";
import { itemsQuery, type ItemQuery } from "../odata";
import { isIndexed, LIST_NAMES, type ListKey } from "../schema";
import type { Page, SharePointSite } from "../site";
import { stepError } from "../batch";

export interface ListPage<T> {
  items: T[];
  /** `@odata.nextLink` exactly as Graph returned it. */
  nextLink?: string;
}

export class ListRepository<T> {
  constructor(
    readonly site: SharePointSite,
    readonly key: ListKey,
    private readonly fromItem: (item: ListItem) => T,
  ) {}

  get displayName(): string {
    return LIST_NAMES[this.key];
  }

  /** Refuses, before sending, a query Graph would refuse on a large list. */
  private check(q: ItemQuery): void {
    const cols = [...(q.filter?.matchAll(/fields\/([A-Za-z0-9_]+)/g) ?? [])].map((m) => m[1]!);
    if (q.orderBy) cols.push(q.orderBy.column);
    const bad = cols.filter((c) => !isIndexed(this.key, c));
    if (bad.length)
      throw new StoreError(
        "invalid",
        `${this.displayName}: cannot filter or sort on non-indexed ${[...new Set(bad)].join(", ")}`,
      );
  }

  /** Items URL addressed by site path and list title (no id look-up), with the query when given. */
  async url(query?: ItemQuery): Promise<string> {
    return this.urlNow(query);
  }

  private urlNow(query?: ItemQuery): string {
    if (query) this.check(query);
    return `${this.site.itemsUrl(this.key)}${query ? itemsQuery(query) : ""}`;
  }

  /**
   * The list addressed by title is missing (or the site is): a 404 on the items collection. Reported as
   * notProvisioned, so that emulator mode sets the lists up and tenant mode asks for the administrator.
   */
  missing(details?: { status?: number; code?: string; requestId?: string }): StoreError {
    return new StoreError(
      "notProvisioned",
      `The SharePoint lists are not set up: missing "${this.displayName}"`,
      details,
    );
  }

  private collectionError(e: unknown, what: string): StoreError {
    const err = toStoreError(e, what);
    return err.kind === "notFound" ? this.missing(err.details) : err;
  }

  parsePage(page: Page<ListItem>): ListPage<T> {
    return {
      items: (page.value ?? []).map(this.fromItem),
      ...(page["@odata.nextLink"] ? { nextLink: page["@odata.nextLink"] } : {}),
    };
  }

  /** One page; pass `nextLink` from a previous page to continue. */
  async list(query: ItemQuery, nextLink?: string): Promise<ListPage<T>> {
    try {
      const page = (await this.site.client.api(nextLink ?? this.urlNow(query)).get()) as Page<ListItem>;
      return this.parsePage(page);
    } catch (e) {
      throw this.collectionError(e, `Reading ${this.displayName} failed`);
    }
  }

  /** Every page of a query; `limit` bounds the pages read. */
  async listAll(query: ItemQuery, maxPages = 50): Promise<T[]> {
    const out: T[] = [];
    let next: string | undefined;
    for (let i = 0; i < maxPages; i++) {
      const page = await this.list(query, next);
      out.push(...page.items);
      if (!page.nextLink) return out;
      next = page.nextLink;
    }
    throw new StoreError("unknown", `${this.displayName}: more than ${maxPages} pages for one query`);
  }

  async getById(id: string): Promise<T> {
    try {
      const item = (await this.site.client
        .api(`${this.site.itemsUrl(this.key)}/${encodeURIComponent(id)}?$expand=fields`)
        .get()) as ListItem;
      return this.fromItem(item);
    } catch (e) {
      throw toStoreError(e, `Reading item ${id} of ${this.displayName} failed`);
    }
  }

  async add(fields: Fields): Promise<T> {
    try {
      const item = (await this.site.client.api(this.site.itemsUrl(this.key)).post({ fields })) as ListItem;
      return this.fromItem(item);
    } catch (e) {
      throw this.collectionError(e, `Adding to ${this.displayName} failed`);
    }
  }

  /** PATCH of the given fields only, guarded by the eTag: a stale eTag is a "conflict" and changes nothing. */
  async update(id: string, fields: Fields, eTag: string | undefined): Promise<void> {
    if (!eTag) throw new StoreError("invalid", `${this.displayName}: an update needs the item's eTag`);
    try {
      await this.site.client
        .api(`${this.site.itemsUrl(this.key)}/${encodeURIComponent(id)}/fields`)
        .header("If-Match", eTag)
        .patch(fields);
    } catch (e) {
      throw toStoreError(e, `Updating item ${id} of ${this.displayName} failed`);
    }
  }

  async delete(id: string, eTag?: string): Promise<void> {
    try {
      const req = this.site.client.api(`${this.site.itemsUrl(this.key)}/${encodeURIComponent(id)}`);
      await (eTag ? req.header("If-Match", eTag) : req).delete();
    } catch (e) {
      throw toStoreError(e, `Deleting item ${id} of ${this.displayName} failed`);
    }
  }

  // ---- the same verbs as $batch steps
  // Both address the items collection by list title: a 404 on them means the list is missing (`BatchStep.list`).
  async listStep(id: string, query: ItemQuery): Promise<BatchStep> {
    return { id, method: "GET", url: this.urlNow(query), list: this.displayName };
  }

  async addStep(id: string, fields: Fields, dependsOn?: string[]): Promise<BatchStep> {
    return {
      id,
      method: "POST",
      url: this.site.itemsUrl(this.key),
      list: this.displayName,
      body: { fields },
      ...(dependsOn ? { dependsOn } : {}),
    };
  }

  /** One item with all its fields. */
  getStep(id: string, itemId: string): BatchStep {
    return { id, method: "GET", url: `${this.itemUrl(itemId)}?$expand=fields` };
  }

  /** PATCH of the given fields only, guarded by the eTag (a stale one answers 412 and changes nothing). */
  updateStep(id: string, itemId: string, fields: Fields, eTag: string | undefined): BatchStep {
    if (!eTag) throw new StoreError("invalid", `${this.displayName}: an update needs the item's eTag`);
    return {
      id,
      method: "PATCH",
      url: `${this.itemUrl(itemId)}/fields`,
      headers: { "If-Match": eTag },
      body: fields,
    };
  }

  /** DELETE, guarded by the eTag when given. */
  deleteStep(id: string, itemId: string, eTag?: string): BatchStep {
    return {
      id,
      method: "DELETE",
      url: this.itemUrl(itemId),
      ...(eTag ? { headers: { "If-Match": eTag } } : {}),
    };
  }

  private itemUrl(itemId: string): string {
    if (!/^\d+$/.test(itemId))
      throw new StoreError("invalid", `${this.displayName}: "${itemId}" is not an item id`);
    return `${this.site.itemsUrl(this.key)}/${itemId}`;
  }

  /** The answer of an `updateStep` (the item's fields) as a domain object. */
  itemFromFieldsStep(itemId: string, r: StepResult): T {
    return this.fromItem({ id: itemId, fields: r.body as Fields });
  }

  /** Reads a list step's answer; a failed step becomes a StoreError. */
  pageFromStep(r: StepResult | undefined): ListPage<T> {
    if (!r) throw new StoreError("unknown", `${this.displayName}: no answer in the $batch`);
    if (r.status === 404) throw this.missing(stepError(r));
    if (r.status < 200 || r.status >= 300)
      throw fromHttpFailure(stepError(r), `Reading ${this.displayName} failed`);
    return this.parsePage(r.body as Page<ListItem>);
  }

  itemFromStep(r: StepResult): T {
    return this.fromItem(r.body as ListItem);
  }
}

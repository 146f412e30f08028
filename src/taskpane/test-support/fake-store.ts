// An in-memory InteractionStorePort built on the domain's own rules (matching, entry building, dedupe), so UI
// tests exercise real behaviour: what is logged shows up in history, the same item is never logged twice.
import {
  PROTECTED_NOTE,
  type KeepContentContext,
  type KeepContentRequest,
  type KeepContentResult,
} from "../../domain/content-ports";
import { buildEntries, buildSegment } from "../../domain/entry-builder";
import { describeChange, ENTRY_MESSAGES } from "../../domain/entry-changes";
import {
  bodyExcerpt,
  checkContentSize,
  contentFolderName,
  DEFAULT_CONTENT_LIMIT_BYTES,
  effectiveContentChoice,
  type ContentChoice,
} from "../../domain/mail-content";
import { StoreError, type StoreErrorKind } from "../../domain/errors";
import { normalizeEmail, resolveMatches, type MatchingPolicy } from "../../domain/matching";
import type {
  ContactLogResult,
  ContactSearchPage,
  ContactSearchQuery,
  DeleteCanceledFilter,
  DeleteCanceledProgress,
  DeleteCanceledResult,
  EntriesQuery,
  EntryChangeResult,
  EntryEdit,
  EntryEditResult,
  EntryFilter,
  EntryTotalsProgress,
  FlushOptions,
  HistoryPage,
  HistoryQuery,
  InteractionStorePort,
  ItemContext,
  LogRequest,
  LogResult,
  NewContact,
  PendingLog,
  ReferenceData,
} from "../../domain/ports";
import { newestFirst } from "../../domain/statistics";
import type {
  Contact,
  Correspondence,
  InteractionGroup,
  InteractionLogEntry,
  InteractionStatistics,
  InteractionTemplate,
  LoggedSegment,
  TemplateSetup,
} from "../../domain/types";
import { FakeEntryBook } from "./fake-entry-book";
import type { ListWarning, ProvisionSummary } from "../../domain/ports";
import { CONTACTS, GROUPS, SETUP, TEMPLATES, USER } from "./fixtures";

type Method = keyof InteractionStorePort;

/** A promise the test resolves when it chooses: for ordering responses. */
export interface Gate {
  promise: Promise<void>;
  open(): void;
}

export function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

export class FakeStore implements InteractionStorePort {
  contacts: Contact[] = CONTACTS.map((c) => ({ ...c }));
  templates: InteractionTemplate[] = TEMPLATES.map((t) => ({ ...t }));
  groups: InteractionGroup[] = [...GROUPS];
  setup: TemplateSetup = { ...SETUP };
  entries: InteractionLogEntry[] = [];
  pending: PendingLog[] = [];
  provisioned = true;
  calls: { method: Method; args: unknown[] }[] = [];
  /** Methods that fail once (or always) with a StoreError of the given kind. */
  private failures = new Map<Method, { kind: StoreErrorKind; message: string; times: number }>();
  /** While set, logInteraction waits for it (a log still on its way). */
  logGate?: Gate;
  /** Per-correspondence gates: loadItemContext waits for the gate of the item's sourceId. */
  contextGates = new Map<string, Gate>();
  private nextId = 1;
  private nextContact = 100;
  /** Entry management (cancel, edit, totals, delete canceled) over `entries`, with segments and eTags. */
  readonly book = new FakeEntryBook(() => this.entries);

  fail(method: Method, kind: StoreErrorKind, message = `fake ${kind}`, times = 1): void {
    this.failures.set(method, { kind, message, times });
  }

  callsOf(method: Method): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private enter(method: Method, args: unknown[]): void {
    this.calls.push({ method, args });
    const f = this.failures.get(method);
    if (f && f.times > 0) {
      f.times -= 1;
      throw new StoreError(f.kind, f.message, { status: f.kind === "forbidden" ? 403 : 503 });
    }
  }

  async loadItemContext(correspondence: Correspondence, policy: MatchingPolicy): Promise<ItemContext> {
    this.enter("loadItemContext", [correspondence, policy]);
    const g = correspondence.sourceId ? this.contextGates.get(correspondence.sourceId) : undefined;
    if (g) await g.promise;
    if (!this.provisioned) throw new StoreError("notProvisioned", "list 'Contacts' not found");
    return {
      correspondence,
      matches: resolveMatches(
        correspondence.participants,
        correspondence.mailboxOwner,
        policy,
        this.contacts,
      ),
      templates: this.templates,
      groups: this.groups,
      setup: this.setup,
      alreadyLogged: this.entries.filter(
        (e) => correspondence.sourceId && e.sourceId === correspondence.sourceId,
      ),
    };
  }

  async logInteraction(request: LogRequest, options: { requestId?: string } = {}): Promise<LogResult> {
    this.enter("logInteraction", [request, options]);
    if (this.logGate) await this.logGate.promise;
    const template = this.templates.find((t) => t.code === request.draft.templateCode);
    if (!template) throw new StoreError("invalid", `unknown template ${request.draft.templateCode}`);
    const segment =
      request.contacts.length > 1 ? { ...buildSegment(request), id: String(this.nextId++) } : undefined;
    if (segment) this.book.segments.push(this.book.stamp({ ...segment }, "s"));
    const built = buildEntries({
      correspondence: request.correspondence,
      contacts: request.contacts,
      draft: request.draft,
      template,
      user: request.user,
      requestId: options.requestId ?? `req-${this.calls.length}`,
      ...(segment?.id ? { loggedSegmentId: segment.id } : {}),
    });
    const results: ContactLogResult[] = built.map((entry) => {
      const existing = this.entries.find((e) => e.dedupeKey === entry.dedupeKey);
      if (existing) return { contactNo: entry.contactNo, status: "alreadyLogged", entry: existing };
      const stored = this.book.stamp({ ...entry, id: String(this.nextId++) });
      this.entries.push(stored);
      return { contactNo: entry.contactNo, status: "logged", entry: stored };
    });
    return { ...(segment ? { segment } : {}), results };
  }

  async getHistory(query: HistoryQuery): Promise<HistoryPage> {
    this.enter("getHistory", [query]);
    const no = query.contactNo.toUpperCase();
    const all = this.entries
      .filter((e) => query.includeCanceled !== false || !e.canceled)
      .filter((e) =>
        query.isCompany
          ? e.contactNo.toUpperCase() === no || e.contactCompanyNo?.toUpperCase() === no
          : e.contactNo.toUpperCase() === no,
      )
      .sort(newestFirst);
    const start = query.cursor ? Number(query.cursor) : 0;
    const page = all.slice(start, start + query.pageSize);
    const next = start + query.pageSize;
    return { entries: page, ...(next < all.length ? { nextCursor: String(next) } : {}) };
  }

  async createContact(contact: NewContact): Promise<Contact> {
    this.enter("createContact", [contact]);
    return this.addContact(contact);
  }

  private addContact(contact: NewContact): Contact {
    const contactNo = `CT${String(this.nextContact++).padStart(6, "0")}`;
    const company =
      contact.type === "Person" && contact.companyNo
        ? this.contacts.find((c) => c.contactNo === contact.companyNo && c.type === "Company")
        : undefined;
    if (contact.type === "Person" && contact.companyNo && !company)
      throw new StoreError("invalid", `The company ${contact.companyNo} does not exist`, {
        code: "unknownCompany",
      });
    const created: Contact = {
      ...contact,
      contactNo,
      id: String(this.nextId++),
      eTag: `"v1"`,
      ...(contact.type === "Company" ? { companyNo: contactNo, companyName: contact.name } : {}),
      ...(company ? { companyNo: company.contactNo, companyName: company.name } : {}),
    };
    this.contacts.push(created);
    return created;
  }

  async createPersonWithCompany(
    person: NewContact,
    company: NewContact,
  ): Promise<{ person: Contact; company: Contact }> {
    this.enter("createPersonWithCompany", [person, company]);
    const storedCompany = this.addContact({ ...company, type: "Company" });
    const storedPerson = this.addContact({ ...person, type: "Person", companyNo: storedCompany.contactNo });
    return { person: storedPerson, company: storedCompany };
  }

  /** Name prefix, exact or prefix e-mail, contact number, company domain: the real store's forms, in memory. */
  async findContacts(query: ContactSearchQuery): Promise<ContactSearchPage> {
    this.enter("findContacts", [query]);
    const t = query.text.replace(/\s+/g, " ").trim().toLowerCase();
    if (!t) return { contacts: [] };
    const hits = this.contacts.filter(
      (c) =>
        c.name.toLowerCase().startsWith(t) ||
        c.contactNo.toLowerCase() === t ||
        c.email?.startsWith(t) ||
        c.email2 === t ||
        c.domain === t,
    );
    const size = query.pageSize ?? 25;
    const start = query.cursor ? Number(query.cursor) : 0;
    const next = start + size;
    return {
      contacts: hits.slice(start, next),
      ...(next < hits.length ? { nextCursor: String(next) } : {}),
    };
  }

  async searchContacts(text: string): Promise<Contact[]> {
    this.enter("searchContacts", [text]);
    return (await this.findContacts({ text })).contacts;
  }

  async linkEmail(contact: Contact, address: string): Promise<Contact> {
    this.enter("linkEmail", [contact, address]);
    const email = normalizeEmail(address);
    const stored = this.contacts.find((c) => c.contactNo === contact.contactNo);
    if (!stored) throw new StoreError("notFound", `The contact ${contact.contactNo} no longer exists`);
    const other = this.contacts.find(
      (c) => c.contactNo !== stored.contactNo && (c.email === email || c.email2 === email),
    );
    if (other)
      throw new StoreError("conflict", `${email} already belongs to ${other.name}`, { code: "emailTaken" });
    if (stored.email2 && stored.email2 !== email)
      throw new StoreError("conflict", `${stored.name} already has ${stored.email2}`, {
        code: "email2Taken",
      });
    if (contact.eTag && stored.eTag && contact.eTag !== stored.eTag)
      throw new StoreError("conflict", `${stored.name} was changed meanwhile`, { code: "changed" });
    stored.email2 = email;
    stored.eTag = `"v${Number(/\d+/.exec(stored.eTag ?? "")?.[0] ?? 1) + 1}"`;
    return { ...stored };
  }

  async referenceData(): Promise<ReferenceData> {
    this.enter("referenceData", []);
    return { templates: this.templates, groups: this.groups, setup: this.setup };
  }

  async pendingLogs(): Promise<PendingLog[]> {
    this.enter("pendingLogs", []);
    return [...this.pending];
  }

  /** While set, flushPending waits for it: for overlapping-run tests. */
  flushGate?: Gate;
  /** While set, flushPending behaves like the real store offline: nothing sent, each log keeps this error. */
  flushOffline?: string;
  /** While set, flushPending behaves like a replay refused for good: each log tried is marked failed. */
  flushRefused?: string;

  async flushPending(options: FlushOptions = {}): Promise<number> {
    this.enter("flushPending", [options]);
    if (this.flushGate) await this.flushGate.promise;
    const due = (p: PendingLog) => !p.failed || options.includeFailed === true;
    if (this.flushOffline !== undefined || this.flushRefused !== undefined) {
      const lastError = (this.flushOffline ?? this.flushRefused)!;
      const failed = this.flushOffline === undefined;
      this.pending = this.pending.map((p) =>
        due(p) ? { ...p, attempts: p.attempts + 1, lastError, ...(failed ? { failed } : {}) } : p,
      );
      return 0;
    }
    const sending = this.pending.filter(due);
    const refused = new Map<string, string>();
    for (const p of sending) {
      if (p.change?.kind !== "edit") await this.logInteraction(p.request);
      else
        try {
          // Replayed with the eTag read: a change made meanwhile is refused, as the real store's replay is.
          this.book.edit(p.change.entries[0], p.change.edit);
        } catch (e) {
          refused.set(p.id, ENTRY_MESSAGES.editChangedMeanwhile + ` (${(e as Error).message})`);
        }
    }
    this.pending = this.pending.flatMap((p) =>
      refused.has(p.id)
        ? [{ ...p, attempts: p.attempts + 1, lastError: refused.get(p.id)!, failed: true }]
        : due(p)
          ? []
          : [p],
    );
    return sending.length - refused.size;
  }

  async discardPending(id: string): Promise<void> {
    this.enter("discardPending", [id]);
    this.pending = this.pending.filter((p) => p.id !== id);
  }

  /** What provisionLists reports (e.g. DedupeKey could not be made unique). */
  provisionReport: ProvisionSummary = {
    createdLists: [],
    addedColumns: [],
    indexedColumns: [],
    listWarnings: [],
  };

  async provisionLists(): Promise<ProvisionSummary> {
    this.enter("provisionLists", []);
    this.provisioned = true;
    return structuredClone(this.provisionReport);
  }

  /** Pending logs of other accounts on this device. */
  elsewhere = 0;

  async pendingElsewhere(): Promise<number> {
    this.enter("pendingElsewhere", []);
    return this.elsewhere;
  }

  /** What the once-per-start list check finds. */
  listWarnings: ListWarning[] = [];

  async checkLists(): Promise<ListWarning[]> {
    this.enter("checkLists", []);
    return [...this.listWarnings];
  }

  /** Adds history entries directly, as if logged earlier. */
  seedEntries(entries: Omit<InteractionLogEntry, "id">[]): void {
    for (const e of entries) this.entries.push(this.book.stamp({ ...e, id: String(this.nextId++) }));
  }

  /** Adds a logged segment directly; returns its id. */
  seedSegment(segment: Omit<LoggedSegment, "id">): string {
    const id = String(this.nextId++);
    this.book.segments.push(this.book.stamp({ ...segment, id }, "s"));
    return id;
  }

  // Entry management (issue 11), in memory: see fake-entry-book.ts.
  async listEntries(query: EntriesQuery): Promise<HistoryPage> {
    this.enter("listEntries", [query]);
    return this.book.list(query);
  }
  async entryTotals(
    filter: EntryFilter,
    onProgress?: (p: EntryTotalsProgress) => void,
    signal?: AbortSignal,
  ): Promise<InteractionStatistics> {
    this.enter("entryTotals", [filter]);
    return this.book.totals(filter, onProgress, signal);
  }
  async cancelEntries(entries: InteractionLogEntry[]): Promise<EntryChangeResult> {
    this.enter("cancelEntries", [entries]);
    return this.book.cancel(entries);
  }
  async uncancelEntry(entry: InteractionLogEntry): Promise<EntryChangeResult> {
    this.enter("uncancelEntry", [entry]);
    return this.book.uncancel(entry);
  }
  async cancelSegment(segmentId: string): Promise<EntryChangeResult> {
    this.enter("cancelSegment", [segmentId]);
    return this.book.cancelSegment(segmentId);
  }
  async uncancelSegment(segmentId: string): Promise<EntryChangeResult> {
    this.enter("uncancelSegment", [segmentId]);
    return this.book.uncancelSegment(segmentId);
  }
  async undoLog(result: LogResult): Promise<EntryChangeResult> {
    this.enter("undoLog", [result]);
    return this.book.undo(result);
  }
  /** The administrator's cap and the size limit, as the real store gets them from the configuration. */
  contentCap: ContentChoice = "full";
  contentLimitBytes = DEFAULT_CONTENT_LIMIT_BYTES;
  /** Uploaded files by folder name: what the document library would hold. */
  readonly folders = new Map<string, Map<string, number>>();

  async keepContent(request: KeepContentRequest, context: KeepContentContext): Promise<KeepContentResult> {
    let kept = effectiveContentChoice(request.choice, this.contentCap);
    try {
      this.enter("keepContent", [request, context]);
    } catch (e) {
      const err = e as StoreError;
      if (err.kind !== "offline") throw err;
      this.pending.push({
        id: `content-${this.nextId++}`,
        request: context.log,
        queuedAt: new Date().toISOString(),
        attempts: 0,
        lastError: err.message,
        content: request,
      });
      return { kept, uploaded: [], reused: [], queued: true };
    }
    const result: KeepContentResult = { kept, uploaded: [], reused: [] };
    if (kept === "none") return result;
    const ids = new Set(request.entryIds);
    const targets = this.entries.filter(
      (e) =>
        (e.id && ids.has(e.id)) ||
        (!e.canceled && e.sourceId === request.sourceId && request.contactNos?.includes(e.contactNo)),
    );
    if (request.notCopied) {
      for (const e of targets) e.bodyExcerpt = PROTECTED_NOTE;
      return { kept: "none", uploaded: [], reused: [], notCopied: request.notCopied };
    }
    const excerpt = request.plainBody ? bodyExcerpt(request.plainBody) : "";
    if (excerpt) result.bodyExcerpt = excerpt;
    if (kept === "full") {
      const files = request.files ?? [];
      const check = checkContentSize(
        files.map((f) => ({ name: f.name, size: f.bytes.length })),
        this.contentLimitBytes,
      );
      if (!check.ok) {
        kept = "excerpt";
        result.kept = kept;
        result.refused = check.message;
        result.refusedSize = { totalBytes: check.totalBytes, limitBytes: check.limitBytes };
      } else if (files.length) {
        const name = contentFolderName(request.sourceId);
        const folder = this.folders.get(name) ?? new Map<string, number>();
        this.folders.set(name, folder);
        const total = files.reduce((n, f) => n + f.bytes.length, 0);
        let sent = 0;
        for (const f of files) {
          if (folder.get(f.name) === f.bytes.length) {
            result.reused.push(f.name);
            continue;
          }
          folder.set(f.name, f.bytes.length);
          sent += f.bytes.length;
          context.onProgress?.(sent, total);
          result.uploaded.push(f.name);
        }
        result.documentUrl = `https://contoso.sharepoint.com/sites/crm/Interaction Documents/${name}`;
      }
    }
    for (const e of targets) {
      if (result.documentUrl) e.documentUrl = result.documentUrl;
      if (result.bodyExcerpt) e.bodyExcerpt = result.bodyExcerpt;
    }
    return result;
  }

  /** Offline (`fail("editEntry", "offline")`): kept in `pending` as the real store keeps it, with the eTag read. */
  async editEntry(entry: InteractionLogEntry, edit: EntryEdit): Promise<EntryEditResult> {
    try {
      this.enter("editEntry", [entry, edit]);
    } catch (e) {
      const err = e as StoreError;
      if (err.kind !== "offline") throw err;
      this.pending.push({
        id: `change-${this.nextId++}`,
        request: describeChange({ kind: "edit", entries: [entry], edit }, USER),
        queuedAt: new Date().toISOString(),
        attempts: 0,
        lastError: err.message,
        change: { kind: "edit", entries: [{ ...entry }], edit },
      });
      return { entry, queued: true };
    }
    return { entry: this.book.edit(entry, edit) };
  }
  async getSegment(segmentId: string): Promise<LoggedSegment | undefined> {
    this.enter("getSegment", [segmentId]);
    return this.book.getSegment(segmentId);
  }
  async countCanceled(filter: DeleteCanceledFilter): Promise<number> {
    this.enter("countCanceled", [filter]);
    return this.book.countCanceled(filter);
  }
  async deleteCanceled(
    filter: DeleteCanceledFilter,
    onProgress?: (p: DeleteCanceledProgress) => void,
    signal?: AbortSignal,
  ): Promise<DeleteCanceledResult> {
    this.enter("deleteCanceled", [filter]);
    const remove = (ids: Set<string>) => (this.entries = this.entries.filter((e) => !ids.has(e.id ?? "")));
    return this.book.deleteCanceled(filter, remove, onProgress, signal);
  }
}

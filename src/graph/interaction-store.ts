// InteractionStorePort over SharePoint lists through Microsoft Graph: a thin facade. Each job lives in its own
// module under ./store (item context, log writing, outbox replay, history, contacts); they share a StoreCore.
import type { KeepContentContext, KeepContentRequest, KeepContentResult } from "../domain/content-ports";
import type { MatchingPolicy } from "../domain/matching";
import type {
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
} from "../domain/ports";
import type {
  Contact,
  Correspondence,
  InteractionLogEntry,
  InteractionStatistics,
  LoggedSegment,
} from "../domain/types";
import { isTransient, toStoreError } from "./errors";
import type { ProvisionReport } from "./provisioning";
import { createContact } from "./store/contact-service";
import { readHistory } from "./store/history-reader";
import { loadItemContext } from "./store/item-context";
import { LogWriter } from "./store/log-writer";
import type { ListWarning, ProvisionSummary } from "../domain/ports";
import { checkDedupeKeys } from "./store/list-check";
import type { DrainRun } from "./send-queue-drain";
import { OutboxReplay, type ReplayContext } from "./store/outbox-replay";
import { StoreCore, type InteractionStoreDeps } from "./store/store-core";

export type { InteractionStoreDeps } from "./store/store-core";
export { formatContactNo, nextContactNumber } from "./store/contact-service";

/**
 * Search, linking and person-with-company run only from the contact views: loaded with them, on demand. The
 * store's chunks are named apart from the views' ("contacts", "entries"): the send handler reaches these imports
 * too, and a chunk shared with a view would carry Fluent into it and keep Fluent's whole token map in the pane.
 */
const contactsLater = () => import(/* webpackChunkName: "contacts-store" */ "./store/contacts-later");
/** The entries window's storage (list, totals, cancel, edit, delete job): loaded with it, on demand. */
const entriesLater = () => import(/* webpackChunkName: "entries-store" */ "./store/entries-later");
/** Keeping a mail's content (issue 15): loaded with the first log that keeps something. */
const contentLater = () => import(/* webpackChunkName: "content-store" */ "./store/content-later");
type EntryChanges = InstanceType<Awaited<ReturnType<typeof entriesLater>>["EntryChanges"]>;

export class GraphInteractionStore implements InteractionStorePort {
  private readonly core: StoreCore;
  private readonly outbox: OutboxReplay;
  private readonly writer: LogWriter;
  private changesLoaded?: Promise<EntryChanges>;

  constructor(deps: InteractionStoreDeps) {
    this.core = new StoreCore(deps);
    this.outbox = new OutboxReplay(deps.outbox, this.core.now, {
      ...(deps.account ? { account: deps.account } : {}),
      ...(deps.outboxRunDeadlineMs !== undefined ? { runDeadlineMs: deps.outboxRunDeadlineMs } : {}),
    });
    this.writer = new LogWriter(this.core, (request, id, err) => this.outbox.enqueue(request, id, err));
  }

  /** Cancel / un-cancel: applied now, or kept in the outbox when SharePoint cannot be reached. */
  private changes(): Promise<EntryChanges> {
    this.changesLoaded ??= entriesLater().then(({ EntryChanges }) => {
      const user = this.core.deps.account?.user ?? "";
      return new EntryChanges(
        this.core,
        (request, id, err, change) => this.outbox.enqueue(request, id, err, change),
        () => ({ displayName: user, emailAddress: user }),
      );
    });
    return this.changesLoaded;
  }

  loadItemContext(correspondence: Correspondence, policy: MatchingPolicy): Promise<ItemContext> {
    return this.core.provisionedOr(() => loadItemContext(this.core, correspondence, policy));
  }

  /** `requestId`: a log decided earlier (at send time) keeps its id, so its segment is found again, never doubled. */
  logInteraction(request: LogRequest, options: { requestId?: string } = {}): Promise<LogResult> {
    return this.writer.log(request, options.requestId ?? this.core.newId(), false);
  }

  /**
   * The item context and log of a send-time log kept for later, on a run's own client like the outbox's runs:
   * silent sign-in for background runs, every request aborted with the run's signal (see send-queue-drain).
   */
  forRun(run: ReplayContext): DrainRun {
    const forRun = this.core.deps.forRun;
    const core = forRun ? this.core.derive(forRun(run)) : this.core;
    const writer = forRun
      ? new LogWriter(core, (request, id, err) => this.outbox.enqueue(request, id, err))
      : this.writer;
    return {
      loadItemContext: (correspondence, policy) =>
        core.provisionedOr(() => loadItemContext(core, correspondence, policy)),
      logInteraction: (request, options = {}) =>
        writer.log(request, options.requestId ?? this.core.newId(), false),
    };
  }

  pendingLogs(): Promise<PendingLog[]> {
    return this.outbox.pending();
  }

  flushPending(options: FlushOptions = {}): Promise<number> {
    return this.outbox.flush(
      (p, run) =>
        p.change
          ? entriesLater().then(({ replayChange }) => replayChange(this.coreForRun(run), p.change!))
          : p.content
            ? this.replayContent(this.coreForRun(run), p.content, run.signal)
            : this.replayLog(p, run),
      options,
    );
  }

  /**
   * Keeps a mail's content with its entries. An upload that cannot finish now (offline, timed out, throttled) is
   * not lost: the content, files included, waits in the outbox and is kept when SharePoint is back (`queued`).
   */
  async keepContent(request: KeepContentRequest, context: KeepContentContext): Promise<KeepContentResult> {
    const settings = this.core.deps.content ?? {};
    const later = await contentLater();
    // Entries whose log waits in the outbox: the content goes with that log, kept right after they are written.
    let now = request;
    if (context.logRequestId && request.contactNos?.length) {
      const { contactNos, ...rest } = request;
      if (await this.outbox.attachContent(context.logRequestId, { ...rest, entryIds: [], contactNos })) {
        if (!request.entryIds.length) return later.queuedResult(settings, request);
        now = rest;
      }
    }
    try {
      return await this.core.provisionedOr(() =>
        later.keepContent(this.core, settings, now, context.onProgress),
      );
    } catch (e) {
      const err = toStoreError(e);
      if (!isTransient(err)) throw err;
      await this.outbox.enqueue(context.log, this.core.newId(), err, undefined, now);
      return later.queuedResult(settings, now);
    }
  }

  /**
   * A pending log, and the content that waits with it: once every entry is written the content is kept; should that
   * fail now it waits on its own (the log is done and leaves the outbox).
   */
  private async replayLog(p: PendingLog, run: ReplayContext): Promise<LogResult> {
    const result = await this.writerForRun(run).log(p.request, p.id, true);
    const done = result.results.every((r) => r.status === "logged" || r.status === "alreadyLogged");
    if (!p.keepAfter || !done) return result;
    try {
      await this.replayContent(this.coreForRun(run), p.keepAfter, run.signal);
    } catch (e) {
      await this.outbox.enqueue(p.request, this.core.newId(), toStoreError(e), undefined, p.keepAfter);
    }
    return result;
  }

  private async replayContent(
    core: StoreCore,
    request: KeepContentRequest,
    signal: AbortSignal,
  ): Promise<LogResult> {
    await (await contentLater()).keepContent(core, core.deps.content ?? {}, request, undefined, signal);
    return { results: [] };
  }

  private coreForRun(run: ReplayContext): StoreCore {
    const forRun = this.core.deps.forRun;
    return forRun ? this.core.derive(forRun(run)) : this.core;
  }

  /** A run's own client: silent sign-in for background runs, every request aborted when the run times out. */
  private writerForRun(run: ReplayContext): LogWriter {
    const forRun = this.core.deps.forRun;
    if (!forRun) return this.writer;
    return new LogWriter(this.core.derive(forRun(run)), (request, id, err) =>
      this.outbox.enqueue(request, id, err),
    );
  }

  discardPending(id: string): Promise<void> {
    return this.outbox.discard(id);
  }

  pendingElsewhere(): Promise<number> {
    return this.outbox.pendingElsewhere();
  }

  checkLists(): Promise<ListWarning[]> {
    return checkDedupeKeys(this.core);
  }

  getHistory(query: HistoryQuery): Promise<HistoryPage> {
    return this.core.provisionedOr(() => readHistory(this.core, query));
  }

  createContact(contact: NewContact): Promise<Contact> {
    return this.core.provisionedOr(() => createContact(this.core, contact));
  }

  createPersonWithCompany(
    person: NewContact,
    company: NewContact,
  ): Promise<{ person: Contact; company: Contact }> {
    return this.core.provisionedOr(async () =>
      (await contactsLater()).createPersonWithCompany(this.core, person, company),
    );
  }

  searchContacts(text: string): Promise<Contact[]> {
    return this.core.provisionedOr(async () => (await contactsLater()).searchContacts(this.core, text));
  }

  findContacts(query: ContactSearchQuery): Promise<ContactSearchPage> {
    return this.core.provisionedOr(async () => (await contactsLater()).findContacts(this.core, query));
  }

  linkEmail(contact: Contact, address: string): Promise<Contact> {
    return this.core.provisionedOr(async () =>
      (await contactsLater()).linkEmail(this.core, contact, address),
    );
  }

  referenceData(): Promise<ReferenceData> {
    return this.core.provisionedOr(() => this.core.referenceData());
  }

  // ---------------------------------------------------------------- the Interaction Log Entries window

  listEntries(query: EntriesQuery): Promise<HistoryPage> {
    return this.core.provisionedOr(async () => (await entriesLater()).listEntries(this.core, query));
  }

  entryTotals(
    filter: EntryFilter,
    onProgress?: (p: EntryTotalsProgress) => void,
    signal?: AbortSignal,
  ): Promise<InteractionStatistics> {
    return this.core.provisionedOr(async () =>
      (await entriesLater()).entryTotals(this.core, filter, onProgress, signal),
    );
  }

  // Cancel / un-cancel: applied now, or kept in the outbox when SharePoint cannot be reached (queued: true).
  async cancelEntries(entries: InteractionLogEntry[]): Promise<EntryChangeResult> {
    return (await this.changes()).run({ kind: "cancel", entries });
  }

  async uncancelEntry(entry: InteractionLogEntry): Promise<EntryChangeResult> {
    return (await this.changes()).run({ kind: "uncancel", entries: [entry] });
  }

  async cancelSegment(segmentId: string): Promise<EntryChangeResult> {
    return (await this.changes()).run({ kind: "cancel", entries: [], segmentIds: [segmentId] });
  }

  async uncancelSegment(segmentId: string): Promise<EntryChangeResult> {
    return (await this.changes()).run({ kind: "uncancel", entries: [], segmentIds: [segmentId] });
  }

  /** A log still waiting in the outbox is removed from it (never sent); what was written is canceled. */
  async undoLog(result: LogResult): Promise<EntryChangeResult> {
    if (result.requestId && result.results.some((r) => r.status === "queued"))
      await this.outbox.discard(result.requestId);
    return (await this.changes()).run((await entriesLater()).undoChange(result));
  }

  /** eTag-checked; kept in the outbox when SharePoint cannot be reached (queued: true, the entry as it was). */
  async editEntry(entry: InteractionLogEntry, edit: EntryEdit): Promise<EntryEditResult> {
    const r = await (await this.changes()).run({ kind: "edit", entries: [entry], edit });
    return { entry: r.entries[0] ?? entry, ...(r.queued ? { queued: true } : {}) };
  }

  async getSegment(segmentId: string): Promise<LoggedSegment | undefined> {
    return (await entriesLater()).getSegment(this.core, segmentId);
  }

  async countCanceled(filter: DeleteCanceledFilter): Promise<number> {
    return (await entriesLater()).countCanceled(this.core, filter);
  }

  async deleteCanceled(
    filter: DeleteCanceledFilter,
    onProgress?: (p: DeleteCanceledProgress) => void,
    signal?: AbortSignal,
  ): Promise<DeleteCanceledResult> {
    return (await entriesLater()).deleteCanceled(this.core, filter, onProgress, signal);
  }

  async provisionLists(): Promise<ProvisionSummary> {
    const { createdLists, addedColumns, indexedColumns, listWarnings } = await this.core.provision();
    return { createdLists, addedColumns, indexedColumns, listWarnings };
  }

  provision(): Promise<ProvisionReport> {
    return this.core.provision();
  }
}

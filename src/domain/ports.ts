// The seams between the pane and the outside world. src/office implements MailboxPort, src/graph implements
// InteractionStorePort; the UI receives both through props and never imports either layer.
import type { DateRange } from "./statistics";
import type {
  Contact,
  Evaluation,
  Correspondence,
  InteractionGroup,
  InteractionLogEntry,
  InteractionTemplate,
  InteractionStatistics,
  LogDraft,
  LoggedSegment,
  ParticipantMatch,
  TemplateSetup,
  UserProfile,
} from "./types";
import type { ContentStorePort, KeepContentRequest } from "./content-ports";
import type { StoreError } from "./errors";
import type { MatchingPolicy } from "./matching";

export interface MailboxPort {
  readonly user: UserProfile;
  /** Office's display language, e.g. "nl-NL". */
  readonly displayLanguage: string;
  readonly theme: "light" | "dark";
  /** Reads the selected item; null when nothing (or an unsupported item) is selected. */
  readCurrentItem(): Promise<Correspondence | null>;
  /** Pinned pane: called when the selection changes. Returns an unsubscribe function. */
  onItemChanged(listener: () => void): () => void;
  /**
   * Compose mode: called when the open draft's recipients change (Outlook's RecipientsChanged, Mailbox 1.7).
   * Subject and body edits send no event. Returns an unsubscribe function.
   */
  onRecipientsChanged(listener: () => void): () => void;
  /**
   * The contact the user chose for an address whose domain matches several companies, address → ContactNo.
   * Kept in the user's roaming settings, so the choice follows them to every Outlook.
   */
  rememberedChoices(): Record<string, string>;
  /** Remembers (or, with null, forgets) the choice for one address and saves it to the roaming settings. */
  rememberChoice(address: string, contactNo: string | null): Promise<void>;
  /** The selected item's body as plain text (to read a signature); undefined when the host cannot give it. */
  readBodyText(): Promise<string | undefined>;
}

/** Everything the pane needs to show an item, fetched in one Graph $batch. */
export interface ItemContext {
  correspondence: Correspondence;
  matches: ParticipantMatch[];
  templates: InteractionTemplate[];
  groups: InteractionGroup[];
  setup: TemplateSetup;
  /** Entries already logged from this item (SourceId), any contact. */
  alreadyLogged: InteractionLogEntry[];
}

export interface LogRequest {
  /** Absent for a manual interaction not tied to an Outlook item. */
  correspondence?: Correspondence;
  /** The persons or companies to log for; more than one makes a logged segment. */
  contacts: Contact[];
  draft: LogDraft;
  user: UserProfile;
}

export type ContactLogStatus = "logged" | "alreadyLogged" | "queued" | "failed";

export interface ContactLogResult {
  contactNo: string;
  status: ContactLogStatus;
  entry?: InteractionLogEntry;
  error?: StoreError;
}

export interface LogResult {
  segment?: LoggedSegment;
  results: ContactLogResult[];
  /** The log request's id: the outbox keeps a queued log under it (undo then removes it from there). */
  requestId?: string;
}

export interface HistoryQuery {
  contactNo: string;
  /** A company's history includes its persons' entries (ContactCompanyNo). */
  isCompany: boolean;
  pageSize: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
  includeCanceled?: boolean;
}

export interface HistoryPage {
  entries: InteractionLogEntry[];
  nextCursor?: string;
}

export interface PendingLog {
  id: string;
  request: LogRequest;
  queuedAt: string;
  attempts: number;
  lastError?: string;
  /**
   * The last replay failed for a reason a retry cannot fix (template blocked or deleted, 403, validation, an
   * unreadable 409). Such a log is no longer sent automatically; the user retries it with "Send now" or discards it.
   */
  failed?: boolean;
  /** Whose log it is; absent on logs queued before accounts were recorded (then `request.user` tells). */
  account?: OutboxAccount;
  /**
   * Not a log but a change to stored entries made offline (cancel / un-cancel, issue 11). `request` then only
   * describes it (the entries' contacts, the first entry's description) so that the pending list can show it.
   */
  change?: PendingChange;
  /**
   * Not a log but a mail's content to keep with entries already logged (issue 15): the upload failed and is retried
   * from here, files included. `request` then only describes it, as for a change.
   */
  content?: KeepContentRequest;
  /** A log whose mail's content is kept right after its entries are written (the two waited together). */
  keepAfter?: KeepContentRequest;
}

/**
 * A change to stored entries kept in the outbox while SharePoint cannot be reached and replayed like a log: cancel
 * or un-cancel (entries, logged segments), or an edit of one entry.
 */
export type PendingChange = PendingCancelChange | PendingEditChange;

/** Cancel or un-cancel. */
export interface PendingCancelChange {
  kind: "cancel" | "uncancel";
  /** The entries as last read (ids, eTags, keys): re-read on replay when they changed meanwhile. */
  entries: InteractionLogEntry[];
  /** Logged segments canceled or un-canceled with all their entries. */
  segmentIds?: string[];
}

/**
 * Evaluation, attempt failed and comment of one entry, made offline. `entries` holds that one entry as it was read
 * when the user edited it: its eTag guards the write on replay, so a change made meanwhile by someone else is
 * reported (the pending log is marked failed with the reason), never overwritten.
 */
export interface PendingEditChange {
  kind: "edit";
  entries: [InteractionLogEntry];
  edit: EntryEdit;
  segmentIds?: never;
}

/**
 * The account a pending log belongs to. It is only ever replayed (or listed, or discarded) by a pane of the same
 * tenant and user; `mailbox` is the shared mailbox's owner when the item came from one (else the user).
 */
export interface OutboxAccount {
  /** The SharePoint host of the configured site, e.g. "contoso.sharepoint.com" (one per tenant). */
  tenant: string;
  /** The signed-in user's address, lower case. */
  user: string;
  mailbox?: string;
}

export interface FlushOptions {
  /** Also retry the logs marked `failed` (the user's "Send now"); automatic runs leave them alone. */
  includeFailed?: boolean;
  /**
   * An automatic run (timer, back online, pane start): sign-in is silent only. When it needs the user, the run
   * stops and rejects with StoreError "unauthenticated", code `interactionRequired`; the pane then asks.
   */
  background?: boolean;
}

/** A problem with the SharePoint lists that only an administrator can fix. */
export interface ListWarning {
  /** The list's display name, e.g. "Interaction Log Entries". */
  list: string;
  column: string;
  /** notUnique: DedupeKey does not enforce unique values; notIndexed: an index is missing; missing: no column. */
  problem: "notUnique" | "notIndexed" | "missing";
  /** What SharePoint said, when it refused a change. */
  detail?: string;
}

/** What "Set up SharePoint lists" did. */
export interface ProvisionSummary {
  createdLists: string[];
  addedColumns: string[];
  indexedColumns: string[];
  listWarnings: ListWarning[];
}

/** Contact search: name prefix (Title), e-mail (Email, Email2, prefix), contact number or company domain. */
export interface ContactSearchQuery {
  text: string;
  /** 1-50; default 25. */
  pageSize?: number;
  /** Opaque cursor from a previous page of the same text. */
  cursor?: string;
}

export interface ContactSearchPage {
  contacts: Contact[];
  /** Present when more contacts match (only name and e-mail prefixes page). */
  nextCursor?: string;
}

/** Templates, groups and the template setup: what a log without an item needs. */
export interface ReferenceData {
  templates: InteractionTemplate[];
  groups: InteractionGroup[];
  setup: TemplateSetup;
}

export type NewContact = Omit<Contact, "contactNo" | "id" | "eTag">;

export interface InteractionStorePort extends EntryManagementPort, ContentStorePort {
  loadItemContext(correspondence: Correspondence, policy: MatchingPolicy): Promise<ItemContext>;
  /**
   * `requestId`: the log request's identity (a manual log's DedupeKey derives from it): a retry of the same request
   * passes the same id, so it can never write a second entry. A new id when absent.
   */
  logInteraction(request: LogRequest, options?: { requestId?: string }): Promise<LogResult>;
  getHistory(query: HistoryQuery): Promise<HistoryPage>;
  /**
   * Validated and written with the next free ContactNo. A person with a `companyNo` must name an existing
   * company; its CompanyName is taken from that company.
   */
  createContact(contact: NewContact): Promise<Contact>;
  /**
   * A new company (its `domain` set, so the next mail from that domain matches it) and a person at it, in one
   * step; a company with the same name and domain that already exists (say, from an earlier try) is reused.
   */
  createPersonWithCompany(
    person: NewContact,
    company: NewContact,
  ): Promise<{ person: Contact; company: Contact }>;
  /** The first page of `findContacts`, contacts only. */
  searchContacts(text: string): Promise<Contact[]>;
  /** One $batch per page: every search form that applies to the text, merged, each contact once. */
  findContacts(query: ContactSearchQuery): Promise<ContactSearchPage>;
  /**
   * Adds an address to a contact as its Email2, if Email2 is free, guarded by the contact's eTag. Refused with
   * StoreError "conflict" and code `emailTaken` (another contact has the address), `email2Taken` (the contact
   * already has another Email2) or `changed` (the contact changed since it was read).
   */
  linkEmail(contact: Contact, address: string): Promise<Contact>;
  /** Templates, groups and setup (cached for the session): for a log without an Outlook item. */
  referenceData(): Promise<ReferenceData>;
  /** Logs that could not reach Graph yet, kept on this device. */
  pendingLogs(): Promise<PendingLog[]>;
  /**
   * Tries to send the pending logs now; resolves with how many were sent. Transient failures (offline, throttled,
   * 5xx) stay queued; any other failure marks the log `failed`, which is skipped unless `includeFailed`.
   */
  flushPending(options?: FlushOptions): Promise<number>;
  /** The user's decision to drop a pending log: removed from this device, never sent. */
  discardPending(id: string): Promise<void>;
  /** How many pending logs on this device belong to other accounts (never shown or sent here). */
  pendingElsewhere(): Promise<number>;
  /** Administrator action: create or upgrade the SharePoint lists; the report names what could not be done. */
  provisionLists(): Promise<ProvisionSummary>;
  /**
   * Checks, once per pane start, that DedupeKey enforces unique values on Interaction Log Entries and Logged
   * Segments (one $batch reading the two lists' column definitions). Without it a replay can write twice.
   */
  checkLists(): Promise<ListWarning[]>;
}

// ---------------------------------------------------------------- the Interaction Log Entries window (issue 11)

/** Whose entries: a contact's (a company's include its persons'), one logged segment's, or one user's. */
export type EntryScope =
  | { kind: "contact"; contactNo: string; isCompany: boolean }
  | { kind: "segment"; segmentId: string }
  | { kind: "user"; userId: string };

/** The entries view's filters. The date range is inclusive (see statistics.ts `DateRange`). */
export interface EntryFilter extends DateRange {
  scope: EntryScope;
  groupCode?: string;
  templateCode?: string;
  /** Off by default, as in Business Central's window. */
  includeCanceled?: boolean;
}

export interface EntriesQuery extends EntryFilter {
  /** 1-500. */
  pageSize: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
}

/** Exact totals over every non-canceled entry matching the filter (never over a loaded page). */
export interface EntryTotalsProgress {
  /** Entries read so far. */
  read: number;
}

/** What may be changed on an entry afterwards (Business Central's "evaluate interaction"). */
export interface EntryEdit {
  evaluation?: Evaluation | null;
  attemptFailed?: boolean;
  comment?: string | null;
}

/** One entry a change could not be applied to (the others were). */
export interface EntryChangeFailure {
  entryId: string;
  contactNo: string;
  /** The contact's name as stored on the entry, when known. */
  contactName?: string;
  /** "conflict" (changed meanwhile, logged again), "notFound" (deleted meanwhile), ...: a clear message. */
  error: StoreError;
}

/** The result of cancel / un-cancel: the entries as stored afterwards. */
export interface EntryChangeResult {
  entries: InteractionLogEntry[];
  segment?: LoggedSegment;
  /** True when SharePoint could not be reached and the change waits in the outbox. */
  queued?: boolean;
  /** Entries left unchanged, each with its reason (partial failure); absent when every entry was changed. */
  failures?: EntryChangeFailure[];
}

/** The result of an edit: the entry as stored afterwards, or as it was when the edit waits in the outbox. */
export interface EntryEditResult {
  entry: InteractionLogEntry;
  /** True when SharePoint could not be reached and the edit waits in the outbox (replayed with the eTag read). */
  queued?: boolean;
}

/** Delete Canceled Interaction Log Entries (a batch job): only canceled entries are ever deleted. */
export interface DeleteCanceledFilter extends DateRange {
  contactNo?: string;
  /** A company with its persons (ContactCompanyNo): what the company's view shows. Used instead of contactNo. */
  companyNo?: string;
  groupCode?: string;
  templateCode?: string;
}

export interface DeleteCanceledProgress {
  deleted: number;
  total: number;
}

export interface DeleteCanceledResult {
  deleted: number;
  /** Logged segments left with no entry, deleted too. */
  segmentsDeleted: number;
  /** Entries changed meanwhile (say, un-canceled) or already gone, left alone. */
  skipped?: number;
  /** Folders of kept content (Interaction Documents) no remaining entry pointed to, deleted too (issue 15). */
  foldersDeleted?: number;
}

export interface EntryManagementPort {
  listEntries(query: EntriesQuery): Promise<HistoryPage>;
  /** Exact count, cost and duration; reads only the needed fields, in pages of up to 999. */
  entryTotals(
    filter: EntryFilter,
    onProgress?: (p: EntryTotalsProgress) => void,
    signal?: AbortSignal,
  ): Promise<InteractionStatistics>;
  /** Cancels entries (frees their dedupe keys, as the contract says). */
  cancelEntries(entries: InteractionLogEntry[]): Promise<EntryChangeResult>;
  /** Refused (StoreError "conflict", clear message) when the segment is canceled or the item was logged again. */
  uncancelEntry(entry: InteractionLogEntry): Promise<EntryChangeResult>;
  /** Cancels a logged segment and all its entries. */
  cancelSegment(segmentId: string): Promise<EntryChangeResult>;
  /**
   * Un-cancels a logged segment, then each of its entries with its own key. An entry whose item was logged again
   * for its contact meanwhile stays canceled (a `failures` line, code `loggedAgain`); the others come back.
   */
  uncancelSegment(segmentId: string): Promise<EntryChangeResult>;
  /** Cancels what a log just wrote (its segment included). */
  undoLog(result: LogResult): Promise<EntryChangeResult>;
  /**
   * eTag-checked: a change made meanwhile gives StoreError "conflict" and nothing is overwritten. Unreachable:
   * kept in the outbox (`queued`), replayed with the same eTag.
   */
  editEntry(entry: InteractionLogEntry, edit: EntryEdit): Promise<EntryEditResult>;
  getSegment(segmentId: string): Promise<LoggedSegment | undefined>;
  /** Dry run: how many canceled entries the filter would delete. */
  countCanceled(filter: DeleteCanceledFilter): Promise<number>;
  /** Deletes in $batches of 20; a second run after an interruption finishes the job. */
  deleteCanceled(
    filter: DeleteCanceledFilter,
    onProgress?: (p: DeleteCanceledProgress) => void,
    signal?: AbortSignal,
  ): Promise<DeleteCanceledResult>;
}

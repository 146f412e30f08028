// The seams between the pane and the outside world. src/office implements MailboxPort, src/graph implements
// InteractionStorePort; the UI receives both through props and never imports either layer.
import type {
  Contact,
  Correspondence,
  InteractionGroup,
  InteractionLogEntry,
  InteractionTemplate,
  LogDraft,
  LoggedSegment,
  ParticipantMatch,
  TemplateSetup,
  UserProfile,
} from "./types";
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
}

export interface FlushOptions {
  /** Also retry the logs marked `failed` (the user's "Send now"); automatic runs leave them alone. */
  includeFailed?: boolean;
}

export interface InteractionStorePort {
  loadItemContext(correspondence: Correspondence, policy: MatchingPolicy): Promise<ItemContext>;
  logInteraction(request: LogRequest): Promise<LogResult>;
  getHistory(query: HistoryQuery): Promise<HistoryPage>;
  /** Validated and written with the next free ContactNo. */
  createContact(contact: Omit<Contact, "contactNo" | "id">): Promise<Contact>;
  searchContacts(text: string): Promise<Contact[]>;
  /** Logs that could not reach Graph yet, kept on this device. */
  pendingLogs(): Promise<PendingLog[]>;
  /**
   * Tries to send the pending logs now; resolves with how many were sent. Transient failures (offline, throttled,
   * 5xx) stay queued; any other failure marks the log `failed`, which is skipped unless `includeFailed`.
   */
  flushPending(options?: FlushOptions): Promise<number>;
  /** The user's decision to drop a pending log: removed from this device, never sent. */
  discardPending(id: string): Promise<void>;
  /** Administrator action: create or upgrade the SharePoint lists. */
  provisionLists(): Promise<void>;
}

// The seams for keeping a mail's content with its entries (issue 15): src/office reads the mail (MailContentPort),
// src/graph stores it (ContentStorePort, part of the store). The pane only sees these shapes.
import type { ContentChoice } from "./mail-content";
import type { LogRequest } from "./ports";

export interface KeptFile {
  name: string;
  bytes: Uint8Array;
}

/** Why nothing of a mail was copied although the user asked for it. */
export type NotCopiedReason = "protected";

export interface KeepContentRequest {
  /** The source item's SourceId, as the entries carry it. */
  sourceId: string;
  /** The user's choice for this log (the administrator's cap lowers it). */
  choice: ContentChoice;
  /** The plain-text body, for the excerpt. */
  plainBody?: string;
  /** With "full": the `.eml`, or the body `.html` and the attachments the user kept. */
  files?: readonly KeptFile[];
  /** The entries logged from the item in this log. */
  entryIds: readonly string[];
  /**
   * Contacts whose entries are not written yet (their log waits in the outbox): their non-canceled entries of this
   * source are looked up by the indexed SourceId when the content is kept.
   */
  contactNos?: readonly string[];
  /** Set when the mail must not be copied: the entries then say why instead (see PROTECTED_NOTE). */
  notCopied?: NotCopiedReason;
}

export interface KeepContentResult {
  /** What was kept, after the cap (and "excerpt" when the whole mail was refused for its size). */
  kept: ContentChoice;
  documentUrl?: string;
  bodyExcerpt?: string;
  uploaded: string[];
  /** Files the folder held already (an earlier log of the same item): not uploaded again. */
  reused: string[];
  /** Why the whole mail was not kept (over the limit): nothing was uploaded. */
  refused?: string;
  /** The sizes behind `refused`, for the pane's own sentence. */
  refusedSize?: { totalBytes: number; limitBytes: number };
  /** SharePoint could not be reached: the content waits in the outbox and is kept when it is back. */
  queued?: boolean;
  notCopied?: NotCopiedReason;
  /** Attachments the host could not give: not kept (the pane says which). */
  unreadable?: string[];
}

/** One attachment the user may keep or leave out. */
export interface ContentAttachmentInfo {
  id: string;
  name: string;
  /** Bytes, as the host reports them. */
  size: number;
  /** A cloud attachment: kept as a link, never copied. */
  cloud: boolean;
}

/** What the selected mail offers to keep, known before anything is read. */
export interface MailContentInfo {
  /** How "the whole mail" is read: one `.eml` (Mailbox 1.14), or the body as `.html` plus the kept attachments. */
  whole: "eml" | "html";
  /** The attachments to tick (inline images go with the body); empty with "eml" (they are inside it). */
  attachments: ContentAttachmentInfo[];
  /** IRM / S/MIME: never copied. */
  protected: boolean;
  /** Bytes of every attachment the host lists (the `.eml` carries them all): for the size warning up front. */
  attachmentBytes: number;
}

export interface MailContent {
  plainBody: string;
  files: KeptFile[];
  notCopied?: NotCopiedReason;
  /** Ticked attachments the host could not give (left out; the rest is kept). */
  unreadable?: string[];
}

export interface ReadContentOptions {
  whole: boolean;
  keepAttachmentIds?: ReadonlySet<string>;
  /** The item the log was for (Correspondence.itemId). */
  itemId?: string;
}

/** src/office: the selected read-mode mail's content, and the user's default choice (roaming settings). */
export interface MailContentPort {
  /** The selected item's offer; undefined when it is not a mail in read mode. */
  describe(): Promise<MailContentInfo | undefined>;
  /**
   * Reads the selected mail: the plain body always, the files with `whole` (the ticked attachments; all of them when
   * `keepAttachmentIds` is absent). With `itemId`, refuses when another item is selected by now.
   */
  read(options: ReadContentOptions): Promise<MailContent>;
  /** The user's default ("Keep with the entry"), undefined when never set. */
  defaultChoice(): Promise<ContentChoice | undefined>;
  setDefaultChoice(choice: ContentChoice): Promise<void>;
}

/** src/graph: keeps the content; a transient failure queues it in the outbox (`queued`) instead of losing it. */
export interface ContentStorePort {
  keepContent(request: KeepContentRequest, context: KeepContentContext): Promise<KeepContentResult>;
}

export interface KeepContentContext {
  /** The log the content belongs to: it describes the content while it waits in the outbox. */
  log: LogRequest;
  /**
   * The log's request id (LogResult.requestId). When that log itself waits in the outbox, the content goes with it
   * (one pending log, kept right after its entries are written) instead of waiting apart.
   */
  logRequestId?: string;
  /** Bytes sent of all files to upload. */
  onProgress?: (sent: number, total: number) => void;
}

/**
 * Written to BodyExcerpt of entries whose mail is protected, so that the entry itself says why nothing was kept
 * (also read in SharePoint). The pane shows its own translated sentence for it.
 */
export const PROTECTED_NOTE =
  "[Not kept: this mail is protected (IRM or S/MIME), so its content was not copied.]";

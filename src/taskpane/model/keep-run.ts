// Keeping a mail's content with a log (issue 15), loaded on demand with the first log that keeps something. The mail
// is read when the user presses Log, while it is still the selected item (a pinned pane may be on another item by
// the time the log is written); a mail over the limit, by what is known up front, is neither read whole nor
// uploaded. Once the log is written the content goes to the store with progress.
import type {
  ContentAttachmentInfo,
  ContentStorePort,
  MailContent,
  MailContentInfo,
  MailContentPort,
} from "../../domain/content-ports";
import type { ContentChoice } from "../../domain/content-choice";
import type { StoreError } from "../../domain/errors";
import { checkContentSize, type ContentSizeCheck } from "../../domain/mail-content";
import type { LogRequest, LogResult } from "../../domain/ports";
import type { KeepRun } from "../hooks/useKeepContent";
import { asStoreError } from "./store-error";

export interface ReadInput {
  source: MailContentPort;
  choice: ContentChoice;
  limitBytes: number;
  /** What the mail offered, when known; without it every attachment is kept (nothing was shown to untick). */
  info?: MailContentInfo;
  keepIds: ReadonlySet<string>;
  /** The item the log is for: the read is refused when another one is selected. */
  itemId?: string;
}

export interface PreparedRead {
  check: ContentSizeCheck;
  whole: boolean;
  content?: MailContent;
  error?: StoreError;
}

/** What is known to be kept before reading: the ticked files, or every attachment inside an `.eml`. */
export function knownParts(
  info: MailContentInfo | undefined,
  keepIds: ReadonlySet<string>,
): { name: string; size: number }[] {
  if (!info) return [];
  if (info.whole === "eml") return [{ name: "mail.eml", size: info.attachmentBytes }];
  return info.attachments.filter((a: ContentAttachmentInfo) => keepIds.has(a.id) && !a.cloud);
}

export async function readForKeep(input: ReadInput): Promise<PreparedRead> {
  const check = checkContentSize(knownParts(input.info, input.keepIds), input.limitBytes);
  const whole = input.choice === "full" && check.ok;
  try {
    const content = await input.source.read({
      whole,
      ...(input.info ? { keepAttachmentIds: input.keepIds } : {}),
      ...(input.itemId ? { itemId: input.itemId } : {}),
    });
    return { check, whole, content };
  } catch (e) {
    return { check, whole, error: asStoreError(e) };
  }
}

/**
 * The entries to keep the content with: those the log wrote now, those it found already logged without any
 * content (a retried log whose first answer was lost), and the contacts whose entries wait in the outbox.
 */
export function keepTargets(result: LogResult): { entryIds: string[]; contactNos: string[] } {
  return {
    entryIds: result.results.flatMap((r) =>
      r.entry?.id &&
      (r.status === "logged" ||
        (r.status === "alreadyLogged" && !r.entry.documentUrl && !r.entry.bodyExcerpt))
        ? [r.entry.id]
        : [],
    ),
    contactNos: result.results.filter((r) => r.status === "queued").map((r) => r.contactNo),
  };
}

export interface FinishInput {
  store: ContentStorePort;
  sourceId: string;
  choice: ContentChoice;
  result: LogResult;
  request: LogRequest;
}

export async function finishKeep(
  input: FinishInput,
  prepared: Promise<PreparedRead>,
  report: (run: KeepRun) => void,
): Promise<void> {
  const { entryIds, contactNos } = keepTargets(input.result);
  if (input.choice === "none" || (!entryIds.length && !contactNos.length)) return;
  report({ phase: "reading", sent: 0, total: 0 });
  const { check, whole, content, error } = await prepared;
  if (error || !content) {
    report({ phase: "failed", sent: 0, total: 0, ...(error ? { error } : {}) });
    return;
  }
  try {
    const kept = await input.store.keepContent(
      {
        sourceId: input.sourceId,
        choice: input.choice === "full" && !whole ? "excerpt" : input.choice,
        plainBody: content.plainBody,
        ...(whole ? { files: content.files } : {}),
        entryIds,
        ...(contactNos.length ? { contactNos } : {}),
        ...(content.notCopied ? { notCopied: content.notCopied } : {}),
      },
      {
        log: input.request,
        ...(input.result.requestId ? { logRequestId: input.result.requestId } : {}),
        onProgress: (sent, total) => report({ phase: "uploading", sent, total }),
      },
    );
    const withUnread = content.unreadable?.length ? { ...kept, unreadable: content.unreadable } : kept;
    report({
      phase: "done",
      sent: 0,
      total: 0,
      result: check.ok
        ? withUnread
        : {
            ...withUnread,
            refused: check.message,
            refusedSize: { totalBytes: check.totalBytes, limitBytes: check.limitBytes },
          },
    });
  } catch (e) {
    report({ phase: "failed", sent: 0, total: 0, error: asStoreError(e) });
  }
}

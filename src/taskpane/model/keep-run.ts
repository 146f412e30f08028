// Keeping a mail's content after a log (issue 15), loaded on demand with the first log that keeps something: the
// size check on what is known up front (a mail over the limit is neither read nor uploaded), reading the mail, and
// the store's keepContent with progress.
import type { ContentStorePort, MailContentPort } from "../../domain/content-ports";
import type { ContentChoice } from "../../domain/content-choice";
import { checkContentSize } from "../../domain/mail-content";
import type { LogRequest, LogResult } from "../../domain/ports";
import type { KeepRun } from "../hooks/useKeepContent";
import { asStoreError } from "./store-error";

export interface KeepRunInput {
  source: MailContentPort;
  store: ContentStorePort;
  sourceId: string;
  choice: ContentChoice;
  limitBytes: number;
  /** The attachments the user could tick, and those kept. */
  attachments: readonly { id: string; name: string; size: number; cloud: boolean }[];
  keepIds: ReadonlySet<string>;
  result: LogResult;
  request: LogRequest;
}

/** The entries a log wrote now, and the contacts whose entries wait in the outbox. */
export function keepTargets(result: LogResult): { entryIds: string[]; contactNos: string[] } {
  return {
    entryIds: result.results.flatMap((r) => (r.status === "logged" && r.entry?.id ? [r.entry.id] : [])),
    contactNos: result.results.filter((r) => r.status === "queued").map((r) => r.contactNo),
  };
}

export async function runKeep(input: KeepRunInput, report: (run: KeepRun) => void): Promise<void> {
  const { entryIds, contactNos } = keepTargets(input.result);
  if (input.choice === "none" || (!entryIds.length && !contactNos.length)) return;
  report({ phase: "reading", sent: 0, total: 0 });
  try {
    const known = input.attachments.filter((a) => input.keepIds.has(a.id) && !a.cloud);
    const check = checkContentSize(known, input.limitBytes);
    const whole = input.choice === "full" && check.ok;
    const content = await input.source.read({ whole, keepAttachmentIds: input.keepIds });
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
            ...kept,
            refused: check.message,
            refusedSize: { totalBytes: check.totalBytes, limitBytes: check.limitBytes },
          },
    });
  } catch (e) {
    report({ phase: "failed", sent: 0, total: 0, error: asStoreError(e) });
  }
}

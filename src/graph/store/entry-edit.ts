// Business Central's "evaluate interaction" afterwards: evaluation, attempt failed and comment of one entry,
// written with the eTag it was read with. A change made meanwhile by someone else (412) is never overwritten:
// the entry is read again and returned inside the "conflict" error, for the pane to show.
import { ChangedMeanwhileError, ENTRY_MESSAGES } from "../../domain/entry-changes";
import { StoreError } from "../../domain/errors";
import type { EntryEdit } from "../../domain/ports";
import { EVALUATIONS, type InteractionLogEntry } from "../../domain/types";
import { isSuccess, stepError } from "../batch";
import { fromHttpFailure } from "../errors";
import { entryEditToFields } from "../mapping";
import { afterPatch } from "./entry-patch";
import type { StoreCore } from "./store-core";

/** Longest comment kept (a multi-line text column holds more; this keeps the pane and reports sane). */
export const COMMENT_MAX = 2000;

export function checkEdit(edit: EntryEdit): void {
  if (edit.evaluation != null && !(EVALUATIONS as readonly string[]).includes(edit.evaluation))
    throw new StoreError("invalid", `"${String(edit.evaluation)}" is not an evaluation`);
  if (edit.comment != null && edit.comment.length > COMMENT_MAX)
    throw new StoreError("invalid", `The comment is longer than ${COMMENT_MAX} characters`);
}

export async function editEntry(
  core: StoreCore,
  entry: InteractionLogEntry,
  edit: EntryEdit,
): Promise<InteractionLogEntry> {
  if (!entry.id) throw new StoreError("invalid", ENTRY_MESSAGES.notStored);
  checkEdit(edit);
  const fields = entryEditToFields(edit);
  if (!Object.keys(fields).length) return entry;
  if (!entry.eTag) throw new StoreError("invalid", "The entry was read without its eTag; reload it first");
  const answers = await core.run([core.entries.updateStep("edit", entry.id, fields, entry.eTag)], true);
  const r = answers.get("edit")!;
  if (isSuccess(r)) {
    const stored = afterPatch(entry, fields, r);
    // Graph answered without the new eTag: read it, so that the next edit is guarded too.
    return stored.eTag ? stored : core.entries.getById(entry.id);
  }
  if (r.status === 412) {
    const current = await core.entries.getById(entry.id).catch(() => undefined);
    // Our own write whose answer was lost and was re-sent: the entry already says what we wanted.
    if (current && hasEdit(current, edit)) return current;
    throw new ChangedMeanwhileError(ENTRY_MESSAGES.changedMeanwhile, current, {
      ...(stepError(r).requestId ? { requestId: stepError(r).requestId } : {}),
    });
  }
  if (r.status === 404)
    throw new StoreError("notFound", `Entry ${entry.id} (${entry.contactNo}) was deleted meanwhile`, {
      status: 404,
    });
  throw fromHttpFailure(stepError(r), `Changing entry ${entry.id} failed`);
}

function hasEdit(e: InteractionLogEntry, edit: EntryEdit): boolean {
  return (
    (edit.evaluation === undefined || (e.evaluation ?? null) === (edit.evaluation ?? null)) &&
    (edit.attemptFailed === undefined || e.attemptFailed === edit.attemptFailed) &&
    (edit.comment === undefined || (e.comment ?? "") === (edit.comment ?? ""))
  );
}

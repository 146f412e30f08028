// Cancel / un-cancel and edits go through the offline outbox like logging does: a change that cannot reach
// SharePoint (offline, throttled, 5xx after retries) is kept on the device as a PendingLog with a `change`, and
// replayed by the same flush as the logs. Replaying is safe: every cancel step reads what is stored first (an entry
// already canceled needs nothing; a stale eTag is re-read and the change planned again). An edit is replayed with
// the eTag it was read with: a change made meanwhile is reported (the pending log is marked failed with the
// reason), never overwritten.
import { ChangedMeanwhileError, describeChange, ENTRY_MESSAGES } from "../../domain/entry-changes";
import { StoreError } from "../../domain/errors";
import type {
  ContactLogResult,
  EntryChangeFailure,
  EntryChangeResult,
  LogRequest,
  LogResult,
  PendingChange,
} from "../../domain/ports";
import type { InteractionLogEntry, LoggedSegment, UserProfile } from "../../domain/types";
import { isTransient, toStoreError } from "../errors";
import { cancelEntries, cancelSegment, uncancelEntry, uncancelSegment } from "./entry-cancel";
import { editEntry } from "./entry-edit";
import type { StoreCore } from "./store-core";

/** Keeps a change in the outbox under a new id. */
export type EnqueueChange = (
  request: LogRequest,
  id: string,
  error: StoreError,
  change: PendingChange,
) => Promise<void>;

/** Applies a change now; per-entry refusals are in `failures`, a single un-cancel's refusal is thrown. */
export async function applyChange(core: StoreCore, change: PendingChange): Promise<EntryChangeResult> {
  if (change.kind === "edit") return { entries: [await editEntry(core, change.entries[0], change.edit)] };
  const entries: InteractionLogEntry[] = [];
  const failures: EntryChangeFailure[] = [];
  let segment: LoggedSegment | undefined;
  const add = (r: EntryChangeResult) => {
    entries.push(...r.entries);
    failures.push(...(r.failures ?? []));
    segment ??= r.segment;
  };
  for (const id of change.segmentIds ?? [])
    add(await (change.kind === "cancel" ? cancelSegment(core, id) : uncancelSegment(core, id)));
  if (change.kind === "cancel") {
    if (change.entries.length) add(await cancelEntries(core, change.entries));
  } else if (change.entries.length === 1 && !change.segmentIds?.length) {
    add(await uncancelEntry(core, change.entries[0]!));
  } else {
    for (const e of change.entries) {
      try {
        add(await uncancelEntry(core, e));
      } catch (err) {
        const error = toStoreError(err);
        if (isTransient(error)) throw error;
        failures.push({
          entryId: e.id ?? "",
          contactNo: e.contactNo,
          ...(e.contactName ? { contactName: e.contactName } : {}),
          error,
        });
      }
    }
  }
  return { entries, ...(segment ? { segment } : {}), ...(failures.length ? { failures } : {}) };
}

const WHAT: Record<PendingChange["kind"], string> = {
  cancel: "Canceling",
  uncancel: "Un-canceling",
  edit: "Saving the edit",
};

export class EntryChanges {
  constructor(
    private readonly core: StoreCore,
    private readonly enqueue: EnqueueChange,
    private readonly user: () => UserProfile,
  ) {}

  /** Online: applied. Unreachable: kept in the outbox, `queued: true`, the entries as they were. */
  async run(change: PendingChange): Promise<EntryChangeResult> {
    try {
      return await applyChange(this.core, change);
    } catch (e) {
      const err = toStoreError(e, `${WHAT[change.kind]} failed`);
      if (!isTransient(err)) throw err;
      await this.enqueue(describeChange(change, this.user()), this.core.newId(), err, change);
      return { entries: change.entries, queued: true };
    }
  }
}

/** A replayed change as the outbox reads a log's result: one line per entry; a refusal marks it failed. */
export async function replayChange(core: StoreCore, change: PendingChange): Promise<LogResult> {
  const r = await applyChange(core, change).catch((e: unknown) => {
    // An edit made offline met a change made meanwhile: the user is told what to do, in the pending list.
    if (change.kind === "edit" && e instanceof ChangedMeanwhileError)
      throw new StoreError("conflict", ENTRY_MESSAGES.editChangedMeanwhile, e.details);
    throw e;
  });
  const results: ContactLogResult[] = [
    ...r.entries.map((e): ContactLogResult => ({ contactNo: e.contactNo, status: "logged", entry: e })),
    ...(r.failures ?? []).map((f): ContactLogResult => ({
      contactNo: f.contactNo,
      status: isTransient(f.error) ? "queued" : "failed",
      error: f.error,
    })),
  ];
  return { ...(r.segment ? { segment: r.segment } : {}), results };
}

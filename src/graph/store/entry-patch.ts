// eTag-guarded PATCHes of entries in $batches of 20, shared by cancel / un-cancel and edit. A 412 (the entry
// changed since it was read) re-reads the entry and asks the caller again: the change is re-planned on what is
// stored now (say, it was canceled meanwhile: nothing left to do), tried once more, and otherwise reported.
// Nothing is ever written without the eTag it was planned on.
import { ChangedMeanwhileError, ENTRY_MESSAGES } from "../../domain/entry-changes";
import { StoreError } from "../../domain/errors";
import type { EntryChangeFailure } from "../../domain/ports";
import type { InteractionLogEntry } from "../../domain/types";
import { isSuccess, stepError, type StepResult } from "../batch";
import { fromHttpFailure, toStoreError } from "../errors";
import { entryFromItem, entryToFields, type Fields } from "../mapping";
import type { StoreCore } from "./store-core";

/** The fields to write for an entry as stored now; undefined when it needs nothing. May throw a StoreError. */
export type Plan = (entry: InteractionLogEntry) => Fields | undefined;

export interface PatchOutcome {
  /** Every entry in the desired state afterwards (changed now, or already so), as stored. */
  done: InteractionLogEntry[];
  failures: EntryChangeFailure[];
}

export interface PatchOptions {
  /** Message for a 409 (a unique value, i.e. the DedupeKey, is taken). */
  duplicate?: { message: string; code: string };
}

/**
 * The entry as stored after a PATCH: what was read, what was sent, and what Graph answered (its fields, with the
 * new eTag in `@odata.etag`, else in the ETag header; without either the entry comes back without an eTag and is
 * read again before it is written next).
 */
export function afterPatch(entry: InteractionLogEntry, sent: Fields, r: StepResult): InteractionLogEntry {
  const body = (r.body && typeof r.body === "object" ? r.body : {}) as Fields;
  const header = Object.entries(r.headers ?? {}).find(([k]) => k.toLowerCase() === "etag")?.[1];
  const eTag = (body["@odata.etag"] as string | undefined) ?? header;
  return entryFromItem({
    id: entry.id!,
    fields: { ...entryToFields(entry), ...sent, ...body, ...(eTag ? { "@odata.etag": eTag } : {}) },
  });
}

export async function patchEntries(
  core: StoreCore,
  entries: InteractionLogEntry[],
  plan: Plan,
  options: PatchOptions = {},
): Promise<PatchOutcome> {
  const out: PatchOutcome = { done: [], failures: [] };
  const fail = (e: InteractionLogEntry, error: StoreError) =>
    out.failures.push({
      entryId: e.id ?? "",
      contactNo: e.contactNo,
      ...(e.contactName ? { contactName: e.contactName } : {}),
      error,
    });
  // An entry read without its eTag (it should not happen) is read again first: never written blind.
  const blind = entries.filter((e) => !e.eTag);
  const known = entries.filter((e) => e.eTag);
  let round = planRound(
    [...known, ...(blind.length ? await reread(core, blind, fail) : [])],
    plan,
    out,
    fail,
  );
  for (let attempt = 0; round.length; attempt++) {
    const answers = await core.run(
      round.map((p, i) => core.entries.updateStep(`p${i}`, p.entry.id!, p.fields, p.entry.eTag)),
      true,
    );
    const stale: InteractionLogEntry[] = [];
    round.forEach((p, i) => {
      const r = answers.get(`p${i}`)!;
      if (isSuccess(r)) out.done.push(afterPatch(p.entry, p.fields, r));
      else if (r.status === 412) stale.push(p.entry);
      else fail(p.entry, stepFailure(r, p.entry, options));
    });
    if (!stale.length) break;
    const fresh = await reread(core, stale, fail);
    if (attempt >= 1) {
      // Changed again between our re-read and the retry: report, with the entry as stored now.
      for (const e of fresh) fail(e, new ChangedMeanwhileError(ENTRY_MESSAGES.changedMeanwhile, e));
      break;
    }
    round = planRound(fresh, plan, out, fail);
  }
  return out;
}

function planRound(
  entries: InteractionLogEntry[],
  plan: Plan,
  out: PatchOutcome,
  fail: (e: InteractionLogEntry, err: StoreError) => void,
): { entry: InteractionLogEntry; fields: Fields }[] {
  const round: { entry: InteractionLogEntry; fields: Fields }[] = [];
  for (const entry of entries) {
    try {
      const fields = plan(entry);
      if (fields === undefined) out.done.push(entry);
      else round.push({ entry, fields });
    } catch (e) {
      fail(entry, toStoreError(e));
    }
  }
  return round;
}

/** Reads entries again by id (one $batch per 20); the ones deleted meanwhile are reported. */
export async function reread(
  core: StoreCore,
  entries: InteractionLogEntry[],
  fail: (e: InteractionLogEntry, err: StoreError) => void,
): Promise<InteractionLogEntry[]> {
  const answers = await core.run(
    entries.map((e, i) => core.entries.getStep(`g${i}`, e.id!)),
    true,
  );
  const fresh: InteractionLogEntry[] = [];
  entries.forEach((e, i) => {
    const r = answers.get(`g${i}`)!;
    if (isSuccess(r)) fresh.push(core.entries.itemFromStep(r));
    else fail(e, stepFailure(r, e, {}));
  });
  return fresh;
}

function stepFailure(r: StepResult, entry: InteractionLogEntry, options: PatchOptions): StoreError {
  if (r.status === 404)
    return new StoreError("notFound", `Entry ${entry.id} (${entry.contactNo}) was deleted meanwhile`, {
      status: 404,
    });
  if (r.status === 409 && options.duplicate)
    return new StoreError("conflict", options.duplicate.message, {
      status: 409,
      code: options.duplicate.code,
    });
  return fromHttpFailure(stepError(r), `Changing entry ${entry.id} (${entry.contactNo}) failed`);
}

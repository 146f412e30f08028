// Writing a log: the logged segment first (for several contacts), then the entries in $batches of 20, each guarded
// by its unique DedupeKey, so a retry (after a lost answer, or replayed from the outbox) finds the entry instead of
// writing a second one. A transient failure sends the request to the outbox under the same request id.
import { contactVia } from "../../domain/contact-via";
import { hash128 } from "../../domain/dedupe";
import { buildEntries, buildSegment } from "../../domain/entry-builder";
import { StoreError } from "../../domain/errors";
import type { ContactLogResult, LogRequest, LogResult } from "../../domain/ports";
import type { Contact, InteractionLogEntry, LoggedSegment } from "../../domain/types";
import { hasErrors, validateDraft } from "../../domain/validation";
import { BATCH_LIMIT, isSuccess, stepError, type StepResult } from "../batch";
import { fromHttpFailure, isTransient, toStoreError } from "../errors";
import { entryToFields, segmentToFields } from "../mapping";
import { COL } from "../schema";
import { entriesByDedupeKeys } from "../repositories/entries";
import { segmentByDedupeKey } from "../repositories/segments";
import { describeErrors, type StoreCore } from "./store-core";

/** Keeps a request whose writing failed transiently, to be replayed later under the same id. */
export type Enqueue = (request: LogRequest, requestId: string, error: StoreError) => Promise<void>;

export class LogWriter {
  constructor(
    private readonly core: StoreCore,
    private readonly enqueue: Enqueue,
  ) {}

  /** `fromOutbox`: a replay, which the outbox itself keeps on failure (never enqueued a second time). */
  async log(request: LogRequest, requestId: string, fromOutbox: boolean): Promise<LogResult> {
    const contacts = uniqueContacts(request.contacts);
    try {
      return {
        ...(await this.core.provisionedOr(() => this.write(request, contacts, requestId, fromOutbox))),
        requestId,
      };
    } catch (e) {
      const err = toStoreError(e, "Logging the interaction failed");
      if (!isTransient(err)) throw err;
      if (!fromOutbox) await this.enqueue(request, requestId, err);
      return {
        requestId,
        results: contacts.map((k) => ({ contactNo: k.contactNo, status: "queued", error: err })),
      };
    }
  }

  private async write(
    request: LogRequest,
    contacts: Contact[],
    requestId: string,
    fromOutbox: boolean,
  ): Promise<LogResult> {
    const { templates } = await this.core.referenceData();
    const errors = validateDraft(request.draft, templates, contacts.length);
    if (hasErrors(errors))
      throw new StoreError("invalid", `The interaction cannot be logged: ${describeErrors(errors)}`, {
        code: "validation",
      });
    const template = templates.find((t) => t.code === request.draft.templateCode)!;

    let segment: LoggedSegment | undefined;
    let segmentCreated = false;
    if (contacts.length > 1) {
      ({ segment, created: segmentCreated } = await this.createSegment(
        {
          ...buildSegment(
            { correspondence: request.correspondence, draft: request.draft, user: request.user },
            this.core.now(),
          ),
          noOfInteractions: contacts.length,
        },
        `S-${hash128(requestId)}`,
      ));
    }
    const entries = buildEntries({
      correspondence: request.correspondence,
      contacts,
      draft: request.draft,
      template,
      user: request.user,
      requestId,
      ...(segment?.id ? { loggedSegmentId: segment.id } : {}),
      contactVia: contactVia(request.correspondence, contacts),
    });

    const results = new Map<string, ContactLogResult>();
    let queuedError: StoreError | undefined;
    const setAll = (list: InteractionLogEntry[], err: StoreError): void => {
      const transient = isTransient(err);
      if (transient) queuedError = err;
      for (const e of list)
        results.set(e.contactNo, {
          contactNo: e.contactNo,
          status: transient ? "queued" : "failed",
          error: err,
        });
    };
    for (let i = 0; i < entries.length; i += BATCH_LIMIT) {
      const chunk = entries.slice(i, i + BATCH_LIMIT);
      let answers: Map<string, StepResult>;
      try {
        const steps = await Promise.all(
          chunk.map((e, j) => this.core.entries.addStep(`e${i + j}`, entryToFields(e))),
        );
        answers = await this.core.run(steps, true);
      } catch (e) {
        // Never throw here: earlier chunks may have been queued, and the outbox must still receive them.
        setAll(chunk, toStoreError(e, "Logging the interaction failed"));
        continue;
      }
      const duplicates: InteractionLogEntry[] = [];
      chunk.forEach((entry, j) => {
        const r = answers.get(`e${i + j}`)!;
        if (isSuccess(r))
          results.set(entry.contactNo, {
            contactNo: entry.contactNo,
            status: "logged",
            entry: this.core.entries.itemFromStep(r),
          });
        else if (r.status === 409) duplicates.push(entry);
        else setAll([entry], fromHttpFailure(stepError(r), `Logging for ${entry.contactNo} failed`));
      });
      if (duplicates.length) {
        try {
          await this.readBackDuplicates(duplicates, results);
        } catch (e) {
          // The entries exist (409); only reading them back failed. A replay meets the 409 again: no duplicate.
          setAll(duplicates, toStoreError(e, "Reading back existing entries failed"));
        }
      }
    }

    const queued = [...results.values()].some((r) => r.status === "queued");
    if (queued && queuedError && !fromOutbox) await this.enqueue(request, requestId, queuedError);
    if (segment?.id && segmentCreated && !queued) {
      const used = [...results.values()].some((r) => r.entry?.loggedSegmentId === segment!.id);
      // Every entry already existed under an earlier segment: an empty segment would be clutter.
      if (!used) {
        await this.core.segments.delete(segment.id, segment.eTag).catch(() => undefined);
        segment = undefined;
      }
    }
    if (segment?.id && !queued) segment = await this.countSegment(segment, [...results.values()]);
    return { ...(segment ? { segment } : {}), results: contacts.map((k) => results.get(k.contactNo)!) };
  }

  /**
   * NoOfInteractions is the number of entries written for the segment: created with one per contact, it is lowered
   * when some contacts were logged before (their entries belong to an earlier segment). One PATCH, only then; a
   * failure leaves the count as it was (the entries are what matters).
   */
  private async countSegment(segment: LoggedSegment, results: ContactLogResult[]): Promise<LoggedSegment> {
    if (segment.noOfInteractions === undefined) return segment; // lists set up before the column existed
    const count = results.filter((r) => r.entry?.loggedSegmentId === segment.id).length;
    if (count === segment.noOfInteractions || count === 0) return segment;
    try {
      await this.core.segments.update(segment.id!, { [COL.segments.noOfInteractions]: count }, segment.eTag);
      return { ...segment, noOfInteractions: count };
    } catch {
      return segment;
    }
  }

  /** A 409 on DedupeKey: the entry exists (logged before, or our earlier attempt arrived). Read it back. */
  private async readBackDuplicates(
    duplicates: InteractionLogEntry[],
    results: Map<string, ContactLogResult>,
  ): Promise<void> {
    const existing = await this.core.entries.list(entriesByDedupeKeys(duplicates.map((d) => d.dedupeKey)));
    const byKey = new Map(existing.items.map((e) => [e.dedupeKey, e]));
    for (const d of duplicates) {
      const entry = byKey.get(d.dedupeKey);
      results.set(
        d.contactNo,
        entry
          ? { contactNo: d.contactNo, status: "alreadyLogged", entry }
          : {
              contactNo: d.contactNo,
              status: "failed",
              error: new StoreError(
                "duplicate",
                `An entry with the same key exists for ${d.contactNo} but cannot be read`,
              ),
            },
      );
    }
  }

  private async createSegment(
    segment: LoggedSegment,
    key: string,
  ): Promise<{ segment: LoggedSegment; created: boolean }> {
    const step = await this.core.segments.addStep("segment", segmentToFields(segment, key));
    const [answer] = [...(await this.core.run([step], true)).values()];
    if (answer && isSuccess(answer))
      return { segment: this.core.segments.itemFromStep(answer), created: true };
    if (answer?.status === 409) {
      const [existing] = (await this.core.segments.list(segmentByDedupeKey(key))).items;
      if (existing) return { segment: existing, created: false };
    }
    // Lists set up before NoOfInteractions (a contract addition) was provisioned: create the segment without it.
    if (
      answer?.status === 400 &&
      segment.noOfInteractions !== undefined &&
      /NoOfInteractions/.test(stepError(answer).message ?? "")
    ) {
      const { noOfInteractions: _n, ...without } = segment;
      return this.createSegment(without, key);
    }
    throw fromHttpFailure(stepError(answer!), "Creating the logged segment failed");
  }
}

function uniqueContacts(contacts: Contact[]): Contact[] {
  const seen = new Map<string, Contact>();
  for (const k of contacts) if (!seen.has(k.contactNo)) seen.set(k.contactNo, k);
  return [...seen.values()];
}

// InteractionStorePort over SharePoint lists through Microsoft Graph. Reads for an Outlook item go out as one
// $batch; writes go out in $batches of 20, each entry guarded by its unique DedupeKey, so a retry (after a lost
// answer, or replayed from the outbox) finds the entry instead of writing a second one.
import { StoreError } from "../domain/errors";
import { hash128 } from "../domain/dedupe";
import { buildEntries, buildSegment } from "../domain/entry-builder";
import {
  domainOf,
  lookupKeys,
  normalizeEmail,
  parentDomains,
  resolveMatches,
  type MatchingPolicy,
} from "../domain/matching";
import type {
  ContactLogResult,
  FlushOptions,
  HistoryPage,
  HistoryQuery,
  InteractionStorePort,
  ItemContext,
  LogRequest,
  LogResult,
  PendingLog,
} from "../domain/ports";
import type {
  Contact,
  Correspondence,
  InteractionGroup,
  InteractionLogEntry,
  InteractionTemplate,
  LoggedSegment,
  TemplateSetup,
} from "../domain/types";
import { hasErrors, validateDraft, validateNewContact } from "../domain/validation";
import {
  BATCH_LIMIT,
  BatchExecutor,
  isSuccess,
  stepError,
  type BatchOptions,
  type BatchStep,
  type StepResult,
} from "./batch";
import { GRAPH_VERSION } from "./client";
import { fromHttpFailure, isTransient, toStoreError } from "./errors";
import { contactToFields, entryToFields, segmentToFields, setupFromItems, type ListItem } from "./mapping";
import { provisionLists, seedReferenceData, type ProvisionReport } from "./provisioning";
import {
  contactsRepository,
  contactsByEmailPrefix,
  contactsByNamePrefix,
  contactsWhere,
  contactsWhereChunks,
  contactByNo,
  highestContactNo,
} from "./repositories/contacts";
import {
  entriesByDedupeKeys,
  entriesBySource,
  entriesRepository,
  historyQuery,
} from "./repositories/entries";
import { allGroups, groupsRepository } from "./repositories/groups";
import { segmentByDedupeKey, segmentsRepository } from "./repositories/segments";
import { allSetup, templateSetupRepository } from "./repositories/template-setup";
import { allTemplates, templatesRepository } from "./repositories/templates";
import type { OutboxStorage } from "./outbox";
import type { SharePointSite } from "./site";

export interface InteractionStoreDeps {
  site: SharePointSite;
  batch: BatchExecutor;
  /** Graph root without version: history cursors must point there. */
  baseUrl: string;
  mode: "emulator" | "tenant";
  outbox: OutboxStorage;
  newId?: () => string;
  now?: () => Date;
  /** How many times a lost $batch answer is re-sent at once before the log goes to the outbox. */
  networkRetries?: number;
  batchOptions?: BatchOptions;
}

interface ReferenceData {
  templates: InteractionTemplate[];
  groups: InteractionGroup[];
  setup: TemplateSetup;
}

const CONTACT_NO = /^CT(\d{6})$/;
const MAX_CONTACT_NO_ATTEMPTS = 5;
const MAX_HISTORY_FETCHES = 5;

export class GraphInteractionStore implements InteractionStorePort {
  private readonly contacts;
  private readonly entries;
  private readonly segments;
  private readonly groups;
  private readonly templates;
  private readonly setup;
  private reference?: ReferenceData;
  private flushing?: Promise<number>;
  private readonly newId: () => string;
  private readonly now: () => Date;

  constructor(private readonly deps: InteractionStoreDeps) {
    this.contacts = contactsRepository(deps.site);
    this.entries = entriesRepository(deps.site);
    this.segments = segmentsRepository(deps.site);
    this.groups = groupsRepository(deps.site);
    this.templates = templatesRepository(deps.site);
    this.setup = templateSetupRepository(deps.site);
    this.newId = deps.newId ?? (() => globalThis.crypto.randomUUID());
    this.now = deps.now ?? (() => new Date());
  }

  // ---------------------------------------------------------------- reads for an item

  loadItemContext(correspondence: Correspondence, policy: MatchingPolicy): Promise<ItemContext> {
    return this.provisionedOr(() => this.loadItemContextOnce(correspondence, policy));
  }

  private async loadItemContextOnce(c: Correspondence, policy: MatchingPolicy): Promise<ItemContext> {
    const { emails, domains } = lookupKeys(c.participants, policy, c.mailboxOwner);
    const steps: BatchStep[] = [];
    const contactSteps: string[] = [];
    for (const [column, values] of [
      ["Email", emails],
      ["Email2", emails],
      ["Domain", domains],
    ] as const)
      for (const [i, q] of contactsWhereChunks(column, values).entries()) {
        const id = `${column}-${i}`;
        contactSteps.push(id);
        steps.push(await this.contacts.listStep(id, q));
      }
    if (c.sourceId) steps.push(await this.entries.listStep("logged", entriesBySource(c.sourceId)));
    if (!this.reference) steps.push(...(await this.referenceSteps()));
    const answers = steps.length ? await this.run(steps, true) : new Map<string, StepResult>();
    if (!this.reference) this.reference = this.referenceFrom(answers);
    const found: Contact[] = [];
    for (const id of contactSteps) found.push(...this.contacts.pageFromStep(answers.get(id)).items);
    const alreadyLogged = answers.has("logged") ? this.entries.pageFromStep(answers.get("logged")).items : [];
    return {
      correspondence: c,
      matches: resolveMatches(c.participants, c.mailboxOwner, policy, found),
      ...this.reference,
      alreadyLogged,
    };
  }

  private async referenceSteps(): Promise<BatchStep[]> {
    return [
      await this.templates.listStep("templates", allTemplates),
      await this.groups.listStep("groups", allGroups),
      await this.setup.listStep("setup", allSetup),
    ];
  }

  private referenceFrom(answers: Map<string, StepResult>): ReferenceData {
    return {
      templates: this.templates.pageFromStep(answers.get("templates")).items,
      groups: this.groups.pageFromStep(answers.get("groups")).items,
      setup: setupFromItems(this.setup.pageFromStep(answers.get("setup")).items as ListItem[]),
    };
  }

  private async referenceData(): Promise<ReferenceData> {
    if (!this.reference)
      this.reference = this.referenceFrom(await this.run(await this.referenceSteps(), true));
    return this.reference;
  }

  // ---------------------------------------------------------------- logging

  async logInteraction(request: LogRequest): Promise<LogResult> {
    return this.logWithId(request, this.newId(), false);
  }

  private async logWithId(request: LogRequest, requestId: string, fromOutbox: boolean): Promise<LogResult> {
    const contacts = uniqueContacts(request.contacts);
    try {
      return await this.provisionedOr(() => this.writeLog(request, contacts, requestId, fromOutbox));
    } catch (e) {
      const err = toStoreError(e, "Logging the interaction failed");
      if (!isTransient(err)) throw err;
      if (!fromOutbox) await this.enqueue(request, requestId, err);
      return { results: contacts.map((k) => ({ contactNo: k.contactNo, status: "queued", error: err })) };
    }
  }

  private async writeLog(
    request: LogRequest,
    contacts: Contact[],
    requestId: string,
    fromOutbox: boolean,
  ): Promise<LogResult> {
    const { templates } = await this.referenceData();
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
        buildSegment(
          { correspondence: request.correspondence, draft: request.draft, user: request.user },
          this.now(),
        ),
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
    for (let i = 0; i < entries.length; i += BATCH_LIMIT) {
      const chunk = entries.slice(i, i + BATCH_LIMIT);
      let answers: Map<string, StepResult>;
      try {
        const steps = await Promise.all(
          chunk.map((e, j) => this.entries.addStep(`e${i + j}`, entryToFields(e))),
        );
        answers = await this.run(steps, true);
      } catch (e) {
        // Never throw here: earlier chunks may have been queued, and the outbox must still receive them.
        const err = toStoreError(e, "Logging the interaction failed");
        const transient = isTransient(err);
        if (transient) queuedError = err;
        for (const e2 of chunk)
          results.set(e2.contactNo, {
            contactNo: e2.contactNo,
            status: transient ? "queued" : "failed",
            error: err,
          });
        continue;
      }
      const duplicates: InteractionLogEntry[] = [];
      chunk.forEach((entry, j) => {
        const r = answers.get(`e${i + j}`)!;
        if (isSuccess(r))
          results.set(entry.contactNo, {
            contactNo: entry.contactNo,
            status: "logged",
            entry: this.entries.itemFromStep(r),
          });
        else if (r.status === 409) duplicates.push(entry);
        else {
          const err = fromHttpFailure(stepError(r), `Logging for ${entry.contactNo} failed`);
          if (isTransient(err)) queuedError = err;
          results.set(entry.contactNo, {
            contactNo: entry.contactNo,
            status: isTransient(err) ? "queued" : "failed",
            error: err,
          });
        }
      });
      if (duplicates.length) {
        try {
          await this.readBackDuplicates(duplicates, results);
        } catch (e) {
          // The entries exist (409); only reading them back failed. A replay meets the 409 again: no duplicate.
          const err = toStoreError(e, "Reading back existing entries failed");
          const transient = isTransient(err);
          if (transient) queuedError = err;
          for (const d of duplicates)
            results.set(d.contactNo, {
              contactNo: d.contactNo,
              status: transient ? "queued" : "failed",
              error: err,
            });
        }
      }
    }

    const queued = [...results.values()].some((r) => r.status === "queued");
    if (queued && queuedError && !fromOutbox) await this.enqueue(request, requestId, queuedError);
    if (segment?.id && segmentCreated && !queued) {
      const used = [...results.values()].some((r) => r.entry?.loggedSegmentId === segment!.id);
      // Every entry already existed under an earlier segment: an empty segment would be clutter.
      if (!used) {
        await this.segments.delete(segment.id, segment.eTag).catch(() => undefined);
        segment = undefined;
      }
    }
    return { ...(segment ? { segment } : {}), results: contacts.map((k) => results.get(k.contactNo)!) };
  }

  /** A 409 on DedupeKey: the entry exists (logged before, or our earlier attempt arrived). Read it back. */
  private async readBackDuplicates(
    duplicates: InteractionLogEntry[],
    results: Map<string, ContactLogResult>,
  ): Promise<void> {
    const existing = await this.entries.list(entriesByDedupeKeys(duplicates.map((d) => d.dedupeKey)));
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
    const [answer] = [
      ...(
        await this.run([await this.segments.addStep("segment", segmentToFields(segment, key))], true)
      ).values(),
    ];
    if (answer && isSuccess(answer)) return { segment: this.segments.itemFromStep(answer), created: true };
    if (answer?.status === 409) {
      const [existing] = (await this.segments.list(segmentByDedupeKey(key))).items;
      if (existing) return { segment: existing, created: false };
    }
    throw fromHttpFailure(stepError(answer!), "Creating the logged segment failed");
  }

  // ---------------------------------------------------------------- outbox

  private async enqueue(request: LogRequest, id: string, err: StoreError): Promise<void> {
    const pending: PendingLog = {
      id,
      request,
      queuedAt: this.now().toISOString(),
      attempts: 0,
      lastError: err.message,
    };
    await this.deps.outbox.put(pending);
  }

  pendingLogs(): Promise<PendingLog[]> {
    return this.deps.outbox.list();
  }

  flushPending(options: FlushOptions = {}): Promise<number> {
    this.flushing ??= this.flushOnce(options.includeFailed === true).finally(
      () => (this.flushing = undefined),
    );
    return this.flushing;
  }

  async discardPending(id: string): Promise<void> {
    // A run in progress may be replaying this very log and would put it back afterwards: let it finish first.
    await this.flushing?.catch(() => undefined);
    await this.deps.outbox.remove(id);
  }

  private async flushOnce(includeFailed: boolean): Promise<number> {
    let sent = 0;
    for (const pending of await this.deps.outbox.list()) {
      if (pending.failed && !includeFailed) continue;
      let result: LogResult | undefined;
      let error: StoreError | undefined;
      try {
        result = await this.logWithId(pending.request, pending.id, true);
      } catch (e) {
        error = toStoreError(e);
      }
      const open = result?.results.filter((r) => r.status === "queued" || r.status === "failed") ?? [];
      if (result && open.length === 0) {
        await this.deps.outbox.remove(pending.id);
        sent++;
        continue;
      }
      const queued = open.find((r) => r.status === "queued");
      error ??= (queued ?? open[0])?.error;
      // Offline, throttled, 5xx: retried later. Sign-in or missing lists hit every log alike and are not this
      // log's fault: kept as they are. Anything else will fail the same way again: it waits for the user.
      const transient = !!queued || !error || isTransient(error);
      const retryLater = transient || affectsEveryLog(error!);
      const failed = transient ? false : retryLater ? pending.failed === true : true;
      const { failed: _wasFailed, ...rest } = pending;
      await this.deps.outbox.put({
        ...rest,
        attempts: pending.attempts + 1,
        lastError: error?.message ?? "not sent",
        ...(failed ? { failed: true } : {}),
      });
      // Still offline (or signed out): the rest would fail the same way.
      if (retryLater) break;
    }
    return sent;
  }

  // ---------------------------------------------------------------- history

  getHistory(query: HistoryQuery): Promise<HistoryPage> {
    return this.provisionedOr(() => this.historyOnce(query));
  }

  private async historyOnce(query: HistoryQuery): Promise<HistoryPage> {
    if (!query.contactNo.trim()) throw new StoreError("invalid", "History needs a contact number");
    if (!Number.isInteger(query.pageSize) || query.pageSize < 1 || query.pageSize > 500)
      throw new StoreError("invalid", `History page size must be 1-500, got ${query.pageSize}`);
    const q = historyQuery(query.contactNo.trim(), query.isCompany, query.pageSize);
    const from = query.cursor !== undefined ? this.parseCursor(query.cursor) : undefined;
    // The page being read, as an absolute URL on our Graph root (a cursor may have to point back into it).
    let pageUrl = from?.url ?? `${this.deps.baseUrl}/${GRAPH_VERSION}${await this.entries.url(q)}`;
    let resume = from;
    const out: InteractionLogEntry[] = [];
    // Canceled is not indexed: filtered here, reading on while pages come back thin, and never returning more
    // than pageSize entries. A page cut short is continued by a cursor to that same Graph page plus the id of the
    // last entry returned (and its position, should that entry be gone).
    for (let fetches = 0; fetches < MAX_HISTORY_FETCHES; fetches++) {
      const page = await this.entries.list(q, pageUrl);
      let start = 0;
      if (resume) {
        const after = resume.after;
        const at = after ? page.items.findIndex((e) => e.id === after) : -1;
        start = at >= 0 ? at + 1 : Math.min(resume.skip, page.items.length);
        resume = undefined;
      }
      for (let i = start; i < page.items.length; i++) {
        const e = page.items[i]!;
        if (!query.includeCanceled && e.canceled) continue;
        if (out.length === query.pageSize) {
          const last = out[out.length - 1]!;
          return { entries: out, nextCursor: historyCursor(pageUrl, i, last.id) };
        }
        out.push(e);
      }
      if (!page.nextLink) return { entries: out };
      pageUrl = page.nextLink;
      if (out.length === query.pageSize) break;
    }
    return { entries: out, nextCursor: pageUrl };
  }

  /**
   * A cursor is a page URL on our own Graph root (anything else would carry the token elsewhere), with an optional
   * fragment `#skip=N&after=ID` of ours that is never sent.
   */
  private parseCursor(cursor: string): { url: string; skip: number; after?: string } {
    let url: URL;
    try {
      url = new URL(cursor);
    } catch {
      throw new StoreError("invalid", "The history cursor is not valid");
    }
    if (url.origin !== new URL(this.deps.baseUrl).origin)
      throw new StoreError("invalid", "The history cursor points elsewhere");
    const frag = new URLSearchParams(url.hash.slice(1));
    const skip = Number(frag.get("skip") ?? "0");
    if (!Number.isInteger(skip) || skip < 0)
      throw new StoreError("invalid", "The history cursor is not valid");
    const after = frag.get("after") ?? undefined;
    const hash = url.hash;
    return {
      url: hash ? cursor.slice(0, cursor.length - hash.length) : cursor,
      skip,
      ...(after ? { after } : {}),
    };
  }

  // ---------------------------------------------------------------- contacts

  createContact(contact: Omit<Contact, "contactNo" | "id">): Promise<Contact> {
    return this.provisionedOr(() => this.createContactOnce(contact));
  }

  private async createContactOnce(input: Omit<Contact, "contactNo" | "id">): Promise<Contact> {
    const email = input.email ? normalizeEmail(input.email) : undefined;
    const email2 = input.email2 ? normalizeEmail(input.email2) : undefined;
    const addresses = [email, email2].filter((x): x is string => !!x);
    const steps: BatchStep[] = [await this.contacts.listStep("highest", highestContactNo)];
    const q1 = contactsWhere("Email", addresses);
    const q2 = contactsWhere("Email2", addresses);
    if (q1) steps.push(await this.contacts.listStep("email", q1));
    if (q2) steps.push(await this.contacts.listStep("email2", q2));
    const answers = await this.run(steps, true);
    const taken = new Set<string>();
    for (const id of ["email", "email2"])
      if (answers.has(id))
        for (const k of this.contacts.pageFromStep(answers.get(id)).items)
          for (const a of [k.email, k.email2]) if (a && addresses.includes(a)) taken.add(a);
    const errors = validateNewContact({ ...input, email, email2 }, [...taken]);
    if (hasErrors(errors))
      throw new StoreError("invalid", `The contact cannot be created: ${describeErrors(errors)}`, {
        code: Object.values(errors).includes("duplicateEmail") ? "duplicateEmail" : "validation",
      });
    const highest = this.contacts.pageFromStep(answers.get("highest")).items[0]?.contactNo;
    let next = nextContactNumber(highest);
    for (let attempt = 0; attempt < MAX_CONTACT_NO_ATTEMPTS; attempt++, next++) {
      const contactNo = formatContactNo(next);
      const contact: Contact = {
        ...input,
        contactNo,
        name: input.name.trim(),
        ...(email ? { email } : {}),
        ...(email2 ? { email2 } : {}),
        ...(input.domain ? { domain: input.domain.trim().toLowerCase() } : {}),
        ...(input.type === "Company" ? { companyNo: contactNo, companyName: input.name.trim() } : {}),
      };
      try {
        return await this.contacts.add(contactToFields(contact));
      } catch (e) {
        if (!(e instanceof StoreError && e.kind === "duplicate")) throw e;
        // The number is taken: by someone else between our read and our write, or by this very contact when
        // the SDK retried a POST whose first answer was lost. Only the first case moves on to the next number.
        const holder = (await this.contacts.list(contactByNo(contactNo))).items[0];
        if (holder && sameNewContact(holder, contact)) return holder;
      }
    }
    throw new StoreError(
      "conflict",
      `No free contact number after ${MAX_CONTACT_NO_ATTEMPTS} attempts; try again`,
    );
  }

  searchContacts(text: string): Promise<Contact[]> {
    return this.provisionedOr(() => this.searchOnce(text));
  }

  private async searchOnce(raw: string): Promise<Contact[]> {
    const text = raw.replace(/\s+/g, " ").trim();
    if (!text) return [];
    const top = 25;
    const steps: BatchStep[] = [await this.contacts.listStep("name", contactsByNamePrefix(text, top))];
    if (/^[A-Za-z]{1,4}\d{1,10}$/.test(text))
      steps.push(await this.contacts.listStep("no", contactByNo(text)));
    if (text.includes("@")) {
      steps.push(await this.contacts.listStep("email", contactsWhere("Email", [normalizeEmail(text)], top)!));
      steps.push(
        await this.contacts.listStep("email2", contactsWhere("Email2", [normalizeEmail(text)], top)!),
      );
    } else if (!text.includes(" ")) {
      steps.push(await this.contacts.listStep("emailPrefix", contactsByEmailPrefix(text, top)));
      if (text.includes("."))
        steps.push(await this.contacts.listStep("domain", contactsWhere("Domain", [text], top)!));
    }
    const answers = await this.run(steps, true);
    const seen = new Map<string, Contact>();
    for (const s of steps) {
      const r = answers.get(s.id);
      // One refused search form (e.g. startswith not supported) must not hide the others' hits.
      if (!r || !isSuccess(r)) continue;
      for (const k of this.contacts.pageFromStep(r).items)
        if (!seen.has(k.contactNo)) seen.set(k.contactNo, k);
    }
    return [...seen.values()].slice(0, top);
  }

  // ---------------------------------------------------------------- set-up

  async provisionLists(): Promise<void> {
    await this.provision();
  }

  async provision(): Promise<ProvisionReport> {
    const report = await provisionLists(this.deps.site);
    await seedReferenceData(this.deps.site);
    this.reference = undefined;
    return report;
  }

  /** In emulator mode a missing list is set up on the spot; a tenant needs its administrator. */
  private async provisionedOr<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (e) {
      if (!(e instanceof StoreError && e.kind === "notProvisioned")) throw e;
      if (this.deps.mode !== "emulator") throw e;
      await this.provision();
      return op();
    }
  }

  private async run(steps: BatchStep[], idempotent: boolean): Promise<Map<string, StepResult>> {
    try {
      const answers = await this.deps.batch.execute(steps, {
        ...this.deps.batchOptions,
        networkRetries: idempotent ? (this.deps.networkRetries ?? 2) : 0,
      });
      // Lists are addressed by title: a 404 on a collection step means that list (or the site) is missing.
      const missing = [
        ...new Set(steps.filter((s) => s.list && answers.get(s.id)?.status === 404).map((s) => s.list!)),
      ];
      if (missing.length) {
        this.deps.site.forget();
        this.reference = undefined;
        const first = answers.get(steps.find((s) => s.list === missing[0])!.id)!;
        throw new StoreError(
          "notProvisioned",
          `The SharePoint lists are not set up: missing ${missing.map((m) => `"${m}"`).join(", ")}`,
          { ...stepError(first) },
        );
      }
      return answers;
    } catch (e) {
      throw toStoreError(e);
    }
  }
}

function affectsEveryLog(e: StoreError): boolean {
  return e.kind === "unauthenticated" || e.kind === "notProvisioned";
}

function historyCursor(pageUrl: string, skip: number, after: string | undefined): string {
  const frag = new URLSearchParams({ skip: String(skip), ...(after ? { after } : {}) });
  return `${pageUrl}#${frag.toString()}`;
}

function uniqueContacts(contacts: Contact[]): Contact[] {
  const seen = new Map<string, Contact>();
  for (const k of contacts) if (!seen.has(k.contactNo)) seen.set(k.contactNo, k);
  return [...seen.values()];
}

/** Which participant's address reached each contact: persons by their address, companies by their domain. */
function contactVia(c: Correspondence | undefined, contacts: Contact[]): Record<string, string> {
  const via: Record<string, string> = {};
  if (!c) return via;
  for (const p of c.participants) {
    const email = normalizeEmail(p.address);
    const domains = parentDomains(domainOf(email));
    const hit =
      contacts.find((k) => k.type === "Person" && (k.email === email || k.email2 === email)) ??
      contacts.find((k) => k.type === "Company" && !!k.domain && domains.includes(k.domain));
    if (hit && !Object.values(via).includes(hit.contactNo)) via[email] = hit.contactNo;
  }
  return via;
}

export function nextContactNumber(highest: string | undefined): number {
  const m = highest ? CONTACT_NO.exec(highest.trim().toUpperCase()) : null;
  return m ? Number(m[1]) + 1 : 1;
}

export function formatContactNo(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999_999)
    throw new StoreError("invalid", `Contact numbers are exhausted (${n})`);
  return `CT${String(n).padStart(6, "0")}`;
}

function describeErrors(errors: object): string {
  return Object.entries(errors)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(", ");
}

/** Whether a stored contact is the one we were creating (a retried create that had landed). */
function sameNewContact(stored: Contact, created: Contact): boolean {
  const norm = (v: string | undefined) => (v ?? "").trim().toLowerCase();
  return (
    stored.type === created.type &&
    norm(stored.name) === norm(created.name) &&
    norm(stored.email) === norm(created.email) &&
    norm(stored.domain) === norm(created.domain)
  );
}

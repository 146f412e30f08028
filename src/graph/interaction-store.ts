// InteractionStorePort over SharePoint lists through Microsoft Graph: a thin facade. Each job lives in its own
// module under ./store (item context, log writing, outbox replay, history, contacts); they share a StoreCore.
import type { MatchingPolicy } from "../domain/matching";
import { StoreError } from "../domain/errors";
import type {
  ContactSearchPage,
  ContactSearchQuery,
  DeleteCanceledResult,
  EntryChangeResult,
  FlushOptions,
  HistoryPage,
  HistoryQuery,
  InteractionStorePort,
  ItemContext,
  LogRequest,
  LogResult,
  NewContact,
  PendingLog,
  ReferenceData,
} from "../domain/ports";
import type {
  Contact,
  Correspondence,
  InteractionLogEntry,
  InteractionStatistics,
  LoggedSegment,
} from "../domain/types";
import type { ProvisionReport } from "./provisioning";
import { linkEmail } from "./store/contact-links";
import { findContacts } from "./store/contact-search";
import { createContact, createPersonWithCompany, searchContacts } from "./store/contact-service";
import { readHistory } from "./store/history-reader";
import { loadItemContext } from "./store/item-context";
import { LogWriter } from "./store/log-writer";
import { OutboxReplay } from "./store/outbox-replay";
import { StoreCore, type InteractionStoreDeps } from "./store/store-core";

export type { InteractionStoreDeps } from "./store/store-core";
export { formatContactNo, nextContactNumber } from "./store/contact-service";

export class GraphInteractionStore implements InteractionStorePort {
  private readonly core: StoreCore;
  private readonly outbox: OutboxReplay;
  private readonly writer: LogWriter;

  constructor(deps: InteractionStoreDeps) {
    this.core = new StoreCore(deps);
    this.outbox = new OutboxReplay(deps.outbox, this.core.now);
    this.writer = new LogWriter(this.core, (request, id, err) => this.outbox.enqueue(request, id, err));
  }

  loadItemContext(correspondence: Correspondence, policy: MatchingPolicy): Promise<ItemContext> {
    return this.core.provisionedOr(() => loadItemContext(this.core, correspondence, policy));
  }

  logInteraction(request: LogRequest): Promise<LogResult> {
    return this.writer.log(request, this.core.newId(), false);
  }

  pendingLogs(): Promise<PendingLog[]> {
    return this.outbox.pending();
  }

  flushPending(options: FlushOptions = {}): Promise<number> {
    return this.outbox.flush((p) => this.writer.log(p.request, p.id, true), options);
  }

  discardPending(id: string): Promise<void> {
    return this.outbox.discard(id);
  }

  getHistory(query: HistoryQuery): Promise<HistoryPage> {
    return this.core.provisionedOr(() => readHistory(this.core, query));
  }

  createContact(contact: NewContact): Promise<Contact> {
    return this.core.provisionedOr(() => createContact(this.core, contact));
  }

  createPersonWithCompany(
    person: NewContact,
    company: NewContact,
  ): Promise<{ person: Contact; company: Contact }> {
    return this.core.provisionedOr(() => createPersonWithCompany(this.core, person, company));
  }

  searchContacts(text: string): Promise<Contact[]> {
    return this.core.provisionedOr(() => searchContacts(this.core, text));
  }

  findContacts(query: ContactSearchQuery): Promise<ContactSearchPage> {
    return this.core.provisionedOr(() => findContacts(this.core, query));
  }

  linkEmail(contact: Contact, address: string): Promise<Contact> {
    return this.core.provisionedOr(() => linkEmail(this.core, contact, address));
  }

  referenceData(): Promise<ReferenceData> {
    return this.core.provisionedOr(() => this.core.referenceData());
  }

  // ---------------------------------------------------------------- entries (issue 11: being built)

  listEntries(): Promise<HistoryPage> {
    return notYet();
  }
  entryTotals(): Promise<InteractionStatistics> {
    return notYet();
  }
  cancelEntries(): Promise<EntryChangeResult> {
    return notYet();
  }
  uncancelEntry(): Promise<EntryChangeResult> {
    return notYet();
  }
  cancelSegment(): Promise<EntryChangeResult> {
    return notYet();
  }
  uncancelSegment(): Promise<EntryChangeResult> {
    return notYet();
  }
  undoLog(): Promise<EntryChangeResult> {
    return notYet();
  }
  editEntry(): Promise<InteractionLogEntry> {
    return notYet();
  }
  getSegment(): Promise<LoggedSegment | undefined> {
    return notYet();
  }
  countCanceled(): Promise<number> {
    return notYet();
  }
  deleteCanceled(): Promise<DeleteCanceledResult> {
    return notYet();
  }

  async provisionLists(): Promise<void> {
    await this.core.provision();
  }

  provision(): Promise<ProvisionReport> {
    return this.core.provision();
  }
}

function notYet<T>(): Promise<T> {
  return Promise.reject(new StoreError("invalid", "Not available yet"));
}

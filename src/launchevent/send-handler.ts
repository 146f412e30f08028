// The OnMessageSend / OnAppointmentSend handler. It never blocks sending: whatever happens, it completes with
// allowEvent true within the budget (Outlook says "taking longer than expected" at 5 s). Before any network call it
// keeps the log as an intent in the runtime's durable storage and marks the item "pending"; a log written in time
// removes the intent and marks the item "logged". The sent copy keeps the marker, so the pane can tell. A new
// meeting is saved first and logged under its iCalUId; entries the pane logged under its draft id move there (even
// when log on send is off for it), so the organiser's and every attendee's copy are one item.
import type { MatchingPolicy } from "../domain/matching";
import {
  choicesFor,
  sendTimeLogRequest,
  shouldLogOnSend,
  type SendLogIntent,
  type SendLogMarker,
} from "../domain/send-log";
import type { Correspondence, UserProfile } from "../domain/types";
import type { DrainableStore, SendLogQueue } from "../graph/send-queue";
import {
  loadProperties,
  perMailChoice,
  readLogOnSendDefault,
  writeSendLog,
  type ComposeLoggingHost,
} from "../office/compose-logging";
import { DRAFT_ID_PROPERTY } from "../office/draft-id";
import type { HostCallback, HostItem, HostOffice } from "../office/host-shapes";
import { readItem, type ReadContext } from "../office/item-reader";
import { officeAsync } from "../office/office-async";
import { RoamingChoices } from "../office/roaming-choices";

export interface SendEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

export interface SendHandlerDeps {
  office: HostOffice & ComposeLoggingHost;
  /** The store (same code as the pane) for this user; its outbox is not durable here, the intent is. */
  store(user: UserProfile): Promise<DrainableStore>;
  /** Where intents survive this runtime; undefined when it has no durable storage at all. */
  queue?: SendLogQueue;
  policy: MatchingPolicy;
  resolveMeetingUid?: (restId: string) => Promise<string | undefined>;
  now?: () => Date;
  newId(): string;
  /** Completes by then at the latest; default 3,500 ms (Outlook's notice comes at 5 s). */
  budgetMs?: number;
  report?(message: string): void;
}

export const DEFAULT_BUDGET_MS = 3500;

/** Returns the function Office calls with the send event. */
export function createSendHandler(deps: SendHandlerDeps): (event: SendEvent) => void {
  const now = deps.now ?? (() => new Date());
  const report = deps.report ?? (() => undefined);
  return (event) => {
    let done = false;
    const complete = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      event.completed({ allowEvent: true });
    };
    const timer = setTimeout(() => {
      report("log on send: budget reached, the log continues from the kept intent");
      complete();
    }, deps.budgetMs ?? DEFAULT_BUDGET_MS);
    let work: Promise<void>;
    try {
      work = logOnSend(deps, now, report);
    } catch (e) {
      work = Promise.reject(e);
    }
    work.catch((e: unknown) => report(`log on send failed: ${String(e)}`)).finally(complete);
  };
}

async function logOnSend(deps: SendHandlerDeps, now: () => Date, report: (m: string) => void): Promise<void> {
  const { office } = deps;
  const item = office.context.mailbox.item;
  if (!item) return;
  const props = await loadProperties(item);
  const logIt = shouldLogOnSend(perMailChoice(props), readLogOnSendDefault(office));
  // A meeting the pane logged while it was an unsaved draft is under its draft id. Whatever the choice for this
  // send, it is saved and those entries move to its iCalUId, the id the organiser's and every attendee's copy share.
  const draftId = props.get(DRAFT_ID_PROPERTY);
  const meetingDraft =
    item.itemType === office.MailboxEnums.ItemType.Appointment &&
    typeof draftId === "string" &&
    draftId.startsWith("draft:");
  if (!logIt && !meetingDraft) return;

  const profile = office.context.mailbox.userProfile ?? {};
  const user: UserProfile = {
    displayName: profile.displayName ?? "",
    emailAddress: profile.emailAddress ?? "",
  };
  const readContext: ReadContext = {
    office,
    mailboxOwner: { displayName: user.displayName, address: user.emailAddress },
    now,
    outlookWebUrl: "https://outlook.office.com",
    isSetSupported: (name, version) => {
      try {
        return !!office.context.requirements?.isSetSupported(name, version);
      } catch {
        return false;
      }
    },
    ...(deps.resolveMeetingUid ? { resolveMeetingUid: deps.resolveMeetingUid } : {}),
  };
  let correspondence = await readItem(readContext, item);
  if (!correspondence) return;

  if (!logIt) {
    // Nothing to log now: only the draft-time entries move (loading the item's context moves them).
    const saved = await savedMeeting(deps, readContext, item, correspondence);
    if (saved.draftSourceId) await (await deps.store(user)).loadItemContext(saved, deps.policy);
    return;
  }

  const id = deps.newId();
  const mark = async (state: SendLogMarker["state"]): Promise<void> => {
    // Loaded again: reading the item may have saved the draft id meanwhile.
    await writeSendLog(await loadProperties(item), { id, state, at: now().toISOString() });
  };
  // The user's choices for addresses that match several contacts (roaming settings, readable in every runtime).
  const choices = choicesFor(correspondence, new RoamingChoices(office.context.roamingSettings).all());
  let intent: SendLogIntent = {
    id,
    correspondence,
    user,
    queuedAt: now().toISOString(),
    attempts: 0,
    ...(Object.keys(choices).length ? { choices } : {}),
  };
  // Kept before any network call: a runtime shut down mid-way leaves the intent, never nothing.
  await Promise.all([mark("pending"), deps.queue?.put(intent)]);

  try {
    // A new meeting has no iCalUId until it is saved: save it and log it under the iCalUId, which every attendee's
    // copy shares (entries the pane logged under the draft id move there when the context loads).
    const saved = await savedMeeting(deps, readContext, item, correspondence);
    if (saved !== correspondence) {
      correspondence = saved;
      intent = { ...intent, correspondence };
      await deps.queue?.put(intent);
    }
    const store = await deps.store(user);
    const context = await store.loadItemContext(correspondence, deps.policy);
    const decided = sendTimeLogRequest(context, user, now(), choices);
    if (!("request" in decided)) {
      await Promise.all([deps.queue?.remove(id), mark("nothing")]);
      return;
    }
    const result = await store.logInteraction(decided.request, { requestId: id });
    if (result.results.every((r) => r.status === "logged" || r.status === "alreadyLogged")) {
      await Promise.all([deps.queue?.remove(id), mark("logged")]);
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    report(`log on send kept for later: ${message}`);
    // Only while it is still kept: a failure that comes after the pane wrote the log must not bring it back.
    if (deps.queue && (await deps.queue.has(id)))
      await deps.queue.put({ ...intent, attempts: 1, lastError: message });
  }
}

/** A new meeting (known by its draft id) saved and read again: its iCalUId, with the draft id alongside. */
async function savedMeeting(
  deps: SendHandlerDeps,
  readContext: ReadContext,
  item: HostItem,
  c: Correspondence,
): Promise<Correspondence> {
  const save = (item as { saveAsync?: (cb: HostCallback<unknown>) => void }).saveAsync;
  if (
    c.kind !== "meeting" ||
    !c.sourceId?.startsWith("draft:") ||
    typeof save !== "function" ||
    !deps.resolveMeetingUid
  )
    return c;
  await officeAsync<unknown>("saveAsync", (cb) => save.call(item, cb));
  const saved = await readItem(readContext, item);
  return saved?.sourceId && saved.sourceId !== c.sourceId ? saved : c;
}

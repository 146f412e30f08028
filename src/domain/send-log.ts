// Logging on send: who decides (the user's setting, overridden per mail), what the send-time log is (the item's
// known contacts with the set-up template), and the marker the item carries so that its sent copy can tell.
// Pure: the office layer reads and writes the item, the graph layer stores the log.
import { normalizeEmail } from "./matching";
import type { ItemContext, LogRequest } from "./ports";
import { defaultTemplate, draftFor } from "./template-defaults";
import type { Contact, Correspondence, ParticipantMatch, UserProfile } from "./types";

/**
 * What the item says about its send-time log. "pending": the handler started (or queued) it and the log may not be
 * written yet; "logged": written before the item left; "nothing": logging was on but no known contact was on it.
 */
export type SendLogState = "pending" | "logged" | "nothing";

export interface SendLogMarker {
  /** The log request's id (its segment key derives from it, so a replay finds the same segment). */
  id: string;
  state: SendLogState;
  /** ISO 8601 UTC of the last change. */
  at: string;
}

/** Where Outlook keeps these values is the office layer's business; the pane and the handler see this. */
export interface ComposeLoggingPort {
  /** The user's setting "Log sent mail and meetings to known contacts" (roams with the mailbox); off by default. */
  logOnSendDefault(): boolean;
  setLogOnSendDefault(on: boolean): Promise<void>;
  /** The per-mail choice of the selected compose item, or undefined when the user has not chosen. */
  readLogOnSend(): Promise<boolean | undefined>;
  writeLogOnSend(on: boolean): Promise<void>;
  /** The send-time marker of the selected item (a draft, or the sent copy that kept it). */
  readSendLog(): Promise<SendLogMarker | undefined>;
}

/** A send-time log that could not be written in time: the item as it was sent, to be matched and written later. */
export interface SendLogIntent {
  id: string;
  correspondence: Correspondence;
  user: UserProfile;
  queuedAt: string;
  attempts: number;
  lastError?: string;
  /**
   * The user's remembered choices (address → ContactNo) for the item's addresses that match several contacts, as
   * they were when it was sent: the send logs them for the chosen contact, as the pane would have preselected it.
   */
  choices?: Record<string, string>;
}

/** The per-mail choice wins; without one, the user's setting. */
export function shouldLogOnSend(perMail: boolean | undefined, userDefault: boolean): boolean {
  return perMail ?? userDefault;
}

const STATES: readonly SendLogState[] = ["pending", "logged", "nothing"];

/** Reads a marker back from the item's storage; anything malformed is treated as absent. */
export function parseSendLogMarker(raw: unknown): SendLogMarker | undefined {
  const value = typeof raw === "string" ? safeJson(raw) : raw;
  if (typeof value !== "object" || value === null) return undefined;
  const { id, state, at } = value as Record<string, unknown>;
  if (typeof id !== "string" || !/^[0-9A-Za-z:_-]{8,80}$/.test(id)) return undefined;
  if (typeof state !== "string" || !STATES.includes(state as SendLogState)) return undefined;
  if (typeof at !== "string" || !Number.isFinite(Date.parse(at))) return undefined;
  return { id, state: state as SendLogState, at };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The known contacts of the item, each once: persons and companies matched without ambiguity, and for an address
 * that matches several, the candidate the user chose before (`choices`: address → ContactNo, as the pane remembers
 * them). An ambiguous address without a remembered choice is left out: guessing would log the wrong contact.
 */
export function sendTimeContacts(context: ItemContext, choices: Record<string, string> = {}): Contact[] {
  const logged = new Set(
    context.alreadyLogged.filter((e) => !e.canceled).map((e) => e.contactNo.trim().toUpperCase()),
  );
  const seen = new Set<string>();
  const out: Contact[] = [];
  for (const m of context.matches) {
    const contact = m.status === "ambiguous" ? chosenCandidate(m, choices) : m.contact;
    if ((m.status !== "person" && m.status !== "company" && m.status !== "ambiguous") || !contact) continue;
    const key = contact.contactNo.trim().toUpperCase();
    if (seen.has(key)) continue;
    seen.add(key);
    // Logged already (from the draft, by hand): the DedupeKey would refuse it anyway; leaving it out keeps a
    // segment from being made for nothing.
    if (!logged.has(key)) out.push(contact);
  }
  return out;
}

function chosenCandidate(m: ParticipantMatch, choices: Record<string, string>): Contact | undefined {
  const no = choices[normalizeEmail(m.email)]?.trim().toUpperCase();
  return no ? m.candidates?.find((c) => c.contactNo.trim().toUpperCase() === no) : undefined;
}

/** The remembered choices that concern this item's addresses (kept with a send-time intent). */
export function choicesFor(c: Correspondence, choices: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of c.participants) {
    const key = normalizeEmail(p.address);
    const no = choices[key];
    if (key && no) out[key] = no;
  }
  return out;
}

/**
 * The log the send writes: every known contact not yet logged for this item, with the set-up template for mail
 * (Emails) or meetings (Meeting Invitation) and the form's defaults. Undefined when there is nothing to log or no
 * usable template is set up (the user is told in the pane, never at send time).
 */
export function sendTimeLogRequest(
  context: ItemContext,
  user: UserProfile,
  now: Date,
  choices: Record<string, string> = {},
): { request: LogRequest } | { nothing: "noContacts" | "noTemplate" } {
  const contacts = sendTimeContacts(context, choices);
  if (contacts.length === 0) return { nothing: "noContacts" };
  const c = context.correspondence;
  const template = defaultTemplate(c, context.setup, context.templates);
  if (!template) return { nothing: "noTemplate" };
  return { request: { correspondence: c, contacts, draft: draftFor(c, template, now), user } };
}

/** A string key-value store that survives the runtime (IndexedDB, OfficeRuntime.storage). */
export interface KeyValueStore {
  getItem(key: string): Promise<string | null | undefined>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  getKeys(): Promise<string[]>;
}

/**
 * A store that can take over a send-time log found on a sent item (marker "pending") when no runtime on this
 * device kept it: the sent copy itself is enough to match and write it, under the marker's id.
 */
export interface SendLogAdopter {
  /** True when the log was taken over; false when it is already kept here (or written). */
  adoptSendLog(intent: SendLogIntent): Promise<boolean>;
}

export function canAdoptSendLogs(store: object): store is SendLogAdopter {
  return typeof (store as Partial<SendLogAdopter>).adoptSendLog === "function";
}

// Contact search for the pane: every form that applies to the typed text (name prefix on the indexed Title,
// e-mail on Email/Email2 or an e-mail prefix, contact number, company domain) runs in one $batch, so a keystroke
// burst costs one request. Name and e-mail prefixes page through Graph's nextLinks; the cursor carries them.
import { StoreError } from "../../domain/errors";
import { normalizeEmail } from "../../domain/matching";
import type { ContactSearchPage, ContactSearchQuery } from "../../domain/ports";
import type { Contact } from "../../domain/types";
import { isSuccess, type BatchStep } from "../batch";
import { GRAPH_VERSION } from "../client";
import {
  contactsByEmailPrefix,
  contactsByNoPrefix,
  contactsByNamePrefix,
  contactsWhere,
} from "../repositories/contacts";
import type { StoreCore } from "./store-core";

export const SEARCH_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 50;
/** The forms that page: their nextLinks make the cursor. */
const PAGED = ["no", "name", "emailPrefix"] as const;
type PagedForm = (typeof PAGED)[number];
type Cursor = Partial<Record<PagedForm, string>>;

/** Collapses whitespace; the text is a value in a filter (escaped there), never part of the query syntax. */
export function searchText(raw: string): string {
  return String(raw ?? "")
    .replace(/\s+/g, " ")
    .trim();
}

export async function findContacts(core: StoreCore, query: ContactSearchQuery): Promise<ContactSearchPage> {
  const text = searchText(query.text);
  const size = query.pageSize ?? SEARCH_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
    throw new StoreError("invalid", `Search page size must be 1-${MAX_PAGE_SIZE}, got ${size}`);
  if (!text) return { contacts: [] };
  const steps =
    query.cursor !== undefined
      ? continuationSteps(core, parseCursor(query.cursor, core.deps.baseUrl))
      : await firstSteps(core, text, size);
  const answers = await core.run(steps, true);
  const seen = new Map<string, Contact>();
  const next: Cursor = {};
  let answered = 0;
  for (const s of steps) {
    const r = answers.get(s.id);
    // One refused search form (say, startswith where the Title index is missing) must not hide the others' hits.
    if (!r || !isSuccess(r)) continue;
    answered++;
    const page = core.contacts.pageFromStep(r);
    for (const k of page.items) if (!seen.has(k.contactNo)) seen.set(k.contactNo, k);
    if (page.nextLink && (PAGED as readonly string[]).includes(s.id)) next[s.id as PagedForm] = page.nextLink;
  }
  if (answered === 0 && steps.length > 0) {
    const failed = answers.get(steps[0]!.id);
    core.contacts.pageFromStep(failed); // throws the first form's error
  }
  return {
    contacts: [...seen.values()],
    ...(Object.keys(next).length ? { nextCursor: JSON.stringify(next) } : {}),
  };
}

export async function searchContacts(core: StoreCore, raw: string): Promise<Contact[]> {
  return (await findContacts(core, { text: raw })).contacts;
}

async function firstSteps(core: StoreCore, text: string, top: number): Promise<BatchStep[]> {
  const steps: BatchStep[] = [];
  // A contact number, whole or its start (the exact number is among the prefix's hits).
  if (/^[A-Za-z]{1,4}\d{1,10}$/.test(text))
    steps.push(await core.contacts.listStep("no", contactsByNoPrefix(text, top)));
  if (text.includes("@")) {
    const email = normalizeEmail(text);
    steps.push(await core.contacts.listStep("email", contactsWhere("Email", [email], top)!));
    steps.push(await core.contacts.listStep("email2", contactsWhere("Email2", [email], top)!));
  } else if (!text.includes(" ") && text.includes("."))
    steps.push(await core.contacts.listStep("domain", contactsWhere("Domain", [text], top)!));
  steps.push(await core.contacts.listStep("name", contactsByNamePrefix(text, top)));
  if (!text.includes(" "))
    steps.push(await core.contacts.listStep("emailPrefix", contactsByEmailPrefix(text, top)));
  return steps;
}

/** The next page of each paged form: its nextLink, as a $batch step relative to the Graph version. */
function continuationSteps(core: StoreCore, cursor: Cursor): BatchStep[] {
  const root = `${core.deps.baseUrl}/${GRAPH_VERSION}`;
  return PAGED.filter((f) => cursor[f]).map((f) => ({
    id: f,
    method: "GET",
    url: cursor[f]!.slice(root.length),
    list: core.contacts.displayName,
  }));
}

/** A cursor holds nextLinks on our own Graph root only: anything else would carry the token elsewhere. */
function parseCursor(cursor: string, baseUrl: string): Cursor {
  const bad = () => new StoreError("invalid", "The search cursor is not valid");
  let parsed: unknown;
  try {
    parsed = JSON.parse(cursor);
  } catch {
    throw bad();
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw bad();
  const root = `${baseUrl}/${GRAPH_VERSION}/`;
  const out: Cursor = {};
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (!(PAGED as readonly string[]).includes(k) || typeof v !== "string" || !v.startsWith(root))
      throw bad();
    out[k as PagedForm] = v;
  }
  if (!Object.keys(out).length) throw bad();
  return out;
}

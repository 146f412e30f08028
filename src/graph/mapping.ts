// The one mapping between SharePoint list item `fields` and domain objects, both ways, for every list.
// Reading is tolerant: a missing or null field becomes undefined (or the domain's neutral value), numbers
// stored as strings become numbers, and unknown choice values are dropped rather than trusted.
import {
  CONTACT_TYPES,
  CORRESPONDENCE_TYPES,
  EVALUATIONS,
  INFORMATION_FLOWS,
  INITIATED_BY,
  SETUP_PURPOSES,
  SOURCE_KINDS,
  type Contact,
  type InteractionGroup,
  type InteractionLogEntry,
  type InteractionTemplate,
  type LoggedSegment,
  type TemplateSetup,
} from "../domain/types";
import { COL } from "./schema";

export type Fields = Record<string, unknown>;

/** A list item as Graph returns it with `$expand=fields`. */
export interface ListItem {
  id: string;
  eTag?: string;
  "@odata.etag"?: string;
  fields?: Fields;
}

function str(f: Fields, k: string): string | undefined {
  const v = f[k];
  if (v === null || v === undefined) return undefined;
  const s = typeof v === "string" ? v : String(v);
  return s === "" ? undefined : s;
}

function num(f: Fields, k: string): number {
  const v = f[k];
  if (typeof v === "number") return Number.isFinite(v) ? v : 0;
  if (typeof v === "string" && v.trim() !== "") {
    const n = Number(v);
    return Number.isFinite(n) ? n : 0;
  }
  return 0;
}

function bool(f: Fields, k: string): boolean {
  const v = f[k];
  return v === true || v === "true" || v === 1 || v === "1" || v === "Yes";
}

function choice<T extends string>(f: Fields, k: string, allowed: readonly T[]): T | undefined {
  const v = str(f, k);
  return v !== undefined && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

function lower(v: string | undefined): string | undefined {
  return v === undefined ? undefined : v.trim().toLowerCase();
}

/** Drops undefined so that a PATCH never clears a field it did not mean to touch. */
function defined(o: Fields): Fields {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export function itemETag(item: ListItem): string | undefined {
  return item.eTag ?? item["@odata.etag"] ?? (item.fields?.["@odata.etag"] as string | undefined);
}

function fieldsOf(item: ListItem): Fields {
  return item.fields ?? {};
}

// ---- Interaction Groups
export function groupFromItem(item: ListItem): InteractionGroup {
  const f = fieldsOf(item);
  return { id: item.id, code: str(f, COL.groups.code) ?? "", description: str(f, COL.title) ?? "" };
}

export function groupToFields(g: InteractionGroup): Fields {
  return { [COL.title]: g.description, [COL.groups.code]: g.code };
}

// ---- Interaction Templates
export function templateFromItem(item: ListItem): InteractionTemplate {
  const f = fieldsOf(item);
  const c = COL.templates;
  return stripUndefined({
    id: item.id,
    code: str(f, c.code) ?? "",
    description: str(f, COL.title) ?? "",
    groupCode: str(f, c.groupCode) ?? "",
    informationFlow: choice(f, c.informationFlow, INFORMATION_FLOWS),
    initiatedBy: choice(f, c.initiatedBy, INITIATED_BY),
    unitCostLCY: num(f, c.unitCost),
    unitDurationMin: num(f, c.unitDuration),
    correspondenceType: choice(f, c.correspondenceType, CORRESPONDENCE_TYPES),
    languageCode: str(f, c.languageCode),
    blocked: bool(f, c.blocked),
  });
}

export function templateToFields(t: InteractionTemplate): Fields {
  const c = COL.templates;
  return defined({
    [COL.title]: t.description,
    [c.code]: t.code,
    [c.groupCode]: t.groupCode,
    [c.informationFlow]: t.informationFlow,
    [c.initiatedBy]: t.initiatedBy,
    [c.unitCost]: t.unitCostLCY,
    [c.unitDuration]: t.unitDurationMin,
    [c.correspondenceType]: t.correspondenceType,
    [c.languageCode]: t.languageCode,
    [c.blocked]: t.blocked,
  });
}

// ---- Interaction Template Setup (one item per purpose)
export function setupFromItems(items: ListItem[]): TemplateSetup {
  const setup: TemplateSetup = {};
  for (const item of items) {
    const f = fieldsOf(item);
    const purpose = choice(f, COL.title, SETUP_PURPOSES);
    const code = str(f, COL.setup.templateCode);
    if (purpose && code) setup[purpose] = code;
  }
  return setup;
}

export function setupToFields(purpose: string, templateCode: string): Fields {
  return { [COL.title]: purpose, [COL.setup.templateCode]: templateCode };
}

// ---- Contacts
export function contactFromItem(item: ListItem): Contact {
  const f = fieldsOf(item);
  const c = COL.contacts;
  return stripUndefined({
    id: item.id,
    eTag: itemETag(item),
    contactNo: str(f, c.contactNo) ?? "",
    type: choice(f, c.type, CONTACT_TYPES) ?? "Person",
    name: str(f, COL.title) ?? "",
    companyNo: str(f, c.companyNo),
    companyName: str(f, c.companyName),
    email: lower(str(f, c.email)),
    email2: lower(str(f, c.email2)),
    domain: lower(str(f, c.domain)),
    phone: str(f, c.phone),
    jobTitle: str(f, c.jobTitle),
  });
}

export function contactToFields(k: Contact): Fields {
  const c = COL.contacts;
  return defined({
    [COL.title]: k.name,
    [c.contactNo]: k.contactNo,
    [c.type]: k.type,
    [c.companyNo]: k.type === "Company" ? (k.companyNo ?? k.contactNo) : k.companyNo,
    [c.companyName]: k.companyName,
    [c.email]: lower(k.email || undefined),
    [c.email2]: lower(k.email2 || undefined),
    [c.domain]: lower(k.domain || undefined),
    [c.phone]: k.phone,
    [c.jobTitle]: k.jobTitle,
  });
}

// ---- Logged Segments
export function segmentFromItem(item: ListItem): LoggedSegment {
  const f = fieldsOf(item);
  const c = COL.segments;
  return stripUndefined({
    id: item.id,
    eTag: itemETag(item),
    description: str(f, COL.title) ?? "",
    creationDate: str(f, c.creationDate) ?? "",
    userId: str(f, c.userId) ?? "",
    canceled: bool(f, c.canceled),
    sourceId: str(f, c.sourceId),
    noOfInteractions:
      f[c.noOfInteractions] === undefined || f[c.noOfInteractions] === null
        ? undefined
        : num(f, c.noOfInteractions),
  });
}

export function segmentToFields(s: LoggedSegment, dedupeKey?: string): Fields {
  const c = COL.segments;
  return defined({
    [COL.title]: s.description,
    [c.creationDate]: s.creationDate,
    [c.userId]: s.userId,
    [c.canceled]: s.canceled,
    [c.sourceId]: s.sourceId,
    [c.dedupeKey]: dedupeKey,
    [c.noOfInteractions]: s.noOfInteractions,
  });
}

// ---- Interaction Log Entries
export function entryFromItem(item: ListItem): InteractionLogEntry {
  const f = fieldsOf(item);
  const c = COL.entries;
  const segment = f[c.loggedSegmentId];
  return stripUndefined({
    id: item.id,
    eTag: itemETag(item),
    description: str(f, COL.title) ?? "",
    contactNo: str(f, c.contactNo) ?? "",
    contactCompanyNo: str(f, c.contactCompanyNo),
    contactName: str(f, c.contactName),
    interactionDate: str(f, c.interactionDate) ?? "",
    informationFlow: choice(f, c.informationFlow, INFORMATION_FLOWS),
    initiatedBy: choice(f, c.initiatedBy, INITIATED_BY),
    templateCode: str(f, c.templateCode) ?? "",
    groupCode: str(f, c.groupCode),
    costLCY: num(f, c.cost),
    durationMin: num(f, c.duration),
    userId: str(f, c.userId) ?? "",
    subject: str(f, c.subject),
    evaluation: choice(f, c.evaluation, EVALUATIONS),
    attemptFailed: bool(f, c.attemptFailed),
    canceled: bool(f, c.canceled),
    correspondenceType: choice(f, c.correspondenceType, CORRESPONDENCE_TYPES),
    contactVia: str(f, c.contactVia),
    // Stored as a number column; the domain keeps SharePoint ids as strings.
    loggedSegmentId:
      segment === null || segment === undefined || segment === "" || Number(segment) === 0
        ? undefined
        : String(Math.trunc(Number(segment))),
    comment: str(f, c.comment),
    sourceKind: choice(f, c.sourceKind, SOURCE_KINDS) ?? "Manual",
    sourceId: str(f, c.sourceId),
    dedupeKey: str(f, c.dedupeKey) ?? "",
    webLink: str(f, c.webLink),
    documentUrl: str(f, c.documentUrl),
    bodyExcerpt: str(f, c.bodyExcerpt),
  });
}

export function entryToFields(e: InteractionLogEntry): Fields {
  const c = COL.entries;
  const segmentId = e.loggedSegmentId === undefined ? undefined : Number(e.loggedSegmentId);
  if (segmentId !== undefined && !Number.isInteger(segmentId))
    throw new TypeError(`LoggedSegmentId must be a SharePoint item id, got "${e.loggedSegmentId}"`);
  return defined({
    [COL.title]: e.description,
    [c.contactNo]: e.contactNo,
    [c.contactCompanyNo]: e.contactCompanyNo,
    [c.contactName]: e.contactName,
    [c.interactionDate]: e.interactionDate,
    [c.informationFlow]: e.informationFlow,
    [c.initiatedBy]: e.initiatedBy,
    [c.templateCode]: e.templateCode,
    [c.groupCode]: e.groupCode,
    [c.cost]: e.costLCY,
    [c.duration]: e.durationMin,
    [c.userId]: e.userId,
    [c.subject]: e.subject,
    [c.evaluation]: e.evaluation,
    [c.attemptFailed]: e.attemptFailed,
    [c.canceled]: e.canceled,
    [c.correspondenceType]: e.correspondenceType,
    [c.contactVia]: e.contactVia,
    [c.loggedSegmentId]: segmentId,
    [c.comment]: e.comment,
    [c.sourceKind]: e.sourceKind,
    [c.sourceId]: e.sourceId,
    [c.dedupeKey]: e.dedupeKey,
    [c.webLink]: e.webLink,
    [c.documentUrl]: e.documentUrl,
    [c.bodyExcerpt]: e.bodyExcerpt,
  });
}

// ---- partial writes to entries (each a PATCH of exactly these fields, guarded by the eTag)

/** Cancel / un-cancel: the Canceled flag and the (rewritten or restored) DedupeKey, together. */
export function cancelToFields(change: { canceled: boolean; dedupeKey: string }): Fields {
  return { [COL.entries.canceled]: change.canceled, [COL.entries.dedupeKey]: change.dedupeKey };
}

/** Business Central's "evaluate interaction": null clears a field, an absent one is left as it is. */
export function entryEditToFields(edit: {
  evaluation?: string | null;
  attemptFailed?: boolean;
  comment?: string | null;
}): Fields {
  const c = COL.entries;
  const out: Fields = {};
  if (edit.evaluation !== undefined) out[c.evaluation] = edit.evaluation;
  if (edit.attemptFailed !== undefined) out[c.attemptFailed] = edit.attemptFailed;
  if (edit.comment !== undefined) out[c.comment] = edit.comment === "" ? null : edit.comment;
  return out;
}

/** The content kept for an entry (issue 15): both columns in one PATCH; null clears. */
export function entryContentToFields(content: {
  documentUrl?: string | null;
  bodyExcerpt?: string | null;
}): Fields {
  const c = COL.entries;
  const out: Fields = {};
  if (content.documentUrl !== undefined) out[c.documentUrl] = content.documentUrl || null;
  if (content.bodyExcerpt !== undefined) out[c.bodyExcerpt] = content.bodyExcerpt || null;
  return out;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

// The SharePoint lists and their columns: THE one place that names them. List names and column internal names
// are a public contract (admins build views, flows and reports on them): never rename, only add.
import {
  CONTACT_TYPES,
  CORRESPONDENCE_TYPES,
  EVALUATIONS,
  INFORMATION_FLOWS,
  INITIATED_BY,
  SOURCE_KINDS,
} from "../domain/types";

export type ColumnKind = "text" | "note" | "number" | "boolean" | "dateTime" | "choice";

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  indexed?: boolean;
  unique?: boolean;
  choices?: readonly string[];
  /** Extra to the published contract (documented in the README): added by provisioning, never required by readers. */
  extra?: boolean;
}

export interface ListSpec {
  /** Stable key used in code. */
  key: ListKey;
  displayName: string;
  /** Columns besides the built-in Title. */
  columns: readonly ColumnSpec[];
  /** Extra (documented): index the built-in Title so that contacts can be searched by name on big lists. */
  indexTitle?: boolean;
}

export type ListKey = "groups" | "templates" | "setup" | "contacts" | "segments" | "entries";

export const LIST_NAMES: Record<ListKey, string> = {
  groups: "Interaction Groups",
  templates: "Interaction Templates",
  setup: "Interaction Template Setup",
  contacts: "Contacts",
  segments: "Logged Segments",
  entries: "Interaction Log Entries",
};

/** Column internal names, per list. `Title` is SharePoint's built-in column, used as named. */
export const COL = {
  title: "Title",
  groups: { code: "Code" },
  templates: {
    code: "Code",
    groupCode: "InteractionGroupCode",
    informationFlow: "InformationFlow",
    initiatedBy: "InitiatedBy",
    unitCost: "UnitCostLCY",
    unitDuration: "UnitDurationMin",
    correspondenceType: "CorrespondenceType",
    languageCode: "LanguageCode",
    blocked: "Blocked",
  },
  setup: { templateCode: "TemplateCode" },
  contacts: {
    contactNo: "ContactNo",
    type: "ContactType",
    companyNo: "CompanyNo",
    companyName: "CompanyName",
    email: "Email",
    email2: "Email2",
    domain: "Domain",
    phone: "Phone",
    jobTitle: "JobTitle",
  },
  segments: {
    creationDate: "CreationDate",
    userId: "UserId",
    canceled: "Canceled",
    sourceId: "SourceId",
    dedupeKey: "DedupeKey",
    noOfInteractions: "NoOfInteractions",
  },
  entries: {
    contactNo: "ContactNo",
    contactCompanyNo: "ContactCompanyNo",
    contactName: "ContactName",
    interactionDate: "InteractionDate",
    informationFlow: "InformationFlow",
    initiatedBy: "InitiatedBy",
    templateCode: "InteractionTemplateCode",
    groupCode: "InteractionGroupCode",
    cost: "CostLCY",
    duration: "DurationMin",
    userId: "UserId",
    subject: "Subject",
    evaluation: "Evaluation",
    attemptFailed: "AttemptFailed",
    canceled: "Canceled",
    correspondenceType: "CorrespondenceType",
    contactVia: "ContactVia",
    loggedSegmentId: "LoggedSegmentId",
    comment: "Comment",
    sourceKind: "SourceKind",
    sourceId: "SourceId",
    dedupeKey: "DedupeKey",
    webLink: "WebLink",
    documentUrl: "DocumentUrl",
    bodyExcerpt: "BodyExcerpt",
  },
} as const;

/**
 * Contract addition: the document library that keeps logged content, one folder per source item (issue 15). Not a
 * `ListKey`: it holds files, not list items, and is reached through its drive (`/lists/{title}/drive`).
 */
export const DOCUMENT_LIBRARY = {
  displayName: "Interaction Documents",
  template: "documentLibrary",
} as const;

const text = (name: string, o: Partial<ColumnSpec> = {}): ColumnSpec => ({ name, kind: "text", ...o });

export const LISTS: Record<ListKey, ListSpec> = {
  groups: {
    key: "groups",
    displayName: LIST_NAMES.groups,
    columns: [text(COL.groups.code, { indexed: true, unique: true })],
  },
  templates: {
    key: "templates",
    displayName: LIST_NAMES.templates,
    columns: [
      text(COL.templates.code, { indexed: true, unique: true }),
      text(COL.templates.groupCode, { indexed: true }),
      { name: COL.templates.informationFlow, kind: "choice", choices: INFORMATION_FLOWS },
      { name: COL.templates.initiatedBy, kind: "choice", choices: INITIATED_BY },
      { name: COL.templates.unitCost, kind: "number" },
      { name: COL.templates.unitDuration, kind: "number" },
      { name: COL.templates.correspondenceType, kind: "choice", choices: CORRESPONDENCE_TYPES },
      text(COL.templates.languageCode),
      { name: COL.templates.blocked, kind: "boolean" },
    ],
  },
  setup: {
    key: "setup",
    displayName: LIST_NAMES.setup,
    columns: [text(COL.setup.templateCode)],
  },
  contacts: {
    key: "contacts",
    displayName: LIST_NAMES.contacts,
    indexTitle: true,
    columns: [
      text(COL.contacts.contactNo, { indexed: true, unique: true }),
      { name: COL.contacts.type, kind: "choice", choices: CONTACT_TYPES },
      text(COL.contacts.companyNo, { indexed: true }),
      text(COL.contacts.companyName),
      text(COL.contacts.email, { indexed: true }),
      text(COL.contacts.email2, { indexed: true }),
      text(COL.contacts.domain, { indexed: true }),
      text(COL.contacts.phone),
      text(COL.contacts.jobTitle),
    ],
  },
  segments: {
    key: "segments",
    displayName: LIST_NAMES.segments,
    columns: [
      { name: COL.segments.creationDate, kind: "dateTime" },
      text(COL.segments.userId),
      { name: COL.segments.canceled, kind: "boolean" },
      text(COL.segments.sourceId, { indexed: true }),
      // Extra: makes a segment create idempotent when its answer is lost and the request is retried.
      text(COL.segments.dedupeKey, { indexed: true, unique: true, extra: true }),
      // Contract addition: entries written for the segment (kept up to date by the delete job).
      { name: COL.segments.noOfInteractions, kind: "number", extra: true },
    ],
  },
  entries: {
    key: "entries",
    displayName: LIST_NAMES.entries,
    columns: [
      text(COL.entries.contactNo, { indexed: true }),
      text(COL.entries.contactCompanyNo, { indexed: true }),
      text(COL.entries.contactName),
      { name: COL.entries.interactionDate, kind: "dateTime", indexed: true },
      { name: COL.entries.informationFlow, kind: "choice", choices: INFORMATION_FLOWS },
      { name: COL.entries.initiatedBy, kind: "choice", choices: INITIATED_BY },
      text(COL.entries.templateCode, { indexed: true }),
      text(COL.entries.groupCode),
      { name: COL.entries.cost, kind: "number" },
      { name: COL.entries.duration, kind: "number" },
      text(COL.entries.userId, { indexed: true }),
      text(COL.entries.subject),
      { name: COL.entries.evaluation, kind: "choice", choices: EVALUATIONS },
      { name: COL.entries.attemptFailed, kind: "boolean" },
      { name: COL.entries.canceled, kind: "boolean" },
      { name: COL.entries.correspondenceType, kind: "choice", choices: CORRESPONDENCE_TYPES },
      text(COL.entries.contactVia),
      { name: COL.entries.loggedSegmentId, kind: "number", indexed: true },
      { name: COL.entries.comment, kind: "note" },
      { name: COL.entries.sourceKind, kind: "choice", choices: SOURCE_KINDS },
      text(COL.entries.sourceId, { indexed: true }),
      text(COL.entries.dedupeKey, { indexed: true, unique: true }),
      text(COL.entries.webLink),
      // Contract additions (issue 15): the folder in Interaction Documents, and the start of the mail.
      { name: COL.entries.documentUrl, kind: "note", extra: true },
      { name: COL.entries.bodyExcerpt, kind: "note", extra: true },
    ],
  },
};

/** Creation order matters only for humans reading the site; lookups are by text, not lookup columns. */
export const LIST_ORDER: readonly ListKey[] = [
  "groups",
  "templates",
  "setup",
  "contacts",
  "segments",
  "entries",
];

/** Graph `columnDefinition` for a spec (the facet decides the type). */
export function columnDefinition(spec: ColumnSpec): Record<string, unknown> {
  const base: Record<string, unknown> = {
    name: spec.name,
    indexed: spec.indexed === true,
    enforceUniqueValues: spec.unique === true,
  };
  switch (spec.kind) {
    case "text":
      return { ...base, text: { allowMultipleLines: false, maxLength: 255 } };
    case "note":
      return { ...base, text: { allowMultipleLines: true, linesForEditing: 6, textType: "plain" } };
    case "number":
      return { ...base, number: { decimalPlaces: "automatic" } };
    case "boolean":
      return { ...base, boolean: {} };
    case "dateTime":
      return { ...base, dateTime: { displayAs: "default", format: "dateTime" } };
    case "choice":
      return {
        ...base,
        choice: { allowTextEntry: false, choices: [...(spec.choices ?? [])], displayAs: "dropDownMenu" },
      };
  }
}

/** Whether a column is indexed by the contract (or our documented extras): the only ones we filter or sort on. */
export function isIndexed(list: ListKey, column: string): boolean {
  if (column === COL.title) return LISTS[list].indexTitle === true;
  return LISTS[list].columns.some((c) => c.name === column && c.indexed === true);
}

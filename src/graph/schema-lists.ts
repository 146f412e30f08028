// What provisioning creates: every list's columns with their types, choices, indexes and unique constraints. Only
// set-up and the contract tests need it, so the pane's first screen does not carry it (names live in schema.ts).
import {
  CONTACT_TYPES,
  CORRESPONDENCE_TYPES,
  EVALUATIONS,
  INFORMATION_FLOWS,
  INITIATED_BY,
  SOURCE_KINDS,
} from "../domain/types";
import { COL, isIndexed, LIST_NAMES, type ListKey } from "./schema";

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

const text = (name: string, o: Partial<ColumnSpec> = {}): ColumnSpec => ({ name, kind: "text", ...o });

const SPECS: Record<ListKey, ListSpec> = {
  groups: {
    key: "groups",
    displayName: LIST_NAMES.groups,
    columns: [text(COL.groups.code, { unique: true })],
  },
  templates: {
    key: "templates",
    displayName: LIST_NAMES.templates,
    columns: [
      text(COL.templates.code, { unique: true }),
      text(COL.templates.groupCode),
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
    columns: [
      text(COL.contacts.contactNo, { unique: true }),
      { name: COL.contacts.type, kind: "choice", choices: CONTACT_TYPES },
      text(COL.contacts.companyNo),
      text(COL.contacts.companyName),
      text(COL.contacts.email),
      text(COL.contacts.email2),
      text(COL.contacts.domain),
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
      text(COL.segments.sourceId),
      // Extra: makes a segment create idempotent when its answer is lost and the request is retried.
      text(COL.segments.dedupeKey, { unique: true, extra: true }),
      // Contract addition: the segment's entries (lowered when contacts were logged before, and by the delete job).
      { name: COL.segments.noOfInteractions, kind: "number", extra: true },
    ],
  },
  entries: {
    key: "entries",
    displayName: LIST_NAMES.entries,
    columns: [
      text(COL.entries.contactNo),
      text(COL.entries.contactCompanyNo),
      text(COL.entries.contactName),
      { name: COL.entries.interactionDate, kind: "dateTime" },
      { name: COL.entries.informationFlow, kind: "choice", choices: INFORMATION_FLOWS },
      { name: COL.entries.initiatedBy, kind: "choice", choices: INITIATED_BY },
      text(COL.entries.templateCode),
      text(COL.entries.groupCode),
      { name: COL.entries.cost, kind: "number" },
      { name: COL.entries.duration, kind: "number" },
      text(COL.entries.userId),
      text(COL.entries.subject),
      { name: COL.entries.evaluation, kind: "choice", choices: EVALUATIONS },
      { name: COL.entries.attemptFailed, kind: "boolean" },
      { name: COL.entries.canceled, kind: "boolean" },
      { name: COL.entries.correspondenceType, kind: "choice", choices: CORRESPONDENCE_TYPES },
      text(COL.entries.contactVia),
      { name: COL.entries.loggedSegmentId, kind: "number" },
      { name: COL.entries.comment, kind: "note" },
      { name: COL.entries.sourceKind, kind: "choice", choices: SOURCE_KINDS },
      text(COL.entries.sourceId),
      text(COL.entries.dedupeKey, { unique: true }),
      text(COL.entries.webLink),
      // Contract additions (issue 15): the folder in Interaction Documents, and the start of the mail.
      { name: COL.entries.documentUrl, kind: "note", extra: true },
      { name: COL.entries.bodyExcerpt, kind: "note", extra: true },
    ],
  },
};

function withIndexes(spec: ListSpec): ListSpec {
  const columns = spec.columns.map((c) => (isIndexed(spec.key, c.name) ? { ...c, indexed: true } : c));
  return { ...spec, columns, ...(isIndexed(spec.key, COL.title) ? { indexTitle: true } : {}) };
}

/** The specs, with the indexes of `INDEXED_COLUMNS` (the one table both provisioning and queries read). */
export const LISTS: Record<ListKey, ListSpec> = {
  groups: withIndexes(SPECS.groups),
  templates: withIndexes(SPECS.templates),
  setup: withIndexes(SPECS.setup),
  contacts: withIndexes(SPECS.contacts),
  segments: withIndexes(SPECS.segments),
  entries: withIndexes(SPECS.entries),
};

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

// The SharePoint lists and their columns: THE one place that names them. List names and column internal names
// are a public contract (admins build views, flows and reports on them): never rename, only add.
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

/** Creation order matters only for humans reading the site; lookups are by text, not lookup columns. */
export const LIST_ORDER: readonly ListKey[] = [
  "groups",
  "templates",
  "setup",
  "contacts",
  "segments",
  "entries",
];

/**
 * The columns SharePoint indexes, per list (Title only where a list indexes it): the only ones we filter or sort on,
 * so every query keeps working past the 5,000-item threshold. Provisioning creates the indexes from this table.
 */
export const INDEXED_COLUMNS: Record<ListKey, readonly string[]> = {
  groups: [COL.groups.code],
  templates: [COL.templates.code, COL.templates.groupCode],
  setup: [],
  // Contract addition (documented): Title, so that contacts can be searched by name on big lists.
  contacts: [
    COL.title,
    COL.contacts.contactNo,
    COL.contacts.companyNo,
    COL.contacts.email,
    COL.contacts.email2,
    COL.contacts.domain,
  ],
  segments: [COL.segments.sourceId, COL.segments.dedupeKey],
  entries: [
    COL.entries.contactNo,
    COL.entries.contactCompanyNo,
    COL.entries.interactionDate,
    COL.entries.templateCode,
    COL.entries.userId,
    COL.entries.loggedSegmentId,
    COL.entries.sourceId,
    COL.entries.dedupeKey,
  ],
};

/** Whether a column is indexed by the contract (or our documented extras): the only ones we filter or sort on. */
export function isIndexed(list: ListKey, column: string): boolean {
  return INDEXED_COLUMNS[list].includes(column);
}

// The SharePoint lists are a public contract (../shared/domain/business-central-interactions.md): admins build
// views, reports and flows on these names. This table is transcribed from the contract, independently of
// schema.ts, so that renaming, retyping or un-indexing any column fails here. ✱ = indexed, u = unique.
import { LIST_NAMES, type ListKey } from "./schema";
import { LISTS } from "./schema-lists";

type Row = [name: string, kind: string, flags?: "✱" | "✱u", choices?: string[]];

const FLOW = ["Outbound", "Inbound"];
const BY = ["Us", "Them"];
const CORRESPONDENCE = ["Email", "Hard Copy", "Meeting", "Phone Call"];

const CONTRACT: Record<ListKey, { displayName: string; columns: Row[]; extra?: Row[] }> = {
  groups: { displayName: "Interaction Groups", columns: [["Code", "text", "✱u"]] },
  templates: {
    displayName: "Interaction Templates",
    columns: [
      ["Code", "text", "✱u"],
      ["InteractionGroupCode", "text", "✱"],
      ["InformationFlow", "choice", undefined, FLOW],
      ["InitiatedBy", "choice", undefined, BY],
      ["UnitCostLCY", "number"],
      ["UnitDurationMin", "number"],
      ["CorrespondenceType", "choice", undefined, CORRESPONDENCE],
      ["LanguageCode", "text"],
      ["Blocked", "boolean"],
    ],
  },
  setup: { displayName: "Interaction Template Setup", columns: [["TemplateCode", "text"]] },
  contacts: {
    displayName: "Contacts",
    columns: [
      ["ContactNo", "text", "✱u"],
      ["ContactType", "choice", undefined, ["Company", "Person"]],
      ["CompanyNo", "text", "✱"],
      ["CompanyName", "text"],
      ["Email", "text", "✱"],
      ["Email2", "text", "✱"],
      ["Domain", "text", "✱"],
      ["Phone", "text"],
      ["JobTitle", "text"],
    ],
  },
  segments: {
    displayName: "Logged Segments",
    columns: [
      ["CreationDate", "dateTime"],
      ["UserId", "text"],
      ["Canceled", "boolean"],
      ["SourceId", "text", "✱"],
    ],
    // Documented addition: makes a retried or replayed segment create idempotent.
    // Documented additions (contract "Additions"): the number of entries written for the segment.
    extra: [
      ["DedupeKey", "text", "✱u"],
      ["NoOfInteractions", "number"],
    ],
  },
  entries: {
    displayName: "Interaction Log Entries",
    columns: [
      ["ContactNo", "text", "✱"],
      ["ContactCompanyNo", "text", "✱"],
      ["ContactName", "text"],
      ["InteractionDate", "dateTime", "✱"],
      ["InformationFlow", "choice", undefined, FLOW],
      ["InitiatedBy", "choice", undefined, BY],
      ["InteractionTemplateCode", "text", "✱"],
      ["InteractionGroupCode", "text"],
      ["CostLCY", "number"],
      ["DurationMin", "number"],
      ["UserId", "text", "✱"],
      ["Subject", "text"],
      [
        "Evaluation",
        "choice",
        undefined,
        ["Very Positive", "Positive", "Neutral", "Negative", "Very Negative"],
      ],
      ["AttemptFailed", "boolean"],
      ["Canceled", "boolean"],
      ["CorrespondenceType", "choice", undefined, CORRESPONDENCE],
      ["ContactVia", "text"],
      ["LoggedSegmentId", "number", "✱"],
      ["Comment", "note"],
      ["SourceKind", "choice", undefined, ["Email", "Meeting", "Manual"]],
      ["SourceId", "text", "✱"],
      ["DedupeKey", "text", "✱u"],
      ["WebLink", "text"],
    ],
    extra: [
      ["DocumentUrl", "note"],
      ["BodyExcerpt", "note"],
    ],
  },
};

function describeSpec(list: ListKey): Row[] {
  return LISTS[list].columns.map((c): Row => {
    const flags = c.indexed ? (c.unique ? "✱u" : "✱") : undefined;
    return c.choices
      ? [c.name, c.kind, flags, [...c.choices]]
      : flags
        ? [c.name, c.kind, flags]
        : [c.name, c.kind];
  });
}

function normalise(rows: Row[]): Row[] {
  return rows
    .map((r): Row => (r[3] ? r : r[2] ? [r[0], r[1], r[2]] : [r[0], r[1]]))
    .sort((a, b) => a[0].localeCompare(b[0]));
}

describe.each(Object.keys(CONTRACT) as ListKey[])("list %s", (key) => {
  const contract = CONTRACT[key];

  it("has the contract's display name", () => {
    expect(LIST_NAMES[key]).toBe(contract.displayName);
    expect(LISTS[key].displayName).toBe(contract.displayName);
  });

  it("has exactly the contract's columns (plus documented additions) with their types, choices and indexes", () => {
    expect(normalise(describeSpec(key))).toEqual(normalise([...contract.columns, ...(contract.extra ?? [])]));
  });

  it("marks only the documented additions as extra", () => {
    const extra = LISTS[key].columns.filter((c) => c.extra).map((c) => c.name);
    expect(extra.sort()).toEqual((contract.extra ?? []).map((r) => r[0]).sort());
  });
});

it("indexes Title only on Contacts (documented addition for name search)", () => {
  const indexedTitle = (Object.keys(LISTS) as ListKey[]).filter((k) => LISTS[k].indexTitle);
  expect(indexedTitle).toEqual(["contacts"]);
});

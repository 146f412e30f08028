// The option sets are the SharePoint choice values of the list contract: a typo here breaks admins' views.
import * as domain from "./index";
import {
  CONTACT_TYPES,
  CORRESPONDENCE_TYPES,
  EVALUATIONS,
  INFORMATION_FLOWS,
  INITIATED_BY,
  SETUP_PURPOSES,
  SOURCE_KINDS,
} from "./types";

describe("option sets match the SharePoint contract", () => {
  it.each([
    ["InformationFlow", INFORMATION_FLOWS, ["Outbound", "Inbound"]],
    ["InitiatedBy", INITIATED_BY, ["Us", "Them"]],
    ["CorrespondenceType", CORRESPONDENCE_TYPES, ["Email", "Hard Copy", "Meeting", "Phone Call"]],
    ["Evaluation", EVALUATIONS, ["Very Positive", "Positive", "Neutral", "Negative", "Very Negative"]],
    ["ContactType", CONTACT_TYPES, ["Company", "Person"]],
    ["SourceKind", SOURCE_KINDS, ["Email", "Meeting", "Manual"]],
    ["setup purposes", SETUP_PURPOSES, ["Emails", "Meeting Invitation", "Outgoing Calls", "E-Mail Draft"]],
  ])("%s", (_label, actual, expected) => {
    expect([...actual]).toEqual(expected);
  });
});

describe("the domain barrel", () => {
  it.each([
    "normalizeEmail",
    "normalizeDomain",
    "resolveMatches",
    "lookupKeys",
    "dedupeKey",
    "draftFor",
    "applyTemplate",
    "buildEntries",
    "buildSegment",
    "computeStatistics",
    "validateDraft",
    "validateNewContact",
    "isValidIsoDate",
    "isStoreError",
  ])("exports %s", (name) => {
    expect(typeof (domain as Record<string, unknown>)[name]).toBe("function");
  });
});

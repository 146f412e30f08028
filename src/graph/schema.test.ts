import { COL, isIndexed, LIST_NAMES } from "./schema";
import { columnDefinition, LISTS } from "./schema-lists";

describe("schema (the public contract)", () => {
  it("names the six lists exactly", () => {
    expect(Object.values(LIST_NAMES).sort()).toEqual(
      [
        "Contacts",
        "Interaction Groups",
        "Interaction Log Entries",
        "Interaction Template Setup",
        "Interaction Templates",
        "Logged Segments",
      ].sort(),
    );
  });

  it("indexes exactly the contract's columns of the log entries, DedupeKey unique", () => {
    const indexed = LISTS.entries.columns
      .filter((c) => c.indexed)
      .map((c) => c.name)
      .sort();
    expect(indexed).toEqual(
      [
        "ContactCompanyNo",
        "ContactNo",
        "DedupeKey",
        "InteractionDate",
        "InteractionTemplateCode",
        "LoggedSegmentId",
        "SourceId",
        "UserId",
      ].sort(),
    );
    expect(LISTS.entries.columns.filter((c) => c.unique).map((c) => c.name)).toEqual(["DedupeKey"]);
    expect(isIndexed("entries", COL.entries.canceled)).toBe(false);
    expect(isIndexed("contacts", "Title")).toBe(true);
    expect(isIndexed("entries", "Title")).toBe(false);
  });

  it("builds Graph column definitions by facet", () => {
    const comment = LISTS.entries.columns.find((c) => c.name === "Comment")!;
    expect(columnDefinition(comment)).toMatchObject({ name: "Comment", text: { allowMultipleLines: true } });
    const evaluation = LISTS.entries.columns.find((c) => c.name === "Evaluation")!;
    expect(columnDefinition(evaluation)).toMatchObject({
      choice: { choices: ["Very Positive", "Positive", "Neutral", "Negative", "Very Negative"] },
    });
    const no = LISTS.contacts.columns.find((c) => c.name === "ContactNo")!;
    expect(columnDefinition(no)).toMatchObject({ indexed: true, enforceUniqueValues: true, text: {} });
    const date = LISTS.entries.columns.find((c) => c.name === "InteractionDate")!;
    expect(columnDefinition(date)).toMatchObject({ indexed: true, dateTime: {} });
  });
});

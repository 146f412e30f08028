// The entries window's queries: the scope's indexed column first (it narrows the query on a big list), only
// indexed columns in $filter, everything else checked client-side.
import { isIndexed } from "../schema";
import { deleteQuery } from "./delete-canceled";
import { dateClauses, filterQuery, scopeClause, totalsQuery } from "./entries-query";
import { TOTALS_FIELDS } from "./entry-totals";

const filteredColumns = (filter: string | undefined) =>
  [...(filter ?? "").matchAll(/fields\/([A-Za-z0-9_]+)/g)].map((m) => m[1]!);

describe("scopeClause", () => {
  it("narrows a person by ContactNo, a company by ContactCompanyNo, a segment by number, a user by UserId", () => {
    expect(scopeClause({ kind: "contact", contactNo: " CT000010 ", isCompany: false })).toBe(
      "fields/ContactNo eq 'CT000010'",
    );
    expect(scopeClause({ kind: "contact", contactNo: "CT000001", isCompany: true })).toBe(
      "fields/ContactCompanyNo eq 'CT000001'",
    );
    expect(scopeClause({ kind: "segment", segmentId: "42" })).toBe("fields/LoggedSegmentId eq 42");
    expect(scopeClause({ kind: "user", userId: "mary.o'brien@cronus.example" })).toBe(
      "fields/UserId eq 'mary.o''brien@cronus.example'",
    );
  });

  it("refuses a blank contact or user and a segment id that is not an item id", () => {
    expect(() => scopeClause({ kind: "contact", contactNo: " ", isCompany: false })).toThrow(
      /contact number/,
    );
    expect(() => scopeClause({ kind: "user", userId: "" })).toThrow(/user id/);
    for (const bad of ["0", "-1", "1 or 1", "4.5", ""])
      expect(() => scopeClause({ kind: "segment", segmentId: bad })).toThrow(/not a logged segment id/);
  });
});

describe("dateClauses", () => {
  it("bounds InteractionDate inclusively; a bare 'to' date covers its whole day", () => {
    expect(dateClauses({ from: "2024-05-01", to: "2024-05-31" })).toEqual([
      "fields/InteractionDate ge '2024-05-01T00:00:00Z'",
      "fields/InteractionDate lt '2024-06-01T00:00:00Z'",
    ]);
    expect(dateClauses({ to: "2024-05-31T12:00:00Z" })).toEqual([
      "fields/InteractionDate le '2024-05-31T12:00:00Z'",
    ]);
    expect(dateClauses({ to: "2024-05-31T12:00:00.250Z" })).toEqual([
      "fields/InteractionDate le '2024-05-31T12:00:00.250Z'",
    ]);
    expect(dateClauses({})).toEqual([]);
    expect(() => dateClauses({ to: "soon" })).toThrow(expect.objectContaining({ kind: "invalid" }));
  });
});

describe("filterQuery and totalsQuery", () => {
  it("puts the scope first, then the template and the range, and leaves group and Canceled to the client", () => {
    const { filter, match } = filterQuery(
      "fields/ContactNo eq 'CT1'",
      { from: "2024-01-01", templateCode: " EMAIL ", groupCode: "EMAIL" },
      { includeCanceled: false },
    );
    expect(filter).toBe(
      "(fields/ContactNo eq 'CT1') and (fields/InteractionTemplateCode eq 'EMAIL') and (fields/InteractionDate ge '2024-01-01T00:00:00Z')",
    );
    expect(match).toEqual({
      includeCanceled: false,
      from: "2024-01-01",
      groupCode: "EMAIL",
      templateCode: "EMAIL",
    });
  });

  it("reads only the totals' fields, 999 at a time, on indexed columns only", () => {
    const { q, match } = totalsQuery(
      { scope: { kind: "contact", contactNo: "CT1", isCompany: true }, to: "2024-12-31", groupCode: "PHONE" },
      TOTALS_FIELDS,
    );
    expect(q.select).toEqual(TOTALS_FIELDS);
    expect(q.top).toBe(999);
    expect(q.orderBy).toBeUndefined();
    expect(filteredColumns(q.filter).every((c) => isIndexed("entries", c))).toBe(true);
    expect(match).toMatchObject({ includeCanceled: false, groupCode: "PHONE", to: "2024-12-31" });
  });
});

describe("deleteQuery", () => {
  it.each([
    [{ contactNo: "CT1", templateCode: "EMAIL", from: "2024-01-01" }, "ContactNo"],
    [{ templateCode: "EMAIL", to: "2024-01-01" }, "InteractionTemplateCode"],
    [{ from: "2024-01-01", groupCode: "PHONE" }, "InteractionDate"],
  ])("narrows %j on %s first, with indexed columns only", (filter, first) => {
    const { q, match } = deleteQuery(filter);
    const cols = filteredColumns(q.filter);
    expect(cols[0]).toBe(first);
    expect(cols.every((c) => isIndexed("entries", c))).toBe(true);
    expect(match.onlyCanceled).toBe(true);
    expect(q.top).toBe(999);
  });

  it("without any filter pages the whole list (no $filter at all), Canceled checked client-side", () => {
    const { q, match } = deleteQuery({});
    expect(q.filter).toBeUndefined();
    expect(match).toEqual({ onlyCanceled: true });
  });
});

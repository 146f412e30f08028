import { DEDUPE_KEY_MAX, dedupeKey } from "./dedupe";
import { storedSourceId } from "./source-ref";
import { buildEntries, buildSegment, sourceKindOf, type BuildEntriesInput } from "./entry-builder";
import { draft, mail, meeting, template } from "./test-fixtures";
import type { Contact, UserProfile } from "./types";

const user: UserProfile = { displayName: "Owen", emailAddress: "  Owen.Owner@Contoso.Example " };
const acme: Contact = {
  contactNo: "CT000100",
  type: "Company",
  name: "Acme Ltd",
  companyNo: "CT000100",
  domain: "acme.example",
};
const jane: Contact = {
  contactNo: "CT000010",
  type: "Person",
  name: "Jane Doe",
  companyNo: "CT000100",
  email: "Jane@Acme.example",
};
const loner: Contact = { contactNo: "CT000020", type: "Person", name: "Lone Person", companyNo: "" };

const input = (overrides: Partial<BuildEntriesInput> = {}): BuildEntriesInput => ({
  correspondence: mail(),
  contacts: [jane],
  draft: draft(),
  template: template(),
  user,
  requestId: "req-1",
  ...overrides,
});

describe("sourceKindOf", () => {
  it.each([
    ["mail", mail(), "Email"],
    ["a meeting", meeting(), "Meeting"],
    ["no item", undefined, "Manual"],
  ] as const)("%s → %s", (_label, c, expected) => {
    expect(sourceKindOf(c)).toBe(expected);
  });
});

describe("buildEntries", () => {
  it("builds a complete entry for a person from a received mail", () => {
    const [entry, ...rest] = buildEntries(
      input({ draft: draft({ evaluation: "Positive", comment: "Asked for a discount" }) }),
    );
    expect(rest).toEqual([]);
    expect(entry).toEqual({
      description: "Quote for 200 widgets",
      contactNo: "CT000010",
      contactCompanyNo: "CT000100",
      contactName: "Jane Doe",
      interactionDate: "2024-05-01T09:30:00.000Z",
      informationFlow: "Inbound",
      initiatedBy: "Them",
      templateCode: "EMAIL",
      groupCode: "SALES",
      costLCY: 1.5,
      durationMin: 5,
      userId: "owen.owner@contoso.example",
      subject: "Quote for 200 widgets",
      evaluation: "Positive",
      attemptFailed: false,
      canceled: false,
      correspondenceType: "Email",
      contactVia: "jane@acme.example",
      comment: "Asked for a discount",
      sourceKind: "Email",
      sourceId: "<msg-1@acme.example>",
      dedupeKey: dedupeKey("Email", "<msg-1@acme.example>", "CT000010"),
      webLink: "https://outlook.example/owa/?ItemID=AAMkAD%3D",
    });
  });

  it.each([
    ["a person: their company", jane, "CT000100"],
    ["a company: itself", { ...acme, companyNo: undefined }, "CT000100"],
    ["a person without a company: none", loner, undefined],
  ])("sets ContactCompanyNo for %s", (_label, contact, expected) => {
    const [entry] = buildEntries(input({ contacts: [contact] }));
    expect(entry?.contactCompanyNo).toBe(expected);
    if (expected === undefined) expect(entry).not.toHaveProperty("contactCompanyNo");
  });

  it("makes one entry per distinct contact, first occurrence kept", () => {
    const entries = buildEntries(
      input({ contacts: [jane, acme, { ...jane, name: "Duplicate" }, { ...acme, contactNo: " ct000100 " }] }),
    );
    expect(entries.map((e) => [e.contactNo, e.contactName])).toEqual([
      ["CT000010", "Jane Doe"],
      ["CT000100", "Acme Ltd"],
    ]);
  });

  it("gives each contact its own key and the same keys on a retry", () => {
    const first = buildEntries(input({ contacts: [jane, acme], requestId: "req-1" }));
    const retry = buildEntries(input({ contacts: [jane, acme], requestId: "req-2" }));
    expect(first.map((e) => e.dedupeKey)).toEqual(retry.map((e) => e.dedupeKey));
    expect(new Set(first.map((e) => e.dedupeKey)).size).toBe(2);
  });

  it.each([
    [
      "a meeting",
      { correspondence: meeting() },
      dedupeKey("Meeting", meeting().sourceId!, "CT000010"),
      "Meeting",
    ],
    [
      "a manual log: the request id",
      { correspondence: undefined },
      dedupeKey("Manual", "req-1", "CT000010"),
      "Manual",
    ],
    [
      "an item without a source id: the request id",
      { correspondence: mail({ sourceId: undefined }) },
      dedupeKey("Email", "req-1", "CT000010"),
      "Email",
    ],
    [
      "a blank source id: the request id, never a shared empty key",
      { correspondence: mail({ sourceId: "   " }) },
      dedupeKey("Email", "req-1", "CT000010"),
      "Email",
    ],
  ] as const)("keys %s", (_label, overrides, expectedKey, kind) => {
    const [entry] = buildEntries(input(overrides));
    expect(entry?.dedupeKey).toBe(expectedKey);
    expect(entry?.sourceKind).toBe(kind);
  });

  it("leaves no source id, subject or web link on a manual log", () => {
    const [entry] = buildEntries(input({ correspondence: undefined }));
    expect(entry).not.toHaveProperty("sourceId");
    expect(entry).not.toHaveProperty("subject");
    expect(entry).not.toHaveProperty("webLink");
  });

  it("distinguishes two manual logs by their request ids", () => {
    const a = buildEntries(input({ correspondence: undefined, requestId: "req-a" }));
    const b = buildEntries(input({ correspondence: undefined, requestId: "req-b" }));
    expect(a[0]?.dedupeKey).not.toBe(b[0]?.dedupeKey);
  });

  it("keeps the key within the column for a 1,000-character message id", () => {
    const long = `<${"m".repeat(1000)}@acme.example>`;
    const [entry] = buildEntries(input({ correspondence: mail({ sourceId: long }) }));
    expect(entry?.dedupeKey.length).toBeLessThanOrEqual(DEDUPE_KEY_MAX);
    // The key still hashes the full id; SourceId is stored in its 255-character hashed form (source-ref.ts).
    expect(entry?.dedupeKey).toBe(dedupeKey("Email", long, entry!.contactNo));
    expect(entry?.sourceId).toBe(storedSourceId(long));
    expect(entry!.sourceId!.length).toBeLessThanOrEqual(255);
  });

  it("strips undefined fields instead of sending them", () => {
    const [entry] = buildEntries(
      input({
        contacts: [loner],
        draft: draft({
          informationFlow: undefined,
          initiatedBy: undefined,
          evaluation: undefined,
          comment: "   ",
        }),
      }),
    );
    for (const key of [
      "contactCompanyNo",
      "informationFlow",
      "initiatedBy",
      "evaluation",
      "comment",
      "contactVia",
      "loggedSegmentId",
    ])
      expect(entry).not.toHaveProperty(key);
    expect(Object.values(entry!).includes(undefined)).toBe(false);
  });

  it("puts every entry of a several-contact log in the segment", () => {
    const entries = buildEntries(input({ contacts: [jane, acme, loner], loggedSegmentId: "17" }));
    expect(entries.map((e) => e.loggedSegmentId)).toEqual(["17", "17", "17"]);
  });

  it("uses the address that reached each contact as Contact Via, first address winning", () => {
    const entries = buildEntries(
      input({
        contacts: [jane, acme],
        contactVia: {
          "JANE@acme.example": "CT000010",
          "Bob <BOB@Sales.Acme.example>": "CT000100",
          "later@acme.example": "CT000100",
        },
      }),
    );
    expect(entries.map((e) => e.contactVia)).toEqual(["jane@acme.example", "bob@sales.acme.example"]);
  });

  it("truncates description and subject to 100 code points", () => {
    const long = "é".repeat(150);
    const [entry] = buildEntries(
      input({ correspondence: mail({ subject: long }), draft: draft({ description: long }) }),
    );
    expect(entry?.description).toBe("é".repeat(100));
    expect(entry?.subject).toBe("é".repeat(100));
  });

  it("stores the date as UTC ISO whatever offset it was given in", () => {
    const [entry] = buildEntries(input({ draft: draft({ interactionDate: "2024-05-01T11:30:00+02:00" }) }));
    expect(entry?.interactionDate).toBe("2024-05-01T09:30:00.000Z");
  });

  it("takes template code and group from the template", () => {
    const [entry] = buildEntries(input({ template: template({ code: "MEET", groupCode: "" }) }));
    expect(entry?.templateCode).toBe("MEET");
    expect(entry).not.toHaveProperty("groupCode");
  });

  it("builds nothing for no contacts", () => {
    expect(buildEntries(input({ contacts: [] }))).toEqual([]);
  });

  it.each([
    ["an unreadable date", { interactionDate: "next Tuesday" }, /not a valid date/],
    ["an empty date", { interactionDate: "" }, /not a valid date/],
    ["a NaN cost", { costLCY: Number.NaN }, /costLCY must be a number/],
    ["a negative cost", { costLCY: -1 }, /costLCY must be a number/],
    ["an infinite duration", { durationMin: Number.POSITIVE_INFINITY }, /durationMin must be a number/],
    ["a negative duration", { durationMin: -5 }, /durationMin must be a number/],
    ["a cost given as text", { costLCY: "12" as unknown as number }, /costLCY must be a number/],
  ])("refuses %s rather than store it", (_label, overrides, message) => {
    expect(() => buildEntries(input({ draft: draft(overrides) }))).toThrow(message);
  });

  it("refuses a contact without a number", () => {
    expect(() => buildEntries(input({ contacts: [{ ...jane, contactNo: " " }] }))).toThrow(/no ContactNo/);
  });

  it("refuses a manual log without a request id", () => {
    expect(() => buildEntries(input({ correspondence: undefined, requestId: "" }))).toThrow(
      /source id is blank/,
    );
  });
});

describe("buildSegment", () => {
  const now = new Date("2024-05-01T10:00:00Z");

  it("describes the log action for a mail", () => {
    expect(
      buildSegment(
        { correspondence: mail(), draft: draft({ description: `  ${"d".repeat(120)} ` }), user },
        now,
      ),
    ).toEqual({
      description: "d".repeat(100),
      creationDate: "2024-05-01T10:00:00.000Z",
      userId: "owen.owner@contoso.example",
      canceled: false,
      sourceId: "<msg-1@acme.example>",
    });
  });

  it.each([
    ["a manual log", undefined],
    ["an item with a blank source id", mail({ sourceId: " " })],
  ])("has no source id for %s", (_label, correspondence) => {
    expect(buildSegment({ correspondence, draft: draft(), user }, now)).not.toHaveProperty("sourceId");
  });
});

// The keys buildEntries writes to SharePoint's unique DedupeKey column, as literal values: see dedupe.test.ts for why
// a change to any of them is a migration, not a refactoring. What is pinned here is which source each entry is keyed
// by (the trimmed item id, else the request id) and under which kind.
describe("buildEntries dedupe keys are pinned", () => {
  it.each([
    [
      "a mail, per contact",
      { contacts: [jane, acme] },
      ["E-16250bdf3305d00dc34aa4cb448d-CT000010", "E-16250bdf3305d00dc34aa4cb448d-CT000100"],
    ],
    [
      "a mail id with spaces around it",
      { correspondence: mail({ sourceId: "  <msg-1@acme.example> " }) },
      ["E-16250bdf3305d00dc34aa4cb448d-CT000010"],
    ],
    ["a meeting", { correspondence: meeting() }, ["M-129e667b2a643c0b7493559a2e97-CT000010"]],
    [
      "a manual log, by its request id",
      { correspondence: undefined },
      ["X-005408188e519319b3689c671f3d-CT000010"],
    ],
    [
      "a mail without an id, by the request id",
      { correspondence: mail({ sourceId: " " }) },
      ["E-005408188e519319b3689c671f3d-CT000010"],
    ],
    [
      "a contact number in lower case",
      { contacts: [{ ...jane, contactNo: "ct000010" }] },
      ["E-16250bdf3305d00dc34aa4cb448d-CT000010"],
    ],
  ] as const)("%s", (_label, overrides, keys) => {
    // `as const` keeps the expected keys exact; the overrides themselves are plain input.
    expect(buildEntries(input(overrides as Parameters<typeof input>[0])).map((e) => e.dedupeKey)).toEqual(
      keys,
    );
  });

  it("keys a Unicode mail id and a 1,000-character one exactly", () => {
    const unicode = buildEntries(input({ correspondence: mail({ sourceId: "<ü-€-😀@bücher.example>" }) }));
    expect(unicode[0]!.dedupeKey).toBe("E-021bc2e95fe1200743f518ed4a34-CT000010");
    const long = buildEntries(input({ correspondence: mail({ sourceId: "i".repeat(1000) }) }));
    expect(long[0]!.dedupeKey).toBe("E-170550b62081b9133d68563f2536-CT000010");
  });
});

describe("buildEntries boundaries", () => {
  it("accepts a zero cost and a zero duration", () => {
    const [entry] = buildEntries(input({ draft: draft({ costLCY: 0, durationMin: 0 }) }));
    expect(entry).toMatchObject({ costLCY: 0, durationMin: 0 });
  });

  it("refuses the smallest negative amount, naming the field and the value", () => {
    expect(() => buildEntries(input({ draft: draft({ costLCY: -0.01 }) }))).toThrow(
      new RangeError("buildEntries: costLCY must be a number of zero or more, got -0.01"),
    );
    expect(() => buildEntries(input({ draft: draft({ durationMin: -1 }) }))).toThrow(
      new RangeError("buildEntries: durationMin must be a number of zero or more, got -1"),
    );
    expect(() => buildEntries(input({ draft: draft({ interactionDate: "soon" }) }))).toThrow(
      new RangeError('buildEntries: "soon" is not a valid date'),
    );
  });

  it("shows the contact's own address as Contact Via when no address is known to have reached it", () => {
    const [entry] = buildEntries(input({ contactVia: {} }));
    expect(entry!.contactVia).toBe("jane@acme.example");
    const [viaOther] = buildEntries(input({ contactVia: { "J.Doe@Acme.example": " ct000010 " } }));
    expect(viaOther!.contactVia).toBe("j.doe@acme.example");
    const [blankNo] = buildEntries(input({ contactVia: { "x@acme.example": " " } }));
    expect(blankNo!.contactVia).toBe("jane@acme.example");
  });

  it("keeps a comment as typed when it has text, and an empty subject as none", () => {
    const [entry] = buildEntries(
      input({ correspondence: mail({ subject: "   " }), draft: draft({ comment: " Line 1\nLine 2 " }) }),
    );
    expect(entry!.comment).toBe(" Line 1\nLine 2 ");
    expect(entry).not.toHaveProperty("subject");
  });
});

describe("buildEntries with missing contacts", () => {
  it("refuses a missing contact or one without a number with the same message", () => {
    for (const contact of [null, { ...jane, contactNo: undefined }])
      expect(() => buildEntries(input({ contacts: [contact as unknown as Contact] }))).toThrow(
        new RangeError("buildEntries: a contact has no ContactNo"),
      );
  });
});

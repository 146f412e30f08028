import type { Contact, InteractionLogEntry, InteractionTemplate } from "../domain/types";
import {
  cancelToFields,
  contactFromItem,
  contactToFields,
  entryEditToFields,
  entryContentToFields,
  entryFromItem,
  entryToFields,
  groupFromItem,
  groupToFields,
  segmentFromItem,
  segmentToFields,
  setupFromItems,
  setupToFields,
  templateFromItem,
  templateToFields,
} from "./mapping";

const entry: InteractionLogEntry = {
  description: "Quote follow-up",
  contactNo: "CT000010",
  contactCompanyNo: "CT000001",
  contactName: "Robin Danielsen",
  interactionDate: "2024-05-01T09:30:00.000Z",
  informationFlow: "Inbound",
  initiatedBy: "Them",
  templateCode: "EMAIL",
  groupCode: "EMAIL",
  costLCY: 0.5,
  durationMin: 5,
  userId: "annette.hill@cronus.example",
  subject: "Re: quote",
  evaluation: "Positive",
  attemptFailed: false,
  canceled: false,
  correspondenceType: "Email",
  contactVia: "robin.danielsen@adatum.example",
  loggedSegmentId: "12",
  comment: "Line 1\nLine 2",
  sourceKind: "Email",
  sourceId: "<abc@mail.example>",
  dedupeKey: "E-0123-CT000010",
  webLink: "https://outlook.office.com/mail/id",
};

describe("entries", () => {
  it("round-trips every field, with the segment id as a number column", () => {
    const fields = entryToFields(entry);
    expect(fields.LoggedSegmentId).toBe(12);
    expect(fields.InteractionTemplateCode).toBe("EMAIL");
    expect(fields.Title).toBe("Quote follow-up");
    const back = entryFromItem({ id: "5", eTag: '"abc,1"', fields });
    expect(back).toEqual({ ...entry, id: "5", eTag: '"abc,1"' });
  });

  it("omits undefined values so a PATCH never clears a field", () => {
    const fields = entryToFields({ ...entry, comment: undefined, loggedSegmentId: undefined });
    expect(fields).not.toHaveProperty("Comment");
    expect(fields).not.toHaveProperty("LoggedSegmentId");
  });

  it("tolerates missing, null and string-typed fields", () => {
    const e = entryFromItem({
      id: "9",
      fields: {
        ContactNo: "CT1",
        CostLCY: "12.5",
        DurationMin: null,
        Canceled: null,
        LoggedSegmentId: 0,
        Evaluation: "Great",
      },
    });
    expect(e).toMatchObject({
      id: "9",
      contactNo: "CT1",
      costLCY: 12.5,
      durationMin: 0,
      canceled: false,
      sourceKind: "Manual",
    });
    expect(e).not.toHaveProperty("loggedSegmentId");
    expect(e).not.toHaveProperty("evaluation");
    expect(entryFromItem({ id: "1" })).toMatchObject({ id: "1", contactNo: "", description: "" });
  });

  it("refuses a segment id that is not an item id", () => {
    expect(() => entryToFields({ ...entry, loggedSegmentId: "abc" })).toThrow(TypeError);
  });

  it("reads the eTag from @odata.etag when eTag is absent", () => {
    expect(entryFromItem({ id: "1", "@odata.etag": '"x,2"', fields: {} }).eTag).toBe('"x,2"');
  });

  it("maps DocumentUrl and BodyExcerpt (issue 15) both ways, and a PATCH of them that clears with null", () => {
    const kept = {
      ...entry,
      documentUrl: "https://contoso.sharepoint.com/sites/x/Interaction%20Documents/item-1",
      bodyExcerpt: "Hello,\nthe quote.",
    };
    const fields = entryToFields(kept);
    expect(fields.DocumentUrl).toBe(kept.documentUrl);
    expect(fields.BodyExcerpt).toBe("Hello,\nthe quote.");
    expect(entryFromItem({ id: "5", fields })).toEqual({ ...kept, id: "5" });
    expect(entryToFields(entry)).not.toHaveProperty("DocumentUrl");
    expect(entryContentToFields({ documentUrl: "u", bodyExcerpt: "b" })).toEqual({
      DocumentUrl: "u",
      BodyExcerpt: "b",
    });
    expect(entryContentToFields({ documentUrl: null })).toEqual({ DocumentUrl: null });
    expect(entryContentToFields({ bodyExcerpt: "" })).toEqual({ BodyExcerpt: null });
  });
});

describe("contacts", () => {
  it("stores addresses and domain lower-case and a company as its own company", () => {
    const company: Contact = {
      contactNo: "CT000001",
      type: "Company",
      name: "Adatum",
      domain: "Adatum.Example",
    };
    expect(contactToFields(company)).toEqual({
      Title: "Adatum",
      ContactNo: "CT000001",
      ContactType: "Company",
      CompanyNo: "CT000001",
      Domain: "adatum.example",
    });
    const person: Contact = {
      contactNo: "CT000010",
      type: "Person",
      name: "Robin",
      email: "Robin@Adatum.example",
      companyNo: "CT000001",
    };
    const back = contactFromItem({ id: "3", fields: contactToFields(person) });
    expect(back).toEqual({ ...person, id: "3", email: "robin@adatum.example" });
  });

  it("defaults an unknown contact type to Person", () => {
    expect(contactFromItem({ id: "1", fields: { ContactType: "Robot", Title: "R" } }).type).toBe("Person");
  });
});

describe("reference data", () => {
  it("round-trips a template with numbers as numbers", () => {
    const t: InteractionTemplate = {
      code: "PHONE",
      description: "Outgoing phone call",
      groupCode: "PHONE",
      informationFlow: "Outbound",
      initiatedBy: "Us",
      unitCostLCY: 1.5,
      unitDurationMin: 10,
      correspondenceType: "Phone Call",
      blocked: false,
    };
    const fields = templateToFields(t);
    expect(fields.UnitCostLCY).toBe(1.5);
    expect(templateFromItem({ id: "2", fields })).toEqual({ ...t, id: "2" });
  });

  it("reads groups, and the setup from one item per purpose (ignoring unknown purposes)", () => {
    expect(groupFromItem({ id: "1", fields: { Code: "EMAIL", Title: "E-mail" } })).toEqual({
      id: "1",
      code: "EMAIL",
      description: "E-mail",
    });
    expect(
      setupFromItems([
        { id: "1", fields: { Title: "Emails", TemplateCode: "EMAIL" } },
        { id: "2", fields: { Title: "Meeting Invitation", TemplateCode: "MEETING" } },
        { id: "3", fields: { Title: "Something else", TemplateCode: "X" } },
        { id: "4", fields: { Title: "Outgoing Calls", TemplateCode: null } },
      ]),
    ).toEqual({ Emails: "EMAIL", "Meeting Invitation": "MEETING" });
  });

  it("maps a segment with its dedupe key", () => {
    const fields = segmentToFields(
      {
        description: "Kick-off",
        creationDate: "2024-05-01T00:00:00.000Z",
        userId: "u@x.example",
        canceled: false,
        sourceId: "S1",
      },
      "S-key",
    );
    expect(fields).toMatchObject({ Title: "Kick-off", DedupeKey: "S-key", SourceId: "S1", Canceled: false });
    expect(segmentFromItem({ id: "4", fields })).toMatchObject({
      id: "4",
      description: "Kick-off",
      sourceId: "S1",
    });
  });

  it("reads a segment's NoOfInteractions when present, and leaves it absent on older segments", () => {
    expect(
      segmentFromItem({ id: "5", fields: { Title: "s", NoOfInteractions: "12" } }).noOfInteractions,
    ).toBe(12);
    expect(segmentFromItem({ id: "5", fields: { Title: "s" } })).not.toHaveProperty("noOfInteractions");
    expect(
      segmentToFields({
        description: "s",
        creationDate: "",
        userId: "u",
        canceled: false,
        noOfInteractions: 3,
      }),
    ).toMatchObject({ NoOfInteractions: 3 });
  });

  it("writes a cancel as Canceled and DedupeKey together, and an edit as only the fields it names", () => {
    expect(cancelToFields({ canceled: true, dedupeKey: "E-k~canceled~9" })).toEqual({
      Canceled: true,
      DedupeKey: "E-k~canceled~9",
    });
    expect(entryEditToFields({ evaluation: "Positive" })).toEqual({ Evaluation: "Positive" });
    expect(entryEditToFields({ evaluation: null, attemptFailed: true, comment: "" })).toEqual({
      Evaluation: null,
      AttemptFailed: true,
      Comment: null,
    });
    expect(entryEditToFields({})).toEqual({});
  });

  it("leaves a field an edit does not name out of the PATCH altogether, and keeps a comment as written", () => {
    expect(entryEditToFields({})).toStrictEqual({});
    expect(entryEditToFields({ attemptFailed: false })).toStrictEqual({ AttemptFailed: false });
    expect(entryEditToFields({ comment: "Called back" })).toStrictEqual({ Comment: "Called back" });
    expect(entryEditToFields({ evaluation: "Neutral" })).toStrictEqual({ Evaluation: "Neutral" });
  });

  it("leaves NoOfInteractions absent when the column holds null", () => {
    expect(segmentFromItem({ id: "5", fields: { Title: "s", NoOfInteractions: null } })).not.toHaveProperty(
      "noOfInteractions",
    );
    expect(segmentFromItem({ id: "5", fields: { Title: "s", NoOfInteractions: 0 } }).noOfInteractions).toBe(
      0,
    );
  });
});

// Reading is tolerant in exact ways: each rule below is one a SharePoint answer really exercises (numbers sent as
// strings, "" for a cleared text column, booleans in several spellings).
describe("tolerant reading, exactly", () => {
  it("fills every required string of an item without fields with an empty string", () => {
    expect(entryFromItem({ id: "1" })).toEqual({
      id: "1",
      description: "",
      contactNo: "",
      interactionDate: "",
      templateCode: "",
      costLCY: 0,
      durationMin: 0,
      userId: "",
      attemptFailed: false,
      canceled: false,
      sourceKind: "Manual",
      dedupeKey: "",
    });
    expect(segmentFromItem({ id: "2" })).toEqual({
      id: "2",
      description: "",
      creationDate: "",
      userId: "",
      canceled: false,
    });
    expect(contactFromItem({ id: "3" })).toEqual({ id: "3", contactNo: "", type: "Person", name: "" });
    expect(templateFromItem({ id: "4" })).toEqual({
      id: "4",
      code: "",
      description: "",
      groupCode: "",
      unitCostLCY: 0,
      unitDurationMin: 0,
      blocked: false,
    });
    expect(groupFromItem({ id: "5" })).toEqual({ id: "5", code: "", description: "" });
  });

  it("reads a segment's every column", () => {
    expect(
      segmentFromItem({
        id: "4",
        eTag: '"s,3"',
        fields: {
          Title: "Kick-off",
          CreationDate: "2024-05-01T00:00:00Z",
          UserId: "u@x.example",
          Canceled: true,
          SourceId: "S1",
        },
      }),
    ).toEqual({
      id: "4",
      eTag: '"s,3"',
      description: "Kick-off",
      creationDate: "2024-05-01T00:00:00Z",
      userId: "u@x.example",
      canceled: true,
      sourceId: "S1",
    });
  });

  it("reads numbers as text, and an empty text as absent", () => {
    const e = entryFromItem({
      id: "1",
      fields: { ContactNo: 42, Comment: "", Subject: "", ContactVia: null },
    });
    expect(e.contactNo).toBe("42");
    expect(e).not.toHaveProperty("comment");
    expect(e).not.toHaveProperty("subject");
    expect(e).not.toHaveProperty("contactVia");
  });

  it.each([
    [12.5, 12.5],
    ["12.5", 12.5],
    [" 7 ", 7],
    ["", 0],
    ["   ", 0],
    ["abc", 0],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
    ["Infinity", 0],
    [true, 0],
    [null, 0],
    [undefined, 0],
  ])("reads the number %p as %p", (value, expected) => {
    expect(entryFromItem({ id: "1", fields: { CostLCY: value } }).costLCY).toBe(expected);
  });

  it.each([
    [true, true],
    ["true", true],
    [1, true],
    ["1", true],
    ["Yes", true],
    [false, false],
    ["false", false],
    [0, false],
    ["0", false],
    ["No", false],
    ["yes", false],
    ["", false],
    [null, false],
  ])("reads the boolean %p as %p", (value, expected) => {
    expect(entryFromItem({ id: "1", fields: { Canceled: value } }).canceled).toBe(expected);
  });

  it.each([
    [12, "12"],
    ["12", "12"],
    [12.7, "12"],
    ["7.0", "7"],
    [0, undefined],
    ["0", undefined],
    ["", undefined],
    [null, undefined],
    [undefined, undefined],
  ])("reads the segment id %p as %p", (value, expected) => {
    const e = entryFromItem({ id: "1", fields: { LoggedSegmentId: value } });
    expect(e.loggedSegmentId).toBe(expected);
  });

  it("trims and lower-cases addresses and domains as read", () => {
    const c = contactFromItem({
      id: "1",
      fields: { Email: " Robin@Adatum.Example ", Email2: "R2@X.example", Domain: " Adatum.Example" },
    });
    expect(c).toMatchObject({
      email: "robin@adatum.example",
      email2: "r2@x.example",
      domain: "adatum.example",
    });
  });

  it("refuses a segment id that is not an integer, saying which", () => {
    expect(() => entryToFields({ ...entry, loggedSegmentId: "1.5" })).toThrow(
      new TypeError('LoggedSegmentId must be a SharePoint item id, got "1.5"'),
    );
  });
});

describe("writing contacts, groups and the setup", () => {
  it("writes a person's company only when it has one, and every address lower-case", () => {
    const person: Contact = {
      contactNo: "CT000011",
      type: "Person",
      name: "Sam",
      email: "Sam@X.example",
      email2: "SAM.OTHER@X.example",
      phone: "+45 1234",
      jobTitle: "Buyer",
      companyName: "X",
    };
    expect(contactToFields(person)).toEqual({
      Title: "Sam",
      ContactNo: "CT000011",
      ContactType: "Person",
      CompanyName: "X",
      Email: "sam@x.example",
      Email2: "sam.other@x.example",
      Phone: "+45 1234",
      JobTitle: "Buyer",
    });
    expect(contactToFields({ ...person, email: "", email2: "", domain: "" })).not.toHaveProperty("Email");
    expect(contactToFields({ ...person, companyNo: "CT1" }).CompanyNo).toBe("CT1");
    expect(
      contactToFields({ contactNo: "CT2", type: "Company", name: "C", companyNo: "CT9" }).CompanyNo,
    ).toBe("CT9");
  });

  it("writes a group and a setup item", () => {
    expect(groupToFields({ code: "EMAIL", description: "E-mail" })).toEqual({
      Title: "E-mail",
      Code: "EMAIL",
    });
    expect(setupToFields("Emails", "EMAIL")).toEqual({ Title: "Emails", TemplateCode: "EMAIL" });
  });
});

import { draft, template } from "./test-fixtures";
import {
  CONTACT_NAME_MAX,
  hasErrors,
  isValidIsoDate,
  validateDraft,
  validateNewContact,
  type DraftField,
  type FieldErrors,
} from "./validation";
import type { LogDraft } from "./types";

const templates = [template({ code: "EMAIL" }), template({ code: "OLD", blocked: true })];

describe("isValidIsoDate", () => {
  it.each([
    "2024-05-01",
    "2024-05-01T09:30",
    "2024-05-01T09:30:00Z",
    "2024-05-01T09:30:00.123Z",
    "2024-05-01T09:30:00+02:00",
    "2024-05-01T09:30:00-0530",
    "2024-02-29T00:00:00Z",
    " 2024-05-01T09:30:00Z ",
  ])("accepts %s", (value) => {
    expect(isValidIsoDate(value)).toBe(true);
  });

  it.each([
    "",
    "5",
    "May 5 2024",
    "2024-13-01",
    "2024-02-30",
    "2023-02-29T10:00:00Z",
    "2024-05-01T24:00:00Z",
    "2024-05-01T10:60:00Z",
    "2024-05-01T10:00:61Z",
    "2024-05-01 10:00",
    "01/05/2024",
  ])("rejects %s", (value) => {
    expect(isValidIsoDate(value)).toBe(false);
  });

  it("rejects a missing value", () => {
    expect(isValidIsoDate(undefined as unknown as string)).toBe(false);
  });
});

describe("validateDraft", () => {
  it("accepts a complete draft", () => {
    expect(validateDraft(draft(), templates, 1)).toEqual({});
    expect(validateDraft(draft({ costLCY: 0, durationMin: 0 }), templates, 3)).toEqual({});
  });

  it.each<[string, Partial<LogDraft>, number, FieldErrors<DraftField>]>([
    ["no template", { templateCode: "" }, 1, { templateCode: "required" }],
    ["a blank template", { templateCode: "  " }, 1, { templateCode: "required" }],
    ["an unknown template", { templateCode: "NOPE" }, 1, { templateCode: "unknownTemplate" }],
    [
      "a template code in other case (the store looks codes up exactly)",
      { templateCode: "email" },
      1,
      { templateCode: "unknownTemplate" },
    ],
    ["a blocked template", { templateCode: "OLD" }, 1, { templateCode: "blockedTemplate" }],
    ["no description", { description: "" }, 1, { description: "required" }],
    ["a blank description", { description: " \t\n" }, 1, { description: "required" }],
    ["a 101-code-point description", { description: "a".repeat(101) }, 1, { description: "tooLong" }],
    ["101 emoji (202 UTF-16 units)", { description: "😀".repeat(101) }, 1, { description: "tooLong" }],
    ["a negative cost", { costLCY: -0.01 }, 1, { costLCY: "negative" }],
    ["a NaN cost", { costLCY: Number.NaN }, 1, { costLCY: "notANumber" }],
    ["an infinite cost", { costLCY: Number.POSITIVE_INFINITY }, 1, { costLCY: "notANumber" }],
    ["a cost given as text", { costLCY: "5" as unknown as number }, 1, { costLCY: "notANumber" }],
    ["a negative duration", { durationMin: -1 }, 1, { durationMin: "negative" }],
    ["a NaN duration", { durationMin: Number.NaN }, 1, { durationMin: "notANumber" }],
    ["no date", { interactionDate: "" }, 1, { interactionDate: "invalidDate" }],
    ["an unreadable date", { interactionDate: "tomorrow" }, 1, { interactionDate: "invalidDate" }],
    [
      "an impossible date",
      { interactionDate: "2024-02-30T10:00:00Z" },
      1,
      { interactionDate: "invalidDate" },
    ],
    ["no contact", {}, 0, { contacts: "noContact" }],
    ["a NaN contact count", {}, Number.NaN, { contacts: "noContact" }],
  ])("reports %s", (_label, overrides, contactCount, expected) => {
    expect(validateDraft(draft(overrides), templates, contactCount)).toEqual(expected);
  });

  it("accepts exactly 100 code points, and more characters that collapse to 100", () => {
    expect(validateDraft(draft({ description: "😀".repeat(100) }), templates, 1)).toEqual({});
    expect(
      validateDraft(draft({ description: `  ${"a".repeat(50)}    ${"b".repeat(49)}  ` }), templates, 1),
    ).toEqual({});
  });

  it("lists every problem at once", () => {
    const all = validateDraft(
      draft({
        templateCode: "",
        description: "",
        costLCY: -1,
        durationMin: Number.NaN,
        interactionDate: "x",
      }),
      templates,
      0,
    );
    expect(all).toEqual({
      templateCode: "required",
      description: "required",
      costLCY: "negative",
      durationMin: "notANumber",
      interactionDate: "invalidDate",
      contacts: "noContact",
    });
  });
});

describe("validateNewContact", () => {
  it.each([
    ["a person with an address", { name: "Jane Doe", type: "Person", email: "jane@acme.example" }],
    [
      "a person with two addresses",
      { name: "Jane", type: "Person", email: "jane@acme.example", email2: "jane@home.example" },
    ],
    ["a company without an address", { name: "Acme Ltd", type: "Company" }],
    ["a name of exactly 100 code points", { name: "é".repeat(CONTACT_NAME_MAX), type: "Company" }],
    [
      "IDN, plus and apostrophe addresses",
      {
        name: "J",
        type: "Person",
        email: "jürgen+crm@bücher.example",
        email2: "mary.o'brien@litware.example",
      },
    ],
  ] as const)("accepts %s", (_label, contact) => {
    expect(validateNewContact(contact)).toEqual({});
  });

  it.each([
    ["no name", { name: "", type: "Company" }, [], { name: "required" }],
    ["a blank name", { name: "   ", type: "Company" }, [], { name: "required" }],
    ["a 101-code-point name", { name: "n".repeat(101), type: "Company" }, [], { name: "tooLong" }],
    ["a person without an address", { name: "Jane", type: "Person", email: " " }, [], { email: "required" }],
    [
      "an invalid address",
      { name: "Jane", type: "Person", email: "jane@acme" },
      [],
      { email: "invalidEmail" },
    ],
    [
      "an invalid second address",
      { name: "Jane", type: "Person", email: "jane@acme.example", email2: "a@@b.example" },
      [],
      { email2: "invalidEmail" },
    ],
    [
      "a display-name form",
      { name: "Jane", type: "Person", email: "Jane <jane@acme.example>" },
      [],
      { email: "invalidEmail" },
    ],
    [
      "a taken address",
      { name: "Jane", type: "Person", email: "Jane@Acme.example" },
      ["jane@acme.example"],
      { email: "duplicateEmail" },
    ],
    [
      "a taken second address",
      { name: "Acme", type: "Company", email2: "info@acme.example" },
      [" INFO@acme.example "],
      { email2: "duplicateEmail" },
    ],
    [
      "a taken IDN address in another spelling",
      { name: "J", type: "Person", email: "ju\u0308rgen@bu\u0308cher.example" },
      ["jürgen@xn--bcher-kva.example"],
      { email: "duplicateEmail" },
    ],
    [
      "the same address twice",
      { name: "Jane", type: "Person", email: "jane@acme.example", email2: "JANE@acme.example" },
      [],
      { email2: "duplicateEmail" },
    ],
  ] as const)("reports %s", (_label, contact, existing, expected) => {
    expect(validateNewContact(contact, [...existing])).toEqual(expected);
  });

  it("keeps plus-addressing distinct from the taken base address", () => {
    expect(
      validateNewContact({ name: "J", type: "Person", email: "jane+x@acme.example" }, ["jane@acme.example"]),
    ).toEqual({});
  });
});

describe("hasErrors", () => {
  it.each([
    [{}, false],
    [{ description: "required" }, true],
  ])("%o → %s", (errors, expected) => {
    expect(hasErrors(errors)).toBe(expected);
  });
});

describe("isValidIsoDate at each field's limit", () => {
  // Date.UTC reads the years 0–99 as 1900–1999, so the probe disagrees and these dates are refused (SharePoint's
  // dateTime columns start in 1900 anyway); from 100 on the year is read as written.
  it("refuses a year below 100 and accepts one from 100 on", () => {
    expect(isValidIsoDate("0099-05-01")).toBe(false);
    expect(isValidIsoDate("0000-01-01T00:00Z")).toBe(false);
    expect(isValidIsoDate("0100-05-01")).toBe(true);
  });

  it.each([
    "2024-05-01T23:00",
    "2024-05-01T23:59:59Z",
    "2024-05-01T00:00:00Z",
    "2024-05-01T10:59",
    "2024-05-01T10:00:59Z",
    "2024-12-31T10:00:00Z",
    "2024-01-01",
    "2024-05-31",
    "2024-05-01t09:30:00z",
    "2024-05-01T09:30:00.123456789Z",
    "2024-05-01T09:30:00.1+05:30",
  ])("accepts %s", (value) => {
    expect(isValidIsoDate(value)).toBe(true);
  });

  it.each([
    "2024-05-01T24:00",
    "2024-05-01T23:60",
    "2024-05-01T23:59:60Z",
    "2024-00-10",
    "2024-05-00",
    "2024-05-32",
    "2024-04-31",
    "2024-05-01T09",
    "2024-05-01T9:30",
    "2024-05-01T09:30:00.1234567891Z",
    "2024-05-01T09:30:00+05",
    "24-05-01",
    "x2024-05-01",
    "2024-05-01x",
  ])("rejects %s", (value) => {
    expect(isValidIsoDate(value)).toBe(false);
  });
});

describe("validation at zero and at the length limits", () => {
  it("accepts a zero cost and duration and refuses the smallest negative ones", () => {
    expect(validateDraft(draft({ costLCY: 0, durationMin: 0 }), templates, 1)).toEqual({});
    expect(validateDraft(draft({ costLCY: -0.001, durationMin: -0.001 }), templates, 1)).toEqual({
      costLCY: "negative",
      durationMin: "negative",
    });
  });

  it("needs at least one contact", () => {
    expect(validateDraft(draft(), templates, 1)).toEqual({});
    expect(validateDraft(draft(), templates, 0.5)).toEqual({ contacts: "noContact" });
  });

  it("counts a name's code points after collapsing whitespace, as stored", () => {
    expect(validateNewContact({ name: ` ${"n".repeat(50)}   ${"m".repeat(49)} `, type: "Company" })).toEqual(
      {},
    );
    expect(validateNewContact({ name: "😀".repeat(100), type: "Company" })).toEqual({});
    expect(validateNewContact({ name: "😀".repeat(101), type: "Company" })).toEqual({ name: "tooLong" });
    expect(CONTACT_NAME_MAX).toBe(100);
  });

  it("lets a company go without an address but not a person, and checks Email2 on its own", () => {
    expect(validateNewContact({ name: "Acme", type: "Company", email: " " })).toEqual({});
    expect(validateNewContact({ name: "Jane", type: "Person", email2: "jane@acme.example" })).toEqual({
      email: "required",
    });
    expect(
      validateNewContact({ name: "Acme", type: "Company", email: "bad", email2: "info@acme.example" }, []),
    ).toEqual({ email: "invalidEmail" });
    expect(
      validateNewContact({ name: "Acme", type: "Company", email: "a@acme.example", email2: "bad" }, [""]),
    ).toEqual({ email2: "invalidEmail" });
  });
});

describe("validation of missing and odd values", () => {
  it("refuses an expanded-year date, which Date.parse would accept", () => {
    expect(isValidIsoDate("+002024-05-01")).toBe(false);
  });

  it("reports a missing template code, description or name as required", () => {
    const missing = { ...draft(), templateCode: undefined, description: undefined } as unknown as LogDraft;
    expect(validateDraft(missing, templates, 1)).toEqual({
      templateCode: "required",
      description: "required",
    });
    expect(validateNewContact({ type: "Company" } as unknown as { name: string; type: "Company" })).toEqual({
      name: "required",
    });
  });

  it("counts a space between words as one stored character", () => {
    expect(
      validateDraft(draft({ description: `${"a".repeat(50)} ${"b".repeat(50)}` }), templates, 1),
    ).toEqual({
      description: "tooLong",
    });
    expect(
      validateDraft(draft({ description: `${"a".repeat(50)}\n\n${"b".repeat(49)}` }), templates, 1),
    ).toEqual({});
  });
});

import { draft, mail, meeting, template } from "./test-fixtures";
import {
  applyTemplate,
  defaultTemplate,
  DESCRIPTION_MAX,
  directionDefaults,
  draftFor,
  meetingMinutes,
  setupPurposeFor,
  truncateDescription,
} from "./template-defaults";
import type { TemplateSetup } from "./types";

const emailT = template({ code: "EMAIL", description: "E-mail" });
const meetT = template({
  code: "MEETING",
  description: "Meeting",
  unitCostLCY: 20,
  unitDurationMin: 60,
  correspondenceType: "Meeting",
});
const callT = template({
  code: "CALL-OUT",
  description: "Outgoing phone call",
  informationFlow: "Outbound",
  initiatedBy: "Us",
  unitCostLCY: 0.75,
  unitDurationMin: 10,
  correspondenceType: "Phone Call",
});
const blockedT = template({ code: "OLD", blocked: true });
const templates = [emailT, meetT, callT, blockedT];
const setup: TemplateSetup = {
  Emails: "email",
  "Meeting Invitation": "MEETING",
  "Outgoing Calls": "CALL-OUT",
};

describe("setupPurposeFor", () => {
  it.each([
    ["mail", mail(), "Emails"],
    ["a mail draft", mail({ mode: "compose" }), "Emails"],
    ["a meeting", meeting(), "Meeting Invitation"],
    ["no item", undefined, undefined],
  ] as const)("%s", (_label, c, expected) => {
    expect(setupPurposeFor(c)).toBe(expected);
  });
});

describe("defaultTemplate", () => {
  it.each([
    ["the Emails template for mail (code case-insensitive)", mail(), setup, emailT],
    ["the Meeting Invitation template for a meeting", meeting(), setup, meetT],
    ["nothing without an item", undefined, setup, undefined],
    ["nothing when the purpose is not set up", meeting(), { Emails: "EMAIL" }, undefined],
    ["nothing when the code is blank", mail(), { Emails: "  " }, undefined],
    ["nothing when the code is unknown", mail(), { Emails: "NOPE" }, undefined],
    ["nothing when the template is blocked", mail(), { Emails: "OLD" }, undefined],
    ["a code with stray spaces", mail(), { Emails: " EMAIL " }, emailT],
  ] as const)("gives %s", (_label, c, s, expected) => {
    expect(defaultTemplate(c, s, templates)).toBe(expected);
  });
});

describe("directionDefaults", () => {
  it.each([
    [
      "received mail",
      mail({ direction: "inbound" }),
      undefined,
      { informationFlow: "Inbound", initiatedBy: "Them" },
    ],
    [
      "sent mail",
      mail({ direction: "outbound" }),
      undefined,
      { informationFlow: "Outbound", initiatedBy: "Us" },
    ],
    [
      "a meeting we organise",
      meeting({ direction: "outbound" }),
      meetT,
      { informationFlow: "Outbound", initiatedBy: "Us" },
    ],
    [
      "a template that sets both",
      mail({ direction: "inbound" }),
      callT,
      { informationFlow: "Outbound", initiatedBy: "Us" },
    ],
    [
      "a template that sets only one",
      mail({ direction: "inbound" }),
      template({ initiatedBy: "Us" }),
      { informationFlow: "Inbound", initiatedBy: "Us" },
    ],
    ["no item, blank template", undefined, emailT, { informationFlow: undefined, initiatedBy: undefined }],
    ["no item, template with values", undefined, callT, { informationFlow: "Outbound", initiatedBy: "Us" }],
  ] as const)("%s", (_label, c, t, expected) => {
    expect(directionDefaults(c, t)).toEqual(expected);
  });
});

describe("meetingMinutes", () => {
  it.each([
    ["a 90-minute meeting", meeting(), 90],
    ["a zero-length meeting", meeting({ end: "2024-05-02T13:00:00.000Z" }), 0],
    ["rounded to whole minutes", meeting({ end: "2024-05-02T13:20:40.000Z" }), 21],
    ["an all-day event", meeting({ date: "2024-05-02T00:00:00Z", end: "2024-05-03T00:00:00Z" }), 1440],
    ["across an offset", meeting({ date: "2024-05-02T15:00:00+02:00", end: "2024-05-02T13:45:00Z" }), 45],
    ["an end before the start", meeting({ end: "2024-05-02T12:00:00.000Z" }), undefined],
    ["an unreadable end", meeting({ end: "soon" }), undefined],
    ["no end", meeting({ end: undefined }), undefined],
    ["mail", mail({ end: "2024-05-01T10:30:00.000Z" }), undefined],
    ["no item", undefined, undefined],
  ] as const)("%s", (_label, c, expected) => {
    expect(meetingMinutes(c)).toBe(expected);
  });
});

describe("truncateDescription", () => {
  const emoji = "😀"; // one code point, two UTF-16 units
  it.each([
    ["short text unchanged", "Quote", "Quote"],
    ["whitespace collapsed and trimmed", "  Re:\tQuote \n for   you ", "Re: Quote for you"],
    ["exactly 100 kept", "a".repeat(100), "a".repeat(100)],
    ["101 cut to 100", "a".repeat(101), "a".repeat(100)],
    ["counting code points, not UTF-16 units", emoji.repeat(100), emoji.repeat(100)],
    ["never splitting a surrogate pair", "a" + emoji.repeat(100), "a" + emoji.repeat(99)],
    ["empty", "", ""],
  ])("%s", (_label, text, expected) => {
    const out = truncateDescription(text);
    expect(out).toBe(expected);
    expect([...out].length).toBeLessThanOrEqual(DESCRIPTION_MAX);
  });

  it("treats a missing value as empty", () => {
    expect(truncateDescription(undefined as unknown as string)).toBe("");
  });
});

describe("draftFor", () => {
  it("fills a received mail from the Emails template", () => {
    expect(draftFor(mail(), emailT)).toEqual({
      templateCode: "EMAIL",
      description: "Quote for 200 widgets",
      interactionDate: "2024-05-01T09:30:00.000Z",
      informationFlow: "Inbound",
      initiatedBy: "Them",
      attemptFailed: false,
      costLCY: 1.5,
      durationMin: 5,
      correspondenceType: "Email",
    });
  });

  it("uses the meeting's length as duration and the template's cost", () => {
    const d = draftFor(meeting({ direction: "outbound" }), meetT);
    expect(d).toMatchObject({
      templateCode: "MEETING",
      description: "Quarterly review",
      interactionDate: "2024-05-02T13:00:00.000Z",
      informationFlow: "Outbound",
      initiatedBy: "Us",
      costLCY: 20,
      durationMin: 90,
      correspondenceType: "Meeting",
    });
  });

  it("falls back to the template's duration when the meeting has no usable end", () => {
    expect(draftFor(meeting({ end: undefined }), meetT).durationMin).toBe(60);
  });

  it.each([
    [
      "the subject, truncated to 100 code points",
      mail({ subject: "x".repeat(250) }),
      emailT,
      "x".repeat(100),
    ],
    ["the template description for a blank subject", mail({ subject: "   " }), callT, "Outgoing phone call"],
    ["the template description without an item", undefined, callT, "Outgoing phone call"],
    ["empty without subject or template", mail({ subject: "" }), undefined, ""],
  ] as const)("describes with %s", (_label, c, t, expected) => {
    expect(draftFor(c, t).description).toBe(expected);
  });

  it("gives a blank form when there is no template, with the item's direction", () => {
    expect(draftFor(mail({ direction: "outbound" }), undefined)).toMatchObject({
      templateCode: "",
      costLCY: 0,
      durationMin: 0,
      informationFlow: "Outbound",
      initiatedBy: "Us",
      correspondenceType: "Email",
    });
  });

  it("uses `now` when there is no item, and no correspondence type unless the template has one", () => {
    const now = new Date("2024-06-01T08:00:00Z");
    const d = draftFor(undefined, emailT, now);
    expect(d.interactionDate).toBe("2024-06-01T08:00:00.000Z");
    expect(d.correspondenceType).toBeUndefined();
    expect(draftFor(undefined, callT, now).correspondenceType).toBe("Phone Call");
  });

  it("lets the template's correspondence type win over the item's kind", () => {
    expect(draftFor(mail(), callT).correspondenceType).toBe("Phone Call");
  });
});

describe("applyTemplate", () => {
  it("moves every value that came from the old template to the new one", () => {
    const c = mail({ direction: "inbound" });
    const before = draftFor(c, emailT);
    const after = applyTemplate(before, emailT, callT, c);
    expect(after).toEqual({
      ...before,
      templateCode: "CALL-OUT",
      informationFlow: "Outbound",
      initiatedBy: "Us",
      costLCY: 0.75,
      durationMin: 10,
      correspondenceType: "Phone Call",
    });
  });

  it("keeps what the user typed", () => {
    const c = mail();
    const typed = {
      ...draftFor(c, emailT),
      description: "Called about the quote",
      costLCY: 9,
      durationMin: 33,
      initiatedBy: "Us" as const,
      evaluation: "Positive" as const,
      comment: "follow up Friday",
      attemptFailed: true,
      interactionDate: "2024-05-03T10:00:00.000Z",
    };
    const after = applyTemplate(typed, emailT, callT, c);
    expect(after).toMatchObject({
      templateCode: "CALL-OUT",
      description: "Called about the quote",
      costLCY: 9,
      durationMin: 33,
      initiatedBy: "Us",
      informationFlow: "Outbound",
      evaluation: "Positive",
      comment: "follow up Friday",
      attemptFailed: true,
      interactionDate: "2024-05-03T10:00:00.000Z",
    });
  });

  it("moves a description that came from the old template (manual log)", () => {
    const now = new Date("2024-06-01T08:00:00Z");
    const before = draftFor(undefined, callT, now);
    expect(before.description).toBe("Outgoing phone call");
    const after = applyTemplate(before, callT, meetT, undefined);
    expect(after.description).toBe("Meeting");
    expect(after.interactionDate).toBe(before.interactionDate);
  });

  it("keeps a subject-based description when the template changes", () => {
    const c = mail();
    expect(applyTemplate(draftFor(c, emailT), emailT, callT, c).description).toBe("Quote for 200 widgets");
  });

  it("fills a blank description from the new template", () => {
    const after = applyTemplate(draft({ description: "  " }), emailT, callT, mail({ subject: "" }));
    expect(after.description).toBe("Outgoing phone call");
  });

  it("starts from no template: zero cost and duration follow the new template", () => {
    const c = mail();
    const blank = draftFor(c, undefined);
    expect(applyTemplate(blank, undefined, meetT, c)).toMatchObject({
      templateCode: "MEETING",
      costLCY: 20,
      durationMin: 60,
      correspondenceType: "Meeting",
    });
  });

  it("keeps a meeting's length as its duration across templates", () => {
    const c = meeting();
    expect(applyTemplate(draftFor(c, meetT), meetT, callT, c).durationMin).toBe(90);
  });
});

describe("template-defaults details", () => {
  it("compares a template's own code trimmed and in any case, and never matches a blank code", () => {
    const spaced = template({ code: " email " });
    expect(defaultTemplate(mail(), { Emails: "EMAIL" }, [spaced])).toBe(spaced);
    expect(defaultTemplate(mail(), { Emails: "  " }, [template({ code: "" })])).toBeUndefined();
    expect(defaultTemplate(mail(), { Emails: "" }, [template({ code: " " })])).toBeUndefined();
  });

  it("takes the correspondence type from the item's kind when the template has none", () => {
    expect(draftFor(mail(), emailT).correspondenceType).toBe("Email");
    expect(draftFor(meeting(), emailT).correspondenceType).toBe("Meeting");
    expect(draftFor(mail(), undefined).correspondenceType).toBe("Email");
  });

  it("falls back to the template's description when the item has no subject", () => {
    const noSubject = mail({ subject: undefined as unknown as string });
    expect(draftFor(noSubject, callT).description).toBe("Outgoing phone call");
    expect(draftFor(mail({ subject: "   " }), callT).description).toBe("Outgoing phone call");
  });

  it("cuts at exactly DESCRIPTION_MAX code points", () => {
    expect(truncateDescription("x".repeat(DESCRIPTION_MAX))).toBe("x".repeat(DESCRIPTION_MAX));
    expect(truncateDescription("x".repeat(DESCRIPTION_MAX + 1))).toBe("x".repeat(DESCRIPTION_MAX));
    expect(DESCRIPTION_MAX).toBe(100);
  });
});

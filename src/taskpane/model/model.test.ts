import { draftFor } from "../../domain/template-defaults";
import { JANE, mailFromJane, mailToSegment, PETER, INFO_A, TEMPLATES } from "../test-support/fixtures";
import { resolveMatches } from "../../domain/matching";
import { CONTACTS } from "../test-support/fixtures";
import { fromLocalInput, toLocalInput } from "./datetime-local";
import { draftFromValues, valuesFromDraft, withDateText, withTemplate } from "./log-form-values";
import { parseNumberInput } from "./number-input";
import {
  initialSelection,
  loggedContactNos,
  matchWithCreated,
  selectedContacts,
} from "./participant-selection";

describe("datetime-local", () => {
  it("round-trips a local wall-clock time", () => {
    const iso = fromLocalInput("2024-05-02T11:30");
    expect(iso).toBe(new Date(2024, 4, 2, 11, 30).toISOString());
    expect(toLocalInput(iso)).toBe("2024-05-02T11:30");
  });

  it.each(["", "2024-02-31T10:00", "2024-05-02", "2024-05-02T25:00", "yesterday"])("refuses %p", (text) =>
    expect(fromLocalInput(text)).toBe(""),
  );
});

describe("number input", () => {
  it.each([
    ["", 0],
    ["12.5", 12.5],
    ["12,5", 12.5],
    [" 7 ", 7],
  ])("%p → %p", (text, n) => expect(parseNumberInput(text)).toBe(n));

  it.each(["abc", "1.234,5", "1,2,3", "12e3", "--1"])("%p is not a number", (text) =>
    expect(parseNumberInput(text)).toBeNaN(),
  );
});

describe("log form values", () => {
  const email = TEMPLATES.find((t) => t.code === "EMAIL")!;

  it("round-trips a draft without loss", () => {
    const draft = { ...draftFor(mailFromJane(), email), evaluation: "Neutral" as const, comment: "x" };
    expect(draftFromValues(valuesFromDraft(draft))).toEqual(draft);
  });

  it("keeps the exact item date until the user edits it", () => {
    const c = mailFromJane({ date: "2024-05-02T09:30:17.123Z" });
    const v = valuesFromDraft(draftFor(c, email));
    expect(draftFromValues(v).interactionDate).toBe("2024-05-02T09:30:17.123Z");
    expect(draftFromValues(withDateText(v, "2024-05-03T08:00")).interactionDate).toBe(
      new Date(2024, 4, 3, 8, 0).toISOString(),
    );
    expect(draftFromValues(withDateText(v, "2024-05-")).interactionDate).toBe("");
  });

  it("keeps invalid text the user typed when the template changes", () => {
    const v = { ...valuesFromDraft(draftFor(mailFromJane(), email)), costText: "abc" };
    const next = withTemplate(v, TEMPLATES, "SALESCALL", mailFromJane());
    expect(next.costText).toBe("abc");
    expect(next.durationText).toBe("15");
    expect(next.templateCode).toBe("SALESCALL");
  });
});

describe("participant selection", () => {
  const c = mailToSegment();
  const matches = resolveMatches(c.participants, c.mailboxOwner, { ownDomains: [], neverLog: [] }, CONTACTS);

  it("checks matched rows except those already logged", () => {
    const logged = loggedContactNos([
      { contactNo: "ct000002", canceled: false } as never,
      { contactNo: PETER.contactNo, canceled: true } as never,
    ]);
    expect([...initialSelection(matches, logged)]).toEqual(["peter@globex.com"]);
  });

  it("logs each chosen contact once, ambiguous rows only when chosen", () => {
    const all = new Set(matches.map((m) => m.email));
    expect(selectedContacts(matches, all, {}).map((x) => x.contactNo)).toEqual([
      JANE.contactNo,
      PETER.contactNo,
    ]);
    expect(
      selectedContacts(matches, all, { "info@initech.com": INFO_A.contactNo }).map((x) => x.contactNo),
    ).toEqual([JANE.contactNo, PETER.contactNo, INFO_A.contactNo]);
  });

  it("turns an unknown row into a person row once its contact exists", () => {
    const unknown = { participant: c.participants[1]!, email: "x@y.com", status: "unknown" as const };
    const row = matchWithCreated(unknown, { ...JANE, contactNo: "CT000999" });
    expect(row).toMatchObject({
      status: "person",
      contact: { contactNo: "CT000999" },
      company: { name: "Acme Corp" },
    });
  });
});

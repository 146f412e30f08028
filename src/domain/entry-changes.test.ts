import {
  cancelChange,
  canceledDedupeKey,
  ChangedMeanwhileError,
  changeDescription,
  describeChange,
  ENTRY_MESSAGES,
  isCanceledDedupeKey,
  matchesEntry,
  originalDedupeKey,
  uncancelChange,
  undoChange,
} from "./entry-changes";
import { canDeleteCanceled } from "./delete-rights";
import { StoreError } from "./errors";
import { computeStatistics, StatisticsAccumulator } from "./statistics";
import type { InteractionLogEntry, LoggedSegment } from "./types";

const entry = (o: Partial<InteractionLogEntry> = {}): InteractionLogEntry => ({
  id: "42",
  description: "d",
  contactNo: "CT000010",
  interactionDate: "2024-05-15T12:00:00Z",
  templateCode: "EMAIL",
  groupCode: "EMAIL",
  costLCY: 0.5,
  durationMin: 5,
  userId: "annette.hill@cronus.example",
  attemptFailed: false,
  canceled: false,
  sourceKind: "Email",
  dedupeKey: "E-abc-CT000010",
  ...o,
});

const segment = (canceled: boolean): LoggedSegment => ({
  id: "7",
  description: "s",
  creationDate: "2024-05-15T12:00:00Z",
  userId: "u",
  canceled,
});

describe("the dedupe key of a canceled entry", () => {
  it("is <key>~canceled~<entry id>, and the original comes back from it", () => {
    const k = canceledDedupeKey("E-abc-CT000010", "42");
    expect(k).toBe("E-abc-CT000010~canceled~42");
    expect(isCanceledDedupeKey(k)).toBe(true);
    expect(originalDedupeKey(k)).toBe("E-abc-CT000010");
    expect(originalDedupeKey("E-abc-CT000010")).toBe("E-abc-CT000010");
    expect(isCanceledDedupeKey("E-abc-CT000010")).toBe(false);
  });

  it("is never rewritten twice (canceling a canceled key keeps one mark)", () => {
    expect(canceledDedupeKey("E-abc-CT1~canceled~42", "42")).toBe("E-abc-CT1~canceled~42");
  });

  it("refuses a blank entry id and a key that would not fit the column", () => {
    expect(() => canceledDedupeKey("E-abc", " ")).toThrow(RangeError);
    expect(() => canceledDedupeKey("E-" + "x".repeat(250), "12345")).toThrow(/longer than 255/);
  });
});

describe("cancel and un-cancel changes", () => {
  it("cancels with the rewritten key; an entry already canceled so needs nothing", () => {
    expect(cancelChange(entry())).toEqual({ canceled: true, dedupeKey: "E-abc-CT000010~canceled~42" });
    expect(cancelChange(entry({ canceled: true, dedupeKey: "E-abc-CT000010~canceled~42" }))).toBeUndefined();
    // Canceled by someone who did not rewrite the key: the key is still freed.
    expect(cancelChange(entry({ canceled: true }))).toEqual({
      canceled: true,
      dedupeKey: "E-abc-CT000010~canceled~42",
    });
  });

  it("un-cancels with the original key, and refuses while the segment is canceled", () => {
    const canceled = entry({ canceled: true, dedupeKey: "E-abc-CT000010~canceled~42", loggedSegmentId: "7" });
    expect(uncancelChange(canceled, segment(false))).toEqual({
      canceled: false,
      dedupeKey: "E-abc-CT000010",
    });
    expect(uncancelChange(canceled, undefined)).toEqual({ canceled: false, dedupeKey: "E-abc-CT000010" });
    let err: unknown;
    try {
      uncancelChange(canceled, segment(true));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ kind: "conflict", message: ENTRY_MESSAGES.segmentCanceled });
    expect(uncancelChange(entry(), undefined)).toBeUndefined();
  });

  it("needs a stored entry", () => {
    const { id: _id, ...unsaved } = entry();
    expect(() => cancelChange(unsaved)).toThrow(ENTRY_MESSAGES.notStored);
    expect(() => uncancelChange(unsaved, undefined)).toThrow(ENTRY_MESSAGES.notStored);
  });

  it("a changed-meanwhile error is a conflict that carries the stored entry", () => {
    const e = new ChangedMeanwhileError(ENTRY_MESSAGES.changedMeanwhile, entry({ comment: "theirs" }));
    expect(e).toBeInstanceOf(StoreError);
    expect(e.kind).toBe("conflict");
    expect(e.details.status).toBe(412);
    expect(e.current?.comment).toBe("theirs");
  });
});

describe("matchesEntry (the client-side part of an entries filter)", () => {
  it.each([
    ["no filter keeps a live entry", {}, {}, true],
    ["canceled hidden by default", { canceled: true }, {}, false],
    ["canceled shown when included", { canceled: true }, { includeCanceled: true }, true],
    ["only canceled drops a live one", {}, { onlyCanceled: true }, false],
    ["only canceled keeps a canceled one", { canceled: true }, { onlyCanceled: true }, true],
    ["group, any case", {}, { groupCode: "email" }, true],
    ["other group", {}, { groupCode: "MEETING" }, false],
    [
      "entry without a group never matches a group filter",
      { groupCode: undefined },
      { groupCode: "EMAIL" },
      false,
    ],
    ["template", {}, { templateCode: "EMAIL" }, true],
    ["other template", {}, { templateCode: "PHONE" }, false],
    ["inside the date range", {}, { from: "2024-05-15", to: "2024-05-15" }, true],
    ["before the range", {}, { from: "2024-05-16" }, false],
  ] as const)("%s", (_l, o, m, expected) => {
    expect(matchesEntry(entry(o as Partial<InteractionLogEntry>), m)).toBe(expected);
  });
});

describe("StatisticsAccumulator", () => {
  it("folding pages gives exactly computeStatistics over all entries (no per-page rounding)", () => {
    const all = Array.from({ length: 2500 }, (_, i) =>
      entry({
        id: String(i),
        costLCY: 0.1 + (i % 7) * 0.333,
        durationMin: (i % 3) * 1.005,
        canceled: i % 11 === 0,
        interactionDate: new Date(Date.parse("2024-01-01T00:00:00Z") + i * 3_600_000).toISOString(),
      }),
    );
    const range = { from: "2024-01-10", to: "2024-03-31" };
    const acc = new StatisticsAccumulator(range);
    for (let i = 0; i < all.length; i += 999) acc.add(all.slice(i, i + 999));
    const whole = computeStatistics(all, range);
    expect(acc.result()).toEqual(whole);
    const expectedCount = all.filter(
      (e) => !e.canceled && e.interactionDate >= "2024-01-10" && e.interactionDate < "2024-04-01",
    ).length;
    expect(whole.count).toBe(expectedCount);
  });
});

describe("canDeleteCanceled", () => {
  it("allows everyone by default, otherwise only the listed UPNs (any case)", () => {
    expect(canDeleteCanceled("anyone@cronus.example")).toBe(true);
    expect(canDeleteCanceled("anyone@cronus.example", "everyone")).toBe(true);
    const admins = ["Annette.Hill@cronus.example", "it@cronus.example"];
    expect(canDeleteCanceled("annette.hill@CRONUS.example", admins)).toBe(true);
    expect(canDeleteCanceled("robin@cronus.example", admins)).toBe(false);
    expect(canDeleteCanceled("", admins)).toBe(false);
    expect(canDeleteCanceled("robin@cronus.example", [])).toBe(false);
  });
});

describe("undo and offline changes", () => {
  it("undo cancels the segment and the entries logged outside it, never the ones that existed before", () => {
    const inSegment = entry({ id: "1", contactNo: "CT1", loggedSegmentId: "7" });
    const single = entry({ id: "2", contactNo: "CT2" });
    const before = entry({ id: "3", contactNo: "CT3", loggedSegmentId: "4" });
    expect(
      undoChange({
        segment: segment(false),
        results: [
          { contactNo: "CT1", status: "logged", entry: inSegment },
          { contactNo: "CT2", status: "logged", entry: single },
          { contactNo: "CT3", status: "alreadyLogged", entry: before },
          { contactNo: "CT4", status: "queued" },
        ],
      }),
    ).toEqual({ kind: "cancel", entries: [single], segmentIds: ["7"] });
    expect(undoChange({ results: [{ contactNo: "CT2", status: "logged", entry: single }] })).toEqual({
      kind: "cancel",
      entries: [single],
    });
  });

  it("describes a change kept offline by its contacts and the first entry", () => {
    const user = { displayName: "Annette", emailAddress: "annette.hill@cronus.example" };
    const d = describeChange(
      {
        kind: "uncancel",
        entries: [entry({ contactName: "Robin" }), entry({ id: "43", contactName: "Robin" })],
      },
      user,
    );
    expect(d.contacts).toEqual([{ contactNo: "CT000010", type: "Person", name: "Robin" }]);
    // The kind is not worded here (in English): the pane words it from `change.kind` in the user's language.
    expect(d.draft.description).toBe("d");
    expect(d.user).toBe(user);
    expect(describeChange({ kind: "cancel", entries: [], segmentIds: ["7"] }, user).draft.description).toBe(
      "",
    );
    expect(
      describeChange(
        { kind: "edit", entries: [entry({ description: "Quote" })], edit: { comment: "x" } },
        user,
      ).draft.description,
    ).toBe("Quote");
  });

  it("reads the description of a change queued with the old English wording without it", () => {
    expect(changeDescription("Cancel: Quote for chairs")).toBe("Quote for chairs");
    expect(changeDescription("Un-cancel: Quote (logged segment 7)")).toBe("Quote");
    expect(changeDescription("Cancel logged segment 7, 8")).toBe("");
    expect(changeDescription("Quote for chairs")).toBe("Quote for chairs");
    expect(changeDescription("Canceling: not a prefix")).toBe("Canceling: not a prefix");
  });
});

describe("entry changes at their edges", () => {
  it("finds the original key before a mark at the very start, and takes the last mark", () => {
    expect(originalDedupeKey("~canceled~42")).toBe("");
    expect(originalDedupeKey("E-a~canceled~1~canceled~2")).toBe("E-a~canceled~1");
  });

  it("says why it refuses an entry id that is blank or missing", () => {
    expect(() => canceledDedupeKey("E-abc", " ")).toThrow(
      new RangeError("canceledDedupeKey: the entry id is blank"),
    );
    expect(() => canceledDedupeKey("E-abc", undefined as unknown as string)).toThrow(
      new RangeError("canceledDedupeKey: the entry id is blank"),
    );
  });

  it("accepts a rewritten key of exactly 255 characters and refuses 256", () => {
    const key = "E-" + "x".repeat(238);
    expect(canceledDedupeKey(key, "12345")).toHaveLength(255);
    expect(() => canceledDedupeKey(key, "123456")).toThrow(
      new RangeError(`canceledDedupeKey: "${key}~canceled~123456" is longer than 255 characters`),
    );
  });

  it("refuses an entry not stored yet as invalid, and a canceled segment with its code", () => {
    const { id: _id, ...unsaved } = entry();
    expect(() => cancelChange(unsaved)).toThrow(expect.objectContaining({ kind: "invalid" }));
    expect(() => uncancelChange(unsaved, undefined)).toThrow(expect.objectContaining({ kind: "invalid" }));
    let err: unknown;
    try {
      uncancelChange(entry({ canceled: true }), segment(true));
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ kind: "conflict", details: { code: "segmentCanceled" } });
  });

  it("un-cancels an entry whose key is still rewritten or whose flag is still set, whichever is left", () => {
    // Un-canceled elsewhere without its key restored: the key still needs writing back.
    expect(uncancelChange(entry({ dedupeKey: "E-abc-CT000010~canceled~42" }), undefined)).toEqual({
      canceled: false,
      dedupeKey: "E-abc-CT000010",
    });
    // Canceled elsewhere without its key rewritten: the flag still needs clearing.
    expect(uncancelChange(entry({ canceled: true }), undefined)).toEqual({
      canceled: false,
      dedupeKey: "E-abc-CT000010",
    });
  });

  it("marks a changed-meanwhile error as 412 modified, details given added", () => {
    const e = new ChangedMeanwhileError(ENTRY_MESSAGES.changedMeanwhile, undefined, { requestId: "r1" });
    expect(e.details).toEqual({ status: 412, code: "modified", requestId: "r1" });
    expect(e.message).toBe(ENTRY_MESSAGES.changedMeanwhile);
  });

  it("leaves out of an undo a result reported logged without an entry", () => {
    expect(undoChange({ results: [{ contactNo: "CT1", status: "logged" }] })).toEqual({
      kind: "cancel",
      entries: [],
    });
  });

  it("describes a change by the first entry's template and date, with the form's defaults", () => {
    const user = { displayName: "Annette", emailAddress: "annette.hill@cronus.example" };
    expect(describeChange({ kind: "cancel", entries: [entry()] }, user).draft).toEqual({
      templateCode: "EMAIL",
      description: "d",
      interactionDate: "2024-05-15T12:00:00Z",
      attemptFailed: false,
      costLCY: 0,
      durationMin: 0,
    });
    expect(describeChange({ kind: "cancel", entries: [], segmentIds: ["7"] }, user)).toEqual({
      contacts: [],
      user,
      draft: {
        templateCode: "",
        description: "",
        interactionDate: "",
        attemptFailed: false,
        costLCY: 0,
        durationMin: 0,
      },
    });
  });

  it("strips the old wording only at the start, whatever the segment number", () => {
    expect(changeDescription("Un-cancel: Quote (logged segment 12)")).toBe("Quote");
    expect(changeDescription("Re: Cancel: Quote")).toBe("Re: Cancel: Quote");
    expect(changeDescription("Re: Cancel logged segment 7")).toBe("Re: Cancel logged segment 7");
  });
});

describe("canDeleteCanceled, spacing and blanks", () => {
  it("compares UPNs trimmed on both sides", () => {
    expect(canDeleteCanceled("  annette.hill@cronus.example ", ["Annette.Hill@cronus.example"])).toBe(true);
    expect(canDeleteCanceled("annette.hill@cronus.example", [" annette.hill@cronus.example  "])).toBe(true);
  });

  it("never lets a blank UPN through, even when the list holds a blank entry", () => {
    expect(canDeleteCanceled("", ["", "it@cronus.example"])).toBe(false);
    expect(canDeleteCanceled("   ", ["  "])).toBe(false);
  });
});

describe("matchesEntry, codes trimmed and in any case on both sides", () => {
  it.each([
    ["an entry's code in lower case with spaces", { groupCode: " email " }, { groupCode: "EMAIL" }, true],
    ["a filter's code with spaces", {}, { groupCode: " EMAIL " }, true],
    ["a template code on both sides", { templateCode: " email" }, { templateCode: "Email " }, true],
  ] as const)("%s", (_l, o, m, expected) => {
    expect(matchesEntry(entry(o as Partial<InteractionLogEntry>), m)).toBe(expected);
  });
});

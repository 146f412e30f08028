import { computeStatistics, dateRangeBounds, inDateRange, newestFirst, type DateRange } from "./statistics";
import type { InteractionLogEntry } from "./types";

let nextId = 1;
const entry = (overrides: Partial<InteractionLogEntry> = {}): InteractionLogEntry => ({
  id: String(nextId++),
  description: "d",
  contactNo: "CT000010",
  interactionDate: "2024-05-15T12:00:00.000Z",
  templateCode: "EMAIL",
  costLCY: 0,
  durationMin: 0,
  userId: "owen@contoso.example",
  attemptFailed: false,
  canceled: false,
  sourceKind: "Email",
  dedupeKey: `k${nextId}`,
  ...overrides,
});

describe("inDateRange", () => {
  it.each([
    ["no bounds", "2024-05-15T12:00:00Z", {}, true],
    ["on the from instant", "2024-05-01T00:00:00Z", { from: "2024-05-01" }, true],
    ["a millisecond before from", "2024-04-30T23:59:59.999Z", { from: "2024-05-01" }, false],
    ["late on a bare to date", "2024-05-31T23:59:59.999Z", { to: "2024-05-31" }, true],
    ["the next day after a bare to date", "2024-06-01T00:00:00.000Z", { to: "2024-05-31" }, false],
    ["on a to date-time", "2024-05-31T12:00:00Z", { to: "2024-05-31T12:00:00Z" }, true],
    ["after a to date-time", "2024-05-31T12:00:00.001Z", { to: "2024-05-31T12:00:00Z" }, false],
    ["inside both", "2024-05-15T12:00:00Z", { from: "2024-05-01", to: "2024-05-31" }, true],
    ["a one-day range", "2024-05-15T18:00:00Z", { from: "2024-05-15", to: "2024-05-15" }, true],
    ["an offset date compared as an instant", "2024-06-01T01:00:00+02:00", { to: "2024-05-31" }, true],
    ["an unreadable entry date in a bounded range", "garbage", { from: "2024-05-01" }, false],
    ["an unreadable entry date with no bounds", "garbage", {}, true],
  ] as const)("%s", (_label, date, range: DateRange, expected) => {
    expect(inDateRange(date, range)).toBe(expected);
  });

  it.each([
    [{ from: "yesterday" }, /"yesterday" is not a valid "from" date/],
    [{ to: "2024-13-01" }, /"2024-13-01" is not a valid "to" date/],
  ])("refuses an unreadable bound %o", (range, message) => {
    expect(() => inDateRange("2024-05-15T12:00:00Z", range)).toThrow(message);
  });
});

describe("computeStatistics", () => {
  it("counts, sums cost and duration of entries that are not canceled", () => {
    const entries = [
      entry({ costLCY: 10, durationMin: 5 }),
      entry({ costLCY: 2.5, durationMin: 30 }),
      entry({ costLCY: 100, durationMin: 100, canceled: true }),
    ];
    expect(computeStatistics(entries)).toEqual({ count: 2, costLCY: 12.5, durationMin: 35 });
  });

  it("applies the date range inclusively, a bare to date covering the whole day", () => {
    const entries = [
      entry({ interactionDate: "2024-04-30T23:59:59Z", costLCY: 1 }),
      entry({ interactionDate: "2024-05-01T00:00:00Z", costLCY: 2 }),
      entry({ interactionDate: "2024-05-31T23:30:00Z", costLCY: 4 }),
      entry({ interactionDate: "2024-06-01T00:00:00Z", costLCY: 8 }),
    ];
    expect(computeStatistics(entries, { from: "2024-05-01", to: "2024-05-31" })).toEqual({
      count: 2,
      costLCY: 6,
      durationMin: 0,
    });
  });

  it.each([
    ["0.1 + 0.2", [0.1, 0.2], 0.3],
    ["ten times 0.1", Array(10).fill(0.1), 1],
    ["1.005 rounds half up to cents", [1.005], 1.01],
    ["fractional cents", [0.125, 0.125], 0.25],
    ["many small amounts", Array(1000).fill(0.01), 10],
    ["nothing", [], 0],
  ])("rounds cost without drift: %s", (_label, costs, expected) => {
    const stats = computeStatistics(costs.map((costLCY) => entry({ costLCY })));
    expect(stats.costLCY).toBe(expected);
    expect(stats.count).toBe(costs.length);
  });

  it("sums fractional minutes without drift", () => {
    expect(computeStatistics([entry({ durationMin: 0.1 }), entry({ durationMin: 0.2 })]).durationMin).toBe(
      0.3,
    );
  });

  it("counts an entry with an unreadable amount but adds nothing for it", () => {
    const stats = computeStatistics([entry({ costLCY: Number.NaN, durationMin: 7 }), entry({ costLCY: 3 })]);
    expect(stats).toEqual({ count: 2, costLCY: 3, durationMin: 7 });
  });

  it("gives zeros for no entries", () => {
    expect(computeStatistics([])).toEqual({ count: 0, costLCY: 0, durationMin: 0 });
  });
});

describe("newestFirst", () => {
  it("orders by date, newest first, then by entry number, and unreadable dates last", () => {
    const list = [
      entry({ id: "5", interactionDate: "2024-05-01T10:00:00Z" }),
      entry({ id: "9", interactionDate: "not a date" }),
      entry({ id: "7", interactionDate: "2024-05-03T10:00:00Z" }),
      entry({ id: "6", interactionDate: "2024-05-01T10:00:00Z" }),
      entry({ id: undefined, interactionDate: "2024-05-01T10:00:00Z" }),
      entry({ id: "8", interactionDate: "2024-05-01T12:00:00+02:00" }),
    ];
    expect(list.sort(newestFirst).map((e) => e.id)).toEqual(["7", "8", "6", "5", undefined, "9"]);
  });

  it("is consistent: comparing an entry with itself gives 0", () => {
    const e = entry();
    expect(newestFirst(e, e)).toBe(0);
    const broken = entry({ interactionDate: "x", id: "abc" });
    expect(newestFirst(broken, broken)).toBe(0);
  });
});

describe("statistics at zero and at the day's last instant", () => {
  it("adds up zero costs to exactly 0, and never shows -0", () => {
    expect(Object.is(computeStatistics([entry({ costLCY: 0 }), entry({ costLCY: 0 })]).costLCY, 0)).toBe(
      true,
    );
    const tiny = computeStatistics([entry({ costLCY: -0.001, durationMin: -0.001 })]);
    expect(Object.is(tiny.costLCY, 0)).toBe(true);
    expect(Object.is(tiny.durationMin, 0)).toBe(true);
    expect(computeStatistics([entry({ costLCY: 0.004 })]).costLCY).toBe(0);
    expect(computeStatistics([entry({ costLCY: 0.005 })]).costLCY).toBe(0.01);
    expect(computeStatistics([entry({ durationMin: 0.005 })]).durationMin).toBe(0.01);
  });

  it.each([
    ["23:59:59.999 on a bare to date", "2024-05-31T23:59:59.999Z", { to: "2024-05-31" }, true],
    ["23:00 on a bare to date", "2024-05-31T23:00:00Z", { to: "2024-05-31" }, true],
    ["midnight after a bare to date", "2024-06-01T00:00:00Z", { to: "2024-05-31" }, false],
    ["a to date with spaces around it", "2024-05-31T23:59:00Z", { to: " 2024-05-31 " }, true],
    ["a bare from date at its midnight", "2024-05-31T00:00:00Z", { from: "2024-05-31" }, true],
    ["a bare from date is not widened", "2024-05-30T23:59:59.999Z", { from: "2024-05-31" }, false],
    [
      "a from date-time a millisecond later",
      "2024-05-31T10:00:00Z",
      { from: "2024-05-31T10:00:00.001Z" },
      false,
    ],
  ] as const)("%s", (_label, date, range: DateRange, expected) => {
    expect(inDateRange(date, range)).toBe(expected);
  });

  it("orders a readable date before an unreadable one either way round", () => {
    const readable = entry({ id: "1", interactionDate: "2000-01-01T00:00:00Z" });
    const unreadable = entry({ id: "2", interactionDate: "garbage" });
    expect(newestFirst(readable, unreadable)).toBe(-1);
    expect(newestFirst(unreadable, readable)).toBe(1);
    expect(newestFirst(entry({ id: "3" }), entry({ id: "10" }))).toBe(7);
    expect(newestFirst(entry({ id: "x" }), entry({ id: "4" }))).toBe(4);
  });
});

describe("dateRangeBounds", () => {
  it("turns a range into inclusive instants, a bare to date ending at its last millisecond", () => {
    expect(dateRangeBounds({ from: "2024-05-01", to: "2024-05-31" })).toEqual({
      from: Date.UTC(2024, 4, 1),
      to: Date.UTC(2024, 5, 1) - 1,
    });
    expect(dateRangeBounds({ to: "2024-05-31T12:00:00Z" })).toEqual({ to: Date.UTC(2024, 4, 31, 12) });
    expect(dateRangeBounds({ from: "2024-05-01T08:00:00+02:00" })).toEqual({ from: Date.UTC(2024, 4, 1, 6) });
    expect(dateRangeBounds({})).toEqual({});
    expect(dateRangeBounds({ from: "", to: "" })).toEqual({});
  });

  it("names the unreadable bound", () => {
    expect(() => dateRangeBounds({ from: "soon" })).toThrow(
      new RangeError('Date range: "soon" is not a valid "from" date'),
    );
    expect(() => dateRangeBounds({ to: "later" })).toThrow(
      new RangeError('Date range: "later" is not a valid "to" date'),
    );
  });

  it("treats only a plain yyyy-mm-dd as a bare date, not an expanded year", () => {
    expect(dateRangeBounds({ to: "+002024-05-31" })).toEqual({ to: Date.UTC(2024, 4, 31) });
    expect(inDateRange("2024-05-31T12:00:00Z", { to: "+002024-05-31" })).toBe(false);
  });
});

import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * Runs `expression` over this module in a Node process whose time zone is `tz` (the zone is fixed when a process
 * starts, so it cannot change inside jest) and returns its JSON result.
 */
function inZone(tz: string, expression: string): unknown {
  const cli = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const module = path.join(__dirname, "entry-filter-values.ts");
  const code = `const m = require(${JSON.stringify(module)}); process.stdout.write(JSON.stringify(${expression}));`;
  const out = execFileSync(process.execPath, [cli, "-e", code], { env: { ...process.env, TZ: tz } });
  return JSON.parse(out.toString());
}

describe("date filters are the user's local days", () => {
  it("in UTC, a day is midnight to midnight UTC", () => {
    expect(inZone("UTC", `[m.localDayStart("2025-01-02"), m.localDayEnd("2025-01-02")]`)).toEqual([
      "2025-01-02T00:00:00.000Z",
      "2025-01-02T23:59:59.999Z",
    ]);
  });

  it("in Amsterdam, a winter day starts an hour earlier in UTC, and the day clocks go forward has 23 hours", () => {
    expect(
      inZone(
        "Europe/Amsterdam",
        `[m.localDayStart("2025-01-02"), m.localDayEnd("2025-01-02"), m.localDayStart("2025-03-30"), m.localDayEnd("2025-03-30")]`,
      ),
    ).toEqual([
      "2025-01-01T23:00:00.000Z",
      "2025-01-02T22:59:59.999Z",
      "2025-03-29T23:00:00.000Z",
      "2025-03-30T21:59:59.999Z",
    ]);
  });

  it("in New York, the end of the year's last day is the next morning in UTC", () => {
    expect(inZone("America/New_York", `m.localDayEnd("2025-12-31")`)).toBe("2026-01-01T04:59:59.999Z");
  });

  it("reaches the entries filter and the delete filter; an unreadable date is left out", () => {
    const [entries, deletes] = inZone(
      "Europe/Amsterdam",
      `[m.toEntryFilter({ kind: "user", userId: "u" }, { ...m.EMPTY_FILTER, from: "2025-01-02", to: "2025-01-02" }),
        m.toDeleteFilter({ contactNo: "", groupCode: "", templateCode: "", from: "2025-01-02", to: "2025-13-40" })]`,
    ) as unknown[];
    expect(entries).toEqual({
      scope: { kind: "user", userId: "u" },
      from: "2025-01-01T23:00:00.000Z",
      to: "2025-01-02T22:59:59.999Z",
    });
    expect(deletes).toEqual({ from: "2025-01-01T23:00:00.000Z" });
  });
});

import { DEDUPE_KEY_MAX, dedupeKey, hash128 } from "./dedupe";
import type { SourceKind } from "./types";

const MSG = "<AM0PR01MB1234.eurprd01.prod.example@AM0PR01MB1234.example>";

describe("dedupeKey", () => {
  it("is stable for retries: the same inputs give the same key", () => {
    expect(dedupeKey("Email", MSG, "CT000010")).toBe(dedupeKey("Email", MSG, "CT000010"));
    expect(dedupeKey("Email", `  ${MSG} `, "CT000010")).toBe(dedupeKey("Email", MSG, "CT000010"));
  });

  it("compares contact numbers case-insensitively and ignores surrounding spaces", () => {
    expect(dedupeKey("Email", MSG, " ct000010 ")).toBe(dedupeKey("Email", MSG, "CT000010"));
  });

  it("has a readable shape: kind prefix, 28 hex digits, contact number", () => {
    expect(dedupeKey("Email", MSG, "CT000010")).toMatch(/^E-[0-9a-f]{28}-CT000010$/);
    expect(dedupeKey("Meeting", "040000008200E00074C5B7101A82E008", "CT1")).toMatch(/^M-[0-9a-f]{28}-CT1$/);
    expect(dedupeKey("Manual", "3f1c2b7e-0000-4000-8000-000000000001", "CT1")).toMatch(
      /^X-[0-9a-f]{28}-CT1$/,
    );
  });

  it.each([
    ["another contact", ["Email", MSG, "CT000011"]],
    ["another kind", ["Meeting", MSG, "CT000010"]],
    ["another source", ["Email", MSG.replace("1234", "1235"), "CT000010"]],
    ["a source differing only in case", ["Email", MSG.toLowerCase(), "CT000010"]],
  ] as const)("differs for %s", (_label, [kind, source, no]) => {
    expect(dedupeKey(kind as SourceKind, source, no)).not.toBe(dedupeKey("Email", MSG, "CT000010"));
  });

  it("stays within the column for a 1,000-character message id", () => {
    const long = "<" + "x".repeat(1000) + "@mail.example.com>";
    const key = dedupeKey("Email", long, "CT000010");
    expect(key.length).toBeLessThanOrEqual(DEDUPE_KEY_MAX);
    expect(key).not.toBe(dedupeKey("Email", long.replace("x", "y"), "CT000010"));
  });

  it("hashes an over-long contact number so the key still fits and stays distinct", () => {
    const a = dedupeKey("Email", MSG, "C".repeat(400));
    const b = dedupeKey("Email", MSG, "C".repeat(399) + "D");
    expect(a.length).toBeLessThanOrEqual(DEDUPE_KEY_MAX);
    expect(a).toMatch(/^E-[0-9a-f]{28}-#[0-9a-f]{28}$/);
    expect(a).not.toBe(b);
    expect(dedupeKey("Email", MSG, "c".repeat(400))).toBe(a);
  });

  it.each([
    ["a blank source", ["Email", "  ", "CT1"], /source id is blank/],
    ["a blank contact", ["Email", MSG, " "], /contact number is blank/],
    ["an unknown kind", ["Fax", MSG, "CT1"], /unknown source kind "Fax"/],
    ["an inherited property name as kind", ["toString", MSG, "CT1"], /unknown source kind/],
  ] as const)("refuses %s", (_label, [kind, source, no], message) => {
    expect(() => dedupeKey(kind as SourceKind, source, no)).toThrow(message);
  });
});

describe("hash128", () => {
  it("gives 28 hex digits, deterministic and spread", () => {
    expect(hash128("abc")).toMatch(/^[0-9a-f]{28}$/);
    expect(hash128("abc")).toBe(hash128("abc"));
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(hash128(`<msg-${i}@x.example>`));
    expect(seen.size).toBe(10_000);
    expect(hash128("a")).not.toBe(hash128("b"));
    expect(hash128("")).toMatch(/^[0-9a-f]{28}$/);
  });
});

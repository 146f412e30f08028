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
    // 2,000 similar ids catch a hash that ignores part of its input; every other change to the hash changes the
    // pinned values further down. (10,000 ids made each mutation-testing run of the domain minutes longer.)
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) seen.add(hash128(`<msg-${i}@x.example>`));
    expect(seen.size).toBe(2_000);
    expect(hash128("a")).not.toBe(hash128("b"));
    expect(hash128("")).toMatch(/^[0-9a-f]{28}$/);
  });
});

// WHY THESE VALUES ARE PINNED: the dedupe key is stored in the unique DedupeKey column of "Interaction Log Entries"
// in SharePoint. A later version that computes a different key for the same item and contact would not find the
// entries an earlier version wrote, and would log the same mail twice: "never twice" breaks across versions, silently.
// So the exact keys below must never change by accident. If the key has to change (another hash, normalisation of
// the source id, another prefix), that is a migration: rewrite the stored keys or look up both forms, document it in
// the README, and only then update these values.
describe("dedupe keys are pinned (stored in SharePoint: changing one is a migration)", () => {
  const MEETING_UID = "040000008200E00074C5B7101A82E00800000000D0F3A2B1C2D3D401000000000000000010000000";

  it.each<[string, SourceKind, string, string, string]>([
    ["a mail", "Email", MSG, "CT000010", "E-1bbfb4dcef340e1ac917fce848d9-CT000010"],
    ["a meeting", "Meeting", MEETING_UID, "CT000010", "M-1a94a5b4d723f11e670b4ccd63c6-CT000010"],
    [
      "a manual log",
      "Manual",
      "3f1c2b7e-0000-4000-8000-000000000001",
      "CT000010",
      "X-06960cf40ac5b2082311d7c99905-CT000010",
    ],
    [
      "a lower-case contact number",
      "Meeting",
      MEETING_UID,
      "ct000010",
      "M-1a94a5b4d723f11e670b4ccd63c6-CT000010",
    ],
    ["spaces around both", "Email", ` ${MSG}\n`, " ct000010 ", "E-1bbfb4dcef340e1ac917fce848d9-CT000010"],
    [
      "a Latin-1 id (NFC)",
      "Email",
      "<jürgen.müller@bücher.example>",
      "CT000011",
      "E-0c0494054b333803d017e0af2851-CT000011",
    ],
    // The same text decomposed (NFD) is another key: ids are hashed as given, code unit by code unit.
    [
      "the same id decomposed (NFD)",
      "Email",
      "<ju\u0308rgen.müller@bücher.example>",
      "CT000011",
      "E-0afcceef39a39a19ef26e9173599-CT000011",
    ],
    [
      "a CJK id and a non-ASCII contact number",
      "Email",
      "<用户.邮件@例子.广告>",
      "ct-ü1",
      "E-15cc1d4c31e6e41ef0a80eb03f1f-CT-Ü1",
    ],
    [
      "an id with an emoji (a surrogate pair)",
      "Email",
      "<😀-thread@mail.example>",
      "CT000012",
      "E-1f6d11bc4e979e076517b0d5a93c-CT000012",
    ],
    [
      "a 1,019-character id",
      "Email",
      `<${"x".repeat(1000)}@mail.example.com>`,
      "CT000010",
      "E-0f616e03ac618f19dc19bcd044be-CT000010",
    ],
    [
      "a 1,000-character id",
      "Email",
      "i".repeat(1000),
      "CT000010",
      "E-170550b62081b9133d68563f2536-CT000010",
    ],
  ])("%s", (_label, kind, source, contactNo, key) => {
    expect(dedupeKey(kind, source, contactNo)).toBe(key);
  });

  it("keeps a contact number verbatim up to 224 characters (a 255-character key) and hashes it from 225", () => {
    const at224 = dedupeKey("Email", MSG, "C".repeat(224));
    expect(at224).toBe(`E-1bbfb4dcef340e1ac917fce848d9-${"C".repeat(224)}`);
    expect(at224).toHaveLength(DEDUPE_KEY_MAX);
    expect(dedupeKey("Email", MSG, "C".repeat(225))).toBe(
      "E-1bbfb4dcef340e1ac917fce848d9-#17c21a8e862e790ebd1ae5a6a996",
    );
    expect(dedupeKey("Email", MSG, "c".repeat(400))).toBe(
      "E-1bbfb4dcef340e1ac917fce848d9-#16956db6d0fa2d17da32851f8e99",
    );
    expect(DEDUPE_KEY_MAX).toBe(255);
  });

  it.each([
    ["the empty string", "", "10c329583afc3b0dc0cfa5aed872"],
    ["a", "a", "0432341afdfcd80f4393162ace46"],
    ["abc", "abc", "110670909284e7104fc2708ae947"],
    ["a sentence", "The quick brown fox jumps over the lazy dog", "0450d3a5862e5019b261c7cb9efe"],
    ["ü", "ü", "06e3cb593c41570959d73cb8d4bf"],
    ["an emoji", "😀", "017b796edd4cbc1f53bf98245028"],
    ["1,000 x", "x".repeat(1000), "0c196d0a491355132e13ce61acd7"],
  ])("hash128 of %s is pinned", (_label, text, hash) => {
    expect(hash128(text)).toBe(hash);
  });
});

describe("dedupeKey with missing values", () => {
  it("refuses a missing source or contact number like a blank one", () => {
    expect(() => dedupeKey("Email", undefined as unknown as string, "CT1")).toThrow(
      new RangeError("dedupeKey: the source id is blank"),
    );
    expect(() => dedupeKey("Email", MSG, null as unknown as string)).toThrow(
      new RangeError("dedupeKey: the contact number is blank"),
    );
  });
});

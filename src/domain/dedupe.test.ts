import { dedupeKey, hash128 } from "./dedupe";

describe("dedupeKey", () => {
  it("is stable, short and distinct per contact and source", () => {
    const long = "<" + "x".repeat(900) + "@mail.example.com>";
    const a = dedupeKey("Email", long, "ct000010");
    expect(a).toBe(dedupeKey("Email", long, "CT000010"));
    expect(a.length).toBeLessThanOrEqual(255);
    expect(a).not.toBe(dedupeKey("Email", long, "CT000011"));
    expect(a).not.toBe(dedupeKey("Meeting", long, "CT000010"));
    expect(hash128("a")).not.toBe(hash128("b"));
    expect(hash128("abc")).toHaveLength(28);
  });
});

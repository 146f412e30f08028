import { dedupeKey, hash128 } from "./dedupe";
import { storedSourceId, storedWebLink, TEXT_COLUMN_MAX } from "./source-ref";

describe("SourceId and WebLink in 255-character columns", () => {
  it("keeps an id that fits exactly, up to 255 characters", () => {
    const fits = `<${"a".repeat(253)}>`;
    expect(fits).toHaveLength(255);
    expect(storedSourceId(fits)).toBe(fits);
    expect(storedSourceId("<msg-1@acme.example>")).toBe("<msg-1@acme.example>");
  });

  it("stores a longer id as its first 200 characters and the hash of the whole, stably and idempotently", () => {
    const long = `<${"b".repeat(998)}>`;
    const stored = storedSourceId(long);
    expect(stored).toBe(`${long.slice(0, 200)}…#${hash128(long)}`);
    expect(stored.length).toBeLessThanOrEqual(TEXT_COLUMN_MAX);
    expect(storedSourceId(long)).toBe(stored);
    expect(storedSourceId(stored)).toBe(stored);
    expect(storedSourceId(`${long.slice(0, -2)}c>`)).not.toBe(stored);
  });

  it("does not change the DedupeKey of ids that fit (derived from the id, not the stored form)", () => {
    expect(dedupeKey("Email", "<msg-1@acme.example>", "CT1")).toBe(
      `E-${hash128("<msg-1@acme.example>")}-CT1`,
    );
  });

  it("never cuts a surrogate pair in half", () => {
    const emoji = "😀".repeat(300);
    const stored = storedSourceId(emoji);
    expect(stored.length).toBeLessThanOrEqual(TEXT_COLUMN_MAX);
    expect(/[\uD800-\uDBFF]…/.test(stored)).toBe(false);
  });

  it("keeps a WebLink that fits and leaves out one that does not", () => {
    expect(storedWebLink("https://outlook.office.com/mail/x")).toBe("https://outlook.office.com/mail/x");
    expect(storedWebLink(`https://outlook.office.com/${"x".repeat(300)}`)).toBeUndefined();
    expect(storedWebLink(undefined)).toBeUndefined();
  });
});

describe("stored SourceId and WebLink at their limits", () => {
  it("drops the high surrogate that the 200-character cut would leave alone", () => {
    const odd = `x${"😀".repeat(300)}`;
    expect(storedSourceId(odd)).toBe(`x${"😀".repeat(99)}…#${hash128(odd)}`);
  });

  it("keeps a WebLink of exactly 255 characters and leaves out 256", () => {
    const at255 = `https://outlook.office.com/${"x".repeat(255 - 27)}`;
    expect(at255).toHaveLength(255);
    expect(storedWebLink(at255)).toBe(at255);
    expect(storedWebLink(`${at255}x`)).toBeUndefined();
  });
});

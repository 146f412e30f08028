import { formatContactNo, nextContactNumber } from "./contact-service";

describe("contact numbering", () => {
  it("proposes the number after the highest CT number, or the first one", () => {
    expect(nextContactNumber("CT000041")).toBe(42);
    expect(nextContactNumber(" ct000009 ")).toBe(10);
    expect(nextContactNumber(undefined)).toBe(1);
    // A number in another scheme sorts highest but says nothing about ours.
    expect(nextContactNumber("KONTAKT-7")).toBe(1);
  });

  it("formats CT + 6 digits and refuses to overflow", () => {
    expect(formatContactNo(42)).toBe("CT000042");
    expect(formatContactNo(999_999)).toBe("CT999999");
    expect(() => formatContactNo(1_000_000)).toThrow(/exhausted/);
    expect(() => formatContactNo(0)).toThrow();
  });
});

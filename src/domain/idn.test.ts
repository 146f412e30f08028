import { decodePunycode, normalizeDomain } from "./idn";

describe("decodePunycode", () => {
  // Vectors from RFC 3492 section 7.1 and well-known IDN labels.
  it.each([
    ["bcher-kva", "bücher"],
    ["mnchen-3ya", "münchen"],
    ["tda", "ü"],
    ["abc-", "abc"],
    ["egbpdaj6bu4bxfgehfvwxn", "ليهمابتكلموشعربي؟"],
    ["ihqwcrb4cv8a8dqg056pqjye", "他们为什么不说中文"],
    ["3B-ww4c5e180e575a65lsy2b", "3年B組金八先生"],
    ["-> $1.00 <--", "-> $1.00 <-"],
  ])("%s → %s", (ace, unicode) => {
    expect(decodePunycode(ace)).toBe(unicode);
  });

  it.each([
    ["a digit that does not exist", "bcher-kv!"],
    ["a truncated variable-length integer", "bcher-kz"],
    ["non-ASCII basic code points", "bü-kva"],
    ["an overflowing delta", "99999999999"],
  ])("rejects %s", (_label, ace) => {
    expect(decodePunycode(ace)).toBeUndefined();
  });
});

describe("normalizeDomain", () => {
  it.each([
    ["ACME.Example", "acme.example"],
    ["  @acme.example  ", "acme.example"],
    ["acme.example.", "acme.example"],
    ["xn--bcher-kva.example", "bücher.example"],
    ["XN--BCHER-KVA.EXAMPLE", "bücher.example"],
    ["mail.xn--mnchen-3ya.example", "mail.münchen.example"],
    ["bu\u0308cher.example", "bücher.example"],
    ["xn--!!!.example", "xn--!!!.example"],
    ["", ""],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeDomain(raw)).toBe(expected);
  });

  it("treats a missing value as empty", () => {
    expect(normalizeDomain(undefined as unknown as string)).toBe("");
  });
});

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

describe("decodePunycode, every sample of RFC 3492 section 7.1", () => {
  // Long labels drive the bias adaptation through all of its branches; a wrong constant or operator decodes them
  // to other text.
  it.each([
    ["ihqwctvzc91f659drss3x8bo0yb", "他們爲什麽不說中文"],
    ["Proprostnemluvesky-uyb24dma41a", "Pročprostěnemluvíčesky"],
    ["4dbcagdahymbxekheh6e0a7fei0b", "למההםפשוטלאמדבריםעברית"],
    ["i1baa7eci9glrd9b2ae1bj0hfcgg6iyaf8o0a1dig0cd", "यहलोगहिन्दीक्योंनहींबोलसकतेहैं"],
    ["n8jok5ay5dzabd5bym9f0cm5685rrjetr6pdxa", "なぜみんな日本語を話してくれないのか"],
    [
      "989aomsvi5e83db1d2a355cv1e0vak1dwrv93d5xbh15a0dt30a5jpsd879ccm6fea98c",
      "세계의모든사람들이한국어를이해한다면얼마나좋을까",
    ],
    ["b1abfaaepdrnnbgefbadotcwatmq2g4l", "почемужеонинеговорятпорусски"],
    ["PorqunopuedensimplementehablarenEspaol-fmd56a", "PorquénopuedensimplementehablarenEspañol"],
    ["TisaohkhngthchnitingVit-kjcr8268qyxafd2f1b9g", "TạisaohọkhôngthểchỉnóitiếngViệt"],
    ["-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n", "安室奈美恵-with-SUPER-MONKEYS"],
    ["Hello-Another-Way--fc4qua05auwb3674vfr0b", "Hello-Another-Way-それぞれの場所"],
    ["2-u9tlzr9756bt3uc0v", "ひとつ屋根の下2"],
    ["MajiKoi5-783gue6qz075azm5e", "MajiでKoiする5秒前"],
    ["de-jg4avhby1noc0d", "パフィーdeルンバ"],
    ["d9juau41awczczp", "そのスピードで"],
    ["BCHER-KVA", "BüCHER"],
    ["ls8h", "💩"],
    ["", ""],
    ["a-", "a"],
  ])("%s", (ace, unicode) => {
    expect(decodePunycode(ace)).toBe(unicode);
  });

  it("decodes code points up to U+10FFFF around the surrogates and refuses the surrogates and beyond", () => {
    expect(decodePunycode("hb9b")).toBe("\ud7ff");
    expect(decodePunycode("ib9b")).toBeUndefined(); // U+D800
    expect(decodePunycode("zy0c")).toBeUndefined(); // U+DFFF
    expect(decodePunycode("0y0c")).toBe("\ue000");
    expect(decodePunycode("dn32g")).toBe(String.fromCodePoint(0x10ffff));
    expect(decodePunycode("en32g")).toBeUndefined(); // U+110000
  });

  it("refuses a lone delimiter", () => {
    expect(decodePunycode("-")).toBeUndefined();
  });
});

describe("normalizeDomain, label by label", () => {
  it.each([
    ["xn--bcher-kva.xn--mnchen-3ya.example", "bücher.münchen.example"],
    ["xn--ls8h.example", "💩.example"],
    ["acme.xn--p1ai", "acme.рф"],
    ["xn--ib9b.example", "xn--ib9b.example"],
    ["@@acme.example", "@acme.example"],
    ["acme.example..", "acme.example."],
    ["mail.xn--BCHER-KVA.example", "mail.bücher.example"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeDomain(raw)).toBe(expected);
  });
});

describe("decodePunycode digits and bias adaptation", () => {
  it("reads digits in either case, Z included", () => {
    expect(decodePunycode("IHQWCTVZC91F659DRSS3X8BO0YB")).toBe("他們爲什麽不說中文");
  });

  // Labels whose deltas put the bias adaptation exactly at its limits (found by encoding random text).
  it.each([
    ["w-st3c992gwt70a", "靉🙸眒w"],
    ["bba98a88fpa4196ckway567ahtxffk3y99a", "琭섑😡🚟Š¤ӓにロӏ"],
  ])("%s → %s", (ace, unicode) => {
    expect(decodePunycode(ace)).toBe(unicode);
  });

  it.each([
    ["a character just below the lower-case letters", "_a"],
    ["a backtick", "`a"],
    ["an invalid character followed by a valid digit", "!a"],
    ["U+0080 among the basic code points", "\u0080-"],
  ])("refuses %s", (_label, ace) => {
    expect(decodePunycode(ace)).toBeUndefined();
  });

  it("keeps U+007F as a basic code point", () => {
    expect(decodePunycode("\u007f-")).toBe("\u007f");
  });

  it("drops only a leading @ of a domain", () => {
    expect(normalizeDomain("a@b.example")).toBe("a@b.example");
  });
});

import {
  allowedContentChoices,
  bodyExcerpt,
  checkContentSize,
  contentFolderName,
  DEFAULT_CONTENT_LIMIT_BYTES,
  effectiveContentChoice,
  EXCERPT_MAX,
  isContentChoice,
  safeFileName,
} from "./mail-content";

describe("bodyExcerpt", () => {
  it("keeps a plain body, trimmed, with CRLF made LF and blank runs folded", () => {
    expect(bodyExcerpt("  Hello Ann,\r\n\r\n\r\n\r\nThe quote is attached.  \r\nRegards\r\n\r\n")).toBe(
      "Hello Ann,\n\nThe quote is attached.\nRegards",
    );
  });

  it("cuts the signature at the '-- ' delimiter (and a bare '--' some clients leave)", () => {
    expect(bodyExcerpt("Thanks!\n-- \nRobin Smith\nCRONUS")).toBe("Thanks!");
    expect(bodyExcerpt("Thanks!\n--\nRobin Smith")).toBe("Thanks!");
    // A line that merely starts with dashes is text.
    expect(bodyExcerpt("Total -- 3 items\nok")).toBe("Total -- 3 items\nok");
  });

  it("drops '>' quoted lines, keeping an inline answer between them", () => {
    expect(bodyExcerpt("> Can you come Monday?\nYes, 10:00.\n>> older\n  > indented quote\nSee you")).toBe(
      "Yes, 10:00.\nSee you",
    );
  });

  it("cuts at 'On … wrote:', also when the attribution wraps over two lines", () => {
    expect(bodyExcerpt("Fine by me.\n\nOn Tue, 3 Mar 2026 at 10:00, Ann <ann@x.com> wrote:\n> Monday?")).toBe(
      "Fine by me.",
    );
    expect(bodyExcerpt("Fine.\nOn Tue, 3 Mar 2026 at 10:00, Ann Hill <\nann@x.com> wrote:\nMonday?")).toBe(
      "Fine.",
    );
    // "On" starting an ordinary sentence is not an attribution.
    expect(bodyExcerpt("On Monday we ship.\nThe rest follows.")).toBe(
      "On Monday we ship.\nThe rest follows.",
    );
  });

  it("cuts at the Dutch 'Op … schreef …:'", () => {
    expect(bodyExcerpt("Akkoord.\n\nOp di 3 mrt 2026 om 10:00 schreef Ann Hill <ann@x.nl>:\nMaandag?")).toBe(
      "Akkoord.",
    );
    expect(bodyExcerpt("Akkoord.\nOp di 3 mrt 2026 om 10:00 schreef Ann Hill\n<ann@x.nl>:\nMaandag?")).toBe(
      "Akkoord.",
    );
  });

  it("cuts at -----Original Message----- (and its Dutch form)", () => {
    expect(bodyExcerpt("See below.\n-----Original Message-----\nFrom: Ann\nquestion")).toBe("See below.");
    expect(bodyExcerpt("Zie onder.\n----- Oorspronkelijk bericht -----\nVan: Ann")).toBe("Zie onder.");
  });

  it("cuts at Outlook's From/Sent header block, with or without the underscore rule", () => {
    const outlook =
      "Agreed.\n\n________________________________\nFrom: Ann Hill <ann@x.com>\nSent: Tuesday\nTo: Robin\n";
    expect(bodyExcerpt(outlook)).toBe("Agreed.");
    const bare = "Agreed.\nFrom: Ann Hill\nSent: Tuesday, 3 March 2026 10:00\nSubject: Monday";
    expect(bodyExcerpt(bare)).toBe("Agreed.");
    const dutch = "Prima.\nVan: Ann Hill\nVerzonden: dinsdag 3 maart 2026 10:00\nAan: Robin";
    expect(bodyExcerpt(dutch)).toBe("Prima.");
    // "From:" in the text without a Sent line after it is kept, and an underscore rule alone too.
    expect(bodyExcerpt("From: the warehouse\nwe got 3 pallets\n____________\nend")).toBe(
      "From: the warehouse\nwe got 3 pallets\n____________\nend",
    );
  });

  it("takes the first 2,000 characters, never half a surrogate pair", () => {
    const long = "a".repeat(3000);
    expect(bodyExcerpt(long)).toHaveLength(EXCERPT_MAX);
    const emoji = "a".repeat(1999) + "😀" + "b";
    const cut = bodyExcerpt(emoji);
    expect(cut).toBe("a".repeat(1999));
    expect(bodyExcerpt("abcdef", 3)).toBe("abc");
  });

  it("gives an empty excerpt for an empty, blank or fully quoted body", () => {
    expect(bodyExcerpt("")).toBe("");
    expect(bodyExcerpt(" \n \n")).toBe("");
    expect(bodyExcerpt("> only a quote")).toBe("");
    expect(bodyExcerpt(undefined as unknown as string)).toBe("");
  });
});

describe("contentFolderName", () => {
  it("is a stable hash of the SourceId (the same for every entry of the item), never the subject", () => {
    const a = contentFolderName("<AAMk123@contoso.com>");
    expect(a).toMatch(/^item-[0-9a-f]{28}$/);
    expect(contentFolderName("<AAMk123@contoso.com>")).toBe(a);
    expect(contentFolderName(" <AAMk123@contoso.com> ")).toBe(a);
    expect(contentFolderName("<AAMk124@contoso.com>")).not.toBe(a);
  });

  it("refuses a blank id", () => {
    expect(() => contentFolderName("  ")).toThrow(RangeError);
  });
});

describe("content choice under the administrator's cap", () => {
  it("lowers a choice above the cap and keeps one at or below it", () => {
    expect(effectiveContentChoice("full")).toBe("full");
    expect(effectiveContentChoice("full", "excerpt")).toBe("excerpt");
    expect(effectiveContentChoice("excerpt", "none")).toBe("none");
    expect(effectiveContentChoice("excerpt", "full")).toBe("excerpt");
    expect(effectiveContentChoice("none", "full")).toBe("none");
    expect(effectiveContentChoice("excerpt", "excerpt")).toBe("excerpt");
  });

  it("offers only the choices the cap allows", () => {
    expect(allowedContentChoices()).toEqual(["none", "excerpt", "full"]);
    expect(allowedContentChoices("excerpt")).toEqual(["none", "excerpt"]);
    expect(allowedContentChoices("none")).toEqual(["none"]);
  });

  it("recognises the three choices only", () => {
    expect(["none", "excerpt", "full"].every(isContentChoice)).toBe(true);
    expect(isContentChoice("Full")).toBe(false);
    expect(isContentChoice(undefined)).toBe(false);
  });
});

describe("checkContentSize", () => {
  const MB = 1024 * 1024;

  it("accepts content up to and including the limit (25 MB by default), summing every part", () => {
    expect(DEFAULT_CONTENT_LIMIT_BYTES).toBe(25 * MB);
    expect(checkContentSize([{ name: "mail.eml", size: 25 * MB }])).toEqual({
      ok: true,
      totalBytes: 25 * MB,
    });
    expect(checkContentSize([])).toEqual({ ok: true, totalBytes: 0 });
  });

  it("refuses the item when the parts together pass the limit, naming the size, the limit and the largest part", () => {
    const check = checkContentSize(
      [
        { name: "body.html", size: 1 * MB },
        { name: "drawing.pdf", size: 20 * MB },
        { name: "photo.jpg", size: 6 * MB },
      ],
      25 * MB,
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.totalBytes).toBe(27 * MB);
    expect(check.limitBytes).toBe(25 * MB);
    expect(check.largest).toEqual({ name: "drawing.pdf", size: 20 * MB });
    expect(check.message).toBe(
      "The mail's content is 27 MB; at most 25 MB per item can be kept. Nothing was uploaded: untick large attachments or keep an excerpt.",
    );
  });

  it("uses a configured limit and shows small sizes with one decimal", () => {
    const check = checkContentSize([{ name: "a.bin", size: 1.5 * MB }], 1 * MB);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain("is 1.5 MB; at most 1 MB per item");
  });

  it("refuses a part of unknown size", () => {
    const check = checkContentSize([{ name: "x", size: Number.NaN }]);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain("of unknown size");
    expect(checkContentSize([{ name: "x", size: -1 }]).ok).toBe(false);
  });
});

describe("safeFileName", () => {
  it("replaces characters SharePoint refuses and trims dots and spaces", () => {
    expect(safeFileName('Quote: "Q1" <final>?.pdf')).toBe("Quote_ _Q1_ _final__.pdf");
    expect(safeFileName(" ..report..pdf. ")).toBe("report.pdf");
    expect(safeFileName("a/b\\c#d%e.txt")).toBe("a_b_c_d_e.txt");
    expect(safeFileName("...")).toBe("file");
  });

  it("shortens a long name to 200 characters, keeping the extension", () => {
    const long = safeFileName(`${"x".repeat(300)}.docx`);
    expect(long).toHaveLength(200);
    expect(long.endsWith(".docx")).toBe(true);
  });
});

it("safeFileName replaces control characters", () => {
  expect(safeFileName("a\u0001b\tc.txt")).toBe("a_b_c.txt");
});

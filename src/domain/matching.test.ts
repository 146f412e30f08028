import {
  distinctParticipants,
  domainOf,
  EMPTY_POLICY,
  exclusionReason,
  isValidEmail,
  lookupKeys,
  normalizeEmail,
  parentDomains,
  resolveMatches,
  splitDisplayName,
  type MatchingPolicy,
} from "./matching";
import type { Contact, EmailAddress, Participant, ParticipantRole } from "./types";

const owner: EmailAddress = { displayName: "Owen Owner", address: "owen@contoso.example" };
const policy: MatchingPolicy = {
  ownDomains: ["contoso.example", "@fabrikam-internal.example"],
  neverLog: ["gmail.example", "@hotmail.example", "noreply@litware.example"],
};
const p = (address: string, role: ParticipantRole = "to", displayName = ""): Participant => ({
  address,
  role,
  displayName,
});

const acme: Contact = {
  contactNo: "CT000100",
  type: "Company",
  name: "Acme Ltd",
  companyNo: "CT000100",
  domain: "acme.example",
};
const acmeMail: Contact = {
  contactNo: "CT000101",
  type: "Company",
  name: "Acme Mail Division",
  companyNo: "CT000101",
  domain: "mail.acme.example",
};
const jane: Contact = {
  contactNo: "CT000010",
  type: "Person",
  name: "Jane Doe",
  companyNo: "CT000100",
  companyName: "Acme Ltd",
  email: "jane@acme.example",
  email2: "jane.doe@private.example",
};
const janeTwin: Contact = {
  contactNo: "CT000011",
  type: "Person",
  name: "Jane Doe (old record)",
  email: "jane@acme.example",
};
const mary: Contact = {
  contactNo: "CT000012",
  type: "Person",
  name: "Mary O'Brien",
  companyNo: "CT000200",
  companyName: "Litware",
  email: "mary.o'brien@litware.example",
};
const jurgen: Contact = {
  contactNo: "CT000013",
  type: "Person",
  name: "Jürgen Buch",
  email: "jürgen@bücher.example",
};

describe("normalizeEmail", () => {
  it.each([
    ["plain", "jane@acme.example", "jane@acme.example"],
    ["upper case", "JANE@ACME.EXAMPLE", "jane@acme.example"],
    ["surrounding spaces", "  jane@acme.example \t", "jane@acme.example"],
    ["angle brackets", "<jane@acme.example>", "jane@acme.example"],
    ["display name form", "Jane <JANE@X.example>", "jane@x.example"],
    ["quoted display name with comma", '"Doe, Jane" <Jane@Acme.Example>', "jane@acme.example"],
    ["mailto prefix", "mailto:Jane@Acme.example", "jane@acme.example"],
    ["plus-addressing kept", "Jane+News@acme.example", "jane+news@acme.example"],
    ["apostrophe kept", "Mary.O'Brien@Litware.example", "mary.o'brien@litware.example"],
    ["NFD spelling becomes NFC", "ju\u0308rgen@bu\u0308cher.example", "jürgen@bücher.example"],
    ["punycode domain decoded", "jürgen@xn--bcher-kva.example", "jürgen@bücher.example"],
    ["trailing root dot dropped", "jane@acme.example.", "jane@acme.example"],
    ["empty", "", ""],
    ["blank", "   ", ""],
    ["no at sign", "Not An Address", "not an address"],
  ])("%s", (_label, raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it("treats a missing value as empty instead of throwing", () => {
    expect(normalizeEmail(undefined as unknown as string)).toBe("");
    expect(normalizeEmail(null as unknown as string)).toBe("");
  });
});

describe("domainOf", () => {
  it.each([
    ["jane@Mail.Acme.example", "mail.acme.example"],
    ["Jane <jane@acme.example>", "acme.example"],
    ["odd@name@acme.example", "acme.example"],
    ["jürgen@XN--BCHER-KVA.example", "bücher.example"],
    ["no-domain", ""],
    ["", ""],
  ])("%s → %s", (email, expected) => {
    expect(domainOf(email)).toBe(expected);
  });
});

describe("parentDomains", () => {
  it.each([
    ["mail.eu.acme.example", ["mail.eu.acme.example", "eu.acme.example", "acme.example"]],
    ["mail.acme.example", ["mail.acme.example", "acme.example"]],
    ["acme.example", ["acme.example"]],
    ["ACME.Example", ["acme.example"]],
    ["@acme.example", ["acme.example"]],
    ["example", []],
    ["", []],
    ["a..b.example", ["a.b.example", "b.example"]],
  ])("%s", (domain, expected) => {
    expect(parentDomains(domain)).toEqual(expected);
  });
});

describe("isValidEmail", () => {
  it.each([
    "jane@acme.example",
    "JANE@ACME.EXAMPLE",
    "  jane@acme.example  ",
    "jane+news@acme.example",
    "mary.o'brien@litware.example",
    "jürgen@bücher.example",
    "ju\u0308rgen@bu\u0308cher.example",
    "jurgen@xn--bcher-kva.example",
    "first_last-1@sub.mail.acme.example",
    "x@a-b.co",
    "用户@例子.广告",
  ])("accepts %s", (email) => {
    expect(isValidEmail(email)).toBe(true);
  });

  it.each([
    ["no dot in domain", "a@b"],
    ["double at", "a@@b.example"],
    ["two at signs", "a@b@c.example"],
    ["space in local part", "jane doe@acme.example"],
    ["space in domain", "jane@acme .example"],
    ["empty domain label", "a@b..example"],
    ["leading dot in domain", "a@.b.example"],
    ["trailing dot in domain", "a@b.example."],
    ["hyphen at label start", "a@-b.example"],
    ["hyphen at label end", "a@b-.example"],
    ["one-letter top-level domain", "a@b.c"],
    ["numeric top-level domain", "a@b.123"],
    ["leading dot in local part", ".a@b.example"],
    ["trailing dot in local part", "a.@b.example"],
    ["double dot in local part", "a..b@c.example"],
    ["no local part", "@b.example"],
    ["display name form", "Jane <jane@acme.example>"],
    ["comma", "a,b@c.example"],
    ["semicolon list", "a@b.example;c@d.example"],
    ["quote", 'a"b@c.example'],
    ["control character", "a\u0000b@c.example"],
    ["empty", ""],
    ["blank", "   "],
    ["local part over 64", `${"a".repeat(65)}@b.example`],
    ["label over 63", `a@${"b".repeat(64)}.example`],
    [
      "over 254 characters",
      `a@${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.${"e".repeat(60)}.example.example`,
    ],
  ])("rejects %s", (_label, email) => {
    expect(isValidEmail(email)).toBe(false);
  });

  it("rejects a missing value without throwing", () => {
    expect(isValidEmail(undefined as unknown as string)).toBe(false);
  });
});

describe("exclusionReason", () => {
  it.each([
    ["the mailbox owner", "Owen@Contoso.example", "internal"],
    ["the owner in display-name form", "Owen <owen@contoso.example>", "internal"],
    ["a colleague on an own domain", "pat@contoso.example", "internal"],
    ["a subdomain of an own domain", "pat@eu.mail.contoso.example", "internal"],
    ["an own domain listed with @", "kim@fabrikam-internal.example", "internal"],
    ["a never-log domain", "someone@gmail.example", "neverLog"],
    ["a subdomain of a never-log domain", "someone@mx.gmail.example", "neverLog"],
    ["a never-log domain listed with @", "someone@HOTMAIL.example", "neverLog"],
    ["a never-log address", "NoReply@litware.example", "neverLog"],
    ["another address on that domain", "mary.o'brien@litware.example", null],
    ["a customer", "jane@acme.example", null],
    ["a look-alike domain", "jane@notcontoso.example", null],
    ["a parent of an own domain", "x@example", null],
  ] as const)("%s", (_label, email, expected) => {
    expect(exclusionReason(email, policy, owner)).toBe(expected);
  });

  it("treats the owner's own domain as internal even when no own domains are configured", () => {
    expect(exclusionReason("pat@contoso.example", EMPTY_POLICY, owner)).toBe("internal");
    expect(exclusionReason("jane@acme.example", EMPTY_POLICY, owner)).toBeNull();
  });

  it("prefers internal over never-log when both apply", () => {
    const both: MatchingPolicy = { ownDomains: ["contoso.example"], neverLog: ["contoso.example"] };
    expect(exclusionReason("pat@contoso.example", both, owner)).toBe("internal");
  });

  it("ignores blank policy entries and a blank owner", () => {
    const blanks: MatchingPolicy = { ownDomains: ["", "  "], neverLog: ["", " @ "] };
    const noOwner: EmailAddress = { displayName: "", address: "" };
    expect(exclusionReason("jane@acme.example", blanks, noOwner)).toBeNull();
  });

  it("matches IDN domains in any spelling", () => {
    const idn: MatchingPolicy = { ownDomains: ["xn--bcher-kva.example"], neverLog: [] };
    expect(exclusionReason("ju\u0308rgen@bu\u0308cher.example", idn, owner)).toBe("internal");
  });
});

describe("distinctParticipants", () => {
  it("keeps one row per address, first role wins, blanks dropped", () => {
    const list = [
      p("Jane <JANE@acme.example>", "from", "Jane"),
      p("", "to"),
      p("   ", "to"),
      p("jane@acme.example", "to"),
      p("bob@acme.example", "cc"),
      p(" BOB@ACME.EXAMPLE ", "bcc"),
      p("jane+news@acme.example", "cc"),
    ];
    expect(distinctParticipants(list).map((x) => [x.address, x.role])).toEqual([
      ["Jane <JANE@acme.example>", "from"],
      ["bob@acme.example", "cc"],
      ["jane+news@acme.example", "cc"],
    ]);
  });

  it("skips participants with a missing address", () => {
    const broken = [{ displayName: "x", role: "to" } as unknown as Participant, p("a@b.example")];
    expect(distinctParticipants(broken)).toHaveLength(1);
  });
});

describe("lookupKeys", () => {
  it("lists distinct non-excluded addresses and every parent domain once", () => {
    const keys = lookupKeys(
      [
        p("owen@contoso.example", "from"),
        p("Jane <jane@mail.acme.example>"),
        p("bob@acme.example"),
        p("BOB@acme.example", "cc"),
        p("x@gmail.example"),
        p("noreply@litware.example"),
        p("mary.o'brien@litware.example"),
      ],
      policy,
      owner,
    );
    expect(keys.emails).toEqual([
      "jane@mail.acme.example",
      "bob@acme.example",
      "mary.o'brien@litware.example",
    ]);
    expect(keys.domains).toEqual(["mail.acme.example", "acme.example", "litware.example"]);
  });

  it("returns nothing to query when everyone is excluded", () => {
    expect(lookupKeys([p("owen@contoso.example"), p("")], policy, owner)).toEqual({
      emails: [],
      domains: [],
    });
  });
});

describe("resolveMatches", () => {
  const found = [jane, acme, acmeMail, mary, jurgen];
  const one = (address: string, contacts: Contact[] = found, remembered?: Record<string, string>) => {
    const matches = resolveMatches([p(address)], owner, policy, contacts, remembered);
    expect(matches).toHaveLength(1);
    return matches[0]!;
  };

  it.each([
    ["Email", "jane@acme.example"],
    ["Email2", "jane.doe@private.example"],
    ["upper case", "JANE@ACME.EXAMPLE"],
    ["display-name form", "Jane <JANE@acme.example>"],
    ["surrounding spaces", "  jane@acme.example  "],
  ])("finds a person by %s and shows the company", (_label, address) => {
    const m = one(address);
    expect(m.status).toBe("person");
    expect(m.contact).toBe(jane);
    expect(m.company).toBe(acme);
  });

  it("normalises the stored contact address too", () => {
    const shouty: Contact = { ...jane, email: " JANE@ACME.EXAMPLE " };
    expect(one("jane@acme.example", [shouty, acme]).contact).toBe(shouty);
  });

  it("keeps plus-addressing distinct: jane+news falls back to the company", () => {
    const m = one("jane+news@acme.example");
    expect(m).toMatchObject({ status: "company", email: "jane+news@acme.example" });
    expect(m.contact).toBe(acme);
    expect(m.company).toBe(acme);
  });

  it("matches apostrophes in the local part", () => {
    expect(one("Mary.O'Brien@litware.example").contact).toBe(mary);
  });

  it.each([
    ["NFD spelling", "ju\u0308rgen@bu\u0308cher.example"],
    ["punycode domain", "JÜRGEN@xn--bcher-kva.example"],
  ])("matches an IDN address in %s", (_label, address) => {
    expect(one(address).contact).toBe(jurgen);
  });

  it.each([
    ["the exact domain", "x@acme.example", acme],
    ["a parent domain", "x@eu.sales.acme.example", acme],
    ["the most specific domain first", "x@mail.acme.example", acmeMail],
    ["a subdomain of the most specific", "x@eu.mail.acme.example", acmeMail],
  ])("finds a company by %s", (_label, address, expected) => {
    const m = one(address);
    expect(m.status).toBe("company");
    expect(m.contact).toBe(expected);
  });

  it("never matches a company by a bare top-level domain", () => {
    const tld: Contact = { ...acme, contactNo: "CT000999", domain: "example" };
    expect(one("x@unknown.example", [tld]).status).toBe("unknown");
  });

  it("matches a company domain stored with different case, an @ or as punycode", () => {
    const stored: Contact = { ...acme, domain: " @ACME.Example " };
    expect(one("x@acme.example", [stored]).contact).toBe(stored);
    const idn: Contact = { ...acme, domain: "xn--bcher-kva.example" };
    expect(one("x@bücher.example", [idn]).contact).toBe(idn);
  });

  it("prefers a person's address over the company domain", () => {
    expect(one("jane@acme.example").status).toBe("person");
  });

  it("matches a company by its own Email before falling back to domains", () => {
    const info: Contact = { ...acmeMail, contactNo: "CT000300", email: "info@mail.acme.example" };
    expect(one("info@mail.acme.example", [acme, acmeMail, info]).contact).toBe(info);
  });

  it("reports unknown addresses", () => {
    expect(one("someone@nowhere.example")).toEqual({
      participant: p("someone@nowhere.example"),
      email: "someone@nowhere.example",
      status: "unknown",
    });
  });

  it("reports internal and never-log participants without looking at contacts", () => {
    const internalJane: Contact = { ...jane, email: "pat@contoso.example" };
    expect(one("pat@contoso.example", [internalJane]).status).toBe("internal");
    expect(one("owen@contoso.example").status).toBe("internal");
    expect(one("noreply@litware.example").status).toBe("neverLog");
    expect(one("x@gmail.example").status).toBe("neverLog");
  });

  it("reports several persons for one address as ambiguous with every candidate", () => {
    const m = one("jane@acme.example", [jane, janeTwin, acme]);
    expect(m.status).toBe("ambiguous");
    expect(m.contact).toBeUndefined();
    expect(m.candidates).toEqual([jane, janeTwin]);
  });

  it("reports several companies on one domain as ambiguous", () => {
    const acme2: Contact = { ...acme, contactNo: "CT000102", name: "Acme Holdings" };
    const m = one("x@acme.example", [acme, acme2]);
    expect(m.status).toBe("ambiguous");
    expect(m.candidates?.map((c) => c.contactNo)).toEqual(["CT000100", "CT000102"]);
  });

  it("does not call the same contact found twice ambiguous", () => {
    expect(one("jane@acme.example", [jane, { ...jane }, acme]).status).toBe("person");
  });

  it.each([
    ["exact key", { "jane@acme.example": "CT000011" }],
    ["key in another spelling", { " JANE@Acme.example ": "CT000011" }],
  ])("resolves an ambiguity by the remembered choice (%s)", (_label, remembered) => {
    const m = one("jane@acme.example", [jane, janeTwin], remembered);
    expect(m.status).toBe("person");
    expect(m.contact).toBe(janeTwin);
  });

  it("ignores a remembered choice that is no longer a candidate", () => {
    const m = one("jane@acme.example", [jane, janeTwin], { "jane@acme.example": "CT999999" });
    expect(m.status).toBe("ambiguous");
  });

  it("shows a person's company even when the company was not among the contacts found", () => {
    const m = one("mary.o'brien@litware.example", [mary]);
    expect(m.company).toEqual({ contactNo: "CT000200", type: "Company", name: "Litware" });
    const nameless = one("mary.o'brien@litware.example", [{ ...mary, companyName: "" }]);
    expect(nameless.company?.name).toBe("CT000200");
  });

  it("gives a person without a company no company", () => {
    const m = one("jürgen@bücher.example");
    expect(m.status).toBe("person");
    expect(m).not.toHaveProperty("company");
  });

  it("lists each participant once, first role winning, blanks skipped", () => {
    const matches = resolveMatches(
      [p("jane@acme.example", "from"), p(""), p("JANE@acme.example", "cc"), p("x@acme.example", "cc")],
      owner,
      policy,
      found,
    );
    expect(matches.map((m) => [m.email, m.participant.role, m.status])).toEqual([
      ["jane@acme.example", "from", "person"],
      ["x@acme.example", "cc", "company"],
    ]);
  });

  it("handles 150 recipients and 300 contacts quickly and correctly", () => {
    const contacts: Contact[] = [];
    const participants: Participant[] = [];
    for (let i = 0; i < 150; i++) {
      contacts.push({
        contactNo: `CT${String(i).padStart(6, "0")}`,
        type: "Person",
        name: `P${i}`,
        email: `p${i}@c${i % 30}.example`,
      });
      contacts.push({
        contactNo: `CO${String(i).padStart(6, "0")}`,
        type: "Company",
        name: `C${i}`,
        domain: `d${i}.example`,
      });
      participants.push(p(i % 2 ? `P${i}@C${i % 30}.example` : `someone@sub.d${i}.example`, "cc"));
    }
    const started = performance.now();
    const matches = resolveMatches(participants, owner, policy, contacts);
    const elapsed = performance.now() - started;
    expect(matches).toHaveLength(150);
    expect(matches.filter((m) => m.status === "person")).toHaveLength(75);
    expect(matches.filter((m) => m.status === "company")).toHaveLength(75);
    expect(matches[3]?.contact?.contactNo).toBe("CT000003");
    expect(matches[4]?.contact?.contactNo).toBe("CO000004");
    expect(elapsed).toBeLessThan(250);
  });
});

describe("splitDisplayName", () => {
  it.each([
    ["Jane Doe", "Jane", "Doe"],
    ["Doe, Jane", "Jane", "Doe"],
    ["  Mary   Ann  O'Brien ", "Mary Ann", "O'Brien"],
    ["Jane", "Jane", ""],
    ["", "", ""],
    ["Doe,", "", "Doe"],
  ])("%s", (name, firstName, lastName) => {
    expect(splitDisplayName(name)).toEqual({ firstName, lastName });
  });
});

// Exact limits (RFC 5321: 254 characters in all, 64 before the @, 63 per domain label), at and just past each one.
describe("isValidEmail limits", () => {
  /** An address of exactly `length` characters with a valid domain of 63-character labels. */
  const addressOf = (length: number): string => {
    const local = "a";
    const fixed =
      `${local}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.`.length + ".example".length;
    return `${local}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(length - fixed)}.example`;
  };

  it("accepts 254 characters and refuses 255", () => {
    expect(addressOf(254)).toHaveLength(254);
    expect(isValidEmail(addressOf(254))).toBe(true);
    expect(isValidEmail(addressOf(255))).toBe(false);
    expect(isValidEmail(` ${addressOf(254)} `)).toBe(true);
  });

  it("accepts a 64-character local part and refuses 65", () => {
    expect(isValidEmail(`${"a".repeat(64)}@b.example`)).toBe(true);
    expect(isValidEmail(`${"a".repeat(65)}@b.example`)).toBe(false);
  });

  it("accepts a 63-character label and refuses 64, in any position", () => {
    expect(isValidEmail(`a@${"b".repeat(63)}.example`)).toBe(true);
    expect(isValidEmail(`a@${"b".repeat(64)}.example`)).toBe(false);
    expect(isValidEmail(`a@x.${"b".repeat(63)}`)).toBe(true);
    expect(isValidEmail(`a@x.${"b".repeat(64)}`)).toBe(false);
  });

  it("accepts a one-character local part and a two-letter top-level domain", () => {
    expect(isValidEmail("a@b.co")).toBe(true);
    expect(isValidEmail("a@b.c")).toBe(false);
    expect(isValidEmail("a@b.éé")).toBe(true);
  });
});

describe("the person beats the company for one address", () => {
  const personAtInfo: Contact = {
    contactNo: "CT000030",
    type: "Person",
    name: "Info Desk",
    companyNo: "CT000100",
    email: "info@acme.example",
  };
  const companyAtInfo: Contact = { ...acme, email: "INFO@acme.example" };

  it.each([
    ["company found first", [companyAtInfo, personAtInfo]],
    ["person found first", [personAtInfo, companyAtInfo]],
  ])("when both carry the address as Email (%s)", (_label, contacts) => {
    const [m] = resolveMatches([p("info@acme.example")], owner, policy, contacts);
    expect(m).toEqual({
      participant: p("info@acme.example"),
      email: "info@acme.example",
      status: "person",
      contact: personAtInfo,
      company: companyAtInfo,
    });
  });

  it("also when the person has it as Email2 and the company as Email", () => {
    const second: Contact = { ...personAtInfo, email: "desk@acme.example", email2: "info@acme.example" };
    const [m] = resolveMatches([p("info@acme.example")], owner, policy, [companyAtInfo, second]);
    expect(m?.status).toBe("person");
    expect(m?.contact).toBe(second);
  });

  it("and the company's own address beats its domain", () => {
    const [m] = resolveMatches([p("info@acme.example")], owner, policy, [acmeMail, companyAtInfo]);
    expect(m).toMatchObject({ status: "company", contact: companyAtInfo, company: companyAtInfo });
  });
});

describe("normalisation details", () => {
  it.each([
    ["a mailto: prefix after spaces", "  mailto:Jane@Acme.example", "jane@acme.example"],
    ["a space after mailto:", "mailto: Jane@Acme.example", "jane@acme.example"],
    ["mailto: only as a prefix", "notmailto:x@acme.example", "notmailto:x@acme.example"],
    ["an address without a local part", "@XN--BCHER-KVA.example", "@bücher.example"],
    ["a bracketed address that is not last", "<a@x.example> (work)", "<a@x.example> (work)"],
  ])("%s", (_label, raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it("finds the domain of an address without a local part", () => {
    expect(domainOf("@Acme.example")).toBe("acme.example");
  });

  it("has an empty policy that excludes nobody", () => {
    expect(EMPTY_POLICY).toEqual({ ownDomains: [], neverLog: [] });
  });
});

describe("isValidEmail character rules", () => {
  it.each([
    ["an underscore in the domain", "x@a_b.example", false],
    ["a sharp s as the whole top-level domain (one letter, two when upper-cased)", "a@b.ß", false],
    ["a top-level domain ending in a digit", "x@b.a1", true],
    ["a top-level domain starting with a digit", "x@b.1a", true],
    ["an all-digit top-level domain", "x@b.12", false],
    ["a combining mark inside a label", "x@bu\u0308cher.example", true],
  ])("%s", (_label, email, expected) => {
    expect(isValidEmail(email)).toBe(expected);
  });
});

describe("exclusion edge cases", () => {
  it("never excludes an address without a domain by an empty policy entry", () => {
    expect(exclusionReason("nobody", EMPTY_POLICY, owner)).toBeNull();
    expect(exclusionReason("nobody", { ownDomains: [], neverLog: [" @ "] }, owner)).toBeNull();
  });

  it("trims never-log entries before telling addresses from domains", () => {
    expect(
      exclusionReason("x@hotmail.example", { ownDomains: [], neverLog: ["  @hotmail.example "] }, owner),
    ).toBe("neverLog");
  });

  it("recognises an owner whose address has no domain (an Exchange legacy DN)", () => {
    const legacy: EmailAddress = {
      displayName: "Owen",
      address: "/O=EXCHANGELABS/OU=EXCHANGE/CN=RECIPIENTS/CN=OWEN",
    };
    expect(exclusionReason("/o=exchangelabs/ou=exchange/cn=recipients/cn=owen", EMPTY_POLICY, legacy)).toBe(
      "internal",
    );
  });

  it("works without a mailbox owner", () => {
    expect(exclusionReason("jane@acme.example", policy, undefined as unknown as EmailAddress)).toBeNull();
    expect(exclusionReason("pat@contoso.example", policy, undefined as unknown as EmailAddress)).toBe(
      "internal",
    );
  });

  it("skips missing participants and contacts", () => {
    expect(distinctParticipants([null as unknown as Participant, p("a@b.example")])).toHaveLength(1);
    const [m] = resolveMatches([p("jane@acme.example")], owner, policy, [null as unknown as Contact, jane]);
    expect(m?.contact).toBe(jane);
  });
});

describe("resolveMatches indexes", () => {
  it("lists each candidate once even when found several times among others", () => {
    const [m] = resolveMatches([p("jane@acme.example")], owner, policy, [jane, janeTwin, jane, janeTwin]);
    expect(m?.status).toBe("ambiguous");
    expect(m?.candidates?.map((c) => c.contactNo)).toEqual(["CT000010", "CT000011"]);
  });

  it("matches only companies by domain, never a person that carries one", () => {
    const personWithDomain: Contact = {
      contactNo: "CT000040",
      type: "Person",
      name: "P",
      domain: "acme.example",
    };
    const [m] = resolveMatches([p("x@acme.example")], owner, policy, [personWithDomain]);
    expect(m?.status).toBe("unknown");
  });

  it("shows a person's company as the first record found for that number", () => {
    const first: Contact = { ...acme };
    const second: Contact = { ...acme, name: "Acme (second copy)" };
    const [m] = resolveMatches([p("jane@acme.example")], owner, policy, [first, jane, second]);
    expect(m?.company).toBe(first);
    const [persons] = resolveMatches([p("jane@acme.example")], owner, policy, [
      { ...janeTwin, contactNo: "CT000100", email: "other@x.example" },
      jane,
      acme,
    ]);
    expect(persons?.company).toBe(acme);
  });
});

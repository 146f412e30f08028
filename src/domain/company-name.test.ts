import { companyNameFromDomain, companyNameFromSignature, organisationLabel } from "./company-name";

describe("company names for new companies", () => {
  it("takes the organisation's label of a domain, skipping subdomains and generic second levels", () => {
    expect(organisationLabel("northwind.example")).toBe("northwind");
    expect(organisationLabel("mail.eu.northwind.example")).toBe("northwind");
    expect(organisationLabel("fabrikam.co.uk")).toBe("fabrikam");
    expect(organisationLabel("localhost")).toBe("localhost");
  });

  it("turns a domain into a readable name", () => {
    expect(companyNameFromDomain("northwind.example")).toBe("Northwind");
    expect(companyNameFromDomain("northwind-traders.example")).toBe("Northwind Traders");
    expect(companyNameFromDomain("MAIL.Contoso.COM")).toBe("Contoso");
  });

  it("reads the company from the signature line that names it", () => {
    const body =
      "Dear Ms Hill,\n\nWe met at the fair.\n\nBest,\nSam Taylor\nNorthwind Traders\n+44 20 7946 0000\nwww.northwind.example";
    expect(companyNameFromSignature(body, "northwind.example")).toBe("Northwind Traders");
    expect(companyNameFromSignature("Regards,\nJo\n— North-Wind Trading Ltd. —", "northwind.example")).toBe(
      "North-Wind Trading Ltd.",
    );
  });

  it("gives nothing when no line names the company, or only addresses and links do", () => {
    expect(companyNameFromSignature("Hi,\nsee you Friday.\nSam", "northwind.example")).toBeUndefined();
    expect(
      companyNameFromSignature("Sam\nsam@northwind.example\nhttps://northwind.example", "northwind.example"),
    ).toBeUndefined();
    expect(companyNameFromSignature(undefined, "northwind.example")).toBeUndefined();
    expect(companyNameFromSignature("Northwind", "")).toBeUndefined();
  });
});

describe("company names at their edges", () => {
  it.each(["co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc"])(
    "skips the generic second level %s",
    (generic) => {
      expect(organisationLabel(`fabrikam.${generic}.example`)).toBe("fabrikam");
    },
  );

  it("reads short and odd domains", () => {
    expect(organisationLabel("")).toBe("");
    expect(organisationLabel("co.uk")).toBe("co");
    expect(organisationLabel("northwind..example")).toBe("northwind");
    expect(companyNameFromDomain("-north--wind_.example")).toBe("North Wind");
  });

  it("finds a two-letter company, on the only line, with its spacing collapsed", () => {
    expect(companyNameFromSignature("Jo\nHP Inc", "hp.example")).toBe("HP Inc");
    expect(companyNameFromSignature("Northwind   Traders", "northwind.example")).toBe("Northwind Traders");
    expect(companyNameFromSignature("Sam\nß", "ß.example")).toBeUndefined();
  });

  it("looks only at the last 12 lines that have text", () => {
    const tail = Array.from({ length: 12 }, (_, i) => `line ${String.fromCharCode(97 + i)}`).join("\n");
    expect(companyNameFromSignature(`Northwind Traders\n${tail}`, "northwind.example")).toBeUndefined();
    expect(companyNameFromSignature(`Northwind Traders${"\n   ".repeat(12)}`, "northwind.example")).toBe(
      "Northwind Traders",
    );
  });

  it("takes a line of 80 characters but not 81, and at most 3 digits", () => {
    const line80 = `Northwind Traders ${"x".repeat(80 - 18)}`;
    expect(line80).toHaveLength(80);
    expect(companyNameFromSignature(line80, "northwind.example")).toBe(line80);
    expect(companyNameFromSignature(`${line80}x`, "northwind.example")).toBeUndefined();
    expect(companyNameFromSignature("Northwind 123", "northwind.example")).toBe("Northwind 123");
    expect(companyNameFromSignature("Northwind 1234", "northwind.example")).toBeUndefined();
  });

  it("skips a line with a plain http: link", () => {
    expect(companyNameFromSignature("Northwind http:/northwind", "northwind.example")).toBeUndefined();
  });
});

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

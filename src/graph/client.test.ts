import { customHostsFor, normalizeBaseUrl } from "./client";
import { sitePathFor } from "./site";

describe("normalizeBaseUrl", () => {
  it("keeps the origin, drops trailing slashes and a version segment", () => {
    expect(normalizeBaseUrl("https://graph.microsoft.com/")).toBe("https://graph.microsoft.com");
    expect(normalizeBaseUrl("https://127.0.0.1:8443/v1.0/")).toBe("https://127.0.0.1:8443");
  });

  it("refuses http (the SDK would drop the token) and relative URLs", () => {
    expect(() => normalizeBaseUrl("http://localhost:3000")).toThrow(/https/);
    expect(() => normalizeBaseUrl("/graph")).toThrow(/absolute/);
  });
});

describe("customHostsFor", () => {
  it("trusts both loopback names for the emulator, host names only", () => {
    expect([...customHostsFor("https://127.0.0.1:4443")].sort()).toEqual(["127.0.0.1", "localhost"]);
    expect([...customHostsFor("https://localhost:4443")].sort()).toEqual(["127.0.0.1", "localhost"]);
  });

  it("adds nothing for Microsoft Graph itself and rejects hosts with a port", () => {
    expect(customHostsFor("https://graph.microsoft.com").size).toBe(0);
    expect(() => customHostsFor("https://graph.microsoft.com", ["localhost:3000"])).toThrow(
      /host names only/,
    );
  });
});

describe("sitePathFor", () => {
  it("addresses a site by host and server-relative path", () => {
    expect(sitePathFor("https://Contoso.sharepoint.com/sites/interactions/")).toBe(
      "/sites/contoso.sharepoint.com:/sites/interactions",
    );
    expect(sitePathFor("https://contoso.sharepoint.com")).toBe("/sites/contoso.sharepoint.com");
    expect(sitePathFor("https://contoso.sharepoint.com/sites/sales%20team")).toBe(
      "/sites/contoso.sharepoint.com:/sites/sales%20team",
    );
  });

  it("rejects what is not an https URL", () => {
    expect(() => sitePathFor("contoso")).toThrow(/not a URL/);
    expect(() => sitePathFor("http://contoso.sharepoint.com/sites/x")).toThrow(/https/);
  });
});

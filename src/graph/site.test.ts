import { SharePointSite, siteAddressFor, sitePathFor } from "./site";
import type { Client } from "@microsoft/microsoft-graph-client";

describe("site and list addresses", () => {
  it("addresses a site by path with a closing colon, and a root site by its host name", () => {
    expect(sitePathFor("https://Contoso.sharepoint.com/sites/interactions/")).toBe(
      "/sites/contoso.sharepoint.com:/sites/interactions",
    );
    expect(siteAddressFor("https://contoso.sharepoint.com/sites/interactions")).toBe(
      "/sites/contoso.sharepoint.com:/sites/interactions:",
    );
    expect(siteAddressFor("https://contoso.sharepoint.com/")).toBe("/sites/contoso.sharepoint.com");
    expect(siteAddressFor("https://contoso.sharepoint.com/sites/Sales%20Team")).toBe(
      "/sites/contoso.sharepoint.com:/sites/Sales%20Team:",
    );
  });

  it("addresses items by list title, URL-encoded, without any request", async () => {
    const site = new SharePointSite({} as Client, "https://contoso.sharepoint.com/sites/interactions");
    expect(site.itemsUrl("entries")).toBe(
      "/sites/contoso.sharepoint.com:/sites/interactions:/lists/Interaction%20Log%20Entries/items",
    );
    expect(await site.itemsPath("setup")).toBe(
      "/sites/contoso.sharepoint.com:/sites/interactions:/lists/Interaction%20Template%20Setup/items",
    );
  });
});

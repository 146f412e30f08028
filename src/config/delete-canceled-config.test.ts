// ILO_DELETE_CANCELED: who may run "Delete canceled entries" (everyone by default), as the pane decides it.
import { canDeleteCanceled } from "../domain/delete-rights";
import { ConfigError, loadAppConfig } from "./app-config";

const pane = { origin: "https://localhost:3000" };

describe("ILO_DELETE_CANCELED", () => {
  it("is absent (everyone may delete) when not set, and 'everyone' means the same", () => {
    const none = loadAppConfig({}, pane);
    expect(none.deleteCanceled).toBeUndefined();
    expect(canDeleteCanceled("robin@cronus.example", none.deleteCanceled)).toBe(true);
    const all = loadAppConfig({ deleteCanceled: " Everyone " }, pane);
    expect(all.deleteCanceled).toBe("everyone");
    expect(canDeleteCanceled("robin@cronus.example", all.deleteCanceled)).toBe(true);
  });

  it("takes a list of UPNs (commas, semicolons or spaces; any case) and allows only them", () => {
    const cfg = loadAppConfig(
      { deleteCanceled: "Annette.Hill@cronus.example; it@cronus.example,it@cronus.example" },
      pane,
    );
    expect(cfg.deleteCanceled).toEqual(["annette.hill@cronus.example", "it@cronus.example"]);
    expect(canDeleteCanceled("annette.hill@cronus.example", cfg.deleteCanceled)).toBe(true);
    expect(canDeleteCanceled("robin@cronus.example", cfg.deleteCanceled)).toBe(false);
  });

  it("lists an entry that is not an address as a problem, in tenant mode too", () => {
    let problems: string[] = [];
    try {
      loadAppConfig(
        {
          clientId: "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9",
          siteUrl: "https://contoso.sharepoint.com/sites/crm",
          deleteCanceled: "admins",
        },
        pane,
      );
    } catch (e) {
      if (e instanceof ConfigError) problems = e.problems;
    }
    expect(problems).toEqual([
      `ILO_DELETE_CANCELED: "admins" is neither a UPN (e-mail address) nor "everyone"`,
    ]);
    const ok = loadAppConfig(
      {
        clientId: "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9",
        siteUrl: "https://contoso.sharepoint.com/sites/crm",
        deleteCanceled: "it@contoso.example",
      },
      pane,
    );
    expect(ok.deleteCanceled).toEqual(["it@contoso.example"]);
  });
});

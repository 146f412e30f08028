import type { AccountInfo, AuthenticationResult, IPublicClientApplication } from "@azure/msal-browser";
import { msalConfiguration, CLIENT_CAPABILITIES } from "./msal-config";
import { MsalTokenClient } from "./msal-token-client";

const account = {
  username: "anna@contoso.com",
  homeAccountId: "h",
  localAccountId: "l",
  environment: "e",
  tenantId: "t",
} as AccountInfo;
const result = (accessToken: string): AuthenticationResult =>
  ({
    accessToken,
    account,
    scopes: ["Sites.ReadWrite.All"],
    expiresOn: new Date(1_000_000),
  }) as AuthenticationResult;

/** Only what MsalTokenClient calls; every call is recorded. */
function fakePca(accounts: AccountInfo[] = []) {
  const calls: [string, unknown][] = [];
  let active: AccountInfo | null = null;
  const pca = {
    getActiveAccount: () => active,
    setActiveAccount: (a: AccountInfo | null) => void (active = a),
    getAccount: (filter: { username?: string }) =>
      accounts.find((a) => a.username === filter.username) ?? null,
    getAllAccounts: () => accounts,
    acquireTokenSilent: async (r: unknown) => (calls.push(["silent", r]), result("silent")),
    ssoSilent: async (r: unknown) => (calls.push(["ssoSilent", r]), result("sso")),
    acquireTokenPopup: async (r: unknown) => (calls.push(["popup", r]), result("popup")),
    clearCache: async () => void calls.push(["clearCache", null]),
  };
  return { pca: pca as unknown as IPublicClientApplication, calls, active: () => active };
}

describe("MsalTokenClient", () => {
  const scopes = ["https://graph.microsoft.com/Sites.ReadWrite.All"];

  it("uses the cached account matching the login hint for silent calls", async () => {
    const f = fakePca([account]);
    const token = await new MsalTokenClient(f.pca, { ssoSilent: true }).acquireSilent({
      scopes,
      loginHint: "anna@contoso.com",
    });
    expect(token).toEqual({
      accessToken: "silent",
      expiresOn: 1_000_000,
      scopes: ["Sites.ReadWrite.All"],
      username: "anna@contoso.com",
    });
    expect(f.calls).toEqual([["silent", { scopes, account, forceRefresh: false }]]);
    expect(f.active()).toBe(account);
  });

  it("finds an unknown account through ssoSilent with the login hint under NAA", async () => {
    const f = fakePca();
    await new MsalTokenClient(f.pca, { ssoSilent: true }).acquireSilent({
      scopes,
      loginHint: "anna@contoso.com",
    });
    expect(f.calls).toEqual([["ssoSilent", { scopes, loginHint: "anna@contoso.com" }]]);
  });

  it("reports 'no account' instead of a hidden-iframe attempt outside NAA", async () => {
    const f = fakePca();
    await expect(
      new MsalTokenClient(f.pca, { ssoSilent: false }).acquireSilent({
        scopes,
        loginHint: "anna@contoso.com",
      }),
    ).rejects.toMatchObject({ code: "no_account_error" });
    expect(f.calls).toEqual([]);
  });

  it("forces a refresh and sends the claims of a CAE challenge", async () => {
    const f = fakePca([account]);
    await new MsalTokenClient(f.pca, { ssoSilent: true }).acquireSilent({ scopes, claims: "{}" });
    expect(f.calls[0]).toEqual(["silent", { scopes, account, claims: "{}", forceRefresh: true }]);
  });

  it("opens the popup with scopes, hint and claims", async () => {
    const f = fakePca();
    await new MsalTokenClient(f.pca, { ssoSilent: true }).acquireInteractive({
      scopes,
      loginHint: "a@b.com",
      claims: "{}",
    });
    expect(f.calls).toEqual([["popup", { scopes, loginHint: "a@b.com", claims: "{}" }]]);
  });

  it("clears the active account and MSAL's cache", async () => {
    const f = fakePca([account]);
    const client = new MsalTokenClient(f.pca, { ssoSilent: true });
    await client.acquireSilent({ scopes });
    await client.clear();
    expect(f.active()).toBeNull();
    expect(f.calls.at(-1)).toEqual(["clearCache", null]);
  });
});

describe("msalConfiguration", () => {
  const tenant = {
    mode: "tenant" as const,
    graphBaseUrl: "https://graph.microsoft.com",
    siteUrl: "https://contoso.sharepoint.com/sites/crm",
    clientId: "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9",
    authority: "https://login.microsoftonline.com/contoso.onmicrosoft.com",
    ownDomains: [],
    neverLog: [],
  };

  it("declares CAE capability, the tenant authority and a shared localStorage cache", () => {
    const c = msalConfiguration(tenant, "https://localhost:3000/taskpane.html");
    expect(c.auth).toMatchObject({
      clientId: tenant.clientId,
      authority: tenant.authority,
      redirectUri: "https://localhost:3000/taskpane.html",
      clientCapabilities: ["CP1"],
    });
    expect(CLIENT_CAPABILITIES).toEqual(["CP1"]);
    expect(c.cache?.cacheLocation).toBe("localStorage");
    expect(c.system?.loggerOptions?.piiLoggingEnabled).toBe(false);
  });

  it("refuses emulator mode", () => {
    expect(() => msalConfiguration({ ...tenant, mode: "emulator" }, "x")).toThrow(/tenant configuration/);
  });
});

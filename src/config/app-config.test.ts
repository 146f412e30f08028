import {
  ConfigError,
  DEFAULT_AUTHORITY,
  DEFAULT_EMULATOR_SITE_URL,
  DEFAULT_NEVER_LOG,
  describeConfig,
  loadAppConfig,
  type RawAppConfig,
} from "./app-config";

const CLIENT_ID = "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9";
const TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const SITE = "https://contoso.sharepoint.com/sites/crm";
const pane = { origin: "https://localhost:3000" };

function problemsOf(raw: RawAppConfig, where = pane): string[] {
  try {
    loadAppConfig(raw, where);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error("expected a ConfigError");
}

describe("loadAppConfig: emulator mode", () => {
  it("uses the pane's origin, the demo site and the default never-log list when nothing is configured", () => {
    expect(loadAppConfig({}, pane)).toEqual({
      mode: "emulator",
      graphBaseUrl: "https://localhost:3000",
      siteUrl: DEFAULT_EMULATOR_SITE_URL,
      ownDomains: [],
      neverLog: DEFAULT_NEVER_LOG,
    });
  });

  it("reads the injected build configuration by default (absent in tests → emulator)", () => {
    expect(loadAppConfig(undefined, pane).mode).toBe("emulator");
  });

  it("treats blank environment values as unset", () => {
    expect(loadAppConfig({ clientId: "  ", siteUrl: "" }, pane).mode).toBe("emulator");
  });

  it("accepts an explicit emulator address and policy lists", () => {
    const c = loadAppConfig(
      {
        graphBaseUrl: "https://127.0.0.1:4443/",
        ownDomains: "Contoso.com, @fabrikam.nl",
        neverLog: "ceo@contoso.com;gmail.com",
      },
      pane,
    );
    expect(c.graphBaseUrl).toBe("https://127.0.0.1:4443");
    expect(c.ownDomains).toEqual(["contoso.com", "fabrikam.nl"]);
    expect(c.neverLog).toEqual(["ceo@contoso.com", "gmail.com"]);
  });

  it("fails clearly when there is neither a configured address nor a page origin", () => {
    // In Node there is no `location`, so the default origin is missing too.
    expect(() => loadAppConfig({}, undefined)).toThrow(ConfigError);
    expect(() => loadAppConfig({}, { origin: "null" })).toThrow(/emulator's address is unknown/);
  });
});

describe("loadAppConfig: tenant mode", () => {
  it("builds a tenant configuration with Graph's public root and an authority from the tenant id", () => {
    expect(
      loadAppConfig({ clientId: CLIENT_ID.toUpperCase(), siteUrl: SITE + "/", tenantId: TENANT_ID }, pane),
    ).toEqual({
      mode: "tenant",
      graphBaseUrl: "https://graph.microsoft.com",
      siteUrl: SITE,
      clientId: CLIENT_ID,
      authority: `https://login.microsoftonline.com/${TENANT_ID}`,
      ownDomains: [],
      neverLog: DEFAULT_NEVER_LOG,
    });
  });

  it("turns a tenant domain into an authority and defaults to organizations without one", () => {
    expect(
      loadAppConfig({ clientId: CLIENT_ID, siteUrl: SITE, tenantId: "Contoso.onmicrosoft.com" }).authority,
    ).toBe("https://login.microsoftonline.com/contoso.onmicrosoft.com");
    expect(loadAppConfig({ clientId: CLIENT_ID, siteUrl: SITE }).authority).toBe(DEFAULT_AUTHORITY);
  });

  it("accepts a Teams site and a full authority URL", () => {
    const c = loadAppConfig({
      clientId: CLIENT_ID,
      siteUrl: "https://Contoso.SharePoint.com/teams/Sales",
      authority: `https://login.microsoftonline.com/${TENANT_ID}/`,
    });
    expect(c.siteUrl).toBe("https://contoso.sharepoint.com/teams/Sales");
    expect(c.authority).toBe(`https://login.microsoftonline.com/${TENANT_ID}`);
  });

  it("needs both a client id and a site URL", () => {
    expect(problemsOf({ clientId: CLIENT_ID })).toEqual([
      expect.stringContaining("ILO_SITE_URL is required"),
    ]);
    expect(problemsOf({ siteUrl: SITE })).toEqual([expect.stringContaining("ILO_CLIENT_ID is required")]);
    expect(problemsOf({ tenantId: TENANT_ID })).toHaveLength(2);
  });

  it("lists every problem at once", () => {
    const problems = problemsOf({
      clientId: "my-app",
      siteUrl: "http://contoso.sharepoint.com/sites/crm",
      authority: "https://evil.example.com/common",
      graphBaseUrl: "http://graph.microsoft.com",
      ownDomains: "contoso",
      neverLog: "bad@@x.com",
    });
    expect(problems).toHaveLength(6);
    expect(problems.join("\n")).toMatch(/ILO_CLIENT_ID: "my-app" is not a GUID/);
    expect(problems.join("\n")).toMatch(/ILO_SITE_URL: .* is not an https URL/);
    expect(problems.join("\n")).toMatch(/ILO_AUTHORITY: .*login\.microsoftonline\.com/);
    expect(problems.join("\n")).toMatch(/ILO_GRAPH_BASE_URL: .* must be an https URL/);
    expect(problems.join("\n")).toMatch(/ILO_OWN_DOMAINS: "contoso" is not a domain name/);
    expect(problems.join("\n")).toMatch(/ILO_NEVER_LOG: "bad@@x.com"/);
  });

  it("includes every problem in the error message", () => {
    expect(() => loadAppConfig({ clientId: "x", siteUrl: "y" })).toThrow(/ILO_CLIENT_ID[\s\S]*ILO_SITE_URL/);
  });

  it.each([
    ["https://contoso.sharepoint.com", "site collection"],
    ["https://contoso.sharepoint.com/sites", "site collection"],
    ["https://contoso.sharepoint.com/sites/crm/sub", "site collection"],
    ["https://contoso.sharepoint.com/personal/joe", "site collection"],
    ["https://contoso.sharepoint.com/sites/crm?x=1", "query"],
    ["contoso.sharepoint.com/sites/crm", "https URL"],
  ])("rejects the site URL %s", (siteUrl, why) => {
    expect(problemsOf({ clientId: CLIENT_ID, siteUrl })).toEqual([expect.stringContaining(why)]);
  });

  it.each([
    "https://login.microsoftonline.com/",
    "https://login.microsoftonline.com/tenant/v2.0",
    "https://login.microsoftonline.com/not a tenant",
    "http://login.microsoftonline.com/common",
    "https://login.microsoftonline.com.evil.com/common",
  ])("rejects the authority %s", (authority) => {
    expect(problemsOf({ clientId: CLIENT_ID, siteUrl: SITE, authority })).toEqual([
      expect.stringContaining("ILO_AUTHORITY"),
    ]);
  });

  it("rejects consumers, a bad tenant id, a placeholder client id and a versioned Graph URL", () => {
    expect(problemsOf({ clientId: CLIENT_ID, siteUrl: SITE, tenantId: "consumers" })).toEqual([
      expect.stringContaining("personal Microsoft accounts"),
    ]);
    expect(problemsOf({ clientId: CLIENT_ID, siteUrl: SITE, tenantId: "not_a_tenant" })).toEqual([
      expect.stringContaining("ILO_TENANT_ID"),
    ]);
    expect(problemsOf({ clientId: "00000000-0000-0000-0000-000000000000", siteUrl: SITE })).toEqual([
      expect.stringContaining("placeholder"),
    ]);
    expect(
      problemsOf({ clientId: CLIENT_ID, siteUrl: SITE, graphBaseUrl: "https://graph.microsoft.com/v1.0" }),
    ).toEqual([expect.stringContaining("without a version")]);
  });

  it("rejects an authority and a tenant id that disagree", () => {
    expect(
      problemsOf({
        clientId: CLIENT_ID,
        siteUrl: SITE,
        authority: "https://login.microsoftonline.com/contoso.onmicrosoft.com",
        tenantId: TENANT_ID,
      }),
    ).toEqual([expect.stringContaining("disagree")]);
  });
});

describe("describeConfig", () => {
  it("summarises a tenant configuration on one line", () => {
    const line = describeConfig(
      loadAppConfig({ clientId: CLIENT_ID, siteUrl: SITE, tenantId: TENANT_ID, ownDomains: "contoso.com" }),
    );
    expect(line).not.toContain("\n");
    expect(line).toContain("mode=tenant");
    expect(line).toContain(`site=${SITE}`);
    expect(line).toContain(`client=${CLIENT_ID}`);
    expect(line).toContain("ownDomains=contoso.com");
    expect(line).toContain(`neverLog=${DEFAULT_NEVER_LOG.length} entries`);
  });

  it("summarises emulator mode without tenant fields", () => {
    const line = describeConfig(loadAppConfig({}, pane));
    expect(line).toContain("mode=emulator graph=https://localhost:3000");
    expect(line).not.toContain("client=");
  });
});

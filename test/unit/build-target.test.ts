// A build for anything but the workbench refuses without ILO_CLIENT_ID and ILO_SITE_URL, naming what is missing:
// a production pane must never quietly run in emulator mode (sending unsigned dev tokens to its own origin).
// The workbench and the test runner say so explicitly with ILO_TARGET=workbench.
import { loadAppConfig } from "../../src/config/app-config";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as (
  env: unknown,
  argv: { mode: string },
) => { plugins: { definitions?: Record<string, string> }[] };

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

function build(env: Record<string, string | undefined>, mode = "production") {
  for (const k of ["ILO_TARGET", "ILO_CLIENT_ID", "ILO_SITE_URL", "ILO_TENANT_ID", "ILO_AUTHORITY"])
    delete process.env[k];
  for (const [k, v] of Object.entries(env)) if (v !== undefined) process.env[k] = v;
  return webpackConfig({}, { mode });
}

function injected(config: ReturnType<typeof build>): Record<string, unknown> {
  const define = config.plugins.find((p) => p.definitions && "__ILO_CONFIG__" in p.definitions)!;
  return JSON.parse(define.definitions!.__ILO_CONFIG__!) as Record<string, unknown>;
}

describe("npm run build", () => {
  it("refuses without tenant settings, naming both", () => {
    expect(() => build({})).toThrow(/ILO_CLIENT_ID.*ILO_SITE_URL|ILO_SITE_URL.*ILO_CLIENT_ID/s);
  });

  it("names the one that is missing", () => {
    expect(() => build({ ILO_CLIENT_ID: "11111111-2222-3333-4444-555555555555" })).toThrow(/ILO_SITE_URL/);
    expect(() => build({ ILO_CLIENT_ID: "11111111-2222-3333-4444-555555555555" })).not.toThrow(
      /ILO_CLIENT_ID/,
    );
    expect(() => build({ ILO_SITE_URL: "https://contoso.sharepoint.com/sites/crm" })).toThrow(
      /ILO_CLIENT_ID/,
    );
  });

  it("refuses in development mode too unless the target is the workbench", () => {
    expect(() => build({}, "development")).toThrow(/ILO_TARGET=workbench/);
  });

  it("builds for a tenant with both set", () => {
    const config = build({
      ILO_CLIENT_ID: "11111111-2222-3333-4444-555555555555",
      ILO_SITE_URL: "https://contoso.sharepoint.com/sites/crm",
    });
    expect(injected(config)).toMatchObject({
      target: "tenant",
      siteUrl: "https://contoso.sharepoint.com/sites/crm",
    });
  });

  it("builds for the workbench with ILO_TARGET=workbench, always in emulator mode", () => {
    const config = build({ ILO_TARGET: "workbench", ILO_CLIENT_ID: "11111111-2222-3333-4444-555555555555" });
    const raw = injected(config);
    expect(raw).toMatchObject({ target: "workbench" });
    expect(raw.clientId).toBeUndefined();
    expect(loadAppConfig(raw, { origin: "https://localhost:3000" }).mode).toBe("emulator");
  });

  it("refuses an unknown target", () => {
    expect(() => build({ ILO_TARGET: "prod" })).toThrow(/ILO_TARGET/);
  });
});

describe("at run time", () => {
  it("a tenant build without tenant settings does not fall back to emulator mode", () => {
    expect(() => loadAppConfig({ target: "tenant" }, { origin: "https://addin.contoso.com" })).toThrow(
      /ILO_CLIENT_ID.*ILO_SITE_URL/s,
    );
  });
});

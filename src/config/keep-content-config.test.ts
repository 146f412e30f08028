import { ConfigError, loadAppConfig } from "./app-config";

const here = { origin: "https://localhost:3000" };

describe("ILO_KEEP_CONTENT_MAX and ILO_KEEP_CONTENT_LIMIT_MB", () => {
  it("leaves both unset by default (full content, 25 MB)", () => {
    const config = loadAppConfig({}, here);
    expect(config.keepContentMax).toBeUndefined();
    expect(config.contentLimitBytes).toBeUndefined();
  });

  it("reads the cap case-insensitively and the limit in megabytes", () => {
    const config = loadAppConfig({ keepContentMax: " Excerpt ", keepContentLimitMb: "10" }, here);
    expect(config.keepContentMax).toBe("excerpt");
    expect(config.contentLimitBytes).toBe(10 * 1024 * 1024);
  });

  it('takes "nothing", the word the issue and the pane use, as the cap that keeps nothing', () => {
    expect(loadAppConfig({ keepContentMax: "nothing" }, here).keepContentMax).toBe("none");
    expect(loadAppConfig({ keepContentMax: " NOTHING " }, here).keepContentMax).toBe("none");
    expect(loadAppConfig({ keepContentMax: "full" }, here).keepContentMax).toBe("full");
  });

  it("keeps them in tenant mode too", () => {
    const config = loadAppConfig({
      clientId: "11111111-2222-3333-4444-555555555555",
      siteUrl: "https://contoso.sharepoint.com/sites/crm",
      keepContentMax: "none",
      keepContentLimitMb: "0.5e1",
    });
    expect(config.keepContentMax).toBe("none");
    expect(config.contentLimitBytes).toBe(5 * 1024 * 1024);
  });

  it("lists an unknown cap and an impossible limit as problems", () => {
    let error: unknown;
    try {
      loadAppConfig({ keepContentMax: "everything", keepContentLimitMb: "0" }, here);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([
      'ILO_KEEP_CONTENT_MAX: "everything" must be one of nothing (or none), excerpt, full',
      'ILO_KEEP_CONTENT_LIMIT_MB: "0" must be a number of megabytes from 1 to 250',
    ]);
    expect(() => loadAppConfig({ keepContentLimitMb: "251" }, here)).toThrow(ConfigError);
    expect(() => loadAppConfig({ keepContentLimitMb: "lots" }, here)).toThrow(ConfigError);
  });
});

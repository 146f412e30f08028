import { webDarkTheme, webLightTheme } from "@fluentui/react-components";

describe("themes load on demand", () => {
  it("loads only the theme Office asks for, and shows the other one until its own arrives", async () => {
    let theme!: typeof import("./theme");
    jest.isolateModules(() => {
      theme = jest.requireActual<typeof import("./theme")>("./theme");
    });
    // Nothing loaded (start-up failed before it): Fluent's defaults, never a crash.
    expect(theme.themeFor("light")).toEqual({});
    await theme.loadTheme("dark");
    expect(theme.themeFor("dark")).toBe(webDarkTheme);
    expect(theme.themeFor("light")).toBe(webDarkTheme);
    await theme.loadTheme("light");
    expect(theme.themeFor("light")).toBe(webLightTheme);
    expect(theme.themeFor("dark")).toBe(webDarkTheme);
  });
});

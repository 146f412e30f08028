// Office's theme picks Fluent's light or dark theme. Each is a chunk of its own, loaded before the pane renders
// (`loadTheme`), so a user carries only the colour set Office asks for.
import type { Theme } from "@fluentui/react-components";

export type ThemeKind = "light" | "dark";

const themes: Partial<Record<ThemeKind, Theme>> = {};

export function registerTheme(kind: ThemeKind, theme: Theme): void {
  themes[kind] = theme;
}

export async function loadTheme(kind: ThemeKind): Promise<void> {
  if (themes[kind]) return;
  if (kind === "dark")
    registerTheme("dark", (await import(/* webpackChunkName: "theme-dark" */ "./theme-dark")).webDarkTheme);
  else
    registerTheme(
      "light",
      (await import(/* webpackChunkName: "theme-light" */ "./theme-light")).webLightTheme,
    );
}

/**
 * The loaded theme; a theme not loaded (yet) shows the other one, and with none loaded (start-up failed before
 * it) Fluent's defaults apply: plain, but readable.
 */
export function themeFor(kind: ThemeKind): Theme {
  return themes[kind] ?? themes[kind === "dark" ? "light" : "dark"] ?? ({} as Theme);
}

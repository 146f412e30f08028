// Office's theme picks Fluent's light or dark theme. Light ships with the first screen; dark is loaded on demand
// (`loadTheme`, awaited before the pane renders), so light-theme users do not carry both colour sets.
import { webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeKind = "light" | "dark";

let dark: Theme | undefined;

export function registerDarkTheme(theme: Theme): void {
  dark = theme;
}

export async function loadTheme(kind: ThemeKind): Promise<void> {
  if (kind === "dark" && !dark)
    registerDarkTheme((await import(/* webpackChunkName: "theme-dark" */ "./theme-dark")).webDarkTheme);
}

/** A dark theme not loaded (yet) shows light rather than nothing. */
export function themeFor(kind: ThemeKind): Theme {
  return kind === "dark" ? (dark ?? webLightTheme) : webLightTheme;
}

// Outlook reports its theme as colours, not a name (and only from Mailbox 1.14). A dark body background means a
// dark theme; anything unreadable falls back to light.
import type { HostOfficeTheme } from "./host-shapes";

function parseHexColor(color: string): [number, number, number] | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  let hex = m[1]!;
  if (hex.length === 3) hex = [...hex].map((ch) => ch + ch).join("");
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance([r, g, b]: [number, number, number]): number {
  const lin = (v: number): number => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function themeFromOfficeTheme(theme: HostOfficeTheme | undefined | null): "light" | "dark" {
  const bg = theme?.bodyBackgroundColor;
  if (typeof bg !== "string") return "light";
  const rgb = parseHexColor(bg);
  if (!rgb) return "light";
  // 0.179 is where black and white text have equal contrast on the background.
  return relativeLuminance(rgb) < 0.179 ? "dark" : "light";
}

// Sizes as people read them, in the pane's language: "6.1 MB", "41 KB" ("6,1 MB" in Dutch).
import type { Translator } from "../../i18n";

export function formatSize(i18n: Translator, bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "?";
  if (bytes < 1024) return `${i18n.formatNumber(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${i18n.formatNumber(Math.round(bytes / 1024), 0)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${i18n.formatNumber(mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10, mb >= 10 ? 0 : 1)} MB`;
}

// Cost and duration are typed as text so that a half-typed or wrong value is kept and reported, never replaced.

/** "" → 0 (Business Central's blank), "12,5" or "12.5" → 12.5, anything else → NaN (validation reports it). */
export function parseNumberInput(text: string): number {
  const t = text.trim().replace(/\s/g, "");
  if (!t) return 0;
  // A single comma is a decimal comma (nl); a dot and a comma together are ambiguous, so refused.
  const normalized =
    t.includes(",") && !t.includes(".") && t.split(",").length === 2 ? t.replace(",", ".") : t;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(normalized)) return Number.NaN;
  return Number(normalized);
}

export function numberToInput(value: number): string {
  return Number.isFinite(value) ? String(value) : "";
}

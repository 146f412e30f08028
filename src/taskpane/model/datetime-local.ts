// <input type="datetime-local"> speaks local wall-clock time without a zone; the domain speaks ISO 8601 UTC.

const pad = (n: number): string => String(n).padStart(2, "0");

/** ISO UTC → "YYYY-MM-DDTHH:mm" in the browser's time zone; "" when the ISO string is not a date. */
export function toLocalInput(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "";
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "YYYY-MM-DDTHH:mm[:ss]" local → ISO UTC; "" when the text is not a real date (so validation reports it). */
export function fromLocalInput(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return "";
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const date = new Date(y!, mo! - 1, d!, h!, mi!, s ?? 0);
  // Date rolls 31 February over into March; such input is a typo, not a date.
  if (date.getMonth() !== mo! - 1 || date.getDate() !== d! || h! > 23 || mi! > 59) return "";
  return date.toISOString();
}

// A stored WebLink is data anyone with write access to the list could have set: only an https address is ever
// turned into a link (no javascript:, data: or relative URLs).
export function safeWebLink(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

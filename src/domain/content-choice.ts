// What a log keeps of the mail, and the administrator's cap on it (issue 15). Apart from mail-content.ts so that
// the configuration and the first screen can name the choices without carrying the excerpt and size rules along.

/** What a log keeps of the mail: nothing, the excerpt in BodyExcerpt, or the whole mail in the document library. */
export type ContentChoice = "none" | "excerpt" | "full";

export const CONTENT_CHOICES: readonly ContentChoice[] = ["none", "excerpt", "full"];

/** Default limit of the content kept per source item (ILO_KEEP_CONTENT_LIMIT_MB): 25 MB. */
export const DEFAULT_CONTENT_LIMIT_BYTES = 25 * 1024 * 1024;

const RANK: Record<ContentChoice, number> = { none: 0, excerpt: 1, full: 2 };

export function isContentChoice(value: unknown): value is ContentChoice {
  return typeof value === "string" && (CONTENT_CHOICES as readonly string[]).includes(value);
}

/** The user's choice, lowered to the administrator's cap (ILO_KEEP_CONTENT_MAX) when it asks for more. */
export function effectiveContentChoice(wanted: ContentChoice, cap: ContentChoice = "full"): ContentChoice {
  return RANK[wanted] <= RANK[cap] ? wanted : cap;
}

/** The choices the pane offers under a cap, smallest first. */
export function allowedContentChoices(cap: ContentChoice = "full"): ContentChoice[] {
  return CONTENT_CHOICES.filter((c) => RANK[c] <= RANK[cap]);
}

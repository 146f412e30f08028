// A compose item has no internetMessageId (and no UID the add-in can read), yet logging the same draft twice must
// hit the same dedupe key. The draft therefore carries its own id in the item's custom properties, which travel
// with the item once it is saved or sent.
import { officeAsync } from "./office-async";
import type { HostCustomProperties, HostItem } from "./host-shapes";

export const DRAFT_ID_PROPERTY = "iloDraftId";
const DRAFT_ID_PATTERN = /^draft:[0-9a-z-]{8,64}$/;

function newDraftId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === "function") return `draft:${c.randomUUID()}`;
  // Older WebViews without randomUUID: 128 random bits from getRandomValues are just as unique.
  if (c && typeof c.getRandomValues === "function") {
    const bytes = c.getRandomValues(new Uint8Array(16));
    return `draft:${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
  }
  throw new Error("No secure random source to create a draft id");
}

/** Returns the draft's id, creating and saving one on first use. */
export async function ensureDraftId(item: HostItem): Promise<string> {
  if (typeof item.loadCustomPropertiesAsync !== "function") {
    throw new Error("This Outlook item cannot keep custom properties, so the draft has no stable id");
  }
  const props = await officeAsync<HostCustomProperties>("loadCustomPropertiesAsync", (cb) =>
    item.loadCustomPropertiesAsync!(cb),
  );
  const existing = props.get(DRAFT_ID_PROPERTY);
  if (typeof existing === "string" && DRAFT_ID_PATTERN.test(existing)) return existing;
  const id = newDraftId();
  props.set(DRAFT_ID_PROPERTY, id);
  await officeAsync<void>("customProperties.saveAsync", (cb) => props.saveAsync(cb));
  return id;
}

/**
 * The draft id an item already carries, without creating one: the copy in Sent Items keeps the draft's custom
 * properties, so the sent mail is the same item as the draft it was (and as its send-time log).
 */
export async function existingDraftId(item: HostItem): Promise<string | undefined> {
  if (typeof item.loadCustomPropertiesAsync !== "function") return undefined;
  try {
    const props = await officeAsync<HostCustomProperties>("loadCustomPropertiesAsync", (cb) =>
      item.loadCustomPropertiesAsync!(cb),
    );
    const value = props.get(DRAFT_ID_PROPERTY);
    return typeof value === "string" && DRAFT_ID_PATTERN.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

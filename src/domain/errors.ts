// One error type crosses from the storage and host layers into the UI, so the pane can say what happened
// in the user's language without knowing about HTTP.

export type StoreErrorKind =
  /** Graph could not be reached (offline, DNS, dropped connection, 5xx after retries). */
  | "offline"
  /** The signed-in user may not do this (403): ask an administrator. */
  | "forbidden"
  /** Sign-in failed or was cancelled. */
  | "unauthenticated"
  /** The SharePoint lists are not set up yet (or a list is missing). */
  | "notProvisioned"
  /** Someone else changed the item (412). */
  | "conflict"
  /** A unique value is taken (409 on an enforced-unique column). */
  | "duplicate"
  | "notFound"
  /** The request was refused as invalid (400): a bug or bad input. */
  | "invalid"
  | "unknown";

export class StoreError extends Error {
  override readonly name = "StoreError";
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    readonly details: { status?: number; code?: string; requestId?: string; cause?: unknown } = {},
  ) {
    super(message);
  }
}

export function isStoreError(e: unknown): e is StoreError {
  return e instanceof StoreError;
}

/** `details.code` of a sign-in that needs the user: background work stops with it instead of opening a window. */
export const INTERACTION_REQUIRED = "interactionRequired";

export function needsInteractiveSignIn(e: unknown): boolean {
  return e instanceof StoreError && e.kind === "unauthenticated" && e.details.code === INTERACTION_REQUIRED;
}

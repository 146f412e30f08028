// Every sign-in failure, whatever raised it (MSAL, the NAA bridge, the Office dialog, the dialog page), is sorted
// here once: the ladder asks "may the next rung help?", and the pane gets a StoreError it can show as is.
import { StoreError } from "../../domain/errors";

export type AuthFailureKind =
  /** Silent acquisition is not enough: the user must sign in or consent. */
  | "interactionRequired"
  /** The popup (or NAA itself) cannot be used here; the Office dialog may still work. */
  | "useDialog"
  | "cancelled"
  /** Permissions are not granted for this app: only an administrator can fix it. */
  | "consent"
  /** Policy keeps this user out (Conditional Access, not assigned to the app). */
  | "accessBlocked"
  /** The app registration or add-in hosting does not match this configuration. */
  | "misconfigured"
  | "dialogBlocked"
  | "dialogBusy"
  | "offline"
  | "timedOut"
  | "unknown";

export interface AuthFailure {
  kind: AuthFailureKind;
  /** The most specific code seen: "AADSTS65001", "user_cancelled", "12006", … */
  code: string;
}

/** A sign-in failure raised by our own code, with a code classifyAuthError understands. */
export class AuthFlowError extends Error {
  override readonly name: string = "AuthFlowError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Raised by the Office dialog rung: `code` is an Office dialog error number or the code the dialog page posted. */
export class DialogAuthError extends AuthFlowError {
  override readonly name: string = "DialogAuthError";
}

const INTERACTION_CODES = new Set([
  "interaction_required",
  "consent_required",
  "login_required",
  "no_tokens_found",
  "refresh_token_expired",
  "bad_token",
  "interrupted_user",
  "no_account_error",
  "no_account_found",
  "native_account_unavailable",
]);
const USE_DIALOG_CODES = new Set([
  "popup_window_error",
  "empty_window_error",
  "block_nested_popups",
  "popup_relay_unsupported_flow",
  "nested_app_auth_bridge_disabled",
  "ui_not_allowed",
]);
const CANCELLED_CODES = new Set(["user_cancelled", "user_canceled", "12006"]);
const OFFLINE_CODES = new Set(["no_network_connectivity", "network_error", "endpoints_resolution_error"]);

/** AADSTS codes: https://learn.microsoft.com/entra/identity-platform/reference-error-codes */
const AADSTS_KINDS: Record<string, AuthFailureKind> = {
  "65001": "consent", // no consent for this app and scope
  "65004": "consent", // the user declined consent
  "90094": "consent", // admin consent required
  "90095": "consent", // admin consent required (request workflow)
  "650057": "consent", // scope not in the app registration's permission list
  "50105": "accessBlocked", // user not assigned to the application
  "53000": "accessBlocked", // device not compliant
  "53001": "accessBlocked", // device not domain joined
  "53003": "accessBlocked", // blocked by Conditional Access
  "7000112": "accessBlocked", // application disabled
  "700016": "misconfigured", // application not found in the tenant
  "50194": "misconfigured", // single-tenant app used with a multitenant authority
  "50011": "misconfigured", // redirect URI mismatch
  "500113": "misconfigured", // no reply address registered
  "9002326": "misconfigured", // redirect URI registered as Web, not SPA
  "50020": "accessBlocked", // user from a tenant the app does not accept
};

const DIALOG_KINDS: Record<string, AuthFailureKind> = {
  "12004": "misconfigured", // dialog URL not on the pane's domain (AppDomains)
  "12005": "misconfigured", // dialog URL is http
  "12007": "dialogBusy", // a dialog is already open from this pane
  "12009": "dialogBlocked", // the user chose to ignore the dialog (Office on the web)
  "12011": "dialogBlocked", // the browser blocks pop-ups
  "12006": "cancelled", // the user closed the dialog
  "12002": "misconfigured", // the dialog page could not be loaded
  "12003": "misconfigured", // the dialog was sent to an http page
};

function field(e: unknown, name: string): string {
  if (typeof e !== "object" || e === null) return "";
  const v = (e as Record<string, unknown>)[name];
  return typeof v === "string" || typeof v === "number" ? String(v) : "";
}

export function classifyAuthError(e: unknown): AuthFailure {
  const code = (field(e, "errorCode") || field(e, "code")).toLowerCase();
  const text = [
    field(e, "errorMessage"),
    field(e, "message"),
    field(e, "subError"),
    field(e, "description"),
  ].join(" ");
  const aadsts = /AADSTS(\d+)/.exec(text)?.[1];
  const name = field(e, "name");

  // Silent failures first: consent_required with AADSTS65001 can still be fixed by the user in a popup.
  if (INTERACTION_CODES.has(code) || name === "InteractionRequiredAuthError")
    return { kind: "interactionRequired", code: aadsts ? `AADSTS${aadsts}` : code || name };
  if (aadsts) return { kind: AADSTS_KINDS[aadsts] ?? "unknown", code: `AADSTS${aadsts}` };
  if (DIALOG_KINDS[code]) return { kind: DIALOG_KINDS[code], code };
  if (USE_DIALOG_CODES.has(code)) return { kind: "useDialog", code };
  if (CANCELLED_CODES.has(code)) return { kind: "cancelled", code };
  if (OFFLINE_CODES.has(code)) return { kind: "offline", code };
  if (code === "timed_out" || code === "dialog_timeout") return { kind: "timedOut", code };
  return { kind: "unknown", code: code || name || "unknown" };
}

function scopeNames(scopes: readonly string[]): string {
  return scopes.map((s) => s.replace(/^https:\/\/graph\.microsoft\.com\//i, "")).join(", ");
}

/**
 * The error the pane shows. Messages are for people: no stack, no MSAL jargon; the code stays in details for
 * support and for a pane that wants its own wording per code.
 */
export function toAuthStoreError(e: unknown, scopes: readonly string[] = []): StoreError {
  if (e instanceof StoreError) return e;
  const failure = classifyAuthError(e);
  // At the end of the ladder no rung is left to ask the user, so a consent or policy code decides the message.
  const kind =
    failure.kind === "interactionRequired" && failure.code.startsWith("AADSTS")
      ? (AADSTS_KINDS[failure.code.slice(6)] ?? failure.kind)
      : failure.kind;
  const details = { code: failure.code, cause: e };
  const ref = ` (${failure.code})`;
  const permission = scopes.length ? scopeNames(scopes) : "the requested SharePoint permission";
  switch (kind) {
    case "consent":
      return new StoreError(
        "forbidden",
        `The add-in is not allowed to use SharePoint yet. Ask your administrator to grant it ${permission} in Microsoft Entra ID${ref}.`,
        details,
      );
    case "accessBlocked":
      return new StoreError(
        "forbidden",
        `Your organisation's sign-in policy does not let you use this add-in here. Ask your administrator to grant you access${ref}.`,
        details,
      );
    case "misconfigured":
      return new StoreError(
        "unauthenticated",
        `The add-in's sign-in is not set up correctly for your organisation. Ask your administrator to check its app registration and hosting${ref}.`,
        details,
      );
    case "cancelled":
      return new StoreError(
        "unauthenticated",
        "Sign-in was cancelled. Sign in to use the Interaction Log.",
        details,
      );
    case "dialogBlocked":
      return new StoreError(
        "unauthenticated",
        `The sign-in window was blocked. Allow pop-ups for Outlook and try again${ref}.`,
        details,
      );
    case "dialogBusy":
      return new StoreError(
        "unauthenticated",
        "A sign-in window is already open. Finish or close it, then try again.",
        details,
      );
    case "offline":
      return new StoreError(
        "offline",
        "You appear to be offline, so you could not be signed in. Try again when connected.",
        details,
      );
    case "timedOut":
      return new StoreError("unauthenticated", "Sign-in took too long. Try again.", details);
    case "interactionRequired":
    case "useDialog":
      return new StoreError(
        "unauthenticated",
        `You need to sign in again to use the Interaction Log${ref}.`,
        details,
      );
    default:
      return new StoreError(
        "unauthenticated",
        `Sign-in failed. Try again; if it keeps failing, tell your administrator${ref}.`,
        details,
      );
  }
}

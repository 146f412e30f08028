// What the pane and the sign-in dialog page say to each other: the dialog's URL carries the request, and
// Office.context.ui.messageParent carries the answer back as JSON. Shared by both sides so they cannot drift.

export const AUTH_DIALOG_PATH = "/auth-dialog.html";

export interface DialogTokenRequest {
  scopes: string[];
  loginHint?: string;
  /** A CAE claims challenge to satisfy (JSON), when Graph asked for one. */
  claims?: string;
}

export type DialogMessage =
  | { status: "success"; accessToken: string; expiresOn: number; scopes: string[]; username?: string }
  | { status: "error"; code: string; message: string };

export function dialogUrl(origin: string, request: DialogTokenRequest): string {
  const url = new URL(AUTH_DIALOG_PATH, origin);
  url.searchParams.set("scopes", request.scopes.join(" "));
  if (request.loginHint) url.searchParams.set("loginHint", request.loginHint);
  if (request.claims) url.searchParams.set("claims", request.claims);
  return url.toString();
}

/** Reads the request back on the dialog page; null when the page was opened without one. */
export function parseDialogRequest(search: string): DialogTokenRequest | null {
  const params = new URLSearchParams(search);
  const scopes = (params.get("scopes") ?? "").split(" ").filter(Boolean);
  if (!scopes.length) return null;
  const request: DialogTokenRequest = { scopes };
  const loginHint = params.get("loginHint");
  const claims = params.get("claims");
  if (loginHint) request.loginHint = loginHint;
  if (claims) request.claims = claims;
  return request;
}

/**
 * Parses what the dialog posted. Anything malformed becomes an error message rather than a throw, so a broken or
 * foreign page can never hand the pane an empty token.
 */
export function parseDialogMessage(raw: string): DialogMessage {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {
      status: "error",
      code: "dialog_bad_message",
      message: "The sign-in window sent an unreadable answer.",
    };
  }
  const v = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  if (
    v.status === "success" &&
    typeof v.accessToken === "string" &&
    v.accessToken.length > 0 &&
    typeof v.expiresOn === "number" &&
    Array.isArray(v.scopes) &&
    v.scopes.every((s) => typeof s === "string")
  ) {
    const ok: DialogMessage = {
      status: "success",
      accessToken: v.accessToken,
      expiresOn: v.expiresOn,
      scopes: v.scopes as string[],
    };
    if (typeof v.username === "string") ok.username = v.username;
    return ok;
  }
  if (v.status === "error" && typeof v.code === "string") {
    return { status: "error", code: v.code, message: typeof v.message === "string" ? v.message : "" };
  }
  return {
    status: "error",
    code: "dialog_bad_message",
    message: "The sign-in window sent an unexpected answer.",
  };
}

import { StoreError } from "../../domain/errors";
import { classifyAuthError, DialogAuthError, toAuthStoreError } from "./auth-errors";

const msal = (errorCode: string, errorMessage = "", name = "AuthError") =>
  Object.assign(new Error(errorMessage), { errorCode, errorMessage, name });

describe("classifyAuthError", () => {
  it.each([
    [msal("login_required", "", "InteractionRequiredAuthError"), "interactionRequired"],
    [msal("no_account_error"), "interactionRequired"],
    [msal("popup_window_error"), "useDialog"],
    [msal("block_nested_popups"), "useDialog"],
    [msal("nested_app_auth_bridge_disabled"), "useDialog"],
    [msal("user_cancelled"), "cancelled"],
    [msal("user_canceled"), "cancelled"],
    [msal("no_network_connectivity"), "offline"],
    [msal("timed_out"), "timedOut"],
    [msal("invalid_grant", "AADSTS50105: not assigned"), "accessBlocked"],
    [msal("invalid_grant", "AADSTS53003: blocked by Conditional Access"), "accessBlocked"],
    [msal("invalid_request", "AADSTS700016: application not found"), "misconfigured"],
    [new DialogAuthError("12004", "untrusted"), "misconfigured"],
    [new DialogAuthError("12009", "ignored"), "dialogBlocked"],
    [new DialogAuthError("12007", "busy"), "dialogBusy"],
    [new DialogAuthError("12006", "closed"), "cancelled"],
    ["a string", "unknown"],
  ])("sorts %p as %s", (error, kind) => {
    expect(classifyAuthError(error).kind).toBe(kind);
  });

  it("keeps the AADSTS code of an interaction-required error", () => {
    expect(
      classifyAuthError(msal("consent_required", "AADSTS65001: no consent", "InteractionRequiredAuthError")),
    ).toEqual({
      kind: "interactionRequired",
      code: "AADSTS65001",
    });
  });
});

describe("toAuthStoreError", () => {
  it.each([
    ["AADSTS65001: consent", "forbidden", /Ask your administrator to grant it Sites.ReadWrite.All/],
    ["AADSTS90094: admin consent", "forbidden", /administrator/],
    ["AADSTS50105: not assigned", "forbidden", /Ask your administrator to grant you access/],
    ["AADSTS53003: Conditional Access", "forbidden", /sign-in policy/],
  ])("maps %s to %s", (message, kind, text) => {
    const e = toAuthStoreError(msal("invalid_grant", message), [
      "https://graph.microsoft.com/Sites.ReadWrite.All",
    ]);
    expect(e).toBeInstanceOf(StoreError);
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(text);
  });

  it("keeps the original error for logs but never shows its text or stack", () => {
    const original = msal("server_error", "AADSTS9999999: something internal\n at foo (bar.js:1:2)");
    const e = toAuthStoreError(original);
    expect(e.kind).toBe("unauthenticated");
    expect(e.message).toBe(
      "Sign-in failed. Try again; if it keeps failing, tell your administrator (AADSTS9999999).",
    );
    expect(e.details.cause).toBe(original);
  });

  it("maps offline and blocked-dialog failures to actionable messages", () => {
    expect(toAuthStoreError(msal("no_network_connectivity")).kind).toBe("offline");
    expect(toAuthStoreError(new DialogAuthError("12011", "blocked")).message).toMatch(/Allow pop-ups/);
  });

  it("passes a StoreError through untouched", () => {
    const e = new StoreError("offline", "x");
    expect(toAuthStoreError(e)).toBe(e);
  });
});

import type { AuthenticationResult } from "@azure/msal-browser";
import { parseDialogMessage } from "./dialog-protocol";
import { hasAuthResponse, runDialogPage, type DialogPageDeps } from "./dialog-page-flow";

function deps(
  over: Partial<DialogPageDeps> & { redirectResult?: AuthenticationResult | null; fail?: unknown } = {},
) {
  const posted: string[] = [];
  const calls: [string, unknown?][] = [];
  const d: DialogPageDeps = {
    search: over.search ?? "",
    hash: over.hash ?? "",
    bridge: over.bridge ?? (async () => void calls.push(["bridge"])),
    post: (m) => posted.push(m),
    pca: {
      initialize: async () => void calls.push(["initialize"]),
      handleRedirectPromise: async () => {
        calls.push(["handleRedirectPromise"]);
        if (over.fail) throw over.fail;
        return over.redirectResult ?? null;
      },
      acquireTokenRedirect: async (r) => void calls.push(["acquireTokenRedirect", r]),
    },
  };
  return { d, posted, calls };
}

describe("runDialogPage", () => {
  it("starts the redirect sign-in for the requested scopes, hint and claims", async () => {
    const t = deps({ search: "?scopes=a%20b&loginHint=anna%40contoso.com&claims=%7B%7D" });
    await expect(runDialogPage(t.d)).resolves.toBe("redirecting");
    expect(t.calls.at(-1)).toEqual([
      "acquireTokenRedirect",
      { scopes: ["a", "b"], loginHint: "anna@contoso.com", claims: "{}" },
    ]);
    expect(t.posted).toEqual([]);
  });

  it("acts as MSAL's redirect bridge when the URL carries the sign-in response", async () => {
    const t = deps({ hash: "#code=abc&state=xyz" });
    await expect(runDialogPage(t.d)).resolves.toBe("bridged");
    expect(t.calls).toEqual([["bridge"]]);
  });

  it("posts the token once the redirect has completed", async () => {
    const result = {
      accessToken: "tok",
      expiresOn: new Date(5000),
      scopes: ["Sites.ReadWrite.All"],
      account: { username: "anna@contoso.com" },
    } as AuthenticationResult;
    const t = deps({ search: "?scopes=a", redirectResult: result });
    await expect(runDialogPage(t.d)).resolves.toBe("posted");
    expect(parseDialogMessage(t.posted[0]!)).toEqual({
      status: "success",
      accessToken: "tok",
      expiresOn: 5000,
      scopes: ["Sites.ReadWrite.All"],
      username: "anna@contoso.com",
    });
  });

  it("posts a sign-in error with its code and first line only", async () => {
    const error = Object.assign(new Error("AADSTS65001: consent needed\n    at somewhere (x.js:1:1)"), {
      errorCode: "invalid_grant",
    });
    const t = deps({ search: "?scopes=a", fail: error });
    await runDialogPage(t.d);
    expect(parseDialogMessage(t.posted[0]!)).toEqual({
      status: "error",
      code: "AADSTS65001",
      message: "AADSTS65001: consent needed",
    });
  });

  it("refuses to sign in without requested scopes", async () => {
    const t = deps({ search: "" });
    await runDialogPage(t.d);
    expect(parseDialogMessage(t.posted[0]!)).toMatchObject({ status: "error", code: "dialog_bad_request" });
  });

  it("recognises auth responses in query or fragment only when state is present", () => {
    expect(hasAuthResponse("?code=1&state=2", "")).toBe(true);
    expect(hasAuthResponse("", "#error=access_denied&state=2")).toBe(true);
    expect(hasAuthResponse("?scopes=a", "")).toBe(false);
    expect(hasAuthResponse("?code=1", "")).toBe(false);
  });
});

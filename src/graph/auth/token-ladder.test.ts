import { StoreError } from "../../domain/errors";
import { AuthFlowError, DialogAuthError } from "./auth-errors";
import { createAuthProvider } from "./index";
import type { HostDialog, OfficeAuthHost } from "./office-auth-host";
import { SCOPES } from "./scopes";
import type { AccessToken, TokenClient, TokenRequest } from "./token-client";
import { parseClaimsChallenge, TokenLadder } from "./token-ladder";

const NOW = 1_700_000_000_000;
const HOUR = 3_600_000;

type Step = (request: TokenRequest) => Promise<AccessToken>;

/** A TokenClient that plays a script and records every call. */
class ScriptedClient implements TokenClient {
  readonly calls: { method: "silent" | "interactive"; request: TokenRequest }[] = [];
  constructor(
    private silent: Step[] = [],
    private interactive: Step[] = [],
  ) {}
  acquireSilent(request: TokenRequest): Promise<AccessToken> {
    this.calls.push({ method: "silent", request });
    const step = this.silent.shift();
    if (!step) throw new Error("unexpected silent call");
    return step(request);
  }
  acquireInteractive(request: TokenRequest): Promise<AccessToken> {
    this.calls.push({ method: "interactive", request });
    const step = this.interactive.shift();
    if (!step) throw new Error("unexpected interactive call");
    return step(request);
  }
}

const ok =
  (accessToken: string, expiresOn = NOW + HOUR): Step =>
  async (request) => ({ accessToken, expiresOn, scopes: request.scopes });
const fail =
  (error: unknown): Step =>
  async () => {
    throw error;
  };
const interactionRequired = Object.assign(new Error("AADSTS50058: silent sign-in failed"), {
  name: "InteractionRequiredAuthError",
  errorCode: "login_required",
});
const popupBlocked = Object.assign(new Error("popup blocked"), {
  name: "BrowserAuthError",
  errorCode: "popup_window_error",
});

function ladder(msal: ScriptedClient, dialog?: ScriptedClient, naa = true, now = () => NOW): TokenLadder {
  return new TokenLadder({
    msal: async () => msal,
    ...(dialog ? { dialog } : {}),
    naa,
    loginHint: "anna@contoso.com",
    now,
  });
}

async function storeErrorOf(promise: Promise<unknown>): Promise<StoreError> {
  const outcome = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(outcome instanceof StoreError)) throw new Error(`expected a StoreError, got ${String(outcome)}`);
  return outcome;
}

describe("TokenLadder", () => {
  it("returns a silent token for the everyday scopes with the mailbox user as hint", async () => {
    const msal = new ScriptedClient([ok("silent-token")]);
    await expect(ladder(msal).getAccessToken()).resolves.toBe("silent-token");
    expect(msal.calls).toEqual([
      { method: "silent", request: { scopes: [...SCOPES.items], loginHint: "anna@contoso.com" } },
    ]);
  });

  it("falls back to the popup when silent sign-in needs interaction", async () => {
    const msal = new ScriptedClient([fail(interactionRequired)], [ok("popup-token")]);
    const dialog = new ScriptedClient();
    await expect(ladder(msal, dialog).getAccessToken()).resolves.toBe("popup-token");
    expect(msal.calls.map((c) => c.method)).toEqual(["silent", "interactive"]);
    expect(dialog.calls).toHaveLength(0);
  });

  it("falls back to the Office dialog when the popup is blocked", async () => {
    const msal = new ScriptedClient([fail(interactionRequired)], [fail(popupBlocked)]);
    const dialog = new ScriptedClient([], [ok("dialog-token")]);
    await expect(ladder(msal, dialog).getAccessToken()).resolves.toBe("dialog-token");
    expect(dialog.calls.map((c) => c.method)).toEqual(["interactive"]);
  });

  it("goes straight from silent to the dialog when NAA is unavailable", async () => {
    const msal = new ScriptedClient([fail(new AuthFlowError("no_account_error", "none"))]);
    const dialog = new ScriptedClient([], [ok("dialog-token")]);
    await expect(ladder(msal, dialog, false).getAccessToken()).resolves.toBe("dialog-token");
    expect(msal.calls.map((c) => c.method)).toEqual(["silent"]);
  });

  it("uses the dialog when MSAL cannot even start", async () => {
    const dialog = new ScriptedClient([], [ok("dialog-token")]);
    const l = new TokenLadder({ msal: () => Promise.reject(new Error("bridge failed")), dialog, naa: true });
    await expect(l.getAccessToken()).resolves.toBe("dialog-token");
  });

  it("reports a dialog closed by the user as a cancelled sign-in", async () => {
    const msal = new ScriptedClient([fail(interactionRequired)], [fail(popupBlocked)]);
    const dialog = new ScriptedClient([], [fail(new DialogAuthError("12006", "closed"))]);
    const error = await storeErrorOf(ladder(msal, dialog).getAccessToken());
    expect(error.kind).toBe("unauthenticated");
    expect(error.message).toBe("Sign-in was cancelled. Sign in to use the Interaction Log.");
    expect(error.details.code).toBe("12006");
  });

  it("turns a consent failure into 'forbidden' naming the permission to grant", async () => {
    const consent = Object.assign(new Error("AADSTS65001: The user or administrator has not consented"), {
      name: "InteractionRequiredAuthError",
      errorCode: "consent_required",
    });
    const msal = new ScriptedClient([fail(consent)], [fail(consent)]);
    const error = await storeErrorOf(
      ladder(msal, new ScriptedClient()).getAccessToken({ scopes: [...SCOPES.manage] }),
    );
    expect(error.kind).toBe("forbidden");
    expect(error.message).toContain("Ask your administrator to grant it Sites.Manage.All");
    expect(error.details.code).toBe("AADSTS65001");
    expect(error.message).not.toMatch(/\bat\s.+:\d+/); // no stack frames
  });

  it("does not climb the ladder for errors the next rung cannot fix", async () => {
    const offline = Object.assign(new Error("network"), { errorCode: "no_network_connectivity" });
    const msal = new ScriptedClient([fail(offline)]);
    const dialog = new ScriptedClient();
    const error = await storeErrorOf(ladder(msal, dialog).getAccessToken());
    expect(error.kind).toBe("offline");
    expect(dialog.calls).toHaveLength(0);
  });

  it("says so when the popup is blocked and there is no dialog API", async () => {
    const msal = new ScriptedClient([fail(interactionRequired)], [fail(popupBlocked)]);
    const error = await storeErrorOf(ladder(msal).getAccessToken());
    expect(error.kind).toBe("unauthenticated");
    expect(error.details.code).toBe("popup_window_error");
  });

  it("passes scopes through per request and caches tokens per scope set", async () => {
    const msal = new ScriptedClient([ok("items-token"), ok("manage-token")]);
    const l = ladder(msal);
    await expect(l.getAccessToken({ scopes: [...SCOPES.items] })).resolves.toBe("items-token");
    await expect(l.getAccessToken({ scopes: [...SCOPES.manage] })).resolves.toBe("manage-token");
    await expect(l.getAccessToken({ scopes: [...SCOPES.items] })).resolves.toBe("items-token");
    await expect(l.getAccessToken({ scopes: [...SCOPES.manage] })).resolves.toBe("manage-token");
    expect(msal.calls.map((c) => c.request.scopes)).toEqual([[...SCOPES.items], [...SCOPES.manage]]);
  });

  it("reuses a cached token until five minutes before it expires", async () => {
    let now = NOW;
    const msal = new ScriptedClient([ok("first", NOW + HOUR), ok("second", NOW + 2 * HOUR)]);
    const l = ladder(msal, undefined, true, () => now);
    await l.getAccessToken();
    now = NOW + HOUR - 6 * 60_000;
    await expect(l.getAccessToken()).resolves.toBe("first");
    now = NOW + HOUR - 4 * 60_000;
    await expect(l.getAccessToken()).resolves.toBe("second");
    expect(msal.calls).toHaveLength(2);
  });

  it("shares one acquisition between concurrent requests", async () => {
    let release: (t: AccessToken) => void = () => undefined;
    const msal = new ScriptedClient([() => new Promise<AccessToken>((r) => (release = r))]);
    const l = ladder(msal);
    const a = l.getAccessToken();
    const b = l.getAccessToken();
    await new Promise((r) => setTimeout(r, 0)); // let MSAL's lazy start-up reach acquireSilent
    release({ accessToken: "shared", expiresOn: NOW + HOUR, scopes: [] });
    await expect(Promise.all([a, b])).resolves.toEqual(["shared", "shared"]);
    expect(msal.calls).toHaveLength(1);
  });

  it("runs one interactive sign-in at a time", async () => {
    const order: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const msal = new ScriptedClient(
      [fail(interactionRequired), fail(interactionRequired)],
      [
        async (r) => {
          order.push("start items");
          await new Promise<void>((res) => (releaseFirst = res));
          order.push("end items");
          return { accessToken: "a", expiresOn: NOW + HOUR, scopes: r.scopes };
        },
        async (r) => {
          order.push("start manage");
          return { accessToken: "b", expiresOn: NOW + HOUR, scopes: r.scopes };
        },
      ],
    );
    const l = ladder(msal);
    const first = l.getAccessToken({ scopes: [...SCOPES.items] });
    const second = l.getAccessToken({ scopes: [...SCOPES.manage] });
    await new Promise((r) => setTimeout(r, 0));
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(["start items", "end items", "start manage"]);
  });

  it("answers a CAE claims challenge with a fresh token carrying the claims", async () => {
    const claims = '{"access_token":{"nbf":{"essential":true,"value":"1604106651"}}}';
    const header = `Bearer realm="", error="insufficient_claims", claims="${btoa(claims)}"`;
    const msal = new ScriptedClient([ok("old"), ok("fresh")]);
    const l = ladder(msal);
    await l.getAccessToken();
    expect(l.handleClaimsChallenge(header)).toBe(true);
    await expect(l.getAccessToken()).resolves.toBe("fresh");
    expect(msal.calls[1]!.request.claims).toBe(claims);
    // The challenge is satisfied once; the fresh token is then served from the cache.
    await expect(l.getAccessToken()).resolves.toBe("fresh");
    expect(msal.calls).toHaveLength(2);
  });

  it("ignores a 401 that is not a claims challenge", () => {
    const l = ladder(new ScriptedClient());
    expect(l.handleClaimsChallenge('Bearer error="invalid_token"')).toBe(false);
    expect(l.handleClaimsChallenge(null)).toBe(false);
    expect(parseClaimsChallenge('Bearer error="insufficient_claims", claims="!!!"')).toBeNull();
  });
});

describe("createAuthProvider", () => {
  const tenant = {
    mode: "tenant" as const,
    graphBaseUrl: "https://graph.microsoft.com",
    siteUrl: "https://contoso.sharepoint.com/sites/crm",
    clientId: "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9",
    authority: "https://login.microsoftonline.com/organizations",
    ownDomains: [],
    neverLog: [],
  };

  function fakeHost(supported: string[], dialogMessage?: string): OfficeAuthHost & { urls: string[] } {
    const urls: string[] = [];
    return {
      urls,
      origin: "https://localhost:3000",
      userAddress: "anna@contoso.com",
      isSetSupported: (name) => supported.includes(name),
      displayDialog: async (url) => {
        urls.push(url);
        const dialog: HostDialog = {
          onMessage: (handler) => {
            if (dialogMessage) setTimeout(() => handler(dialogMessage, "https://localhost:3000"), 0);
          },
          onEvent: () => undefined,
          close: () => undefined,
        };
        return dialog;
      },
    };
  }

  it("refuses emulator mode", () => {
    expect(() => createAuthProvider({ ...tenant, mode: "emulator" }, fakeHost([]))).toThrow(
      /tenant configuration/,
    );
  });

  it("without NAA, signs in through the real dialog client opening auth-dialog.html", async () => {
    const message = JSON.stringify({
      status: "success",
      accessToken: "from-dialog",
      expiresOn: Date.now() + HOUR,
      scopes: [...SCOPES.items],
    });
    const host = fakeHost(["DialogApi"], message);
    const msal = new ScriptedClient([fail(new AuthFlowError("no_account_error", "none"))]);
    const provider = createAuthProvider(tenant, host, { msal: async () => msal });
    await expect(provider.getAccessToken()).resolves.toBe("from-dialog");
    const url = new URL(host.urls[0]!);
    expect(url.origin + url.pathname).toBe("https://localhost:3000/auth-dialog.html");
    expect(url.searchParams.get("scopes")).toBe(SCOPES.items.join(" "));
    expect(url.searchParams.get("loginHint")).toBe("anna@contoso.com");
    expect(msal.calls.map((c) => c.method)).toEqual(["silent"]);
  });

  it("with NAA, tries the popup before any dialog", async () => {
    const host = fakeHost(["NestedAppAuth", "DialogApi"]);
    const msal = new ScriptedClient([fail(interactionRequired)], [ok("popup")]);
    await expect(createAuthProvider(tenant, host, { msal: async () => msal }).getAccessToken()).resolves.toBe(
      "popup",
    );
    expect(host.urls).toHaveLength(0);
  });
});

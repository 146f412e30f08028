import { DialogAuthError } from "./auth-errors";
import { DialogTokenClient } from "./dialog-token-client";
import { dialogUrl, parseDialogMessage, parseDialogRequest } from "./dialog-protocol";
import { officeAuthHostFrom, type HostDialog, type OfficeAuthHost } from "./office-auth-host";

const ORIGIN = "https://localhost:3000";

/** A host whose one dialog is driven by the test. */
function controllableHost() {
  let message: (m: string, origin?: string) => void = () => undefined;
  let event: (code: number) => void = () => undefined;
  const state = { closed: 0, urls: [] as string[] };
  const host: OfficeAuthHost = {
    origin: ORIGIN,
    userAddress: "anna@contoso.com",
    isSetSupported: () => true,
    displayDialog: async (url) => {
      state.urls.push(url);
      const dialog: HostDialog = {
        onMessage: (h) => (message = h),
        onEvent: (h) => (event = h),
        close: () => void state.closed++,
      };
      return dialog;
    },
  };
  const opened = () => new Promise((r) => setTimeout(r, 0));
  return {
    host,
    state,
    opened,
    send: (m: string, o = ORIGIN) => message(m, o),
    fire: (c: number) => event(c),
  };
}

describe("DialogTokenClient", () => {
  const request = {
    scopes: ["https://graph.microsoft.com/Sites.ReadWrite.All"],
    loginHint: "anna@contoso.com",
  };

  it("resolves with the token the dialog page posts and closes the dialog", async () => {
    const h = controllableHost();
    const pending = new DialogTokenClient(h.host).acquireInteractive(request);
    await h.opened();
    h.send(
      JSON.stringify({
        status: "success",
        accessToken: "tok",
        expiresOn: 123,
        scopes: request.scopes,
        username: "anna@contoso.com",
      }),
    );
    await expect(pending).resolves.toEqual({
      accessToken: "tok",
      expiresOn: 123,
      scopes: request.scopes,
      username: "anna@contoso.com",
    });
    expect(h.state.closed).toBe(1);
    expect(parseDialogRequest(new URL(h.state.urls[0]!).search)).toEqual(request);
  });

  it("rejects with code 12006 when the user closes the dialog", async () => {
    const h = controllableHost();
    const pending = new DialogTokenClient(h.host).acquireInteractive(request);
    await h.opened();
    h.fire(12006);
    await expect(pending).rejects.toMatchObject({ name: "DialogAuthError", code: "12006" });
    expect(h.state.closed).toBe(0); // already gone
  });

  it("passes on the error the dialog page reports", async () => {
    const h = controllableHost();
    const pending = new DialogTokenClient(h.host).acquireInteractive(request);
    await h.opened();
    h.send(JSON.stringify({ status: "error", code: "access_denied", message: "AADSTS65004: declined" }));
    await expect(pending).rejects.toMatchObject({ code: "access_denied", message: "AADSTS65004: declined" });
  });

  it("ignores messages from another origin", async () => {
    const h = controllableHost();
    const pending = new DialogTokenClient(h.host).acquireInteractive(request);
    await h.opened();
    h.send(
      JSON.stringify({ status: "success", accessToken: "evil", expiresOn: 1, scopes: [] }),
      "https://evil.example",
    );
    h.send(JSON.stringify({ status: "success", accessToken: "good", expiresOn: 1, scopes: [] }));
    await expect(pending).resolves.toMatchObject({ accessToken: "good" });
  });

  it("times out and closes the dialog when nobody answers", async () => {
    const h = controllableHost();
    const pending = new DialogTokenClient(h.host, { timeoutMs: 20 }).acquireInteractive(request);
    await expect(pending).rejects.toMatchObject({ code: "dialog_timeout" });
    expect(h.state.closed).toBe(1);
  });

  it("has no silent path", async () => {
    await expect(new DialogTokenClient(controllableHost().host).acquireSilent()).rejects.toMatchObject({
      code: "interaction_required",
    });
  });
});

describe("dialog protocol", () => {
  it("round-trips a request through the dialog URL", () => {
    const req = { scopes: ["a", "b"], loginHint: "x@y.com", claims: '{"access_token":{}}' };
    const url = dialogUrl(ORIGIN, req);
    expect(url.startsWith(`${ORIGIN}/auth-dialog.html?`)).toBe(true);
    expect(parseDialogRequest(new URL(url).search)).toEqual(req);
    expect(parseDialogRequest("")).toBeNull();
  });

  it.each([
    ["not json", "dialog_bad_message"],
    [JSON.stringify({ status: "success", accessToken: "", expiresOn: 1, scopes: [] }), "dialog_bad_message"],
    [JSON.stringify({ status: "success", accessToken: "t", scopes: [] }), "dialog_bad_message"],
    [JSON.stringify(null), "dialog_bad_message"],
  ])("never yields a token from a malformed message %s", (raw, code) => {
    expect(parseDialogMessage(raw)).toMatchObject({ status: "error", code });
  });
});

describe("officeAuthHostFrom", () => {
  type Handler = (arg: unknown) => void;
  function fakeOffice(openResult: { failed?: { code: number; message: string } }) {
    const handlers: Record<string, Handler> = {};
    const calls: { url: string; options: unknown }[] = [];
    let closed = 0;
    const office = {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: {
        DialogMessageReceived: "dialogMessageReceived",
        DialogEventReceived: "dialogEventReceived",
      },
      context: {
        mailbox: { userProfile: { emailAddress: "anna@contoso.com" } },
        requirements: {
          isSetSupported: (name: string, v?: string) => name === "NestedAppAuth" && v === "1.1",
        },
        ui: {
          displayDialogAsync: (url: string, options: unknown, cb: (r: unknown) => void) => {
            calls.push({ url, options });
            if (openResult.failed) cb({ status: "failed", error: openResult.failed });
            else
              cb({
                status: "succeeded",
                value: {
                  addEventHandler: (t: string, h: Handler) => (handlers[t] = h),
                  close: () => void closed++,
                },
              });
          },
        },
      },
    };
    return { office: office as unknown as typeof Office, handlers, calls, closed: () => closed };
  }

  it("exposes the user's address and requirement sets", () => {
    const host = officeAuthHostFrom(fakeOffice({}).office, ORIGIN);
    expect(host.userAddress).toBe("anna@contoso.com");
    expect(host.isSetSupported("NestedAppAuth", "1.1")).toBe(true);
    expect(host.isSetSupported("DialogApi", "1.1")).toBe(false);
  });

  it("wraps displayDialogAsync and forwards messages, events and close", async () => {
    const f = fakeOffice({});
    const dialog = await officeAuthHostFrom(f.office, ORIGIN).displayDialog(`${ORIGIN}/auth-dialog.html`, {
      height: 60,
      width: 30,
    });
    expect(f.calls[0]).toEqual({
      url: `${ORIGIN}/auth-dialog.html`,
      options: { height: 60, width: 30, displayInIframe: false },
    });
    const seen: unknown[] = [];
    dialog.onMessage((m, o) => seen.push([m, o]));
    dialog.onEvent((c) => seen.push(c));
    f.handlers.dialogMessageReceived!({ message: "hi", origin: ORIGIN });
    f.handlers.dialogEventReceived!({ error: 12006 });
    dialog.close();
    expect(seen).toEqual([["hi", ORIGIN], 12006]);
    expect(f.closed()).toBe(1);
  });

  it("rejects with the Office error code when the dialog cannot open (12007: one is already open)", async () => {
    const f = fakeOffice({ failed: { code: 12007, message: "already open" } });
    const opening = officeAuthHostFrom(f.office, ORIGIN).displayDialog("x", { height: 1, width: 1 });
    await expect(opening).rejects.toBeInstanceOf(DialogAuthError);
    await expect(opening).rejects.toMatchObject({ code: "12007" });
  });
});

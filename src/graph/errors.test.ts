import { GraphClientError, GraphError } from "@microsoft/microsoft-graph-client";
import { StoreError } from "../domain/errors";
import {
  fromHttpFailure,
  isFetchFailure,
  isNetworkError,
  isTransient,
  kindForStatus,
  MalformedResponseError,
  toStoreError,
} from "./errors";

function graphError(status: number, code: string, requestId = "req-1"): GraphError {
  const e = new GraphError(status, `${code} happened`);
  e.code = code;
  e.requestId = requestId;
  return e;
}

describe("error mapping", () => {
  it.each([
    [401, "unauthenticated"],
    [403, "forbidden"],
    [404, "notFound"],
    [409, "duplicate"],
    [412, "conflict"],
    [400, "invalid"],
    [429, "offline"],
    [503, "offline"],
    [504, "offline"],
    [500, "offline"],
    [418, "unknown"],
  ])("HTTP %i is %s", (status, kind) => {
    expect(kindForStatus(status)).toBe(kind);
    const mapped = toStoreError(graphError(status, "someCode"), "Reading");
    expect(mapped.kind).toBe(kind);
    expect(mapped.details).toMatchObject({ status, code: "someCode", requestId: "req-1" });
  });

  it("treats a dropped connection (fetch TypeError wrapped by the SDK) as offline", () => {
    const dropped = new GraphError(-1, "fetch failed");
    dropped.code = "TypeError";
    expect(isNetworkError(dropped)).toBe(true);
    expect(toStoreError(dropped).kind).toBe("offline");
    const raw = new TypeError("fetch failed");
    expect(toStoreError(raw).kind).toBe("offline");
    // What the SDK really throws for a closed socket: status -1, no code, the fetch error kept in body.
    const wrapped = new GraphError(-1, "");
    wrapped.code = null;
    wrapped.body = { name: "TypeError", message: "fetch failed", cause: { code: "UND_ERR_SOCKET" } };
    expect(toStoreError(wrapped).kind).toBe("offline");
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    expect(toStoreError(reset).kind).toBe("offline");
  });

  it("treats a failure before any HTTP status, not from the network, as sign-in", () => {
    const authFailed = new GraphError(-1, "user cancelled");
    authFailed.code = "BrowserAuthError";
    expect(toStoreError(authFailed).kind).toBe("unauthenticated");
  });

  it("passes StoreErrors through and keeps other errors as unknown", () => {
    const original = new StoreError("conflict", "x");
    expect(toStoreError(original)).toBe(original);
    expect(toStoreError(new RangeError("bad")).kind).toBe("unknown");
  });
});

// Every status → kind pair, pinned: the pane's messages and the outbox's "retry later" decision depend on them.
describe("kindForStatus, every pair", () => {
  it.each([
    [0, "offline"],
    [400, "invalid"],
    [401, "unauthenticated"],
    [402, "unknown"],
    [403, "forbidden"],
    [404, "notFound"],
    [405, "unknown"],
    [408, "offline"],
    [409, "duplicate"],
    [410, "unknown"],
    [412, "conflict"],
    [413, "unknown"],
    [422, "invalid"],
    [423, "unknown"],
    [424, "unknown"],
    [429, "offline"],
    [499, "unknown"],
    [500, "offline"],
    [501, "offline"],
    [502, "offline"],
    [503, "offline"],
    [504, "offline"],
    [599, "offline"],
    [200, "unknown"],
    [304, "unknown"],
    [-1, "unknown"],
  ])("%i → %s", (status, kind) => {
    expect(kindForStatus(status)).toBe(kind);
    expect(fromHttpFailure({ status }, "x").kind).toBe(kind);
  });
});

describe("fromHttpFailure", () => {
  it("says what failed with Graph's message, else its code, else the status", () => {
    const full = fromHttpFailure(
      { status: 409, code: "nameAlreadyExists", message: "Taken", requestId: "r1" },
      "Saving",
    );
    expect(full).toBeInstanceOf(StoreError);
    expect(full.message).toBe("Saving: Taken");
    expect(full.details).toEqual({ status: 409, code: "nameAlreadyExists", requestId: "r1" });
    expect(fromHttpFailure({ status: 412, code: "resourceModified" }, "Saving").message).toBe(
      "Saving: resourceModified",
    );
    expect(fromHttpFailure({ status: 418 }, "Saving").message).toBe("Saving: HTTP 418");
  });
});

describe("isNetworkError", () => {
  it.each([
    ["an aborted fetch", { name: "AbortError", message: "This operation was aborted" }],
    ["a fetch that timed out", { name: "TimeoutError", message: "The operation timed out" }],
    ["node-fetch's failure", { name: "FetchError", message: "request failed" }],
    ["a refused connection", Object.assign(new Error("connect"), { code: "ECONNREFUSED" })],
    ["an unknown host", { name: "Error", cause: { code: "ENOTFOUND" } }],
    ["undici's closed socket", { name: "Error", cause: { code: "UND_ERR_CLOSED" } }],
  ])("recognises %s", (_label, e) => {
    expect(isNetworkError(e)).toBe(true);
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a string", "ECONNRESET"],
    ["a programming error", new RangeError("bad")],
    ["another system error", Object.assign(new Error("x"), { code: "ERR_INVALID_ARG_TYPE" })],
    ["a code that only contains a network code", { cause: { code: "XECONNRESET" } }],
    ["a code that only starts with one", { cause: { code: "ECONNRESETX" } }],
    ["a code that is not a string", { cause: { code: ["ECONNRESET"] } }],
  ])("does not take %s for one", (_label, e) => {
    expect(isNetworkError(e)).toBe(false);
  });

  it("never takes an HTTP answer for a network failure, and reads the SDK's status-less wrapper", () => {
    const answered = new GraphError(504, "Gateway timeout");
    answered.code = "TimeoutError";
    expect(isNetworkError(answered)).toBe(false);
    expect(isNetworkError(new GraphError(503, "unavailable"))).toBe(false);
    const status0 = new GraphError(0, "");
    status0.body = { name: "TypeError", message: "fetch failed", cause: { code: "ECONNRESET" } };
    expect(isNetworkError(status0)).toBe(true);
  });
});

describe("toStoreError messages and details", () => {
  it("names the failure with a default when the caller does not", () => {
    expect(toStoreError(new RangeError("bad")).message).toBe("Graph request failed: bad");
    expect(toStoreError("text thrown").message).toBe("Graph request failed: text thrown");
  });

  it("keeps the network failure as the cause of an offline error", () => {
    const e = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    const mapped = toStoreError(e, "Saving");
    expect(mapped.kind).toBe("offline");
    expect(mapped.message).toBe("Saving: Microsoft Graph could not be reached");
    expect(mapped.details).toEqual({ cause: e });
  });

  it("reports a sign-in failure with the SDK's code, else its message", () => {
    const coded = new GraphError(-1, "user cancelled");
    coded.code = "BrowserAuthError";
    const mapped = toStoreError(coded, "Loading");
    expect(mapped.message).toBe("Loading: sign-in failed (BrowserAuthError)");
    expect(mapped.details).toEqual({ code: "BrowserAuthError", cause: coded });
    const uncoded = new GraphError(-1, "no account");
    uncoded.code = null;
    const bare = toStoreError(uncoded, "Loading");
    expect(bare.kind).toBe("unauthenticated");
    expect(bare.message).toBe("Loading: sign-in failed (no account)");
    expect(bare.details).toEqual({ code: undefined, cause: uncoded });
  });

  it.each(["TypeError", "RangeError", "ReferenceError", "SyntaxError", "MalformedResponseError"])(
    "treats a %s the SDK wrapped (a bug, not fetch's failure) as unknown, not as sign-in",
    (name) => {
      const bug = new GraphError(-1, "Cannot read properties of undefined (reading 'value')");
      bug.code = name;
      const mapped = toStoreError(bug, "Logging");
      expect(mapped.kind).toBe("unknown");
      expect(mapped.message).toBe(`Logging: ${name}: Cannot read properties of undefined (reading 'value')`);
      expect(mapped.details).toEqual({ code: name, cause: bug });
      expect(isTransient(mapped)).toBe(false);
    },
  );

  it("treats a GraphError with status 0 and no network failure as sign-in, not as an HTTP answer", () => {
    const e = new GraphError(0, "interaction required");
    e.code = "InteractionRequiredAuthError";
    expect(toStoreError(e).kind).toBe("unauthenticated");
  });

  it("keeps anything else as unknown with its cause, even when it looks like a status-less GraphError", () => {
    const odd = { statusCode: -1, message: "not a GraphError" };
    const mapped = toStoreError(odd, "Reading");
    expect(mapped.kind).toBe("unknown");
    expect(mapped.message).toBe("Reading: [object Object]");
    expect(mapped.details).toEqual({ cause: odd });
  });

  it("maps an HTTP GraphError without a code or request id to undefined details", () => {
    const e = new GraphError(404, "Item not found");
    e.code = null;
    e.requestId = null;
    expect(toStoreError(e, "Reading").details).toEqual({
      status: 404,
      code: undefined,
      requestId: undefined,
    });
  });
});

describe("isTransient", () => {
  it("is true only for offline", () => {
    expect(isTransient(new StoreError("offline", "x"))).toBe(true);
    for (const kind of [
      "forbidden",
      "unauthenticated",
      "conflict",
      "duplicate",
      "invalid",
      "unknown",
    ] as const)
      expect(isTransient(new StoreError(kind, "x"))).toBe(false);
  });
});

// fetch's own failure is told from a bug's TypeError by its exact message only: the whole message, trimmed.
describe("isFetchFailure", () => {
  it.each([
    ["Chromium's message with spaces around it", { name: "TypeError", message: "  Failed to fetch \n" }],
    [
      "Firefox's message without its full stop",
      { name: "TypeError", message: "NetworkError when attempting to fetch resource" },
    ],
    ["a message in another case", { name: "TypeError", message: "FETCH FAILED" }],
  ])("recognises %s", (_label, e) => {
    expect(isFetchFailure(e)).toBe(true);
  });

  it.each([
    ["null", null],
    ["a string", "Failed to fetch"],
    ["a number", 7],
    ["another error with fetch's message", { name: "Error", message: "Failed to fetch" }],
    ["a TypeError without a message", { name: "TypeError" }],
    ["a TypeError whose message is not text", { name: "TypeError", message: ["Failed to fetch"] }],
    [
      "a bug whose message starts like fetch's",
      { name: "TypeError", message: "Failed to fetch: x is undefined" },
    ],
    [
      "a bug whose message ends like fetch's",
      { name: "TypeError", message: "Decoding failed: fetch failed" },
    ],
    [
      "Firefox's message with two full stops",
      { name: "TypeError", message: "NetworkError when attempting to fetch resource.." },
    ],
  ])("does not take %s for one", (_label, e) => {
    expect(isFetchFailure(e)).toBe(false);
  });

  it("lets a status-less GraphError count as a network failure by its message only when its code is TypeError", () => {
    const other = new GraphError(-1, "Failed to fetch");
    other.code = "SyntaxError";
    expect(isNetworkError(other)).toBe(false);
    expect(toStoreError(other, "Reading").kind).toBe("unknown");
    const uncoded = new GraphError(-1, "Failed to fetch");
    uncoded.code = null;
    expect(isNetworkError(uncoded)).toBe(false);
  });
});

describe("toStoreError, each message exactly", () => {
  it("says a timed-out request did not answer in time, and a cancelled one was cancelled", () => {
    const timedOut = { name: "TimeoutError", message: "The operation timed out" };
    expect(toStoreError(timedOut, "Saving")).toMatchObject({
      kind: "offline",
      message: "Saving: Microsoft Graph did not answer in time",
      details: { code: "timeout", cause: timedOut },
    });
    const aborted = new GraphError(-1, "This operation was aborted");
    aborted.code = "AbortError";
    expect(toStoreError(aborted, "Saving")).toMatchObject({
      kind: "offline",
      message: "Saving: the request was cancelled",
      details: { code: "aborted", cause: aborted },
    });
  });

  it("keeps a GraphClientError that carries no StoreError as unknown, with its message", () => {
    const e = new GraphClientError("Unable to get the access token");
    const mapped = toStoreError(e, "Loading");
    expect(mapped).toBeInstanceOf(StoreError);
    expect(mapped.kind).toBe("unknown");
    expect(mapped.message).toBe("Loading: Unable to get the access token");
    const signIn = new StoreError("unauthenticated", "Sign in again");
    const carrying = new GraphClientError("wrapped");
    carrying.customError = signIn;
    expect(toStoreError(carrying)).toBe(signIn);
  });

  it("names a malformed answer as such", () => {
    const e = new MalformedResponseError("The $batch answer has no responses array");
    expect(e.name).toBe("MalformedResponseError");
    expect(e).toBeInstanceOf(TypeError);
    expect(String(e)).toBe("MalformedResponseError: The $batch answer has no responses array");
  });
});

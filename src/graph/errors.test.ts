import { GraphError } from "@microsoft/microsoft-graph-client";
import { StoreError } from "../domain/errors";
import { isNetworkError, kindForStatus, toStoreError } from "./errors";

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

// Only real network failures (and timeouts) are transient: a programming error or a malformed $batch answer is
// not "offline", so it is not retried forever as "Can't reach SharePoint".
import { GraphError, type Client } from "@microsoft/microsoft-graph-client";
import { BatchExecutor } from "./batch";
import { isNetworkError, isTransient, toStoreError } from "./errors";

describe("what counts as a network failure", () => {
  it.each([
    ["Chromium", "Failed to fetch"],
    ["Firefox", "NetworkError when attempting to fetch resource."],
    ["Safari", "Load failed"],
    ["Node", "fetch failed"],
  ])("fetch's own TypeError in %s is offline", (_browser, message) => {
    expect(toStoreError(new TypeError(message)).kind).toBe("offline");
    const wrapped = new GraphError(-1, message);
    wrapped.code = "TypeError";
    expect(toStoreError(wrapped).kind).toBe("offline");
  });

  it("a programming error's TypeError is not offline and not transient", () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'contactNo')");
    expect(isNetworkError(bug)).toBe(false);
    const mapped = toStoreError(bug, "Logging");
    expect(mapped.kind).toBe("unknown");
    expect(isTransient(mapped)).toBe(false);
    // The same, after the SDK wrapped it (thrown inside a middleware or the auth provider).
    const wrapped = new GraphError(-1, bug.message);
    wrapped.code = "TypeError";
    wrapped.body = bug.toString();
    expect(isNetworkError(wrapped)).toBe(false);
    expect(isTransient(toStoreError(wrapped))).toBe(false);
  });

  it("a malformed $batch answer is not transient and is not re-sent as if the connection had dropped", async () => {
    let posts = 0;
    const client = {
      api: () => ({
        post: async () => {
          posts++;
          return { value: "not a batch answer" };
        },
      }),
    } as unknown as Client;
    const batch = new BatchExecutor(client, "https://graph.microsoft.com", { sleep: async () => undefined });
    const failure = await batch
      .execute([{ id: "a", method: "GET", url: "/sites/x/lists/y/items" }], { networkRetries: 2 })
      .catch((e: unknown) => e);
    expect(isTransient(toStoreError(failure))).toBe(false);
    expect(posts).toBe(1);
  });

  it("a $batch answer missing one of the steps is not transient either", async () => {
    const client = {
      api: () => ({ post: async () => ({ responses: [{ id: "a", status: 200, body: {} }] }) }),
    } as unknown as Client;
    const batch = new BatchExecutor(client, "https://graph.microsoft.com");
    const failure = await batch
      .execute([
        { id: "a", method: "GET", url: "/sites/x/lists/y/items" },
        { id: "b", method: "GET", url: "/sites/x/lists/z/items" },
      ])
      .catch((e: unknown) => e);
    expect(toStoreError(failure).kind).toBe("unknown");
  });
});

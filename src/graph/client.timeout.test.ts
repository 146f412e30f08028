// No request waits forever: every Graph request has a deadline (30 s by default, configurable), a request that
// misses it is "offline" (transient, so the log goes to the outbox), and the body counts too.
import type { AuthenticationProvider } from "@microsoft/microsoft-graph-client";
import { StoreError } from "../domain/errors";
import { createGraphClient, DEFAULT_REQUEST_TIMEOUT_MS } from "./client";
import { isTransient, toStoreError } from "./errors";

const auth: AuthenticationProvider = { getAccessToken: async () => "token" };
const realFetch = globalThis.fetch;
afterEach(() => void (globalThis.fetch = realFetch));

/** A server that accepts the connection and never answers (or answers headers, then stalls the body). */
function hangingFetch(stallBody = false) {
  const seen: AbortSignal[] = [];
  globalThis.fetch = ((_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init?.signal;
      if (signal) seen.push(signal);
      signal?.addEventListener("abort", () =>
        reject(Object.assign(new Error("This operation was aborted"), { name: "AbortError" })),
      );
      if (stallBody)
        resolve(
          new Response(
            new ReadableStream({
              start(controller) {
                controller.enqueue(new TextEncoder().encode('{"value":['));
                signal?.addEventListener("abort", () => controller.error(new Error("aborted")));
              },
            }),
            { status: 200, headers: { "Content-Type": "application/json" } },
          ),
        );
    })) as typeof fetch;
  return seen;
}

describe("request deadline", () => {
  it("is 30 seconds unless configured", () => {
    expect(DEFAULT_REQUEST_TIMEOUT_MS).toBe(30_000);
  });

  it("a request that gets no answer fails as a transient timeout, and its connection is aborted", async () => {
    const seen = hangingFetch();
    const client = createGraphClient({
      baseUrl: "https://graph.microsoft.com",
      authProvider: auth,
      timeoutMs: 100,
    });
    const started = Date.now();
    const error = toStoreError(
      await client
        .api("/sites/root")
        .get()
        .catch((e: unknown) => e),
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(StoreError);
    expect(error.kind).toBe("offline");
    expect(error.details.code).toBe("timeout");
    expect(isTransient(error)).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.aborted)).toBe(true);
  }, 5000);

  it("a body that stops arriving counts against the same deadline", async () => {
    hangingFetch(true);
    const client = createGraphClient({
      baseUrl: "https://graph.microsoft.com",
      authProvider: auth,
      timeoutMs: 100,
    });
    const error = toStoreError(
      await client
        .api("/sites/root/lists")
        .get()
        .catch((e: unknown) => e),
    );
    expect(error.kind).toBe("offline");
    expect(error.details.code).toBe("timeout");
  }, 5000);

  it("a caller's signal aborts the request at once", async () => {
    hangingFetch();
    const controller = new AbortController();
    const client = createGraphClient({
      baseUrl: "https://graph.microsoft.com",
      authProvider: auth,
      signal: controller.signal,
    });
    const pending = client
      .api("/sites/root")
      .get()
      .catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 20);
    const error = toStoreError(await pending);
    expect(error.kind).toBe("offline");
    expect(error.details.code).toBe("aborted");
    // Nothing is sent any more once aborted.
    let fetched = false;
    globalThis.fetch = (async () => ((fetched = true), new Response("{}"))) as typeof fetch;
    await client
      .api("/sites/root")
      .get()
      .catch(() => undefined);
    expect(fetched).toBe(false);
  }, 5000);

  it("a fetch that fails at once (connection refused) is offline; answers still arrive whole", async () => {
    globalThis.fetch = (async () => {
      throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    }) as typeof fetch;
    const client = createGraphClient({
      baseUrl: "https://graph.microsoft.com",
      authProvider: auth,
      timeoutMs: 100,
    });
    expect(
      toStoreError(
        await client
          .api("/me")
          .get()
          .catch((e: unknown) => e),
      ).kind,
    ).toBe("offline");
    globalThis.fetch = (async () =>
      new Response(JSON.stringify({ id: "1" }), {
        headers: { "Content-Type": "application/json" },
      })) as typeof fetch;
    await expect(client.api("/me").get()).resolves.toEqual({ id: "1" });
    globalThis.fetch = (async () => new Response(null, { status: 204 })) as typeof fetch;
    await expect(client.api("/sites/x/lists/y/items/1").delete()).resolves.toBeUndefined();
  });

  it("a sign-in failure keeps its own StoreError through the SDK (kind and code)", async () => {
    const refusing: AuthenticationProvider = {
      getAccessToken: async () => {
        throw new StoreError("unauthenticated", "Sign-in needs you", { code: "interactionRequired" });
      },
    };
    const client = createGraphClient({ baseUrl: "https://graph.microsoft.com", authProvider: refusing });
    const error = toStoreError(
      await client
        .api("/me")
        .get()
        .catch((e: unknown) => e),
    );
    expect(error.kind).toBe("unauthenticated");
    expect(error.details.code).toBe("interactionRequired");
  });
});

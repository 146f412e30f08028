import type { Client } from "@microsoft/microsoft-graph-client";
import { BatchExecutor, chunkSteps, isSuccess, retryAfterSeconds, stepError, type BatchStep } from "./batch";

const get = (id: string, dependsOn?: string[]): BatchStep => ({
  id,
  method: "GET",
  url: `/x/${id}`,
  ...(dependsOn ? { dependsOn } : {}),
});

interface SentBatch {
  requests: {
    id: string;
    url: string;
    method: string;
    body?: unknown;
    headers?: Record<string, string>;
    dependsOn?: string[];
  }[];
}

/** A Client stand-in that records each $batch body and answers from a script. */
function fakeClient(answer: (batch: SentBatch, call: number) => unknown): {
  client: Client;
  sent: SentBatch[];
} {
  const sent: SentBatch[] = [];
  const client = {
    api: (path: string) => ({
      post: async (body: SentBatch) => {
        expect(path).toBe("/$batch");
        sent.push(JSON.parse(JSON.stringify(body)) as SentBatch);
        return answer(body, sent.length);
      },
    }),
  } as unknown as Client;
  return { client, sent };
}

const ok = (id: string, body: unknown = { id }) => ({
  id,
  status: 200,
  headers: { "content-type": "application/json" },
  body,
});

describe("chunkSteps", () => {
  it("splits 45 independent steps into 20 + 20 + 5", () => {
    const steps = Array.from({ length: 45 }, (_, i) => get(`s${i}`));
    expect(chunkSteps(steps).map((c) => c.length)).toEqual([20, 20, 5]);
  });

  it("keeps a step with what it depends on", () => {
    const steps = [...Array.from({ length: 19 }, (_, i) => get(`a${i}`)), get("p"), get("c", ["p"])];
    const chunks = chunkSteps(steps);
    const withChild = chunks.find((c) => c.some((s) => s.id === "c"))!;
    expect(withChild.some((s) => s.id === "p")).toBe(true);
    expect(chunks.every((c) => c.length <= 20)).toBe(true);
  });

  it("rejects duplicate ids and unknown dependencies", () => {
    expect(() => chunkSteps([get("a"), get("a")])).toThrow(/Duplicate/);
    expect(() => chunkSteps([get("a", ["zz"])])).toThrow(/unknown/);
  });
});

describe("retryAfterSeconds", () => {
  it("reads seconds or an HTTP date, else the fallback", () => {
    expect(retryAfterSeconds({ "Retry-After": "3" }, 1)).toBe(3);
    expect(
      retryAfterSeconds({ "retry-after": new Date(Date.now() + 10_000).toUTCString() }, 1),
    ).toBeGreaterThan(8);
    expect(retryAfterSeconds({}, 1.5)).toBe(1.5);
  });
});

describe("BatchExecutor", () => {
  it("sends sub-request URLs relative to the version, with Content-Type on bodies, and parses answers", async () => {
    const { client, sent } = fakeClient((b) => ({
      responses: b.requests.map((r) => ok(r.id, { echo: r.id })),
    }));
    const ex = new BatchExecutor(client, "https://127.0.0.1:1234");
    const res = await ex.execute([
      get("a"),
      { id: "b", method: "POST", url: "/sites/s/lists/l/items", body: { fields: { Title: "x" } } },
    ]);
    expect(sent[0]!.requests[0]!.url).toBe("/x/a");
    const post = sent[0]!.requests[1]!;
    expect(post.url).toBe("/sites/s/lists/l/items");
    expect(post.body).toEqual({ fields: { Title: "x" } });
    expect(post.headers?.["content-type"]).toBe("application/json");
    expect(res.get("b")).toMatchObject({ status: 200, body: { echo: "b" } });
  });

  it("re-sends only throttled sub-requests after their Retry-After, bounded", async () => {
    const waits: number[] = [];
    const { client, sent } = fakeClient((b, call) => ({
      responses: b.requests.map((r) =>
        r.id === "b" && call === 1
          ? {
              id: "b",
              status: 429,
              headers: { "Retry-After": "2" },
              body: { error: { code: "activityLimitReached" } },
            }
          : ok(r.id),
      ),
    }));
    const ex = new BatchExecutor(client, "https://h", { sleep: async (ms) => void waits.push(ms) });
    const res = await ex.execute([get("a"), get("b"), get("c")]);
    expect(sent.map((s) => s.requests.map((r) => r.id))).toEqual([["a", "b", "c"], ["b"]]);
    expect(waits).toEqual([2000]);
    expect(res.get("b")!.status).toBe(200);
  });

  it("re-sends a 424 dependant together with its throttled dependency", async () => {
    const { client, sent } = fakeClient((b, call) => ({
      responses: b.requests.map((r) =>
        call === 1 && r.id === "p"
          ? { id: "p", status: 503, headers: { "Retry-After": "0" } }
          : call === 1 && r.id === "c"
            ? { id: "c", status: 424 }
            : ok(r.id),
      ),
    }));
    const ex = new BatchExecutor(client, "https://h", { sleep: async () => undefined });
    const res = await ex.execute([get("p"), get("c", ["p"])]);
    expect(sent[1]!.requests.map((r) => [r.id, r.dependsOn])).toEqual([
      ["p", undefined],
      ["c", ["p"]],
    ]);
    expect(res.get("c")!.status).toBe(200);
  });

  it("gives up after maxRetries and returns the throttled answer", async () => {
    const { client, sent } = fakeClient((b) => ({
      responses: b.requests.map((r) => ({ id: r.id, status: 429, headers: { "Retry-After": "1" } })),
    }));
    const ex = new BatchExecutor(client, "https://h", { sleep: async () => undefined, maxRetries: 2 });
    const res = await ex.execute([get("a")]);
    expect(sent).toHaveLength(3);
    expect(res.get("a")!.status).toBe(429);
  });

  it("caps a huge Retry-After at maxDelaySeconds", async () => {
    const waits: number[] = [];
    const { client } = fakeClient((b, call) => ({
      responses: b.requests.map((r) =>
        call === 1 ? { id: r.id, status: 429, headers: { "Retry-After": "3600" } } : ok(r.id),
      ),
    }));
    const ex = new BatchExecutor(client, "https://h", {
      sleep: async (ms) => void waits.push(ms),
      maxDelaySeconds: 5,
    });
    await ex.execute([get("a")]);
    expect(waits).toEqual([5000]);
  });

  it("re-posts a chunk whose answer was lost only when allowed", async () => {
    let calls = 0;
    const client = {
      api: () => ({
        post: async (b: SentBatch) => {
          calls++;
          if (calls === 1) throw Object.assign(new TypeError("fetch failed"), {});
          return { responses: b.requests.map((r) => ok(r.id)) };
        },
      }),
    } as unknown as Client;
    const ex = new BatchExecutor(client, "https://h", { sleep: async () => undefined });
    await expect(ex.execute([get("a")])).rejects.toThrow("fetch failed");
    calls = 0;
    const res = await ex.execute([get("a")], { networkRetries: 1 });
    expect(calls).toBe(2);
    expect(res.get("a")!.status).toBe(200);
  });

  it("handles a 204 answer and a lower-case content-type", async () => {
    const { client } = fakeClient(() => ({
      responses: [
        { id: "d", status: 204, headers: {}, body: null },
        {
          id: "g",
          status: 200,
          headers: { "content-type": "application/json; odata.metadata=minimal" },
          body: { value: [1] },
        },
      ],
    }));
    const ex = new BatchExecutor(client, "https://h");
    const res = await ex.execute([{ id: "d", method: "DELETE", url: "/x" }, get("g")]);
    expect(res.get("d")).toMatchObject({ status: 204, body: undefined });
    expect(res.get("g")!.body).toEqual({ value: [1] });
  });

  it("fails loudly when the answer misses a step", async () => {
    const { client } = fakeClient(() => ({ responses: [ok("a")] }));
    await expect(new BatchExecutor(client, "https://h").execute([get("a"), get("b")])).rejects.toThrow(
      /no response for step "b"/,
    );
  });
});

// What mutation testing showed the tests above did not pin: exact limits, the Retry-After arithmetic, the retry
// schedules, the shape of each sub-request and how raw sub-responses are made parseable.
describe("chunkSteps limits", () => {
  const chain = (n: number, prefix = "d") =>
    Array.from({ length: n }, (_, i) => get(`${prefix}${i}`, i > 0 ? [`${prefix}${i - 1}`] : undefined));

  it("keeps a dependency group of exactly the limit in one chunk and refuses one step more", () => {
    expect(chunkSteps(chain(20)).map((c) => c.length)).toEqual([20]);
    expect(() => chunkSteps(chain(21))).toThrow(
      new RangeError("A dependency group of 21 steps exceeds the $batch limit of 20"),
    );
    expect(chunkSteps(chain(3), 3).map((c) => c.length)).toEqual([3]);
  });

  it("starts a new chunk only when the next group would not fit", () => {
    const steps = [...chain(15, "a"), ...chain(5, "b"), ...chain(2, "c")];
    expect(chunkSteps(steps).map((c) => c.map((s) => s.id[0]).join(""))).toEqual([
      "a".repeat(15) + "b".repeat(5),
      "cc",
    ]);
  });

  it("gives no chunk at all for no steps", () => {
    expect(chunkSteps([])).toEqual([]);
  });
});

describe("retryAfterSeconds arithmetic", () => {
  const now = Date.UTC(2024, 4, 1, 12, 0, 0); // whole seconds: an HTTP date has no milliseconds
  beforeEach(() => jest.spyOn(Date, "now").mockReturnValue(now));
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ["seconds", "7", 7],
    ["fractional seconds", "1.5", 1.5],
    ["zero", "0", 0],
    ["negative seconds, as no wait", "-5", 0],
    ["an HTTP date 10 s ahead", new Date(now + 10_000).toUTCString(), 10],
    ["an HTTP date 90 s ahead", new Date(now + 90_000).toUTCString(), 90],
    ["an HTTP date in the past, as no wait", new Date(now - 30_000).toUTCString(), 0],
    ["garbage, as the fallback", "soon", 4],
  ])("reads %s", (_label, value, seconds) => {
    expect(retryAfterSeconds({ "Retry-After": value }, 4)).toBe(seconds);
  });

  it("finds the header whatever its case, and uses the fallback without one", () => {
    expect(retryAfterSeconds({ "RETRY-AFTER": "3" }, 1)).toBe(3);
    expect(retryAfterSeconds({ "x-other": "3" }, 2.5)).toBe(2.5);
  });
});

describe("BatchExecutor retry schedule", () => {
  const throttle = (id: string, retryAfter?: string) => ({
    id,
    status: 429,
    headers: retryAfter === undefined ? {} : { "Retry-After": retryAfter },
  });

  it("doubles the default wait each round when Retry-After is missing (1 s, 2 s, 4 s)", async () => {
    const waits: number[] = [];
    const { client, sent } = fakeClient((b) => ({ responses: b.requests.map((r) => throttle(r.id)) }));
    const ex = new BatchExecutor(client, "https://h", {
      sleep: async (ms) => void waits.push(ms),
      maxRetries: 3,
    });
    const res = await ex.execute([get("a")]);
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(sent).toHaveLength(4);
    expect(res.get("a")!.status).toBe(429);
  });

  it("starts from defaultDelaySeconds when given", async () => {
    const waits: number[] = [];
    const { client } = fakeClient((b) => ({ responses: b.requests.map((r) => throttle(r.id)) }));
    const ex = new BatchExecutor(client, "https://h", {
      sleep: async (ms) => void waits.push(ms),
      maxRetries: 2,
      defaultDelaySeconds: 3,
    });
    await ex.execute([get("a")]);
    expect(waits).toEqual([3000, 6000]);
  });

  it("waits for the longest Retry-After among the throttled steps", async () => {
    const waits: number[] = [];
    const { client } = fakeClient((b, call) => ({
      responses: b.requests.map((r) =>
        call > 1
          ? ok(r.id)
          : r.id === "a"
            ? throttle("a", "2")
            : r.id === "b"
              ? throttle("b", "5")
              : ok(r.id),
      ),
    }));
    const ex = new BatchExecutor(client, "https://h", { sleep: async (ms) => void waits.push(ms) });
    await ex.execute([get("a"), get("b"), get("c")]);
    expect(waits).toEqual([5000]);
  });

  it("retries 5 times by default and never more than 10", async () => {
    for (const [maxRetries, posts] of [
      [undefined, 6],
      [0, 1],
      [50, 11],
    ] as const) {
      const { client, sent } = fakeClient((b) => ({ responses: b.requests.map((r) => throttle(r.id, "0")) }));
      const ex = new BatchExecutor(client, "https://h", {
        sleep: async () => undefined,
        ...(maxRetries === undefined ? {} : { maxRetries }),
      });
      await ex.execute([get("a")]);
      expect(sent).toHaveLength(posts);
    }
  });

  it("caps each wait at 60 s by default", async () => {
    const waits: number[] = [];
    const { client } = fakeClient((b, call) => ({
      responses: b.requests.map((r) => (call === 1 ? throttle(r.id, "600") : ok(r.id))),
    }));
    await new BatchExecutor(client, "https://h", { sleep: async (ms) => void waits.push(ms) }).execute([
      get("a"),
    ]);
    expect(waits).toEqual([60_000]);
  });

  it("sleeps for real (setTimeout) when no sleep is injected", async () => {
    jest.useFakeTimers();
    try {
      const { client, sent } = fakeClient((b, call) => ({
        responses: b.requests.map((r) => (call === 1 ? throttle(r.id, "1") : ok(r.id))),
      }));
      let done = false;
      const run = new BatchExecutor(client, "https://h").execute([get("a")]).then((res) => {
        done = true;
        return res;
      });
      await jest.advanceTimersByTimeAsync(999);
      expect(sent).toHaveLength(1);
      expect(done).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect((await run).get("a")!.status).toBe(200);
      expect(sent).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });
});

// The SDK's BatchRequestContent accepts only three dependency shapes in one $batch: none, a serial chain (each
// step depends on the one before), or every step depending on the first. These tests stay within them.
describe("BatchExecutor dependants of throttled steps", () => {
  it("re-sends a whole 424 chain together with its throttled first step", async () => {
    const { client, sent } = fakeClient((b, call) => ({
      responses: b.requests.map((r) =>
        call > 1
          ? ok(r.id)
          : r.id === "p"
            ? { id: "p", status: 429, headers: { "Retry-After": "0" } }
            : { id: r.id, status: 424 },
      ),
    }));
    const ex = new BatchExecutor(client, "https://h", { sleep: async () => undefined });
    const res = await ex.execute([get("p"), get("c", ["p"]), get("d", ["c"])]);
    expect(sent[1]!.requests.map((r) => [r.id, r.dependsOn])).toEqual([
      ["p", undefined],
      ["c", ["p"]],
      ["d", ["c"]],
    ]);
    expect(["p", "c", "d"].map((id) => res.get(id)!.status)).toEqual([200, 200, 200]);
  });

  it("re-sends a throttled dependant alone, without its dependency that already succeeded", async () => {
    const { client, sent } = fakeClient((b, call) => ({
      responses: b.requests.map((r) =>
        call === 1 && r.id === "c" ? { id: "c", status: 429, headers: { "Retry-After": "0" } } : ok(r.id),
      ),
    }));
    const ex = new BatchExecutor(client, "https://h", { sleep: async () => undefined });
    const res = await ex.execute([get("p"), get("c", ["p"])]);
    expect(sent[1]!.requests).toEqual([{ id: "c", method: "GET", url: "/x/c" }]);
    expect(res.get("c")!.status).toBe(200);
  });

  it("does not re-send a dependant that got its own answer", async () => {
    const { client, sent } = fakeClient((b, call) => ({
      responses: b.requests.map((r) =>
        call > 1
          ? ok(r.id)
          : r.id === "p"
            ? { id: "p", status: 504, headers: { "Retry-After": "0" } }
            : { id: r.id, status: 400, body: { error: { code: "invalidRequest" } } },
      ),
    }));
    const ex = new BatchExecutor(client, "https://h", { sleep: async () => undefined });
    const res = await ex.execute([get("p"), get("bad", ["p"])]);
    expect(sent[1]!.requests.map((r) => r.id)).toEqual(["p"]);
    expect(res.get("bad")!.status).toBe(400);
  });

  it("does not re-send a 424 that depends on nothing re-sent", async () => {
    const { client, sent } = fakeClient((b, call) => ({
      responses: b.requests.map((r) =>
        call > 1
          ? ok(r.id)
          : r.id === "p"
            ? { id: "p", status: 503, headers: { "Retry-After": "0" } }
            : { id: r.id, status: 424 },
      ),
    }));
    const ex = new BatchExecutor(client, "https://h", { sleep: async () => undefined });
    const res = await ex.execute([get("p"), get("none"), get("empty", [])]);
    expect(sent[1]!.requests.map((r) => r.id)).toEqual(["p"]);
    expect(res.get("none")!.status).toBe(424);
    expect(res.get("empty")!.status).toBe(424);
  });
});

describe("BatchExecutor network retries", () => {
  const failingClient = (failures: number) => {
    let calls = 0;
    const client = {
      api: () => ({
        post: async (b: SentBatch) => {
          calls++;
          if (calls <= failures)
            throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
          return { responses: b.requests.map((r) => ok(r.id)) };
        },
      }),
    } as unknown as Client;
    return { client, calls: () => calls };
  };

  it("backs off 250 ms, 500 ms, 1 s between re-posts of a lost chunk", async () => {
    const waits: number[] = [];
    const { client, calls } = failingClient(3);
    const ex = new BatchExecutor(client, "https://h", {
      sleep: async (ms) => void waits.push(ms),
      networkRetries: 3,
    });
    const res = await ex.execute([get("a")]);
    expect(waits).toEqual([250, 500, 1000]);
    expect(calls()).toBe(4);
    expect(res.get("a")!.status).toBe(200);
  });

  it("ends when the network fails on every attempt: networkRetries + 1 posts, then the error", async () => {
    const waits: number[] = [];
    const { client, calls } = failingClient(Number.POSITIVE_INFINITY);
    const ex = new BatchExecutor(client, "https://h", { sleep: async (ms) => void waits.push(ms) });
    await expect(ex.execute([get("a")], { networkRetries: 2 })).rejects.toThrow("fetch failed");
    expect(calls()).toBe(3);
    expect(waits).toEqual([250, 500]);
  });

  it("does not re-post after an error that is not a network failure", async () => {
    let calls = 0;
    const client = {
      api: () => ({
        post: async () => {
          calls++;
          throw new RangeError("bug");
        },
      }),
    } as unknown as Client;
    const ex = new BatchExecutor(client, "https://h", { sleep: async () => undefined, networkRetries: 3 });
    await expect(ex.execute([get("a")])).rejects.toThrow("bug");
    expect(calls).toBe(1);
  });
});

describe("BatchExecutor sub-requests", () => {
  it("adds the leading slash to a relative URL and strips only the version prefix", async () => {
    const { client, sent } = fakeClient((b) => ({ responses: b.requests.map((r) => ok(r.id)) }));
    await new BatchExecutor(client, "https://h").execute([{ id: "a", method: "GET", url: "x/a?$top=1" }]);
    expect(sent[0]!.requests[0]!.url).toBe("/x/a?$top=1");
    // A Graph root behind a path (a proxy) keeps that path: only a leading /v1.0/ is the version.
    const proxied = fakeClient((b) => ({ responses: b.requests.map((r) => ok(r.id)) }));
    await new BatchExecutor(proxied.client, "https://h/proxy").execute([get("a")]);
    expect(proxied.sent[0]!.requests[0]!.url).toBe("/proxy/v1.0/x/a");
  });

  it("sends neither a body nor a Content-Type for a step without a body, and keeps the step's own headers", async () => {
    const { client, sent } = fakeClient((b) => ({ responses: b.requests.map((r) => ok(r.id)) }));
    await new BatchExecutor(client, "https://h").execute([
      get("a"),
      { id: "b", method: "DELETE", url: "/x/b", headers: { "If-Match": '"e,1"' } },
      { id: "c", method: "PATCH", url: "/x/c", body: { Title: "t" }, headers: { "If-Match": "*" } },
    ]);
    const [a, b, c] = sent[0]!.requests;
    expect(a).toEqual({ id: "a", method: "GET", url: "/x/a" });
    expect(b).toEqual({ id: "b", method: "DELETE", url: "/x/b", headers: { "if-match": '"e,1"' } });
    expect(c).toEqual({
      id: "c",
      method: "PATCH",
      url: "/x/c",
      headers: { "content-type": "application/json", "if-match": "*" },
      body: { Title: "t" },
    });
  });

  it.each([
    ["no answer at all", undefined],
    ["null", null],
    ["an answer without responses", {}],
    ["responses that are not an array", { responses: { a: 1 } }],
  ])("refuses %s", async (_label, answer) => {
    const { client } = fakeClient(() => answer);
    await expect(new BatchExecutor(client, "https://h").execute([get("a")])).rejects.toThrow(
      new TypeError("The $batch answer has no responses array"),
    );
  });
});

describe("BatchExecutor sub-responses (normalizeRawStep)", () => {
  async function answer(
    raw: Record<string, unknown>,
  ): Promise<{ status: number; headers: Record<string, string>; body: unknown }> {
    const { client } = fakeClient(() => ({ responses: [{ id: "a", ...raw }] }));
    return (await new BatchExecutor(client, "https://h").execute([get("a")])).get("a")!;
  }

  it("parses a JSON body that came without any Content-Type", async () => {
    const r = await answer({ status: 200, body: { value: [1, 2] } });
    expect(r.body).toEqual({ value: [1, 2] });
    expect(r.headers["content-type"]).toBe("application/json");
  });

  it("keeps a Content-Type in any spelling as sent, parameters included", async () => {
    for (const name of ["content-type", "CONTENT-TYPE", "Content-Type"]) {
      const r = await answer({
        status: 200,
        headers: { [name]: "application/json; odata.metadata=minimal", "request-id": "r1" },
        body: { id: "1" },
      });
      expect(r.body).toEqual({ id: "1" });
      expect(r.headers).toEqual({
        "content-type": "application/json; odata.metadata=minimal",
        "request-id": "r1",
      });
    }
  });

  it("keeps a text body as text", async () => {
    const r = await answer({ status: 200, body: "plain words" });
    expect(r.body).toBe("plain words");
    expect(r.headers["content-type"]).toMatch(/^text\/plain/);
  });

  it.each([
    ["a 204 with a body", { status: 204, headers: { "Content-Type": "application/json" }, body: {} }],
    ["a 204 with an empty string", { status: 204, body: "" }],
    ["a 204 with null", { status: 204, body: null }],
    ["a 304 with a body", { status: 304, body: { id: "1" } }],
    [
      "a 200 with null and a JSON Content-Type",
      { status: 200, headers: { "content-type": "application/json" }, body: null },
    ],
    ["a 200 without a body", { status: 200 }],
  ])("reads %s as no body", async (_label, raw) => {
    const r = await answer(raw);
    expect(r.status).toBe(raw.status);
    expect(r.body).toBeUndefined();
  });

  it("adds no Content-Type to an answer without a body", async () => {
    expect((await answer({ status: 204, body: null })).headers).toEqual({});
    expect(await answer({ status: 200, body: null })).toEqual({
      id: "a",
      status: 200,
      headers: {},
      body: undefined,
    });
    expect((await answer({ status: 200, headers: { ETag: '"e,2"' } })).headers).toEqual({ etag: '"e,2"' });
  });
});

describe("stepError and isSuccess", () => {
  const result = (status: number, body?: unknown, headers: Record<string, string> = {}) => ({
    id: "a",
    status,
    headers,
    body,
  });

  it("reads Graph's error from a sub-response, the request id from innerError first", () => {
    expect(
      stepError(
        result(
          409,
          { error: { code: "nameAlreadyExists", message: "Taken", innerError: { "request-id": "inner" } } },
          { "request-id": "outer" },
        ),
      ),
    ).toEqual({ status: 409, code: "nameAlreadyExists", message: "Taken", requestId: "inner" });
    expect(
      stepError(result(503, { error: { code: "serviceNotAvailable" } }, { "request-id": "outer" })),
    ).toEqual({
      status: 503,
      code: "serviceNotAvailable",
      message: undefined,
      requestId: "outer",
    });
    expect(stepError(result(500))).toEqual({
      status: 500,
      code: undefined,
      message: undefined,
      requestId: undefined,
    });
    expect(stepError(result(502, "Bad gateway"))).toEqual({
      status: 502,
      code: undefined,
      message: undefined,
      requestId: undefined,
    });
  });

  it.each([
    [199, false],
    [200, true],
    [201, true],
    [204, true],
    [299, true],
    [300, false],
    [404, false],
  ])("isSuccess(%i) is %s", (status, expected) => {
    expect(isSuccess(result(status))).toBe(expected);
  });

  it("isSuccess(undefined) is false", () => {
    expect(isSuccess(undefined)).toBe(false);
  });
});

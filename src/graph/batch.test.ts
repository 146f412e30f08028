import type { Client } from "@microsoft/microsoft-graph-client";
import { BatchExecutor, chunkSteps, retryAfterSeconds, type BatchStep } from "./batch";

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

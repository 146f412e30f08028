// $batch envelope rules and faults (per request and inside $batch), driven by the SDK's batch and retry helpers.
import https from "node:https";
import { readFileSync } from "node:fs";
import path from "node:path";
import { BatchRequestContent, BatchResponseContent, type Client } from "@microsoft/microsoft-graph-client";
import { ADMIN_SECRET_HEADER, type RunningEmulator } from "../../dev/emulator";
import { createList, HOST, raw, sdk, SITE_PATH, start, token, type GraphJson } from "./helpers";

let emulator: RunningEmulator;
let client: Client;
let siteId: string;
let listId: string;
let items: string;

beforeAll(async () => {
  emulator = await start();
  client = sdk(emulator);
  siteId = (await client.api(`/sites/${HOST}:${SITE_PATH}`).get()).id;
  listId = (await createList(client, siteId)).id;
  items = `/sites/${siteId}/lists/${listId}/items`;
});
afterEach(() => emulator.setFaults({}));
afterAll(() => emulator.close());

function step(id: string, fields: Record<string, unknown>, dependsOn?: string[]) {
  return {
    id,
    method: "POST",
    url: `/v1.0${items}`,
    headers: { "Content-Type": "application/json" },
    body: fields === undefined ? undefined : { fields },
    ...(dependsOn ? { dependsOn } : {}),
  };
}

describe("$batch", () => {
  it("runs requests built by BatchRequestContent; BatchResponseContent parses each body", async () => {
    const content = new BatchRequestContent([
      {
        id: "1",
        request: new Request(`https://127.0.0.1/v1.0${items}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ fields: { Title: "b1", EntryKey: "batch-1" } }),
        }),
      },
      {
        id: "2",
        request: new Request(`https://127.0.0.1/v1.0${items}?$expand=fields`, { method: "GET" }),
        dependsOn: ["1"],
      },
    ]);
    const res = new BatchResponseContent(await client.api("/$batch").post(await content.getContent()));
    const created = res.getResponseById("1");
    expect(created.status).toBe(201);
    expect((await created.json()).fields.Title).toBe("b1");
    const listed = await res.getResponseById("2").json();
    expect(listed.value.map((i: GraphJson) => i.fields.Title)).toContain("b1");
  });

  it("accepts sub-request urls without the /v1.0 prefix and counts sub-requests in stats", async () => {
    emulator.resetStats();
    const res = await raw(emulator, "POST", "/v1.0/$batch", {
      body: {
        requests: [
          { id: "a", method: "GET", url: `sites/${siteId}` },
          { id: "b", method: "GET", url: `/sites/${siteId}/lists` },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.responses.map((r: GraphJson) => [r.id, r.status])).toEqual([
      ["a", 200],
      ["b", 200],
    ]);
    expect(res.body.responses[0]?.headers["Content-Type"]).toBe("application/json");
    const stats = emulator.stats();
    expect(stats.http.total).toBe(1);
    expect(stats.http.byKind.batch).toBe(1);
    expect(stats.batchParts.total).toBe(2);
    expect(stats.batchParts.byKind).toEqual({ site: 1, lists: 1 });
  });

  it("refuses more than 20 requests and duplicate ids with 400", async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: "GET",
      url: `/sites/${siteId}`,
    }));
    await expect(client.api("/$batch").post({ requests: many })).rejects.toMatchObject({
      statusCode: 400,
      code: "invalidRequest",
      message: expect.stringContaining("20"),
    });
    const dup = [
      { id: "x", method: "GET", url: `/sites/${siteId}` },
      { id: "x", method: "GET", url: `/sites/${siteId}` },
    ];
    await expect(client.api("/$batch").post({ requests: dup })).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining("'x'"),
    });
    const unknownDep = [{ id: "a", method: "GET", url: `/sites/${siteId}`, dependsOn: ["zz"] }];
    await expect(client.api("/$batch").post({ requests: unknownDep })).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it("answers 400 for a sub-request with a body but no Content-Type, and 424 for its dependents", async () => {
    const noType = { id: "1", method: "POST", url: items, body: { fields: { Title: "no type" } } };
    const res = await client.api("/$batch").post({
      requests: [noType, step("2", { Title: "after" }, ["1"]), step("3", { Title: "independent" })],
    });
    const byId = Object.fromEntries(res.responses.map((r: GraphJson) => [r.id, r]));
    expect(byId["1"].status).toBe(400);
    expect(byId["1"].body.error.code).toBe("invalidRequest");
    expect(byId["2"].status).toBe(424);
    expect(byId["3"].status).toBe(201);
    const titles = (await client.api(items).expand("fields").top(999).get()).value.map(
      (i: GraphJson) => i.fields.Title,
    );
    expect(titles).toContain("independent");
    expect(titles).not.toContain("after");
    expect(titles).not.toContain("no type");
  });

  it("answers 429 with Retry-After for individual sub-requests when faults are on", async () => {
    // Only paths under /sites are faulted, so the outer /$batch itself always goes through.
    emulator.setFaults({ rate429: 0.5, seed: 7, retryAfterSeconds: 1, paths: ["/sites/**"] });
    const requests = Array.from({ length: 10 }, (_, i) => ({
      id: `g${i}`,
      method: "GET",
      url: `/sites/${siteId}`,
    }));
    const res = await raw(emulator, "POST", "/v1.0/$batch", { body: { requests } });
    expect(res.status).toBe(200);
    const throttled = res.body.responses.filter((r: GraphJson) => r.status === 429);
    const ok = res.body.responses.filter((r: GraphJson) => r.status === 200);
    expect(throttled.length).toBeGreaterThan(0);
    expect(ok.length).toBeGreaterThan(0);
    expect(throttled[0]?.headers).toMatchObject({ "Retry-After": "1", "Content-Type": "application/json" });
    expect(throttled[0]?.body.error.code).toBe("activityLimitReached");
  });
});

describe("faults", () => {
  it("is deterministic for a seed", async () => {
    const run = async () => {
      emulator.setFaults({ rate429: 0.3, rate503: 0.2, seed: 42 });
      const statuses = [];
      for (let i = 0; i < 12; i++)
        statuses.push((await raw(emulator, "GET", `/v1.0/sites/${siteId}`)).status);
      return statuses;
    };
    const a = await run();
    expect(a).toContain(429);
    expect(a).toContain(503);
    expect(a).toContain(200);
    expect(await run()).toEqual(a);
  });

  it("limits faults to matching paths", async () => {
    emulator.setFaults({ rate429: 1, paths: ["**/items"] });
    expect((await raw(emulator, "GET", `/v1.0/sites/${siteId}`)).status).toBe(200);
    const res = await raw(emulator, "GET", `/v1.0${items}`);
    expect(res.status).toBe(429);
    expect(res.headers["retry-after"]).toBe("1");
  });

  it("the SDK's RetryHandler waits for Retry-After and then succeeds", async () => {
    // Every request to the site is throttled until the first 429 has been served; faults then go off, and the
    // retry, sent only after Retry-After (1 s), succeeds. Watching the in-process counter (not a fixed delay)
    // keeps this independent of how loaded the machine is.
    emulator.setFaults({ rate429: 1, retryAfterSeconds: 1, paths: ["/sites/*"] });
    const served429 = emulator.stats().faults["429"] ?? 0;
    const watcher = setInterval(() => {
      if ((emulator.stats().faults["429"] ?? 0) > served429) {
        emulator.setFaults({});
        clearInterval(watcher);
      }
    }, 2);
    const started = Date.now();
    const site = await client
      .api(`/sites/${siteId}`)
      .get()
      .finally(() => clearInterval(watcher));
    expect(site.id).toBe(siteId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(emulator.stats().faults["429"]).toBeGreaterThanOrEqual(1);
  });

  it("delays slow requests", async () => {
    emulator.setFaults({ slowRate: 1, slowMs: 300 });
    const t0 = Date.now();
    expect((await raw(emulator, "GET", `/v1.0/sites/${siteId}`)).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it("drops connections before or after applying a write, as configured", async () => {
    const count = async () => (await client.api(items).top(999).get()).value.length;
    const before = await count();
    emulator.setFaults({ dropRate: 1, dropAfterShare: 0, paths: ["**/items"] });
    await expect(
      raw(emulator, "POST", `/v1.0${items}`, { body: { fields: { Title: "lost before" } } }),
    ).rejects.toThrow(/socket hang up|ECONNRESET/);
    emulator.setFaults({});
    expect(await count()).toBe(before);
    emulator.setFaults({ dropRate: 1, dropAfterShare: 1, paths: ["**/items"] });
    await expect(
      raw(emulator, "POST", `/v1.0${items}`, { body: { fields: { Title: "lost answer" } } }),
    ).rejects.toThrow(/socket hang up|ECONNRESET/);
    emulator.setFaults({});
    expect(await count()).toBe(before + 1);
    const stats = emulator.stats().faults;
    expect(stats.dropBefore).toBeGreaterThanOrEqual(1);
    expect(stats.dropAfter).toBeGreaterThanOrEqual(1);
  });

  it("configures faults, threshold and users through the admin endpoints and validates them", async () => {
    const put = await raw(emulator, "PUT", "/_emulator/faults", {
      body: { rate503: 1, seed: 3 },
      token: null,
    });
    expect(put.status).toBe(200);
    expect((await raw(emulator, "GET", `/v1.0/sites/${siteId}`)).status).toBe(503);
    expect((await raw(emulator, "PUT", "/_emulator/faults", { body: {}, token: null })).status).toBe(200);
    expect(
      (await raw(emulator, "PUT", "/_emulator/faults", { body: { rate429: 2 }, token: null })).status,
    ).toBe(400);
    expect(
      (await raw(emulator, "PUT", "/_emulator/faults", { body: { bogus: 1 }, token: null })).status,
    ).toBe(400);
    const cfg = await raw(emulator, "PUT", "/_emulator/config", {
      body: { threshold: 10, readonlyUsers: ["R@x.com"] },
      token: null,
    });
    expect(cfg.body).toEqual({ threshold: 10, readonlyUsers: ["r@x.com"], noManageUsers: [] });
    expect(
      (await raw(emulator, "POST", `/v1.0${items}`, { body: { fields: {} }, token: token("r@x.com") }))
        .status,
    ).toBe(403);
    await raw(emulator, "PUT", "/_emulator/config", {
      body: { threshold: 5000, readonlyUsers: [] },
      token: null,
    });
  });
});

it("serves HTTPS that Node trusts through the dev CA (customHosts accepts 127.0.0.1)", async () => {
  const ca = readFileSync(path.resolve(__dirname, "..", "..", ".dev-certs", "ca.crt"));
  const status = await new Promise<number>((resolve, reject) => {
    https
      .get(
        `${emulator.url}/_emulator/health`,
        { ca, headers: { [ADMIN_SECRET_HEADER]: emulator.adminSecret } },
        (res) => resolve(res.statusCode ?? 0),
      )
      .on("error", reject);
  });
  expect(status).toBe(200);
});

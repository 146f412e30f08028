// Lists addressed without ids, as Graph allows: the site by path with a trailing colon before further segments
// (`/sites/{host}:/{path}:/lists/...`) and the list by its title (`/lists/{title}`), URL-encoded, top level and
// inside $batch. Driven by the real Graph SDK.
import type { Client } from "@microsoft/microsoft-graph-client";
import type { RunningEmulator } from "../../dev/emulator";
import { createList, HOST, raw, sdk, SITE_PATH, start, type GraphJson } from "./helpers";

let emulator: RunningEmulator;
let client: Client;
let siteId: string;
const SITE = `/sites/${HOST}:${SITE_PATH}:`;
const TITLE = "Interaction Log Entries";
const ENC = encodeURIComponent(TITLE); // spaces as %20
const BY_PATH = `${SITE}/lists/${ENC}`;

beforeAll(async () => {
  emulator = await start({ threshold: 50 });
  client = sdk(emulator);
  siteId = (await client.api(`/sites/${HOST}:${SITE_PATH}`).get()).id;
  await createList(client, siteId, undefined, TITLE);
});
afterAll(() => emulator.close());

describe("site path + list title", () => {
  it("gets the list and creates, reads, updates and deletes items by site path and title", async () => {
    const list = await client.api(BY_PATH).get();
    expect(list.displayName).toBe(TITLE);
    expect((await client.api(`/sites/${siteId}/lists/${ENC}`).get()).id).toBe(list.id);
    // Titles are matched case-insensitively, as SharePoint does.
    expect((await client.api(`${SITE}/lists/${encodeURIComponent(TITLE.toUpperCase())}`).get()).id).toBe(
      list.id,
    );

    const created = await client.api(`${BY_PATH}/items`).post({ fields: { Title: "a", ContactNo: "C1" } });
    expect(created.id).toEqual(expect.any(String));
    const page = await client
      .api(`${BY_PATH}/items`)
      .filter("fields/ContactNo eq 'C1'")
      .expand("fields(select=Title,ContactNo)")
      .get();
    expect(page.value.map((i: GraphJson) => i.id)).toEqual([created.id]);
    const fields = await client
      .api(`${BY_PATH}/items/${created.id}/fields`)
      .header("If-Match", created.eTag)
      .patch({ Title: "b" });
    expect(fields.Title).toBe("b");
    expect((await client.api(`${BY_PATH}/items/${created.id}`).expand("fields").get()).fields.Title).toBe(
      "b",
    );
    await client.api(`${BY_PATH}/items/${created.id}`).delete();
    await expect(client.api(`${BY_PATH}/items/${created.id}`).get()).rejects.toMatchObject({
      statusCode: 404,
      code: "itemNotFound",
    });
  });

  it("creates lists and manages columns through the site path", async () => {
    const made = await client
      .api(`${SITE}/lists`)
      .post({ displayName: "Path Made List", columns: [], list: { template: "genericList" } });
    const cols = `${SITE}/lists/${encodeURIComponent("Path Made List")}/columns`;
    expect((await client.api(cols).post({ name: "Region", text: {} })).indexed).toBe(false);
    expect((await client.api(`${cols}/Region`).patch({ indexed: true })).indexed).toBe(true);
    const all = await client.api(cols).get();
    expect(all.value.map((c: GraphJson) => c.name)).toContain("Region");
    expect((await client.api(`/sites/${siteId}/lists/${made.id}/columns/Region`).get()).indexed).toBe(true);
  });

  it("pages and follows delta by path and title, nextLink and deltaLink included", async () => {
    await createList(client, siteId, [], "Delta By Title");
    const items = `${SITE}/lists/${encodeURIComponent("Delta By Title")}/items`;
    for (let i = 0; i < 3; i++) await client.api(items).post({ fields: { Title: `d${i}` } });
    const seen: string[] = [];
    let res = await client.api(`${items}/delta`).expand("fields").top(2).get();
    seen.push(...res.value.map((i: GraphJson) => i.fields.Title as string));
    while (res["@odata.nextLink"]) {
      res = await client.api(res["@odata.nextLink"] as string).get();
      seen.push(...res.value.map((i: GraphJson) => i.fields.Title as string));
    }
    expect(seen).toEqual(["d0", "d1", "d2"]);
    const added = await client.api(items).post({ fields: { Title: "d3" } });
    const changes = await client.api(res["@odata.deltaLink"] as string).get();
    expect(changes.value.map((i: GraphJson) => i.id)).toEqual([added.id]);
  });

  it("addresses the root site of a host as /sites/{hostname}", async () => {
    await raw(emulator, "POST", "/_emulator/sites", {
      body: { hostname: "root.sharepoint.com", path: "/" },
      token: null,
    });
    await client
      .api("/sites/root.sharepoint.com/lists")
      .post({ displayName: "Root List", columns: [], list: { template: "genericList" } });
    const r = await client
      .api("/sites/root.sharepoint.com/lists/Root%20List/items")
      .post({ fields: { Title: "x" } });
    expect(r.fields.Title).toBe("x");
  });

  it("answers 404 itemNotFound for an unknown site path or list title", async () => {
    for (const url of [
      `/sites/${HOST}:/sites/nope:/lists/${ENC}/items`,
      `${SITE}/lists/No%20Such%20List/items`,
      `${SITE}/lists/No%20Such%20List/columns`,
      `${SITE}/lists/No%20Such%20List/items/delta`,
    ])
      await expect(client.api(url).get()).rejects.toMatchObject({ statusCode: 404, code: "itemNotFound" });
    await expect(
      client.api(`${SITE}/lists/No%20Such%20List/items`).post({ fields: { Title: "x" } }),
    ).rejects.toMatchObject({ statusCode: 404, code: "itemNotFound" });
  });
});

describe("inside $batch", () => {
  it("runs sub-requests addressed by site path and encoded title, and 404s the unknown ones", async () => {
    const body = {
      requests: [
        {
          id: "add",
          method: "POST",
          url: `${BY_PATH}/items`,
          headers: { "Content-Type": "application/json" },
          body: { fields: { Title: "batched", ContactNo: "C9" } },
        },
        {
          id: "query",
          method: "GET",
          url: `/v1.0${BY_PATH}/items?$filter=fields/ContactNo%20eq%20'C9'&expand=fields`,
          dependsOn: ["add"],
        },
        { id: "noList", method: "GET", url: `${SITE}/lists/Nope%20List/items` },
        { id: "noSite", method: "GET", url: `/sites/${HOST}:/sites/gone:/lists/${ENC}/items` },
        { id: "list", method: "GET", url: `/sites/${siteId}/lists/${ENC}` },
      ],
    };
    const res = (await client.api("/$batch").post(body)) as GraphJson;
    const by = Object.fromEntries(res.responses.map((r) => [r.id, r]));
    expect(by.add!.status).toBe(201);
    expect(by.query!.status).toBe(200);
    expect(by.query!.body.value.map((i) => i.fields.Title)).toEqual(["batched"]);
    expect(by.noList).toMatchObject({ status: 404, body: { error: { code: "itemNotFound" } } });
    expect(by.noSite).toMatchObject({ status: 404, body: { error: { code: "itemNotFound" } } });
    expect(by.list).toMatchObject({ status: 200, body: { displayName: TITLE } });
  });

  it("counts one HTTP request for a $batch of path-addressed sub-requests", async () => {
    emulator.resetStats();
    await client.api("/$batch").post({
      requests: ["a", "b", "c"].map((id) => ({ id, method: "GET", url: `${BY_PATH}/items?$top=1` })),
    });
    const stats = emulator.stats();
    expect(stats.http.total).toBe(1);
    expect(stats.batchParts.total).toBe(3);
  });
});

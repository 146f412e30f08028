// The emulator driven by the real Graph SDK (as the app drives Graph), plus raw requests for headers the SDK hides.
import { PageIterator } from "@microsoft/microsoft-graph-client";
import type { Client } from "@microsoft/microsoft-graph-client";
import type { RunningEmulator } from "../../dev/emulator";
import { createList, HOST, raw, sdk, SITE_PATH, start, token, USER, type GraphJson } from "./helpers";

let emulator: RunningEmulator;
let client: Client;
let siteId: string;

beforeAll(async () => {
  emulator = await start({ threshold: 50 });
  client = sdk(emulator);
  siteId = (await client.api(`/sites/${HOST}:${SITE_PATH}`).get()).id;
});
afterAll(() => emulator.close());

describe("sites", () => {
  it("resolves the configured site by path with a stable host,guid,guid id", async () => {
    expect(siteId).toMatch(/^contoso\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    const again = await start();
    try {
      expect(again.siteId(HOST, SITE_PATH)).toBe(siteId);
    } finally {
      await again.close();
    }
    const byId = await client.api(`/sites/${siteId}`).get();
    expect(byId).toMatchObject({ id: siteId, webUrl: `https://${HOST}${SITE_PATH}` });
  });

  it("answers 404 itemNotFound for an unknown site", async () => {
    await expect(client.api(`/sites/${HOST}:/sites/nope`).get()).rejects.toMatchObject({
      statusCode: 404,
      code: "itemNotFound",
    });
  });

  it("adds a site through the admin endpoint", async () => {
    const res = await raw(emulator, "POST", "/_emulator/sites", {
      body: { hostname: "fabrikam.sharepoint.com", path: "/sites/crm" },
      token: null,
    });
    expect(res.status).toBe(201);
    const site = await client.api("/sites/fabrikam.sharepoint.com:/sites/crm:").get();
    expect(site.id).toBe(res.body.id);
  });
});

describe("lists and columns", () => {
  it("creates a list with typed columns and finds it by id, display name and $filter", async () => {
    const list = await createList(client, siteId, undefined, "Interaction Log Entries T1");
    expect(list).toMatchObject({
      displayName: "Interaction Log Entries T1",
      list: { template: "genericList" },
    });
    const cols = Object.fromEntries(list.columns.map((c: GraphJson) => [c.name, c]));
    expect(cols.EntryKey).toMatchObject({
      indexed: true,
      enforceUniqueValues: true,
      text: { allowMultipleLines: false },
    });
    expect(cols.Notes).toMatchObject({ text: { allowMultipleLines: true } });
    expect(cols.Kind).toMatchObject({ choice: { choices: ["Email", "Meeting", "Phone"] } });
    expect(cols.Title).toBeDefined();
    expect((await client.api(`/sites/${siteId}/lists/${list.id}`).get()).id).toBe(list.id);
    expect((await client.api(`/sites/${siteId}/lists/Interaction Log Entries T1`).get()).id).toBe(list.id);
    const found = await client
      .api(`/sites/${siteId}/lists`)
      .filter("displayName eq 'Interaction Log Entries T1'")
      .get();
    expect(found.value.map((l: GraphJson) => l.id)).toEqual([list.id]);
  });

  it("refuses a duplicate display name with 409 nameAlreadyExists", async () => {
    await createList(client, siteId, [], "Dup List");
    await expect(createList(client, siteId, [], "Dup List")).rejects.toMatchObject({
      statusCode: 409,
      code: "nameAlreadyExists",
    });
  });

  it("refuses enforceUniqueValues without indexed, unknown facets and bad names with 400", async () => {
    await expect(
      createList(client, siteId, [{ name: "X", text: {}, enforceUniqueValues: true }]),
    ).rejects.toMatchObject({ statusCode: 400, code: "invalidRequest" });
    await expect(createList(client, siteId, [{ name: "X" }])).rejects.toMatchObject({ statusCode: 400 });
    await expect(createList(client, siteId, [{ name: "bad name", text: {} }])).rejects.toMatchObject({
      statusCode: 400,
    });
    await expect(createList(client, siteId, [{ name: "C", choice: { choices: [] } }])).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it("adds a column to an existing list and indexes it with PATCH", async () => {
    const list = await createList(client, siteId, []);
    const col = await client
      .api(`/sites/${siteId}/lists/${list.id}/columns`)
      .post({ name: "Region", text: {} });
    expect(col).toMatchObject({ name: "Region", indexed: false });
    await client.api(`/sites/${siteId}/lists/${list.id}/items`).post({ fields: { Region: "North" } });
    const items = `/sites/${siteId}/lists/${list.id}/items`;
    await expect(client.api(items).filter("fields/Region eq 'North'").get()).rejects.toMatchObject({
      statusCode: 400,
    });
    const patched = await client
      .api(`/sites/${siteId}/lists/${list.id}/columns/Region`)
      .patch({ indexed: true });
    expect(patched.indexed).toBe(true);
    const page = await client.api(items).filter("fields/Region eq 'North'").expand("fields").get();
    expect(page.value.map((i: GraphJson) => i.fields.Region)).toEqual(["North"]);
    await expect(
      client.api(`/sites/${siteId}/lists/${list.id}/columns`).post({ name: "Region", text: {} }),
    ).rejects.toMatchObject({
      statusCode: 409,
      code: "nameAlreadyExists",
    });
  });

  it("answers 404 for an unknown list", async () => {
    await expect(client.api(`/sites/${siteId}/lists/no-such-list/items`).get()).rejects.toMatchObject({
      statusCode: 404,
      code: "itemNotFound",
    });
  });
});

describe("items", () => {
  let listId: string;
  let items: string;
  beforeAll(async () => {
    listId = (await createList(client, siteId)).id;
    items = `/sites/${siteId}/lists/${listId}/items`;
  });

  it("creates an item with Graph's shape: string id, eTag, author from the token, fields", async () => {
    const item = await client.api(items).post({
      fields: {
        Title: "Call",
        ContactNo: "C001",
        EntryKey: "k-shape",
        Duration: 5,
        Done: true,
        When: "2024-03-01T10:00:00.000Z",
        Kind: "Phone",
      },
    });
    expect(item.id).toMatch(/^\d+$/);
    expect(item.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(item["@odata.etag"]).toBe(item.eTag);
    expect(item.createdBy.user).toEqual({ email: USER, displayName: "megan" });
    expect(item.fields).toMatchObject({
      Title: "Call",
      ContactNo: "C001",
      Duration: 5,
      Done: true,
      When: "2024-03-01T10:00:00Z",
      Kind: "Phone",
      id: item.id,
    });
    expect(item.webUrl).toContain(`DispForm.aspx?ID=${item.id}`);
    const got = await client.api(`${items}/${item.id}`).expand("fields($select=Title,Kind)").get();
    expect(got.fields).toEqual({ "@odata.etag": item.eTag, Title: "Call", Kind: "Phone" });
  });

  it("validates values against column types, naming the field", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ Kind: "Fax" }, /Kind/],
      [{ Duration: "5" }, /Duration/],
      [{ Done: "yes" }, /Done/],
      [{ When: "yesterday" }, /When/],
      [{ Nope: 1 }, /Nope/],
      [{ Created: "2024-01-01T00:00:00Z" }, /Created/],
      [{ Title: "x".repeat(256) }, /Title/],
    ];
    for (const [fields, message] of cases) {
      await expect(client.api(items).post({ fields })).rejects.toMatchObject({
        statusCode: 400,
        code: "invalidRequest",
        message: expect.stringMatching(message),
      });
    }
  });

  it("updates only the sent fields and bumps the eTag; a stale If-Match gives 412 and changes nothing", async () => {
    const item = await client
      .api(items)
      .post({ fields: { Title: "Before", ContactNo: "C002", Duration: 1 } });
    const fields = await client
      .api(`${items}/${item.id}/fields`)
      .header("If-Match", item.eTag)
      .patch({ Duration: 2 });
    expect(fields).toMatchObject({ Title: "Before", ContactNo: "C002", Duration: 2 });
    expect(fields["@odata.etag"]).toMatch(/,2"$/);
    await expect(
      client.api(`${items}/${item.id}/fields`).header("If-Match", item.eTag).patch({ Duration: 99 }),
    ).rejects.toMatchObject({
      statusCode: 412,
      code: "resourceModified",
    });
    const whole = await client
      .api(`${items}/${item.id}`)
      .header("If-Match", "*")
      .patch({ fields: { Title: "After" } });
    expect(whole.fields).toMatchObject({ Title: "After", Duration: 2 });
    const now = await client.api(`${items}/${item.id}`).expand("fields").get();
    expect(now.fields.Duration).toBe(2);
    await expect(
      client.api(`${items}/${item.id}`).header("If-Match", item.eTag).delete(),
    ).rejects.toMatchObject({ statusCode: 412 });
    await client.api(`${items}/${item.id}`).header("If-Match", now.eTag).delete();
    await expect(client.api(`${items}/${item.id}`).get()).rejects.toMatchObject({
      statusCode: 404,
      code: "itemNotFound",
    });
  });

  it("enforces unique values case-insensitively on create and update with 409", async () => {
    await client.api(items).post({ fields: { EntryKey: "dup-1" } });
    await expect(client.api(items).post({ fields: { EntryKey: "DUP-1" } })).rejects.toMatchObject({
      statusCode: 409,
      code: "nameAlreadyExists",
    });
    const other = await client.api(items).post({ fields: { EntryKey: "dup-2" } });
    await expect(
      client.api(`${items}/${other.id}/fields`).patch({ EntryKey: "dup-1" }),
    ).rejects.toMatchObject({ statusCode: 409 });
    // Updating an item with its own value is not a conflict.
    await expect(
      client.api(`${items}/${other.id}/fields`).patch({ EntryKey: "dup-2", Title: "same key" }),
    ).resolves.toMatchObject({ EntryKey: "dup-2" });
  });
});

describe("queries", () => {
  let items: string;
  const N = 30;
  beforeAll(async () => {
    const list = await createList(client, siteId);
    items = `/sites/${siteId}/lists/${list.id}/items`;
    for (let i = 0; i < N; i++) {
      await client.api(items).post({
        fields: {
          Title: `O'Brien ${i}`,
          ContactNo: i % 3 === 0 ? "C3" : `X${i}`,
          Rank: i % 7,
          Duration: i,
          When: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
          Kind: i % 2 ? "Email" : "Meeting",
        },
      });
    }
  });

  it("filters on an indexed column, orders and pages with nextLink through PageIterator", async () => {
    const first = await client
      .api(items)
      .expand("fields")
      .filter("fields/ContactNo eq 'C3'")
      .orderby("fields/When desc")
      .top(3)
      .get();
    expect(first.value).toHaveLength(3);
    expect(first["@odata.nextLink"]).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1\.0\/sites\/.*\$skiptoken=/);
    const seen: GraphJson[] = [];
    await new PageIterator(client, first, (item) => {
      seen.push(item);
      return true;
    }).iterate();
    expect(seen).toHaveLength(10);
    const whens = seen.map((i) => i.fields.When);
    expect(whens).toEqual([...whens].sort().reverse());
    expect(new Set(seen.map((i) => i.id)).size).toBe(10);
  });

  it("supports and/or/not, parentheses, ranges, startswith, escaped quotes, booleans as 1/0 and id", async () => {
    const ids = async (filter: string, prefer = false) => {
      let req = client.api(items).expand("fields").filter(filter).top(999);
      if (prefer) req = req.header("Prefer", "HonorNonIndexedQueriesWarningMayFailRandomly");
      return (await req.get()).value
        .map((i: GraphJson) => Number(i.id))
        .sort((a: number, b: number) => a - b);
    };
    expect(await ids("fields/Rank eq 3 and fields/Kind eq 'Email'")).toEqual([4, 18]);
    expect(await ids("fields/Rank ge 5 and fields/Rank lt 6")).toEqual([6, 13, 20, 27]);
    expect(await ids("(fields/Rank eq 0 or fields/Rank eq 6) and not (fields/Kind eq 'Meeting')")).toEqual([
      8, 14, 22, 28,
    ]);
    expect(await ids("fields/ContactNo eq 'C3' and startswith(fields/Title,'O''Brien 1')")).toEqual([
      13, 16, 19,
    ]);
    expect(await ids("id le 3")).toEqual([1, 2, 3]);
    expect(await ids("fields/When ge '2024-01-29T00:00:00Z'")).toEqual([29, 30]);
    expect(await ids("fields/Title eq 'O''Brien 4'", true)).toEqual([5]);
    expect(await ids("fields/Done eq 0 and fields/Rank eq 1", true)).toEqual([2, 9, 16, 23, 30]);
  });

  it("refuses a filter that no index narrows, naming the field and the Prefer header", async () => {
    await expect(client.api(items).filter("fields/Duration gt 3").get()).rejects.toMatchObject({
      statusCode: 400,
      code: "invalidRequest",
      message: expect.stringMatching(/Field 'Duration'.*HonorNonIndexedQueriesWarningMayFailRandomly/),
    });
    await expect(client.api(items).orderby("fields/Duration").get()).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining("'Duration'"),
    });
    await expect(
      client.api(items).filter("fields/Rank eq 1 or fields/Duration eq 2").get(),
    ).rejects.toMatchObject({ statusCode: 400 });
    // Narrowed by an indexed column: the non-indexed part is fine.
    await expect(
      client.api(items).filter("fields/Rank eq 1 and fields/Duration eq 8").get(),
    ).resolves.toMatchObject({ value: [expect.objectContaining({ id: "9" })] });
  });

  it("allows non-indexed queries with the Prefer header under the threshold and refuses them over it", async () => {
    const res = await client
      .api(items)
      .header("Prefer", "HonorNonIndexedQueriesWarningMayFailRandomly")
      .filter("fields/Duration gt 27")
      .get();
    expect(res.value.map((i: GraphJson) => i.id)).toEqual(["29", "30"]);
    const bulk = await raw(
      emulator,
      "POST",
      `/_emulator/sites/${encodeURIComponent(siteId)}/lists/${items.split("/")[4]}/items/bulk`,
      {
        body: { count: 25, fields: { Title: "bulk {i}", Duration: 1 } },
        token: null,
      },
    );
    expect(bulk.status).toBe(201);
    await expect(
      client
        .api(items)
        .header("Prefer", "HonorNonIndexedQueriesWarningMayFailRandomly")
        .filter("fields/Duration gt 27")
        .get(),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: "notSupported",
    });
    // Indexed queries and plain paging still work over the threshold.
    expect((await client.api(items).filter("fields/Rank eq 2").get()).value.length).toBe(4);
    expect((await client.api(items).top(999).get()).value.length).toBe(55);
  });

  it("rejects malformed filters with the position, and unknown fields by name", async () => {
    await expect(client.api(items).filter("fields/Rank eq").get()).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringMatching(/position 14/),
    });
    await expect(client.api(items).filter("fields/Rank eq 1 and (").get()).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringMatching(/position/),
    });
    await expect(client.api(items).filter("fields/Title eq 'open").get()).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringMatching(/unterminated.*position 16/),
    });
    await expect(client.api(items).filter("fields/Ghost eq 1").get()).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining("'Ghost'"),
    });
    await expect(client.api(items).filter("fields/Rank eq 'one'").get()).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining("Rank"),
    });
    await expect(client.api(items).expand("fields(select=Ghost)").get()).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining("'Ghost'"),
    });
    await expect(client.api(items).select("ghostProp").get()).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining("ghostProp"),
    });
  });

  it("accepts expand=fields(select=...) without the $ prefix", async () => {
    const res = await raw(emulator, "GET", `/v1.0${items}?expand=fields(select=Rank)&$top=1`);
    expect(res.status).toBe(200);
    expect(res.body.value[0]?.fields).toEqual({ "@odata.etag": expect.any(String), Rank: 0 });
  });
});

describe("delta", () => {
  it("returns every item first, then only changes since the deltaLink, deletions included", async () => {
    const list = await createList(client, siteId);
    const items = `/sites/${siteId}/lists/${list.id}/items`;
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await client.api(items).post({ fields: { Title: `d${i}` } }));
    const pages: GraphJson[] = [];
    let res = await client.api(`${items}/delta`).expand("fields").top(2).get();
    pages.push(...res.value);
    while (res["@odata.nextLink"]) {
      res = await client.api(res["@odata.nextLink"]).get();
      pages.push(...res.value);
    }
    expect(pages.map((i) => i.fields.Title)).toEqual(["d0", "d1", "d2", "d3", "d4"]);
    const deltaLink = res["@odata.deltaLink"];
    expect(deltaLink).toMatch(/token=/);
    await client.api(`${items}/${made[1].id}/fields`).patch({ Title: "d1 changed" });
    await client.api(`${items}/${made[3].id}`).delete();
    const added = await client.api(items).post({ fields: { Title: "d5" } });
    const changes = await client.api(deltaLink).get();
    expect(changes.value).toEqual([
      expect.objectContaining({ id: made[1].id, fields: expect.objectContaining({ Title: "d1 changed" }) }),
      { id: made[3].id, deleted: { state: "deleted" } },
      expect.objectContaining({ id: added.id }),
    ]);
    const none = await client.api(changes["@odata.deltaLink"]).get();
    expect(none.value).toEqual([]);
  });
});

describe("auth and permissions", () => {
  it("answers 401 InvalidAuthenticationToken without a token and for an expired one", async () => {
    const res = await raw(emulator, "GET", `/v1.0/sites/${siteId}`, { token: null });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({
      code: "InvalidAuthenticationToken",
      innerError: { "request-id": expect.any(String), date: expect.any(String) },
    });
    expect(res.headers["request-id"]).toBe(res.body.error.innerError["request-id"]);
    const expired = `e30.${Buffer.from(JSON.stringify({ upn: USER, exp: 1 })).toString("base64url")}.`;
    expect((await raw(emulator, "GET", `/v1.0/sites/${siteId}`, { token: expired })).status).toBe(401);
  });

  it("echoes client-request-id in headers and error bodies", async () => {
    const res = await raw(emulator, "GET", `/v1.0/sites/${siteId}/lists/nope`, {
      headers: { "client-request-id": "abc-123" },
    });
    expect(res.status).toBe(404);
    expect(res.headers["client-request-id"]).toBe("abc-123");
    expect(res.body.error.innerError["client-request-id"]).toBe("abc-123");
  });

  it("refuses writes by read-only users and list creation without Sites.Manage.All with 403 accessDenied", async () => {
    const list = await createList(client, siteId, []);
    const items = `/sites/${siteId}/lists/${list.id}/items`;
    emulator.setReadonlyUsers(["reader@contoso.com"]);
    const reader = sdk(emulator, token("reader@contoso.com"));
    await expect(reader.api(items).get()).resolves.toMatchObject({ value: [] });
    await expect(reader.api(items).post({ fields: { Title: "no" } })).rejects.toMatchObject({
      statusCode: 403,
      code: "accessDenied",
    });
    const writer = sdk(emulator, token("w@contoso.com", ["Sites.ReadWrite.All"]));
    await expect(writer.api(items).post({ fields: { Title: "yes" } })).resolves.toMatchObject({
      fields: { Title: "yes" },
    });
    await expect(createList(writer, siteId, [])).rejects.toMatchObject({
      statusCode: 403,
      code: "accessDenied",
    });
    const manager = sdk(emulator, token("m@contoso.com", ["Sites.Manage.All"]));
    await expect(createList(manager, siteId, [])).resolves.toMatchObject({
      list: { template: "genericList" },
    });
    const noSites = sdk(emulator, token("u@contoso.com", ["User.Read"]));
    await expect(noSites.api(items).get()).rejects.toMatchObject({ statusCode: 403 });
  });

  it("answers CORS preflight and adds CORS headers", async () => {
    const pre = await raw(emulator, "OPTIONS", `/v1.0/sites/${siteId}`, {
      token: null,
      headers: {
        Origin: "https://localhost:3000",
        "Access-Control-Request-Method": "PATCH",
        "Access-Control-Request-Headers": "authorization,if-match",
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers["access-control-allow-origin"]).toBe("https://localhost:3000");
    expect(pre.headers["access-control-allow-methods"]).toContain("PATCH");
    // A fixed list of the headers Graph clients send, not an echo of what was asked for (issue 12, item 13).
    expect(pre.headers["access-control-allow-headers"]).toMatch(/Authorization.*If-Match/);
    const get = await raw(emulator, "GET", `/v1.0/sites/${siteId}`, {
      headers: { Origin: "https://localhost:3000" },
    });
    expect(get.headers["access-control-allow-origin"]).toBe("https://localhost:3000");
  });
});

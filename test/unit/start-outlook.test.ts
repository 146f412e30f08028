import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { ALLOWED_PATH, allowedJson, outlookRequestHandler } from "../../scripts/start-outlook";

it("lists the send handler's JavaScript file at the well-known path classic Outlook reads", () => {
  expect(ALLOWED_PATH).toBe("/.well-known/microsoft-officeaddins-allowed.json");
  expect(JSON.parse(allowedJson("https://addin.contoso.com/"))).toEqual({
    allowed: ["https://addin.contoso.com/launchevent.js"],
  });
});

describe("the server of npm run start:outlook", () => {
  let dist: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), "ilo-start-outlook-"));
    writeFileSync(path.join(dist, "launchevent.js"), "Office.actions.associate('x', () => undefined);\n");
    // Plain HTTP here: the handler is what start:outlook hands to its HTTPS server.
    server = createServer(outlookRequestHandler(dist, "https://addin.contoso.com:8443"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dist, { recursive: true, force: true });
  });

  it("serves the allowed list as JSON naming launchevent.js on the public origin, never cached", async () => {
    const res = await fetch(`${base}${ALLOWED_PATH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json(;|$)/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ allowed: ["https://addin.contoso.com:8443/launchevent.js"] });
  });

  it("serves it with a query string too, and answers HEAD without a body", async () => {
    const withQuery = await fetch(`${base}${ALLOWED_PATH}?v=1`);
    expect(await withQuery.json()).toEqual({ allowed: ["https://addin.contoso.com:8443/launchevent.js"] });
    const head = await fetch(`${base}${ALLOWED_PATH}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await head.text()).toBe("");
  });

  it("serves the build for every other path (the file the list names is there), and 404 for what is not", async () => {
    const js = await fetch(`${base}/launchevent.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toMatch(/^text\/javascript/);
    await expect(js.text()).resolves.toMatch(/Office\.actions\.associate/);
    expect((await fetch(`${base}/.well-known/other.json`)).status).toBe(404);
  });
});

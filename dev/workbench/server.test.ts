import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { ensureDevCerts, type DevCerts } from "../shared/certs";
import { CALENDAR_PATH, startWorkbench, swapOfficeScript, STAND_IN_PATH, type Workbench } from "./server";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function request(
  certs: DevCerts,
  url: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      { method: init.method ?? "GET", headers: init.headers, ca: certs.ca },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

const PANE_HTML = `<!doctype html><html><head>
<script type="text/javascript" src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
<script defer src="taskpane.js"></script></head><body></body></html>`;

describe("swapOfficeScript", () => {
  it("replaces the office.js tag with the stand-in and nothing else", () => {
    const out = swapOfficeScript(PANE_HTML);
    expect(out).toContain(`<script src="${STAND_IN_PATH}"></script>`);
    expect(out).not.toContain("appsforoffice");
    expect(out).toContain('<script defer src="taskpane.js"></script>');
  });

  it("refuses a page without office.js", () => {
    expect(() => swapOfficeScript("<html><head></head></html>")).toThrow(
      /has no <script src="https:\/\/appsforoffice/,
    );
  });
});

describe("startWorkbench", () => {
  let certs: DevCerts;
  let paneDir: string;
  let workbench: Workbench;
  let upstream: https.Server;
  const seen: Array<{
    method?: string;
    url?: string;
    host?: string;
    auth?: string;
    secret?: string | string[];
    body: string;
  }> = [];

  beforeAll(async () => {
    certs = await ensureDevCerts();
    paneDir = mkdtempSync(path.join(os.tmpdir(), "wb-pane-"));
    writeFileSync(path.join(paneDir, "taskpane.html"), PANE_HTML);
    writeFileSync(path.join(paneDir, "taskpane.js"), "console.log('pane')");
    mkdirSync(path.join(paneDir, "assets"));
    writeFileSync(path.join(paneDir, "assets", "icon.svg"), "<svg/>");
    writeFileSync(path.join(path.dirname(paneDir), "secret.txt"), "secret");
    upstream = https.createServer({ key: certs.key, cert: certs.cert }, (req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        seen.push({
          method: req.method,
          url: req.url,
          host: req.headers.host,
          auth: req.headers.authorization,
          secret: req.headers["x-emulator-secret"],
          body,
        });
        res.writeHead(201, { "Content-Type": "application/json", "x-upstream": "emulator" });
        res.end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
    const emulatorUrl = `https://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    workbench = await startWorkbench({
      port: 0,
      paneDir,
      emulatorUrl,
      emulatorAdminSecret: () => "admin-secret-of-this-run",
      quiet: true,
    });
  });

  afterAll(async () => {
    await workbench.close();
    await new Promise((r) => upstream.close(r));
    rmSync(paneDir, { recursive: true, force: true });
  });

  it("serves the workbench page, its bundles and the stand-in", async () => {
    expect(workbench.url).toMatch(/^https:\/\/localhost:\d+\/$/);
    const page = await request(certs, workbench.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="/workbench/page.js"></script>');
    const js = await request(certs, new URL("/workbench/page.js", workbench.url).href);
    expect(js.headers["content-type"]).toMatch(/javascript/);
    // The fixtures are bundled into the page.
    expect(js.body).toContain("Robin Danielsen");
    const standIn = await request(certs, new URL(STAND_IN_PATH, workbench.url).href);
    expect(standIn.body).toContain("olkItemSelectedChanged");
  });

  it("serves taskpane.html with the stand-in in place of office.js, and the pane's files", async () => {
    const html = await request(certs, new URL("/taskpane.html?lang=nl-NL", workbench.url).href);
    expect(html.status).toBe(200);
    expect(html.body).toContain(STAND_IN_PATH);
    expect(html.body).not.toContain("appsforoffice");
    const svg = await request(certs, new URL("/assets/icon.svg", workbench.url).href);
    expect([svg.status, svg.headers["content-type"], svg.body]).toEqual([200, "image/svg+xml", "<svg/>"]);
  });

  it("never serves files outside the pane folder", async () => {
    for (const p of ["/%2e%2e/secret.txt", "/..%2fsecret.txt", "/assets/..%2f..%2fsecret.txt"]) {
      const traversal = await request(certs, workbench.url.replace(/\/$/, "") + p);
      expect(traversal.body).not.toBe("secret");
      expect([403, 404]).toContain(traversal.status);
    }
    expect((await request(certs, new URL("/missing.js", workbench.url).href)).status).toBe(404);
  });

  it("proxies /v1.0 and $batch to the emulator with method, path, headers and body intact", async () => {
    const target = new URL("/v1.0/sites/root/lists?$filter=Title%20eq%20'O''Brien'", workbench.url);
    const r = await request(certs, target.href, {
      method: "POST",
      body: '{"a":1}',
      headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
    });
    expect(r.status).toBe(201);
    expect(r.headers["x-upstream"]).toBe("emulator");
    expect(JSON.parse(r.body)).toEqual({ ok: true });
    const hit = seen.at(-1)!;
    expect(hit).toMatchObject({
      method: "POST",
      url: target.pathname + target.search,
      auth: "Bearer t",
      body: '{"a":1}',
    });
    expect(hit.host).toBe(new URL(workbench.url).host);
    await request(certs, new URL("/$batch", workbench.url).href, { method: "POST", body: "{}" });
    expect(seen.at(-1)!.url).toBe("/$batch");
  });

  it("proxies the emulator's upload-session and download URLs (issue 15), never its admin API", async () => {
    const upload = new URL("/_api/upload/abc", workbench.url);
    const r = await request(certs, upload.href, {
      method: "PUT",
      body: "bytes",
      headers: { "Content-Range": "bytes 0-4/5" },
    });
    expect(r.headers["x-upstream"]).toBe("emulator");
    expect(seen.at(-1)).toMatchObject({ method: "PUT", url: "/_api/upload/abc", body: "bytes" });
    await request(certs, new URL("/_api/download/t1", workbench.url).href);
    expect(seen.at(-1)!.url).toBe("/_api/download/t1");
    const before = seen.length;
    const sneaky = await request(
      certs,
      workbench.url.replace(/\/$/, "") + "/_api/upload/../../_emulator/health",
    );
    expect(seen.length).toBe(before);
    expect(sneaky.headers["x-upstream"]).toBeUndefined();
  });

  it("forwards the page's meeting registrations to the emulator's calendar with the admin secret, and only the page's", async () => {
    const body = JSON.stringify({ iCalUId: "UID1", copies: [{ mailbox: "a@b.example", itemId: "AAMk1" }] });
    const origin = new URL(workbench.url).origin;
    const r = await request(certs, new URL(CALENDAR_PATH, workbench.url).href, {
      method: "POST",
      body,
      headers: { Origin: origin, "Content-Type": "application/json" },
    });
    expect(r.status).toBe(201);
    expect(seen.at(-1)).toMatchObject({
      method: "POST",
      url: "/_emulator/events",
      secret: "admin-secret-of-this-run",
      body,
    });
    const before = seen.length;
    for (const headers of [{}, { Origin: "https://evil.example" }] as Array<Record<string, string>>) {
      const refused = await request(certs, new URL(CALENDAR_PATH, workbench.url).href, {
        method: "POST",
        body,
        headers,
      });
      expect(refused.status).toBe(403);
    }
    expect(seen.length).toBe(before);
  });

  it("answers 502 in Graph's error shape when no emulator is configured", async () => {
    const lone = await startWorkbench({ port: 0, paneDir, emulatorUrl: "", quiet: true });
    try {
      const r = await request(certs, new URL("/v1.0/me", lone.url).href);
      expect(r.status).toBe(502);
      expect(JSON.parse(r.body).error.code).toBe("EmulatorNotConfigured");
    } finally {
      await lone.close();
    }
  });

  it("rejects a plain-http emulator URL", async () => {
    await expect(
      startWorkbench({ port: 0, paneDir, emulatorUrl: "http://127.0.0.1:1", quiet: true }),
    ).rejects.toThrow(/must be https/);
  });
});

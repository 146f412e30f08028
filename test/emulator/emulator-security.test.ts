// Issue 12, item 13: a web page must not be able to drive the emulator. Only the workbench's origins get CORS
// answers, preflight allows only the headers Graph clients send, /_emulator/* needs the per-run admin secret, bodies
// are capped at what Graph accepts and read only after authentication, fault paths cannot hang the server.
import { spawn } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { ADMIN_SECRET_HEADER, type RunningEmulator } from "../../dev/emulator";
import { optionsFromEnv } from "../../dev/emulator/config";
import { startWorkbench } from "../../dev/workbench/server";
import { HOST, raw, SITE_PATH, start, token } from "./helpers";

const root = path.resolve(__dirname, "..", "..");
const ca = fs.readFileSync(path.join(root, ".dev-certs", "ca.crt"));

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

const sitePath = `/v1.0/sites/${HOST}:${SITE_PATH}`;

/**
 * Sends the headers and only the first bytes of a body the headers announce, and resolves with the answer if one
 * comes before the body is complete (or rejects after `ms`).
 */
function answerBeforeBody(
  url: string,
  method: string,
  headers: Record<string, string>,
  firstBytes: string,
  ms = 3000,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers, ca, agent: false });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${ms} ms: the server waited for the body`));
    }, ms);
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        clearTimeout(timer);
        req.destroy();
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} });
      });
    });
    req.on("error", () => undefined); // the server may close the connection after answering
    req.flushHeaders();
    req.write(firstBytes);
  });
}

describe("origins and preflight (issue 12, item 13)", () => {
  it("refuses a request from an origin that is not the workbench's with 403 and no CORS headers", async () => {
    const evil = await raw(emulator, "GET", sitePath, { headers: { Origin: "https://evil.example" } });
    expect(evil.status).toBe(403);
    expect(evil.body.error.code).toBe("accessDenied");
    expect(evil.headers["access-control-allow-origin"]).toBeUndefined();

    const workbench = await raw(emulator, "GET", sitePath, { headers: { Origin: "https://localhost:3000" } });
    expect(workbench.status).toBe(200);
    expect(workbench.headers["access-control-allow-origin"]).toBe("https://localhost:3000");
  });

  it("answers a preflight only from allowed origins and only with the headers Graph clients send", async () => {
    const preflight = (origin: string, requested: string) =>
      raw(emulator, "OPTIONS", sitePath, {
        token: null,
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": requested,
        },
      });
    const ok = await preflight("https://localhost:3000", "authorization, content-type, x-evil-header");
    expect(ok.status).toBe(204);
    const allowed = String(ok.headers["access-control-allow-headers"]).toLowerCase();
    expect(allowed).toContain("authorization");
    expect(allowed).not.toContain("x-evil-header");
    expect(allowed).not.toContain(ADMIN_SECRET_HEADER.toLowerCase());
    const evil = await preflight("https://evil.example", "authorization");
    expect(evil.status).toBe(403);
    expect(evil.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("allows the origins in EMULATOR_ALLOWED_ORIGINS, else the workbench's (WORKBENCH_PORT or 3000)", async () => {
    expect(optionsFromEnv({}, "/tmp/x").allowedOrigins).toEqual([
      "https://localhost:3000",
      "https://127.0.0.1:3000",
    ]);
    expect(optionsFromEnv({ WORKBENCH_PORT: "3100" }, "/tmp/x").allowedOrigins).toEqual([
      "https://localhost:3100",
      "https://127.0.0.1:3100",
    ]);
    expect(
      optionsFromEnv({ EMULATOR_ALLOWED_ORIGINS: "https://pane.example:8443, https://localhost:4000" }, "/x")
        .allowedOrigins,
    ).toEqual(["https://pane.example:8443", "https://localhost:4000"]);
    expect(() => optionsFromEnv({ EMULATOR_ALLOWED_ORIGINS: "*" }, "/x")).toThrow(/EMULATOR_ALLOWED_ORIGINS/);

    const custom = await start({ allowedOrigins: ["https://pane.example:8443"] });
    try {
      const res = await raw(custom, "GET", sitePath, { headers: { Origin: "https://pane.example:8443" } });
      expect(res.status).toBe(200);
      expect(res.headers["access-control-allow-origin"]).toBe("https://pane.example:8443");
      expect(
        (await raw(custom, "GET", sitePath, { headers: { Origin: "https://localhost:3000" } })).status,
      ).toBe(403);
    } finally {
      await custom.close();
    }
  });

  it("the workbench proxies Graph calls from its own pages and refuses other origins", async () => {
    const workbench = await startWorkbench({
      port: 0,
      emulatorUrl: emulator.url,
      quiet: true,
      paneDir: root,
    });
    const own = new URL(workbench.url).origin;
    const viaWorkbench = (origin: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(`${sitePath}`, workbench.url);
        https
          .get(url, { ca, headers: { Origin: origin, Authorization: `Bearer ${token()}` } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
          .on("error", reject);
      });
    try {
      expect(await viaWorkbench(own)).toBe(200);
      expect(await viaWorkbench("https://evil.example")).toBe(403);
    } finally {
      await workbench.close();
    }
  });
});

describe("admin secret (issue 12, item 13)", () => {
  it("requires the per-run admin secret on every /_emulator path", async () => {
    for (const p of ["/_emulator/health", "/_emulator/stats", "/_emulator/faults"]) {
      const none = await raw(emulator, "GET", p, { adminSecret: null, token: null });
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe("unauthenticated");
      const wrong = await raw(emulator, "GET", p, { adminSecret: "x".repeat(32), token: null });
      expect(wrong.status).toBe(401);
      expect((await raw(emulator, "GET", p, { token: null })).status).toBe(200);
    }
    expect(emulator.adminSecret).toMatch(/^\S{24,}$/);
    const other = await start({ adminSecret: "given-secret-0123456789" });
    try {
      expect(other.adminSecret).toBe("given-secret-0123456789");
      expect(other.adminSecret).not.toBe(emulator.adminSecret);
      expect((await raw(other, "GET", "/_emulator/health", { token: null })).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it("npm run emulator prints its first line unchanged and the admin secret on the next line", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-secret-"));
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "dev/emulator/main.ts")], {
      cwd: root,
      env: { ...process.env, EMULATOR_PORT: "0", EMULATOR_DATA: dataDir, EMULATOR_ADMIN_SECRET: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const lines = await new Promise<string[]>((resolve, reject) => {
        let out = "";
        child.stdout!.on("data", (d: Buffer) => {
          out += d.toString();
          const ls = out.split("\n");
          if (ls.length >= 3) resolve(ls);
        });
        child.on("exit", (code) => reject(new Error(`emulator exited (${code}): ${out}`)));
        setTimeout(() => reject(new Error(`only printed: ${out}`)), 15000);
      });
      expect(lines[0]).toMatch(/^Graph emulator listening on https:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
      const m = /^Emulator admin secret: (\S+)$/.exec(lines[1]!);
      expect(m).not.toBeNull();
      const url = /https:\/\/\S+(?=\/v1\.0)/.exec(lines[0]!)![0];
      const remote = { url, port: Number(new URL(url).port), adminSecret: m![1]! } as RunningEmulator;
      expect((await raw(remote, "GET", "/_emulator/health", { token: null })).status).toBe(200);
      expect((await raw(remote, "GET", "/_emulator/health", { token: null, adminSecret: null })).status).toBe(
        401,
      );
    } finally {
      child.kill("SIGTERM");
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("request bodies (issue 12, item 13)", () => {
  it("refuses a body over 4 MB with 413 in Graph's error shape before reading it, for $batch too", async () => {
    for (const p of [`${sitePath}/lists`, "/v1.0/$batch"]) {
      const res = await answerBeforeBody(
        `${emulator.url}${p}`,
        "POST",
        {
          Authorization: `Bearer ${token()}`,
          "Content-Type": "application/json",
          "Content-Length": String(4 * 1024 * 1024 + 1),
        },
        '{"requests":[',
      );
      expect(res.status).toBe(413);
      const err = res.body.error as { code: string; innerError: Record<string, string> };
      expect(err.code).toBe("requestEntityTooLarge");
      expect(err.innerError["request-id"]).toBeTruthy();
    }
    // A body of exactly the limit is still read (and here refused only as a bad batch).
    const atLimit = await raw(emulator, "POST", "/v1.0/$batch", {
      body: JSON.stringify({ requests: [], pad: "x".repeat(4 * 1024 * 1024 - 30) }),
    });
    expect(atLimit.status).toBe(400);
  });

  it("refuses a streamed (chunked) body once it passes 4 MB", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = https.request(`${emulator.url}/v1.0/$batch`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token()}`, "Content-Type": "application/json" },
        ca,
        agent: false,
      });
      let answered = false;
      req.on("response", (res) => {
        answered = true;
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", (e) => (answered ? undefined : reject(e)));
      const chunk = "x".repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (!answered && sent < 8 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
    expect(status).toBe(413);
  });

  it("authenticates before reading the body (Graph and admin)", async () => {
    const graph = await answerBeforeBody(
      `${emulator.url}/v1.0/$batch`,
      "POST",
      { "Content-Type": "application/json", "Content-Length": "1000" },
      '{"requests":[',
    );
    expect(graph.status).toBe(401);
    expect((graph.body.error as { code: string }).code).toBe("InvalidAuthenticationToken");
    const admin = await answerBeforeBody(
      `${emulator.url}/_emulator/sites`,
      "POST",
      { "Content-Type": "application/json", "Content-Length": "1000" },
      '{"url":',
    );
    expect(admin.status).toBe(401);
  });
});

describe("fault paths (issue 12, item 13)", () => {
  it("refuses regular expressions, catastrophic and over-long patterns with a clear 400, and matches globs", async () => {
    for (const paths of [
      ["(a+)+$"],
      ["^/sites/"],
      ["/items$"],
      ["/" + "a".repeat(300)],
      ["/sites/***"],
      ["/sites/.*"],
    ]) {
      const res = await raw(emulator, "PUT", "/_emulator/faults", {
        body: { rate429: 1, paths },
        token: null,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/fault path/i);
    }
    expect(() => optionsFromEnv({ EMULATOR_FAULTS: '{"paths":["(x*)*y"]}' }, "/x")).toThrow(/fault path/i);

    const put = await raw(emulator, "PUT", "/_emulator/faults", {
      body: { rate429: 1, paths: ["**/lists"] },
      token: null,
    });
    expect(put.status).toBe(200);
    try {
      const started = Date.now();
      const long = `${sitePath}/${"a".repeat(6000)}`;
      expect((await raw(emulator, "GET", long)).status).toBe(404);
      expect(Date.now() - started).toBeLessThan(1000);
      expect((await raw(emulator, "GET", sitePath)).status).toBe(200);
      expect((await raw(emulator, "GET", `${sitePath}/lists`)).status).toBe(429);
    } finally {
      emulator.setFaults({});
    }
  });

  it('takes a pattern without "*" as a plain prefix of the path', async () => {
    const put = await raw(emulator, "PUT", "/_emulator/faults", {
      body: { rate429: 1, paths: [`${sitePath.replace("/v1.0", "")}/lists`] },
      token: null,
    });
    expect(put.status).toBe(200);
    try {
      expect((await raw(emulator, "GET", sitePath)).status).toBe(200);
      expect((await raw(emulator, "GET", `${sitePath}/lists`)).status).toBe(429);
      expect((await raw(emulator, "GET", `${sitePath}/lists/x/items`)).status).toBe(429);
    } finally {
      emulator.setFaults({});
    }
  });
});

// `npm run start:outlook`: serve the production build on https://localhost:3000 for sideloading into real
// Outlook. Needs a tenant configuration (ILO_CLIENT_ID, ILO_SITE_URL, …; see docs/tenant-setup.md) and the
// Office developer certificates trusted on this machine (`npx office-addin-dev-certs install`).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import os from "node:os";
import path from "node:path";
import { serveStatic } from "../dev/shared/static-files";

const root = path.resolve(__dirname, "..");
export const ALLOWED_PATH = "/.well-known/microsoft-officeaddins-allowed.json";

/**
 * Classic Outlook on Windows lets the send handler's JavaScript-only runtime call Graph (CORS) and use nested app
 * authentication only when the origin lists the handler's file here.
 */
export function allowedJson(publicOrigin: string): string {
  return `${JSON.stringify({ allowed: [`${publicOrigin.replace(/\/+$/, "")}/launchevent.js`] }, null, 2)}\n`;
}

/**
 * The server's requests: the well-known list (JSON, never cached, with or without a query string) and otherwise
 * the build in `distDir`.
 */
export function outlookRequestHandler(
  distDir: string,
  publicOrigin: string,
): (req: IncomingMessage, res: ServerResponse) => void {
  const allowed = allowedJson(publicOrigin);
  return (req, res) => {
    if (req.url?.split("?")[0] === ALLOWED_PATH) {
      res
        .writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" })
        .end(req.method === "HEAD" ? undefined : allowed);
      return;
    }
    serveStatic(distDir, req, res);
  };
}

const certDir = path.join(os.homedir(), ".office-addin-dev-certs");

function main(): void {
  if (!process.env.ILO_CLIENT_ID || !process.env.ILO_SITE_URL) {
    throw new Error(
      "set ILO_CLIENT_ID and ILO_SITE_URL first (docs/tenant-setup.md); without them the pane runs in emulator mode",
    );
  }
  const files = ["localhost.crt", "localhost.key"].map((f) => path.join(certDir, f));
  if (!files.every(existsSync)) {
    spawnSync(path.join(root, "node_modules/.bin/office-addin-dev-certs"), ["install"], { stdio: "inherit" });
    // The installer exits 0 even when it cannot trust the CA; the files are what matters.
    if (!files.every(existsSync)) throw new Error(`no developer certificates in ${certDir}`);
  }
  const build = spawnSync(path.join(root, "node_modules/.bin/webpack"), ["--mode", "production"], {
    cwd: root,
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("the build failed");
  const port = Number(process.env.PORT ?? 3000);
  const [cert, key] = files.map((f) => readFileSync(f));
  createServer(
    { cert, key },
    outlookRequestHandler(path.join(root, "dist"), process.env.ILO_PUBLIC_URL || `https://localhost:${port}`),
  ).listen(port, () => {
    process.stdout.write(
      `Serving dist/ on https://localhost:${port}/ — sideload dist/manifest.xml in Outlook (docs/tenant-setup.md).\n`,
    );
  });
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    process.stderr.write(`start:outlook: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}

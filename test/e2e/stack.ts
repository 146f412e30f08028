// Starts the whole local product for a browser test: emulator (temp data folder), seed, workbench serving the
// production build, and Debian's Chromium through playwright-core.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "@microsoft/microsoft-graph-client";
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from "playwright-core";
import { startEmulator } from "../../dev/emulator";
import { seedEmulator } from "../../dev/seed/seed";
import { startWorkbench } from "../../dev/workbench/server";
import { DEFAULT_EMULATOR_SITE_URL } from "../../src/config/app-config";
import { mintDevToken } from "../../src/graph/auth/dev-token";

export const USER = { displayName: "Annette Hill", emailAddress: "annette.hill@cronus.example" };
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export interface Stack {
  emulator: Awaited<ReturnType<typeof startEmulator>>;
  workbench: Awaited<ReturnType<typeof startWorkbench>>;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  graph: Client;
  dataDir: string;
  close(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "ilo-e2e-"));
  const emulator = await startEmulator({ port: 0, dataDir, quiet: true });
  await seedEmulator({ baseUrl: emulator.url, siteUrl: DEFAULT_EMULATOR_SITE_URL, user: USER });
  const workbench = await startWorkbench({
    port: 0,
    paneDir: path.resolve(__dirname, "../../dist"),
    emulatorUrl: emulator.url,
    quiet: true,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  const graph = Client.init({
    authProvider: (done) => done(null, mintDevToken(USER.emailAddress, USER.displayName)),
    baseUrl: emulator.url,
    customHosts: new Set([new URL(emulator.url).hostname]),
  });
  return {
    emulator,
    workbench,
    browser,
    context,
    page,
    graph,
    dataDir,
    async close() {
      await browser.close().catch(() => undefined);
      await workbench.close().catch(() => undefined);
      await emulator.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The task pane's frame inside the workbench page. */
export async function paneFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector(
    "iframe[data-testid=taskpane-frame], iframe[src*='taskpane.html']",
  );
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the task pane iframe has no frame");
  return frame;
}

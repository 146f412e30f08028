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
  const current: { stack?: Stack } = {};
  const workbench = await startWorkbench({
    port: 0,
    paneDir: path.resolve(__dirname, "../../dist"),
    emulatorUrl: emulator.url,
    // Read per call: a test that restarts the emulator replaces stack.emulator (and its secret).
    emulatorAdminSecret: () => (current.stack?.emulator ?? emulator).adminSecret,
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
  const stack: Stack = {
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
      // A test may have restarted the emulator: close the one running now.
      await stack.emulator.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  current.stack = stack;
  return stack;
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

/** Reads a list's items (fields) straight from the emulator through the Graph SDK: what SharePoint holds. */
export async function listItems(
  graph: Client,
  listName: string,
  filter?: string,
): Promise<Array<Record<string, unknown>>> {
  const site = (await graph.api("/sites/contoso.sharepoint.com:/sites/interactions").get()) as { id: string };
  const lists = (await graph
    .api(`/sites/${site.id}/lists`)
    .filter(`displayName eq '${listName.replace(/'/g, "''")}'`)
    .get()) as { value: Array<{ id: string }> };
  const list = lists.value[0];
  if (!list) throw new Error(`no list named ${listName}`);
  let request = graph.api(`/sites/${site.id}/lists/${list.id}/items`).expand("fields").top(999);
  if (filter) request = request.filter(filter);
  const page = (await request.get()) as { value: Array<{ fields: Record<string, unknown> }> };
  return page.value.map((i) => i.fields);
}

export const FIXTURE = {
  robinMail: "AAMkAGI2TInbox0001AAA",
  robinMessageId: "<CH2PR01MB0001.robin@adatum.example>",
  samMail: "AAMkAGI2TInbox0002AAA",
  sentToMany: "AAMkAGI2TSent0001AAA",
  meetingWeOrganise: "AAMkAGI2TCal0001AAA",
};

/**
 * One running product per test file: registers beforeAll/afterAll and returns a holder whose `stack` and `pane`
 * are set once the workbench is open.
 */
export function useWorkbench(): { stack: Stack; pane: Frame } {
  const t = {} as { stack: Stack; pane: Frame };
  beforeAll(async () => {
    t.stack = await startStack();
    await t.stack.page.goto(t.stack.workbench.url);
    t.pane = await paneFrame(t.stack.page);
  });
  afterAll(async () => {
    await t.stack?.close();
  });
  return t;
}

// Helpers for the entries-view browser tests: write and change list items straight through Graph (as another
// user or a flow would), open the pane on an item, run axe-core inside the pane's frame.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Client } from "@microsoft/microsoft-graph-client";
import type { Frame, Page } from "playwright-core";
import type { Stack } from "./stack";

async function listPath(graph: Client, listName: string): Promise<string> {
  const site = (await graph.api("/sites/contoso.sharepoint.com:/sites/interactions").get()) as { id: string };
  const lists = (await graph
    .api(`/sites/${site.id}/lists`)
    .filter(`displayName eq '${listName.replace(/'/g, "''")}'`)
    .get()) as { value: Array<{ id: string }> };
  if (!lists.value[0]) throw new Error(`no list named ${listName}`);
  return `/sites/${site.id}/lists/${lists.value[0].id}`;
}

/** Creates items (fields) in a list through Graph, 20 per $batch; returns their ids in order. */
export async function addItems(
  graph: Client,
  listName: string,
  items: Array<Record<string, unknown>>,
): Promise<string[]> {
  const base = (await listPath(graph, listName)).replace(/^\//, "");
  const ids: string[] = [];
  for (let i = 0; i < items.length; i += 20) {
    const chunk = items.slice(i, i + 20);
    const answer = (await graph.api("/$batch").post({
      requests: chunk.map((fields, j) => ({
        id: String(j),
        method: "POST",
        url: `/${base}/items`,
        headers: { "Content-Type": "application/json" },
        body: { fields },
      })),
    })) as { responses: Array<{ id: string; status: number; body: { id: string } }> };
    const byId = new Map(answer.responses.map((r) => [r.id, r]));
    chunk.forEach((_f, j) => {
      const r = byId.get(String(j));
      if (!r || r.status !== 201) throw new Error(`creating an item failed: ${JSON.stringify(r)}`);
      ids.push(r.body.id);
    });
  }
  return ids;
}

/** Changes an item's fields through Graph, as someone else's edit would. */
export async function patchItem(
  graph: Client,
  listName: string,
  id: string,
  fields: Record<string, unknown>,
): Promise<void> {
  await graph.api(`${await listPath(graph, listName)}/items/${id}/fields`).patch(fields);
}

/** An Interaction Log Entries item as the contract names its columns. */
export function entryFields(
  contactNo: string,
  i: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    Title: `Seeded entry ${i}`,
    ContactNo: contactNo,
    ContactCompanyNo: "CT000001",
    ContactName: contactNo,
    InteractionDate: new Date(Date.UTC(2025, 0, 1, 9, 0) + i * 3_600_000)
      .toISOString()
      .replace(/\.\d+Z$/, "Z"),
    InteractionTemplateCode: "EMAIL",
    InteractionGroupCode: "EMAIL",
    CostLCY: 1.5,
    DurationMin: 4,
    UserId: "annette.hill@cronus.example",
    AttemptFailed: false,
    Canceled: false,
    SourceKind: "Manual",
    SourceId: `seed-${contactNo}-${i}`,
    DedupeKey: `M|seed-${contactNo}-${i}|${contactNo}`,
    ...extra,
  };
}

/** Opens an item of the workbench in a fresh page load (language, theme) and returns the pane's frame. */
export async function openItem(
  t: { stack: Stack; pane: Frame },
  folder: "inbox" | "sent" | "calendar",
  itemId: string,
  options: { lang?: "en-US" | "nl-NL"; theme?: "light" | "dark" } = {},
): Promise<Frame> {
  const q = new URLSearchParams({
    lang: options.lang ?? "en-US",
    theme: options.theme ?? "light",
    folder,
    item: `${itemId}=`,
  });
  await t.stack.page.goto(`${t.stack.workbench.url}?${q.toString()}`);
  const handle = await t.stack.page.waitForSelector("iframe[data-testid=taskpane-frame]");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the task pane iframe has no frame");
  t.pane = frame;
  return frame;
}

/** The pane column at 320 px, as Outlook's narrowest task pane. */
export async function narrowPane(page: Page): Promise<void> {
  await page.addStyleTag({
    content: ".columns { grid-template-columns: 200px 320px minmax(320px, 1fr) 321px !important; }",
  });
}

const AXE_SOURCE = readFileSync(path.resolve(__dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** Runs axe-core (WCAG 2.x A/AA rules and best practices) on the pane's document. */
export async function axeViolations(frame: Frame): Promise<AxeViolation[]> {
  const loaded = await frame.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== "undefined",
  );
  if (!loaded) await frame.addScriptTag({ content: AXE_SOURCE });
  return frame.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations.map((v) => {
      const x = v as {
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: unknown[]; failureSummary?: string }>;
      };
      return {
        id: x.id,
        impact: x.impact,
        help: x.help,
        nodes: x.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary ?? "" })),
      };
    }) as AxeViolation[];
  });
}

/** Waits until the entries view shows exactly n rows (it reloads after each filter change), then checks it. */
export async function rowsToBe(pane: Frame, n: number, timeoutMs = 15_000): Promise<void> {
  const rows = pane.getByTestId("entry-row");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && (await rows.count()) !== n) await pane.waitForTimeout(100);
  expect(await rows.count()).toBe(n);
}

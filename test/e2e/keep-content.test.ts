// Issue 15 in Chromium against the workbench, checking SharePoint through Graph: a mail with two attachments kept
// "whole" for two contacts (one folder, both entries pointing to it, the bytes as sent), a 6 MB attachment through
// an upload session that survives a dropped connection, an excerpt-only log that stores no file, a mail over the
// limit refused before any upload, protected mail not copied, and the folder going only with the last entry.
import type { Client } from "@microsoft/microsoft-graph-client";
import type { Frame } from "playwright-core";
import {
  findFixtureAttachment,
  fixtureAttachmentBytes,
} from "../../dev/workbench/stand-in/attachment-content";
import { PROTECTED_NOTE } from "../../src/domain/content-ports";
import { contentFolderName } from "../../src/domain/mail-content";
import { openItem } from "./entries-helpers";
import { listItems, useWorkbench } from "./stack";

jest.setTimeout(120_000);

const t = useWorkbench();
const ENTRIES = "Interaction Log Entries";

const MAIL = {
  offer: { id: "AAMkAGI2TInbox0012AAA", messageId: "<CH2PR01MB0012.robin@adatum.example>" },
  video: { id: "AAMkAGI2TInbox0013AAA", messageId: "<LO2PR04MB0013.kim@treyresearch.example>" },
  archive: { id: "AAMkAGI2TInbox0014AAA", messageId: "<ZR0PR06MB0014.ian@alpineskihouse.example>" },
  salary: { id: "AAMkAGI2TInbox0015AAA", messageId: "<CH2PR01MB0015.jesse@adatum.example>" },
  robin: { id: "AAMkAGI2TInbox0001AAA", messageId: "<CH2PR01MB0001.robin@adatum.example>" },
};

interface DriveItem {
  id: string;
  name: string;
  size?: number;
  webUrl?: string;
}

async function drivePath(graph: Client): Promise<string> {
  const site = (await graph.api("/sites/contoso.sharepoint.com:/sites/interactions").get()) as { id: string };
  const lists = (await graph
    .api(`/sites/${site.id}/lists`)
    .filter("displayName eq 'Interaction Documents'")
    .get()) as { value: Array<{ id: string }> };
  const drive = (await graph.api(`/sites/${site.id}/lists/${lists.value[0]!.id}/drive`).get()) as {
    id: string;
  };
  return `/drives/${drive.id}`;
}

/** The folder that keeps a source item's content, or undefined; with its files. */
async function keptFolder(
  graph: Client,
  messageId: string,
): Promise<{ folder: DriveItem; files: DriveItem[] } | undefined> {
  const drive = await drivePath(graph);
  let folder: DriveItem;
  try {
    folder = (await graph.api(`${drive}/root:/${contentFolderName(messageId)}`).get()) as DriveItem;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return undefined;
    throw e;
  }
  const children = (await graph.api(`${drive}/items/${folder.id}/children`).get()) as { value: DriveItem[] };
  return { folder, files: children.value.sort((a, b) => a.name.localeCompare(b.name)) };
}

async function download(graph: Client, itemId: string): Promise<Buffer> {
  const drive = await drivePath(graph);
  const body = (await graph
    .api(`${drive}/items/${itemId}/content`)
    .responseType("arraybuffer" as never)
    .get()) as ArrayBuffer;
  return Buffer.from(body);
}

const entriesOf = (messageId: string) =>
  listItems(t.stack.graph, ENTRIES, `fields/SourceId eq '${messageId.replace(/'/g, "''")}'`);

async function keepWhole(pane: Frame): Promise<void> {
  await pane.getByLabel("Keep with the entry").selectOption("full");
}

async function log(pane: Frame): Promise<void> {
  await pane.getByRole("button", { name: /^Log (interaction|for \d+ contacts?)$/ }).click();
}

describe("keeping the mail with the entry", () => {
  it("keeps a mail with two attachments whole for two contacts in one folder both entries point to", async () => {
    const pane = await openItem(t, "inbox", MAIL.offer.id);
    await keepWhole(pane);
    const attachments = pane.getByRole("group", { name: "Attachments to keep" });
    await expect(attachments.getByRole("checkbox").count()).resolves.toBe(2); // the inline image is not listed
    expect(await attachments.getByLabel(/^Offer 2026-114\.pdf \(40 KB\)$/).isChecked()).toBe(true);
    expect(await attachments.getByLabel(/^Floor plan\.png \(120 KB\)$/).isChecked()).toBe(true);
    await pane.getByRole("button", { name: "Log for 2 contacts" }).waitFor();
    await log(pane);
    await pane.getByText("The mail is kept in SharePoint (3 files).").waitFor();

    const kept = (await keptFolder(t.stack.graph, MAIL.offer.messageId))!;
    expect(kept.files.map((f) => [f.name, f.size])).toEqual([
      ["Floor plan.png", 122_882],
      ["mail.html", expect.any(Number)],
      ["Offer 2026-114.pdf", 41_287],
    ]);
    const pdf = kept.files.find((f) => f.name === "Offer 2026-114.pdf")!;
    const sent = fixtureAttachmentBytes(findFixtureAttachment(MAIL.offer.id, "Offer 2026-114.pdf"));
    expect((await download(t.stack.graph, pdf.id)).equals(Buffer.from(sent))).toBe(true);

    const entries = await entriesOf(MAIL.offer.messageId);
    expect(entries.map((e) => e.ContactNo).sort()).toEqual(["CT000010", "CT000011"]);
    for (const e of entries) {
      expect(e.DocumentUrl).toBe(kept.folder.webUrl);
      expect(String(e.BodyExcerpt).length).toBeGreaterThan(20);
      expect(String(e.BodyExcerpt)).not.toMatch(/^>/m); // the quoted history is cut
    }
    const link = pane.getByRole("link", { name: "Open the kept mail in SharePoint" });
    await expect(link.getAttribute("href")).resolves.toBe(kept.folder.webUrl);

    // History: the row offers the kept mail; the excerpt shows inline as text.
    const row = pane.getByTestId("history-entry").filter({ hasText: "Signed offer and floor plan" }).first();
    await row.getByRole("button", { name: /Show kept mail/ }).click();
    await row.getByTestId("kept-content").waitFor();
    await expect(row.getByTestId("kept-content").textContent()).resolves.toContain(
      String(entries[0]!.BodyExcerpt).slice(0, 30),
    );
  });

  it("sends a 6 MB attachment through an upload session that survives a dropped connection", async () => {
    const pane = await openItem(t, "inbox", MAIL.video.id);
    await keepWhole(pane);
    await pane.getByLabel(/^survey\.mp4 \(6\.0 MB\)$/).waitFor();
    await t.stack.emulator.resetStats();
    // Drop the first upload request after the emulator took it; the pane must resume from the session.
    t.stack.emulator.setFaults({ dropRate: 1, dropAfterShare: 1, paths: ["/_api/upload/**"] });
    let dropped = 0;
    const watch = (async () => {
      for (let i = 0; i < 600 && dropped === 0; i++) {
        const s = await t.stack.emulator.stats();
        dropped = s.faults.dropAfter + s.faults.dropBefore;
        if (dropped === 0) await new Promise((r) => setTimeout(r, 10));
      }
      t.stack.emulator.setFaults({});
    })();
    await log(pane);
    await pane.getByText("The mail is kept in SharePoint (2 files).").waitFor({ timeout: 60_000 });
    await watch;
    expect(dropped).toBeGreaterThanOrEqual(1);

    const kept = (await keptFolder(t.stack.graph, MAIL.video.messageId))!;
    const video = kept.files.find((f) => f.name === "survey.mp4")!;
    expect(video.size).toBe(6_303_801);
    const sent = fixtureAttachmentBytes(findFixtureAttachment(MAIL.video.id, "survey.mp4"));
    expect((await download(t.stack.graph, video.id)).equals(Buffer.from(sent))).toBe(true);
    const [entry] = await entriesOf(MAIL.video.messageId);
    expect(entry!.DocumentUrl).toBe(kept.folder.webUrl);
  });

  it("keeps only the excerpt when asked: no file, no folder", async () => {
    const pane = await openItem(t, "inbox", MAIL.robin.id);
    await expect(pane.getByLabel("Keep with the entry").inputValue()).resolves.toBe("excerpt");
    await log(pane);
    await pane.getByText("An excerpt of the mail is kept with the entry.").waitFor();
    const [entry] = await entriesOf(MAIL.robin.messageId);
    expect(String(entry!.BodyExcerpt)).toMatch(/\S/);
    expect(entry!.DocumentUrl ?? "").toBe("");
    expect(await keptFolder(t.stack.graph, MAIL.robin.messageId)).toBeUndefined();
  });

  it("refuses a mail over the limit before anything is uploaded, and keeps the excerpt", async () => {
    const pane = await openItem(t, "inbox", MAIL.archive.id);
    await keepWhole(pane);
    await pane
      .getByText("The files come to 30 MB; at most 25 MB per item can be kept.", { exact: false })
      .waitFor();
    await t.stack.emulator.resetStats();
    await log(pane);
    await pane
      .getByText(
        /The mail's content comes to 30 MB; at most 25 MB per item can be kept\. Nothing was uploaded/,
      )
      .waitFor();
    const stats = await t.stack.emulator.stats();
    expect(stats.http.byMethod.PUT ?? 0).toBe(0);
    expect(await keptFolder(t.stack.graph, MAIL.archive.messageId)).toBeUndefined();
    const [entry] = await entriesOf(MAIL.archive.messageId);
    expect(String(entry!.BodyExcerpt)).toMatch(/\S/);
    expect(entry!.DocumentUrl ?? "").toBe("");
  });

  it("does not copy a protected mail, and the entry says why", async () => {
    const pane = await openItem(t, "inbox", MAIL.salary.id);
    await keepWhole(pane);
    await pane.getByText(/This mail is protected \(IRM or S\/MIME\)/).waitFor();
    await log(pane);
    await pane.getByText("This mail is protected: its content was not copied. The entry says so.").waitFor();
    const [entry] = await entriesOf(MAIL.salary.messageId);
    expect(entry!.BodyExcerpt).toBe(PROTECTED_NOTE);
    expect(await keptFolder(t.stack.graph, MAIL.salary.messageId)).toBeUndefined();
  });

  it("deleting the canceled entries of the kept mail removes its folder only with the last one", async () => {
    const folderOf = () => keptFolder(t.stack.graph, MAIL.offer.messageId);
    expect(await folderOf()).toBeDefined();
    const robin = (await entriesOf(MAIL.offer.messageId)).find((e) => e.ContactNo === "CT000010")!;

    // Both entries of the mail are canceled with their logged segment.
    let pane = await openItem(t, "inbox", MAIL.offer.id);
    await pane.getByRole("button", { name: "All entries" }).click();
    await pane.getByRole("heading", { name: "Interaction log entries" }).waitFor();
    const row = pane.locator(`[data-testid=entry-row][data-entry-id="${String(robin.id)}"]`);
    await row.getByRole("button", { name: /^Actions for / }).click();
    await row.getByRole("button", { name: "Cancel logged segment", exact: true }).click();
    await pane.getByText("Logged segment canceled: 2 entries.").waitFor();
    expect((await entriesOf(MAIL.offer.messageId)).every((e) => e.Canceled === true)).toBe(true);

    async function deleteCanceledOf(contactNo: string): Promise<void> {
      await pane.getByRole("button", { name: "Delete canceled entries…" }).click();
      await pane.getByLabel(/^Contact No\./).fill(contactNo);
      await pane.getByRole("button", { name: "Count entries to delete" }).click();
      await pane.getByText("1 canceled entry will be deleted.").waitFor();
      await pane.getByRole("button", { name: "Delete 1 entry" }).click();
      await pane.getByText(/^Deleted 1 canceled entry/).waitFor();
    }

    await deleteCanceledOf("CT000010");
    expect((await entriesOf(MAIL.offer.messageId)).map((e) => e.ContactNo)).toEqual(["CT000011"]);
    expect(await folderOf()).toBeDefined();

    pane = await openItem(t, "inbox", MAIL.offer.id);
    await pane.getByRole("button", { name: "All entries" }).click();
    await pane.getByRole("heading", { name: "Interaction log entries" }).waitFor();
    await deleteCanceledOf("CT000011");
    expect(await entriesOf(MAIL.offer.messageId)).toEqual([]);
    expect(await folderOf()).toBeUndefined();
  });
});

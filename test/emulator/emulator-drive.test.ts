// Document libraries (issue 15): drives, folders, simple and resumable uploads, downloads, deletes, conflicts, and
// content that survives a restart — through the real Graph SDK where it can (LargeFileUploadTask included), raw
// requests for what must be checked on the wire (416, no token on the upload URL).
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FileUpload, LargeFileUploadTask, type Client } from "@microsoft/microsoft-graph-client";
import type { RunningEmulator } from "../../dev/emulator";
import { HOST, sdk, SITE_PATH, start, token, type GraphJson } from "./helpers";

const LIB = "Interaction Documents";
const UNIT = 320 * 1024;

function bytes(n: number, seed = 1): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

describe("emulator drives", () => {
  let dir: string;
  let emulator: RunningEmulator;
  let client: Client;
  let siteId: string;
  let drive: string;

  const api = (p: string) => `${emulator.url}/v1.0${p}`;
  const send = (method: string, p: string, body?: Buffer | string, headers: Record<string, string> = {}) =>
    fetch(p.startsWith("http") ? p : api(p), {
      method,
      headers: { Authorization: `Bearer ${token()}`, ...headers },
      ...(body !== undefined ? { body: typeof body === "string" ? body : new Uint8Array(body) } : {}),
      redirect: "manual",
    });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "ilo-drive-"));
    emulator = await start({ dataDir: dir });
    client = sdk(emulator);
    siteId = emulator.siteId(HOST, SITE_PATH)!;
    const created = (await client
      .api(`/sites/${siteId}/lists`)
      .post({ displayName: LIB, list: { template: "documentLibrary" } })) as GraphJson;
    expect((created.list as { template: string }).template).toBe("documentLibrary");
    drive = `/sites/${siteId}/lists/${encodeURIComponent(LIB)}/drive`;
  });

  afterAll(async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives a library a drive, reachable by its id too", async () => {
    const d = (await client.api(drive).get()) as GraphJson;
    expect(d.driveType).toBe("documentLibrary");
    expect(d.id).toMatch(/^b!/);
    const root = (await client.api(`/drives/${d.id}/root`).get()) as GraphJson;
    expect(root.root).toEqual({});
    expect(root.webUrl).toBe(`https://${HOST}${SITE_PATH}/InteractionDocuments`);
    // A generic list has none.
    await client
      .api(`/sites/${siteId}/lists`)
      .post({ displayName: "Plain", list: { template: "genericList" } });
    await expect(client.api(`/sites/${siteId}/lists/Plain/drive`).get()).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it("creates folders with conflictBehavior fail (409 nameAlreadyExists), rename and replace", async () => {
    const folder = (await client
      .api(`${drive}/root/children`)
      .post({ name: "item-a", folder: {}, "@microsoft.graph.conflictBehavior": "fail" })) as GraphJson;
    expect(folder.folder).toEqual({ childCount: 0 });
    expect(folder.webUrl).toBe(`https://${HOST}${SITE_PATH}/InteractionDocuments/item-a`);
    await expect(
      client
        .api(`${drive}/root/children`)
        .post({ name: "ITEM-A", folder: {}, "@microsoft.graph.conflictBehavior": "fail" }),
    ).rejects.toMatchObject({ statusCode: 409, code: "nameAlreadyExists" });
    const renamed = (await client
      .api(`${drive}/root/children`)
      .post({ name: "item-a", folder: {}, "@microsoft.graph.conflictBehavior": "rename" })) as GraphJson;
    expect(renamed.name).toBe("item-a 1");
    const kept = (await client
      .api(`${drive}/root/children`)
      .post({ name: "item-a", folder: {}, "@microsoft.graph.conflictBehavior": "replace" })) as GraphJson;
    expect(kept.id).toBe(folder.id);
    const byPath = (await client.api(`${drive}/root:/item-a`).get()) as GraphJson;
    expect(byPath.id).toBe(folder.id);
    await expect(
      client.api(`${drive}/root/children`).post({ name: "bad:name", folder: {} }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it("simple upload: PUT root:/{path}:/content creates (201), replaces by default (200), fails on request (409)", async () => {
    const first = await send("PUT", `${drive}/root:/item-a/mail.eml:/content`, "From: a\r\n\r\nhello", {
      "Content-Type": "message/rfc822",
    });
    expect(first.status).toBe(201);
    const item = (await first.json()) as GraphJson;
    expect(item).toMatchObject({ name: "mail.eml", size: 16, file: { mimeType: "message/rfc822" } });
    expect((item.parentReference as { path: string }).path).toMatch(/\/root:\/item-a$/);
    const again = await send("PUT", `${drive}/root:/item-a/mail.eml:/content`, "From: a\r\n\r\nhello!");
    expect(again.status).toBe(200);
    expect(((await again.json()) as GraphJson).id).toBe(item.id);
    const fail = await send(
      "PUT",
      `${drive}/root:/item-a/mail.eml:/content?@microsoft.graph.conflictBehavior=fail`,
      "x",
    );
    expect(fail.status).toBe(409);
    expect(((await fail.json()) as GraphJson).error.code).toBe("nameAlreadyExists");
    // Under a folder by id as well.
    const folder = (await client.api(`${drive}/root:/item-a`).get()) as GraphJson;
    const byId = await send("PUT", `${drive}/items/${folder.id}:/note.txt:/content`, "note");
    expect(byId.status).toBe(201);
    const list = (await client.api(`${drive}/items/${folder.id}/children`).get()) as GraphJson;
    expect(list.value.map((c) => c.name)).toEqual(["mail.eml", "note.txt"]);
    // A missing parent folder is 404, nothing is created.
    expect((await send("PUT", `${drive}/root:/nowhere/x.txt:/content`, "x")).status).toBe(404);
  });

  it("downloads content through a 302 to a URL that needs no token", async () => {
    const res = await send("GET", `${drive}/root:/item-a/mail.eml:/content`);
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    const plain = await fetch(location);
    expect(plain.status).toBe(200);
    expect(await plain.text()).toBe("From: a\r\n\r\nhello!");
    const item = (await client.api(`${drive}/root:/item-a/mail.eml`).get()) as GraphJson;
    expect(item["@microsoft.graph.downloadUrl"]).toMatch(/\/_api\/download\//);
  });

  it("upload session: 202 with nextExpectedRanges, 416 on a wrong range, token-free URL, final range → 201", async () => {
    const file = bytes(2 * UNIT + 1000, 7);
    const session = (await client
      .api(`${drive}/root:/item-a/big.bin:/createUploadSession`)
      .post({ item: { "@microsoft.graph.conflictBehavior": "fail" } })) as GraphJson;
    expect(session.nextExpectedRanges).toEqual(["0-"]);
    const url = session.uploadUrl as string;
    expect(url).not.toContain("/v1.0/");
    const put = (start: number, end: number) =>
      fetch(url, {
        method: "PUT",
        headers: { "Content-Range": `bytes ${start}-${end}/${file.length}` },
        body: new Uint8Array(file.subarray(start, end + 1)),
      });
    const r1 = await put(0, UNIT - 1);
    expect(r1.status).toBe(202);
    expect(((await r1.json()) as GraphJson).nextExpectedRanges).toEqual([`${UNIT}-${file.length - 1}`]);
    // Skipping ahead, or sending the first range again: 416, nothing taken.
    const skip = await put(2 * UNIT, file.length - 1);
    expect(skip.status).toBe(416);
    expect(((await skip.json()) as GraphJson).error.code).toBe("invalidRange");
    expect((await put(0, UNIT - 1)).status).toBe(416);
    // A range that is not a multiple of 320 KiB (and not the last) is refused.
    expect((await put(UNIT, UNIT + 999)).status).toBe(400);
    const status = (await (await fetch(url)).json()) as GraphJson;
    expect(status.nextExpectedRanges).toEqual([`${UNIT}-${file.length - 1}`]);
    expect((await put(UNIT, 2 * UNIT - 1)).status).toBe(202);
    const last = await put(2 * UNIT, file.length - 1);
    expect(last.status).toBe(201);
    const item = (await last.json()) as GraphJson;
    expect(item).toMatchObject({ name: "big.bin", size: file.length });
    const loc = (await send("GET", `${drive}/items/${item.id}/content`)).headers.get("location")!;
    expect(Buffer.from(await (await fetch(loc)).arrayBuffer()).equals(file)).toBe(true);
    // The session is over.
    expect((await fetch(url)).status).toBe(404);
  });

  it("upload session with conflictBehavior fail refuses a taken name (409), when created", async () => {
    await expect(
      client
        .api(`${drive}/root:/item-a/big.bin:/createUploadSession`)
        .post({ item: { "@microsoft.graph.conflictBehavior": "fail" } }),
    ).rejects.toMatchObject({ statusCode: 409, code: "nameAlreadyExists" });
  });

  it("works with the SDK's LargeFileUploadTask", async () => {
    const file = bytes(3 * UNIT + 5, 3);
    const session = await LargeFileUploadTask.createUploadSession(
      client,
      `${drive}/root:/item-a/sdk.bin:/createUploadSession`,
      { item: { "@microsoft.graph.conflictBehavior": "replace" } },
    );
    const task = new LargeFileUploadTask(client, new FileUpload(file, "sdk.bin", file.length), session, {
      rangeSize: UNIT,
    });
    const result = await task.upload();
    expect((result.responseBody as GraphJson).size).toBe(file.length);
  });

  it("deletes a folder with everything in it, and keeps content across a restart", async () => {
    const keep = await send("PUT", `${drive}/root:/item-a/keep.txt:/content`, "kept");
    expect(keep.status).toBe(201);
    const before = readdirSync(path.join(dir, "content")).length;
    await emulator.close();
    // Bytes written by a crash before their metadata was committed: removed at start, nothing else is.
    writeFileSync(path.join(dir, "content", "00000000-0000-4000-8000-000000000000"), "orphan");
    emulator = await start({ dataDir: dir });
    client = sdk(emulator);
    const loc = (await send("GET", `${drive}/root:/item-a/keep.txt:/content`)).headers.get("location")!;
    expect(await (await fetch(loc)).text()).toBe("kept");
    expect(readdirSync(path.join(dir, "content"))).toHaveLength(before);
    const folder = (await client.api(`${drive}/root:/item-a`).get()) as GraphJson;
    expect((folder.folder as { childCount: number }).childCount).toBe(5);
    expect((await send("DELETE", `${drive}/items/${folder.id}`)).status).toBe(204);
    await expect(client.api(`${drive}/root:/item-a/keep.txt`).get()).rejects.toMatchObject({
      statusCode: 404,
    });
    expect(readdirSync(path.join(dir, "content")).length).toBe(before - 5);
  });
});

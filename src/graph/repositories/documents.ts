// Interaction Documents (issue 15): the document library's drive, addressed by site path and library title like the
// lists (`/sites/{host}:/{path}:/lists/Interaction%20Documents/drive`), so nothing is resolved first. Folders are
// created with conflictBehavior fail and read back on 409 (two panes creating the same folder get the same one);
// files are written with replace, so a retried upload overwrites itself instead of making "name 1.eml".
import type { Client } from "@microsoft/microsoft-graph-client";
import { StoreError } from "../../domain/errors";
import { toStoreError } from "../errors";
import { DOCUMENT_LIBRARY } from "../schema";
import { siteAddressFor, type SharePointSite } from "../site";

export interface DriveItem {
  id: string;
  name: string;
  webUrl: string;
  size?: number;
  eTag?: string;
  folder?: { childCount?: number };
  file?: { mimeType?: string };
}

interface Page<T> {
  value?: T[];
  "@odata.nextLink"?: string;
}

const enc = (name: string) => encodeURIComponent(name);

export class DocumentsRepository {
  readonly drive: string;
  private readonly client: Client;

  constructor(site: SharePointSite) {
    this.client = site.client;
    this.drive = `${siteAddressFor(site.siteUrl)}/lists/${enc(DOCUMENT_LIBRARY.displayName)}/drive`;
  }

  /** A folder directly under the root, or undefined when there is none. */
  async folder(name: string): Promise<DriveItem | undefined> {
    try {
      return (await this.client.api(`${this.drive}/root:/${enc(name)}`).get()) as DriveItem;
    } catch (e) {
      const err = toStoreError(e, `Reading the folder ${name} in ${DOCUMENT_LIBRARY.displayName} failed`);
      if (err.kind === "notFound") return undefined;
      throw err;
    }
  }

  /** The folder under the root, created when missing (never a second one: fail, then read the winner). */
  async ensureFolder(name: string): Promise<DriveItem> {
    try {
      return (await this.client.api(`${this.drive}/root/children`).post({
        name,
        folder: {},
        "@microsoft.graph.conflictBehavior": "fail",
      })) as DriveItem;
    } catch (e) {
      const err = toStoreError(e, `Creating the folder ${name} in ${DOCUMENT_LIBRARY.displayName} failed`);
      if (err.details.status !== 409) throw this.explain(err);
      const existing = await this.folder(name);
      if (!existing) throw err;
      return existing;
    }
  }

  async children(folderId: string): Promise<DriveItem[]> {
    const out: DriveItem[] = [];
    try {
      let page = (await this.client
        .api(`${this.drive}/items/${enc(folderId)}/children`)
        .select("id,name,size,file,folder,webUrl")
        .get()) as Page<DriveItem>;
      for (let guard = 0; guard < 50; guard++) {
        out.push(...(page.value ?? []));
        const next = page["@odata.nextLink"];
        if (!next) break;
        page = (await this.client.api(next).get()) as Page<DriveItem>;
      }
    } catch (e) {
      throw toStoreError(e, "Reading the kept files failed");
    }
    return out;
  }

  /** Simple upload (small files): replaces a file of the same name, so a retry never makes a second copy. */
  async putSmall(folderId: string, name: string, bytes: Uint8Array): Promise<DriveItem> {
    try {
      return (await this.client
        .api(`${this.drive}/items/${enc(folderId)}:/${enc(name)}:/content`)
        .query({ "@microsoft.graph.conflictBehavior": "replace" })
        .header("Content-Type", "application/octet-stream")
        .put(new Blob([bytes as BlobPart]))) as DriveItem;
    } catch (e) {
      throw toStoreError(e, `Uploading ${name} failed`);
    }
  }

  /** An upload session for a large file (replace: a retried session overwrites, never duplicates). */
  async createUploadSession(folderId: string, name: string, size: number): Promise<string> {
    try {
      const s = (await this.client
        .api(`${this.drive}/items/${enc(folderId)}:/${enc(name)}:/createUploadSession`)
        .post({ item: { "@microsoft.graph.conflictBehavior": "replace", fileSize: size } })) as {
        uploadUrl?: string;
      };
      if (!s?.uploadUrl)
        throw new StoreError("unknown", "Graph returned an upload session without an uploadUrl");
      return s.uploadUrl;
    } catch (e) {
      throw toStoreError(e, `Starting the upload of ${name} failed`);
    }
  }

  async delete(itemId: string): Promise<boolean> {
    try {
      await this.client.api(`${this.drive}/items/${enc(itemId)}`).delete();
      return true;
    } catch (e) {
      const err = toStoreError(e, "Deleting kept content failed");
      if (err.kind === "notFound") return false;
      throw err;
    }
  }

  /** A library that is not there yet (lists set up before issue 15) reads as notProvisioned. */
  private explain(err: StoreError): StoreError {
    return err.kind === "notFound"
      ? new StoreError(
          "notProvisioned",
          `The document library "${DOCUMENT_LIBRARY.displayName}" is missing: run Set up SharePoint lists`,
          err.details,
        )
      : err;
  }
}

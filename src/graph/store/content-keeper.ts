// Keeping what was said (issue 15): the excerpt goes into BodyExcerpt, the whole mail into one folder per source item
// in Interaction Documents (named from a hash of SourceId), and every entry logged from the item gets the folder's
// webUrl in DocumentUrl. Logging the same mail again (for more contacts) finds the folder and the files already there
// (same name and size) and uploads nothing twice. The size limit is checked before anything is uploaded.
import {
  PROTECTED_NOTE,
  type KeepContentRequest,
  type KeepContentResult,
  type KeptFile,
} from "../../domain/content-ports";
import { StoreError } from "../../domain/errors";
import {
  bodyExcerpt,
  checkContentSize,
  contentFolderName,
  DEFAULT_CONTENT_LIMIT_BYTES,
  effectiveContentChoice,
  safeFileName,
  type ContentChoice,
} from "../../domain/mail-content";
import { storedSourceId } from "../../domain/source-ref";
import { entryContentToFields, type Fields } from "../mapping";
import { DocumentsRepository, type DriveItem } from "../repositories/documents";
import { entriesBySource, entriesRepository } from "../repositories/entries";
import type { SharePointSite } from "../site";
import {
  SESSION_GONE,
  SIMPLE_UPLOAD_MAX,
  uploadInSession,
  type SessionUploadOptions,
} from "./content-upload";

export type { KeepContentRequest, KeepContentResult, KeptFile } from "../../domain/content-ports";

export interface ContentKeeperOptions extends Omit<SessionUploadOptions, "onProgress"> {
  site: SharePointSite;
  /** ILO_KEEP_CONTENT_MAX. */
  cap?: ContentChoice;
  /** ILO_KEEP_CONTENT_LIMIT_MB in bytes. */
  limitBytes?: number;
  /** Bytes sent of all files of the log. */
  onProgress?: (sent: number, total: number) => void;
}

export class ContentKeeper {
  private readonly docs: DocumentsRepository;
  private readonly entries;

  constructor(private readonly options: ContentKeeperOptions) {
    this.docs = new DocumentsRepository(options.site);
    this.entries = entriesRepository(options.site);
  }

  async keep(req: KeepContentRequest): Promise<KeepContentResult> {
    let kept = effectiveContentChoice(req.choice, this.options.cap ?? "full");
    const result: KeepContentResult = { kept, uploaded: [], reused: [] };
    if (kept === "none") return result;
    if (req.notCopied) {
      // Protected mail: nothing is copied, and every entry says why.
      await this.writeFields(req, entryContentToFields({ bodyExcerpt: PROTECTED_NOTE }));
      return { kept: "none", uploaded: [], reused: [], notCopied: req.notCopied };
    }
    const excerpt = req.plainBody ? bodyExcerpt(req.plainBody) : "";
    if (excerpt) result.bodyExcerpt = excerpt;
    if (kept === "full") {
      const files = uniqueNames(req.files ?? []);
      const check = checkContentSize(
        files.map((f) => ({ name: f.name, size: f.bytes.length })),
        this.options.limitBytes ?? DEFAULT_CONTENT_LIMIT_BYTES,
      );
      if (!check.ok) {
        kept = "excerpt";
        result.kept = kept;
        result.refused = check.message;
        result.refusedSize = { totalBytes: check.totalBytes, limitBytes: check.limitBytes };
      } else if (files.length) {
        const folder = await this.docs.ensureFolder(contentFolderName(storedSourceId(req.sourceId.trim())));
        await this.upload(folder, files, result);
        result.documentUrl = folder.webUrl;
      }
    }
    const fields = entryContentToFields({
      ...(result.documentUrl ? { documentUrl: result.documentUrl } : {}),
      ...(result.bodyExcerpt ? { bodyExcerpt: result.bodyExcerpt } : {}),
    });
    await this.writeFields(req, fields);
    return result;
  }

  /** Only our two columns are written, so no other change can be overwritten: If-Match * (any version). */
  private async writeFields(req: KeepContentRequest, fields: Fields): Promise<void> {
    if (!Object.keys(fields).length) return;
    const ids = new Set(req.entryIds);
    if (req.contactNos?.length) {
      // Entries written after the content was decided (their log waited in the outbox): found by the indexed
      // SourceId, the non-canceled one of each contact.
      const wanted = new Set(req.contactNos);
      for (const e of await this.entries.listAll(entriesBySource(req.sourceId), 10))
        if (e.id && !e.canceled && wanted.has(e.contactNo)) ids.add(e.id);
    }
    await Promise.all([...ids].map((id) => this.entries.update(id, fields, "*")));
  }

  private async upload(folder: DriveItem, files: KeptFile[], result: KeepContentResult): Promise<void> {
    const have = new Map((await this.docs.children(folder.id)).map((c) => [c.name.toLowerCase(), c.size]));
    const taken = new Set([...have.keys(), ...files.map((f) => f.name.toLowerCase())]);
    const todo: KeptFile[] = [];
    for (const f of files) {
      const size = have.get(f.name.toLowerCase());
      if (size === f.bytes.length) {
        result.reused.push(f.name);
        continue;
      }
      // Another file of that name is kept already (another log of the same mail kept a different attachment
      // under it): never replace it, keep this one beside it.
      if (size !== undefined) {
        const name = numbered(f.name, taken);
        taken.add(name.toLowerCase());
        todo.push({ name, bytes: f.bytes });
      } else todo.push(f);
    }
    const total = todo.reduce((n, f) => n + f.bytes.length, 0);
    let done = 0;
    for (const f of todo) {
      if (f.bytes.length <= SIMPLE_UPLOAD_MAX) await this.docs.putSmall(folder.id, f.name, f.bytes);
      else await this.large(folder, f, (sent) => this.options.onProgress?.(done + sent, total));
      done += f.bytes.length;
      this.options.onProgress?.(done, total);
      result.uploaded.push(f.name);
    }
  }

  private async large(folder: DriveItem, f: KeptFile, progress: (sent: number) => void): Promise<void> {
    const url = await this.docs.createUploadSession(folder.id, f.name, f.bytes.length);
    const { site: _s, cap: _c, limitBytes: _l, onProgress: _p, ...upload } = this.options;
    try {
      await uploadInSession(url, f.bytes, { ...upload, onProgress: (sent) => progress(sent) });
    } catch (e) {
      // The last range's answer was lost and the session ended with the file committed: check before failing.
      if (!(e instanceof StoreError && e.details.code === SESSION_GONE)) throw e;
      const there = (await this.docs.children(folder.id)).find(
        (c) => c.name.toLowerCase() === f.name.toLowerCase() && c.size === f.bytes.length,
      );
      if (!there)
        throw new StoreError("offline", `The upload of ${f.name} was interrupted; it will be tried again`);
    }
  }
}

/** Safe, distinct names: "a.pdf", "a (2).pdf" for a second attachment of the same name. */
function uniqueNames(files: readonly KeptFile[]): KeptFile[] {
  const seen = new Set<string>();
  return files.map((f) => {
    const name = numbered(safeFileName(f.name), seen);
    seen.add(name.toLowerCase());
    return { name, bytes: f.bytes };
  });
}

/** `base` itself when free, else "a (2).pdf", "a (3).pdf", … (`taken` in lower case). */
function numbered(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const dot = base.lastIndexOf(".");
    name = dot > 0 ? `${base.slice(0, dot)} (${n})${base.slice(dot)}` : `${base} (${n})`;
  }
  return name;
}

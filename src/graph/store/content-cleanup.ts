// Cleanup of kept content (issue 15): a source item's folder in Interaction Documents goes when no remaining entry
// points to it. Called by the delete-canceled job after its deletes, with the entries it deleted; the remaining
// entries of each source are read by the indexed SourceId.
import { contentFolderName } from "../../domain/mail-content";
import type { InteractionLogEntry } from "../../domain/types";
import { DocumentsRepository } from "../repositories/documents";
import { entriesBySource, entriesRepository } from "../repositories/entries";
import type { SharePointSite } from "../site";

/** Deletes the folders of the deleted entries' sources that no remaining entry points to; returns how many went. */
export async function removeUnusedContent(
  site: SharePointSite,
  deleted: readonly InteractionLogEntry[],
): Promise<number> {
  const sources = [...new Set(deleted.map((e) => e.sourceId).filter((s): s is string => !!s))];
  if (!sources.length) return 0;
  const docs = new DocumentsRepository(site);
  const entries = entriesRepository(site);
  let removed = 0;
  for (const source of sources) {
    const folder = await docs.folder(contentFolderName(source));
    if (!folder) continue;
    const remaining = await entries.listAll(entriesBySource(source), 10);
    if (remaining.some((e) => !!e.documentUrl)) continue;
    if (await docs.delete(folder.id)) removed++;
  }
  return removed;
}

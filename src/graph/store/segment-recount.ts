// NoOfInteractions of a logged segment counts its entries (Business Central's FlowField over the segment's entries).
// Deleting canceled entries lowers it for the segments that stay; a segment left without entries is deleted by the
// job itself. Best effort: the entries are what matters, so a failure here leaves the old count and is not reported.
import type { InteractionLogEntry } from "../../domain/types";
import { BATCH_LIMIT, isSuccess } from "../batch";
import { COL } from "../schema";
import type { StoreCore } from "./store-core";

/**
 * `members`: each segment's entries before the run; `deleted`: the entries this run deleted; `gone`: segments the
 * run deleted. Returns how many segments were updated.
 */
export async function recountSegments(
  core: StoreCore,
  members: Map<string, number>,
  deleted: InteractionLogEntry[],
  gone: Set<string>,
): Promise<number> {
  const removed = new Map<string, number>();
  for (const e of deleted)
    if (e.loggedSegmentId && !gone.has(e.loggedSegmentId))
      removed.set(e.loggedSegmentId, (removed.get(e.loggedSegmentId) ?? 0) + 1);
  const wanted = [...removed]
    .filter(([s]) => members.has(s))
    .map(([s, n]) => ({ id: s, count: Math.max(0, members.get(s)! - n) }));
  let updated = 0;
  try {
    for (let i = 0; i < wanted.length; i += BATCH_LIMIT) {
      const chunk = wanted.slice(i, i + BATCH_LIMIT);
      const read = await core.run(
        chunk.map((w, j) => core.segments.getStep(`g${j}`, w.id)),
        true,
      );
      const steps = chunk.flatMap((w, j) => {
        const r = read.get(`g${j}`);
        if (!r || !isSuccess(r)) return [];
        const segment = core.segments.itemFromStep(r);
        // Lists set up before the column existed have no count to keep.
        if (segment.noOfInteractions === undefined || segment.noOfInteractions === w.count) return [];
        const fields = { [COL.segments.noOfInteractions]: w.count };
        return [core.segments.updateStep(`u${j}`, w.id, fields, segment.eTag)];
      });
      if (!steps.length) continue;
      const answers = await core.run(steps, true);
      updated += [...answers.values()].filter(isSuccess).length;
    }
  } catch {
    // Best effort (see above).
  }
  return updated;
}

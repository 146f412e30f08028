// The delete job's order: a logged segment is deleted after all its entries, in the same $batch as (and depending
// on) its last one, so an interruption between two $batches never leaves a segment without entries behind.
import type { InteractionLogEntry } from "../../domain/types";
import { deletionPlan } from "./delete-canceled";

let next = 1;
const entry = (loggedSegmentId?: string): InteractionLogEntry => ({
  id: String(next++),
  description: "d",
  contactNo: "CT1",
  interactionDate: "2024-01-01T00:00:00Z",
  templateCode: "EMAIL",
  costLCY: 0,
  durationMin: 0,
  userId: "u",
  attemptFailed: false,
  canceled: true,
  sourceKind: "Manual",
  dedupeKey: `k${next}~canceled~${next}`,
  ...(loggedSegmentId ? { loggedSegmentId } : {}),
});

describe("deletionPlan", () => {
  it("deletes loose entries and all but the last entry of each emptied segment first; each segment goes with its last", () => {
    const a = [entry("S1"), entry("S1"), entry("S1")];
    const b = [entry("S2")];
    const kept = [entry("KEPT"), entry("KEPT")];
    const loose = [entry(), entry()];
    const targets = [a[0]!, loose[0]!, b[0]!, kept[0]!, a[1]!, kept[1]!, loose[1]!, a[2]!];
    const plan = deletionPlan(targets, new Set(["S1", "S2"]));
    expect(plan.last).toEqual([
      { segmentId: "S1", entry: a[2] },
      { segmentId: "S2", entry: b[0] },
    ]);
    expect(plan.first).toEqual([loose[0], kept[0], a[0], kept[1], loose[1], a[1]]);
    // Every target exactly once; a segment that keeps an entry outside the run never travels with one.
    expect([...plan.first, ...plan.last.map((l) => l.entry)].map((e) => e.id).sort()).toEqual(
      targets.map((e) => e.id).sort(),
    );
    expect(plan.last.some((l) => l.segmentId === "KEPT")).toBe(false);
  });

  it("plans nothing for segments when none is emptied", () => {
    const targets = [entry("S1"), entry()];
    expect(deletionPlan(targets, new Set())).toEqual({ first: targets, last: [] });
  });
});

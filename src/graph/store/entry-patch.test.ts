import type { InteractionLogEntry } from "../../domain/types";
import { afterPatch } from "./entry-patch";

const entry: InteractionLogEntry = {
  id: "12",
  eTag: '"old,1"',
  description: "Quote",
  contactNo: "CT000010",
  interactionDate: "2024-05-01T09:30:00Z",
  templateCode: "EMAIL",
  costLCY: 0.5,
  durationMin: 5,
  userId: "annette.hill@cronus.example",
  evaluation: "Positive",
  attemptFailed: false,
  canceled: false,
  sourceKind: "Email",
  dedupeKey: "E-abc-CT000010",
};

describe("afterPatch: the entry as stored after a PATCH of its fields", () => {
  it("takes Graph's answer (all fields and the new eTag) over what was read", () => {
    const got = afterPatch(
      entry,
      { Canceled: true },
      {
        id: "p0",
        status: 200,
        headers: {},
        body: { "@odata.etag": '"new,2"', Canceled: true, Comment: "theirs" },
      },
    );
    expect(got).toMatchObject({
      id: "12",
      eTag: '"new,2"',
      canceled: true,
      comment: "theirs",
      description: "Quote",
    });
  });

  it("falls back to the ETag header, and to no eTag at all rather than the stale one", () => {
    const fromHeader = afterPatch(
      entry,
      { Evaluation: null },
      { id: "p0", status: 200, headers: { ETag: '"h,3"' }, body: {} },
    );
    expect(fromHeader.eTag).toBe('"h,3"');
    expect(fromHeader.evaluation).toBeUndefined();
    const none = afterPatch(
      entry,
      { AttemptFailed: true },
      { id: "p0", status: 200, headers: {}, body: undefined },
    );
    expect(none.eTag).toBeUndefined();
    expect(none.attemptFailed).toBe(true);
  });
});

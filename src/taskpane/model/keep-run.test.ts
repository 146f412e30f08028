import type { LogResult } from "../../domain/ports";
import type { InteractionLogEntry } from "../../domain/types";
import { keepTargets, knownParts } from "./keep-run";

const entry = (id: string, extra: Partial<InteractionLogEntry> = {}) =>
  ({ id, contactNo: `C${id}`, ...extra }) as InteractionLogEntry;

describe("what a log's content is kept with", () => {
  it("takes new entries, already-logged ones without content, and the contacts still waiting in the outbox", () => {
    const result: LogResult = {
      results: [
        { contactNo: "C1", status: "logged", entry: entry("1") },
        { contactNo: "C2", status: "alreadyLogged", entry: entry("2") },
        { contactNo: "C3", status: "alreadyLogged", entry: entry("3", { bodyExcerpt: "kept before" }) },
        { contactNo: "C4", status: "alreadyLogged", entry: entry("4", { documentUrl: "https://x/item-1" }) },
        { contactNo: "C5", status: "queued" },
        { contactNo: "C6", status: "failed" },
      ],
    };
    expect(keepTargets(result)).toEqual({ entryIds: ["1", "2"], contactNos: ["C5"] });
  });

  it("knows the size up front: the ticked files, or every attachment inside an .eml", () => {
    const info = {
      whole: "html" as const,
      protected: false,
      attachmentBytes: 300,
      attachments: [
        { id: "a", name: "a.pdf", size: 100, cloud: false },
        { id: "b", name: "b.png", size: 200, cloud: false },
        { id: "c", name: "c.docx", size: 0, cloud: true },
      ],
    };
    expect(knownParts(info, new Set(["a", "c"]))).toEqual([info.attachments[0]]);
    expect(knownParts({ ...info, whole: "eml", attachments: [] }, new Set())).toEqual([
      { name: "mail.eml", size: 300 },
    ]);
    expect(knownParts(undefined, new Set(["a"]))).toEqual([]);
  });
});

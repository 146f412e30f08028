// The journal on its own: a write that fails part-way must not leave a partial line that later records glue onto.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Journal } from "./journal";
import type { Mutation } from "./mutations";

const del = (id: number): Mutation => ({ t: "delete", listId: "l", id, changeSeq: id });

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-journal-"));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Makes the next writeSync write half of what it is given and then fail, as a full disk would. */
function failNextWriteHalfway(): jest.SpyInstance {
  const realWrite = fs.writeSync.bind(fs) as (fd: number, buf: Buffer, off: number, len: number) => number;
  const spy = jest.spyOn(fs, "writeSync") as unknown as jest.SpyInstance<
    number,
    [number, Buffer, number, number]
  >;
  spy.mockImplementationOnce((fd, buf, off, len) => {
    realWrite(fd, buf, off, Math.floor(len / 2));
    throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
  });
  return spy;
}

describe("Journal.append after a failed write", () => {
  it("cuts the partial line off and rethrows, so later appends replay", () => {
    const journal = new Journal(dir);
    journal.open();
    journal.append([del(1)], true);
    const sizeBefore = fs.statSync(path.join(dir, "journal.log")).size;

    const spy = failNextWriteHalfway();
    expect(() => journal.append([del(2)], true)).toThrow("ENOSPC");
    expect(spy).toHaveBeenCalled();
    expect(fs.statSync(path.join(dir, "journal.log")).size).toBe(sizeBefore);

    journal.append([del(3)], true);
    journal.append([del(4)], true);
    journal.close();

    const reopened = new Journal(dir);
    const { records } = reopened.open();
    reopened.close();
    expect(records.map((r) => r.muts)).toEqual([[del(1)], [del(3)], [del(4)]]);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(reopened.stats.droppedTailBytes).toBe(0);
  });

  it("refuses further appends when the partial line cannot be cut off", () => {
    const journal = new Journal(dir);
    journal.open();
    journal.append([del(1)], true);
    failNextWriteHalfway();
    jest.spyOn(fs, "ftruncateSync").mockImplementationOnce(() => {
      throw new Error("EIO: i/o error, ftruncate");
    });
    expect(() => journal.append([del(2)], true)).toThrow("ENOSPC");
    expect(() => journal.append([del(3)], true)).toThrow(/journal is unusable/);
    jest.restoreAllMocks();
    journal.close();

    const reopened = new Journal(dir);
    const { records } = reopened.open();
    reopened.close();
    expect(records.map((r) => r.muts)).toEqual([[del(1)]]);
  });
});

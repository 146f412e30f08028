// Durable storage: an append-only journal of committed mutations plus a periodic snapshot.
//
// Each journal line is `<checksum>\t<json>\n` and is fsynced before the emulator answers the request that made it, so
// an acknowledged write survives kill -9. On start the snapshot is loaded, then journal lines are replayed up to the
// first line that is torn or fails its checksum; that tail (a write that was never acknowledged) is cut off.
// Compaction writes the snapshot to a temporary file, fsyncs it, renames it over the old one and only then empties
// the journal; records already in the snapshot are skipped on replay, so a crash between those steps is harmless.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Mutation, SnapshotData } from "./mutations";

export interface JournalRecord {
  seq: number;
  muts: Mutation[];
}

export interface JournalStats {
  records: number;
  bytes: number;
  fsyncs: number;
  fsyncMsTotal: number;
  compactions: number;
  droppedTailBytes: number;
}

function checksum(json: string): string {
  return createHash("sha256").update(json).digest("hex").slice(0, 16);
}

export class Journal {
  private fd = -1;
  private seq = 0;
  private pendingSync = false;
  private failure: Error | undefined;
  readonly stats: JournalStats = {
    records: 0,
    bytes: 0,
    fsyncs: 0,
    fsyncMsTotal: 0,
    compactions: 0,
    droppedTailBytes: 0,
  };
  private readonly journalPath: string;
  private readonly snapshotPath: string;

  constructor(
    readonly dir: string,
    private readonly compactAtBytes = 64 * 1024 * 1024,
  ) {
    this.journalPath = path.join(dir, "journal.log");
    this.snapshotPath = path.join(dir, "snapshot.json");
  }

  /** Loads the snapshot and the valid journal records after it; opens the journal for appending. */
  open(): { snapshot?: SnapshotData; records: JournalRecord[] } {
    fs.mkdirSync(this.dir, { recursive: true });
    let snapshot: SnapshotData | undefined;
    if (fs.existsSync(this.snapshotPath)) {
      snapshot = JSON.parse(fs.readFileSync(this.snapshotPath, "utf8")) as SnapshotData;
      this.seq = snapshot.seq;
    }
    const records: JournalRecord[] = [];
    let good = 0;
    let size = 0;
    if (fs.existsSync(this.journalPath)) {
      const buf = fs.readFileSync(this.journalPath);
      size = buf.length;
      let start = 0;
      while (start < buf.length) {
        const nl = buf.indexOf(10, start);
        if (nl < 0) break; // torn: the newline never made it
        const line = buf.subarray(start, nl).toString("utf8");
        const tab = line.indexOf("\t");
        const json = tab > 0 ? line.slice(tab + 1) : "";
        if (tab !== 16 || checksum(json) !== line.slice(0, 16)) break;
        let rec: JournalRecord;
        try {
          rec = JSON.parse(json) as JournalRecord;
        } catch {
          break;
        }
        if (rec.seq > this.seq) {
          records.push(rec);
          this.seq = rec.seq;
        }
        start = nl + 1;
        good = start;
      }
    }
    this.fd = fs.openSync(this.journalPath, "a+");
    if (good < size) {
      fs.ftruncateSync(this.fd, good);
      fs.fsyncSync(this.fd);
      this.stats.droppedTailBytes = size - good;
    }
    this.stats.bytes = good;
    this.stats.records = records.length;
    return { ...(snapshot ? { snapshot } : {}), records };
  }

  /**
   * Appends one record; with `sync` false the caller promises a later sync() before answering. A write that fails
   * part-way (disk full, I/O error) is cut back off the file before the error is rethrown: left in place, its partial
   * line would glue onto the next record and replay would stop there, losing every later acknowledged write.
   */
  append(muts: Mutation[], sync: boolean): void {
    if (this.failure) throw this.failure;
    const json = JSON.stringify({ seq: this.seq + 1, muts });
    const line = `${checksum(json)}\t${json}\n`;
    const bytes = Buffer.from(line, "utf8");
    const before = fs.fstatSync(this.fd).size;
    try {
      let off = 0;
      while (off < bytes.length) off += fs.writeSync(this.fd, bytes, off, bytes.length - off);
    } catch (e) {
      try {
        fs.ftruncateSync(this.fd, before);
      } catch (truncateError) {
        // The file now ends in a partial line we could not remove: refuse further appends rather than write
        // acknowledged records behind it that replay would never reach.
        this.failure = new Error(
          `journal is unusable: a failed write could not be cut back (${(truncateError as Error).message})`,
          { cause: e },
        );
      }
      throw e;
    }
    this.seq++;
    this.stats.records++;
    this.stats.bytes += bytes.length;
    this.pendingSync = true;
    if (sync) this.sync();
  }

  /** True while appended records are not yet fsynced. */
  get unsynced(): boolean {
    return this.pendingSync;
  }

  sync(): void {
    if (!this.pendingSync) return;
    const t0 = performance.now();
    fs.fsyncSync(this.fd);
    this.stats.fsyncs++;
    this.stats.fsyncMsTotal += performance.now() - t0;
    this.pendingSync = false;
  }

  needsCompaction(): boolean {
    return this.stats.bytes >= this.compactAtBytes;
  }

  compact(build: (seq: number) => SnapshotData): void {
    this.sync();
    const data = build(this.seq);
    const tmp = `${this.snapshotPath}.tmp`;
    const fd = fs.openSync(tmp, "w");
    try {
      fs.writeSync(fd, JSON.stringify(data));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.snapshotPath);
    fsyncDir(this.dir);
    fs.ftruncateSync(this.fd, 0);
    fs.fsyncSync(this.fd);
    this.stats.bytes = 0;
    this.stats.records = 0;
    this.stats.compactions++;
  }

  close(): void {
    if (this.fd < 0) return;
    this.sync();
    fs.closeSync(this.fd);
    this.fd = -1;
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory; the rename itself is still atomic there.
  }
}

// Durable storage: an append-only journal of committed mutations plus a periodic snapshot.
//
// Each journal line is `<checksum>\t<json>\n` and is fsynced before the emulator answers the request that made it, so
// an acknowledged write survives kill -9.
//
// Replay (open): the snapshot, then every intact line after the snapshot's sequence. A complete line that fails its
// checksum or does not parse is skipped when an intact, checksummed line follows it (those later lines were
// acknowledged writes); it is reported through `log`, counted in `stats` and its bytes are appended to
// journal.rejected for inspection. Whatever follows the last intact line (a torn write, or corrupt lines with nothing
// intact after them: never acknowledged) is cut off, as before, and kept in journal.rejected too.
//
// Compaction writes the snapshot to a temporary file in full (looping over short writes), fsyncs it, reads it back
// and compares, renames it over the old one, fsyncs the folder and only then empties the journal. Any failure before
// the rename leaves the old snapshot and the journal untouched and is retried once the journal has grown further;
// records already in a snapshot are skipped on replay, so a crash between the later steps is harmless.
import { createHash } from "node:crypto";
import path from "node:path";
import { nodeFs, writeFully, type JournalFs } from "./journal-fs";
import type { Mutation, SnapshotData } from "./mutations";

export const REJECTED_FILE = "journal.rejected";
export const DEFAULT_COMPACT_AT_BYTES = 64 * 1024 * 1024;

export interface JournalRecord {
  seq: number;
  muts: Mutation[];
  /** The line as it is in the journal (for journal.rejected, should the store refuse it). */
  raw?: Buffer;
  /** Byte offset of the line in the journal. */
  offset?: number;
}

export interface JournalStats {
  records: number;
  bytes: number;
  fsyncs: number;
  fsyncMsTotal: number;
  compactions: number;
  compactionFailures: number;
  lastCompactionError?: string;
  /** Bytes cut off the end at start (torn or corrupt, never acknowledged). */
  droppedTailBytes: number;
  /** Corrupt complete lines skipped at start because intact lines follow them. */
  skippedLines: number;
  skippedBytes: number;
}

export interface JournalOptions {
  /** Journal size that triggers compaction (bytes). */
  compactAtBytes?: number;
  fs?: JournalFs;
  /** Where start-up reports and compaction failures go (default: nowhere). */
  log?: (message: string) => void;
}

function checksum(json: string): string {
  return createHash("sha256").update(json).digest("hex").slice(0, 16);
}

interface ScannedLine {
  start: number;
  /** Exclusive, newline included. */
  end: number;
  record?: JournalRecord;
  /** Why the line is not a record. */
  problem?: string;
}

function scanLine(buf: Buffer, start: number, end: number): ScannedLine {
  const line = buf.subarray(start, end - 1).toString("utf8");
  const tab = line.indexOf("\t");
  if (tab !== 16) return { start, end, problem: "no checksum" };
  const json = line.slice(17);
  if (checksum(json) !== line.slice(0, 16)) return { start, end, problem: "checksum mismatch" };
  let rec: unknown;
  try {
    rec = JSON.parse(json);
  } catch {
    return { start, end, problem: "not JSON" };
  }
  const r = rec as Partial<JournalRecord> | null;
  if (typeof r?.seq !== "number" || !Array.isArray(r.muts)) return { start, end, problem: "not a record" };
  return { start, end, record: { seq: r.seq, muts: r.muts, raw: buf.subarray(start, end), offset: start } };
}

function seqHint(bytes: Buffer): string {
  const m = /"seq":(\d+)/.exec(bytes.toString("utf8"));
  return m ? `, looks like seq ${m[1]}` : "";
}

export class Journal {
  private fd = -1;
  private seq = 0;
  private pendingSync = false;
  private failure: Error | undefined;
  /** After a failed compaction: the journal size at which to try again. */
  private retryAtBytes = 0;
  readonly stats: JournalStats = {
    records: 0,
    bytes: 0,
    fsyncs: 0,
    fsyncMsTotal: 0,
    compactions: 0,
    compactionFailures: 0,
    droppedTailBytes: 0,
    skippedLines: 0,
    skippedBytes: 0,
  };
  private readonly journalPath: string;
  private readonly snapshotPath: string;
  private readonly compactAtBytes: number;
  private readonly fs: JournalFs;
  private readonly log: (message: string) => void;

  constructor(
    readonly dir: string,
    options: JournalOptions = {},
  ) {
    this.journalPath = path.join(dir, "journal.log");
    this.snapshotPath = path.join(dir, "snapshot.json");
    this.compactAtBytes = options.compactAtBytes ?? DEFAULT_COMPACT_AT_BYTES;
    this.fs = options.fs ?? nodeFs;
    this.log = options.log ?? (() => undefined);
  }

  /**
   * Loads the snapshot and the valid journal records after it; opens the journal for appending. `allKept` is false
   * when some skipped bytes could not be copied to journal.rejected (then nothing may remove them from the journal).
   */
  open(): { snapshot?: SnapshotData; records: JournalRecord[]; skipped: number; allKept: boolean } {
    const f = this.fs;
    f.mkdirSync(this.dir, { recursive: true });
    let snapshot: SnapshotData | undefined;
    if (f.existsSync(this.snapshotPath)) {
      try {
        snapshot = JSON.parse(f.readFileSync(this.snapshotPath).toString("utf8")) as SnapshotData;
      } catch (e) {
        throw new Error(`the snapshot ${this.snapshotPath} cannot be read: ${(e as Error).message}`);
      }
      this.seq = snapshot.seq;
    }
    const records: JournalRecord[] = [];
    let good = 0;
    let size = 0;
    let skipped = 0;
    let allKept = true;
    let buf: Buffer = Buffer.alloc(0);
    if (f.existsSync(this.journalPath)) {
      buf = f.readFileSync(this.journalPath);
      size = buf.length;
      const lines: ScannedLine[] = [];
      for (let start = 0; start < buf.length;) {
        const nl = buf.indexOf(10, start);
        if (nl < 0) break; // torn: the newline never made it
        lines.push(scanLine(buf, start, nl + 1));
        start = nl + 1;
      }
      let lastIntact = -1;
      lines.forEach((l, i) => {
        if (l.record) lastIntact = i;
      });
      for (const l of lines.slice(0, lastIntact + 1)) {
        if (l.record) {
          if (l.record.seq > this.seq) {
            records.push(l.record);
            this.seq = l.record.seq;
          }
          continue;
        }
        const bytes = buf.subarray(l.start, l.end);
        skipped++;
        this.stats.skippedLines++;
        this.stats.skippedBytes += bytes.length;
        const kept = this.keepRejected(bytes, `corrupt line (${l.problem})`, l.start);
        allKept &&= kept;
        this.log(
          `journal: skipped a corrupt line at byte ${l.start} (${bytes.length} bytes, ${l.problem}${seqHint(bytes)}); ` +
            `intact lines follow it. ${kept ? `Its bytes are kept in ${REJECTED_FILE}` : `Could not copy it to ${REJECTED_FILE}`}.`,
        );
      }
      good = lastIntact >= 0 ? lines[lastIntact]!.end : 0;
    }
    this.fd = f.openSync(this.journalPath, "a+");
    if (good < size) {
      const tail = buf.subarray(good);
      const kept = this.keepRejected(
        tail,
        "end of the journal cut off (torn or corrupt, never acknowledged)",
        good,
      );
      this.log(
        `journal: cut off ${tail.length} bytes at the end (a torn or corrupt last write, never acknowledged)` +
          `${kept ? `; kept in ${REJECTED_FILE}` : ""}.`,
      );
      f.ftruncateSync(this.fd, good);
      f.fsyncSync(this.fd);
      this.stats.droppedTailBytes = tail.length;
    }
    this.stats.bytes = good;
    this.stats.records = records.length;
    return { ...(snapshot ? { snapshot } : {}), records, skipped, allKept };
  }

  /**
   * Appends bytes the journal will not replay to journal.rejected (once: a copy already there is not added again),
   * fsynced, with a header line saying why. Returns false when that failed.
   */
  keepRejected(bytes: Buffer, why: string, offset: number): boolean {
    const f = this.fs;
    const file = path.join(this.dir, REJECTED_FILE);
    try {
      if (f.existsSync(file) && f.readFileSync(file).includes(bytes)) return true;
      const header = `# ${new Date().toISOString()} ${why}: journal byte ${offset}, ${bytes.length} bytes\n`;
      const fd = f.openSync(file, "a");
      try {
        writeFully(f, fd, Buffer.concat([Buffer.from(header, "utf8"), bytes, Buffer.from("\n")]));
        f.fsyncSync(fd);
      } finally {
        f.closeSync(fd);
      }
      this.fsyncDir();
      return true;
    } catch (e) {
      this.log(`journal: could not write ${REJECTED_FILE}: ${(e as Error).message}`);
      return false;
    }
  }

  /**
   * Appends one record; with `sync` false the caller promises a later sync() before answering. A write that fails
   * part-way (disk full, I/O error) is cut back off the file before the error is rethrown: left in place, its partial
   * line would glue onto the next record and replay would lose it.
   */
  append(muts: Mutation[], sync: boolean): void {
    if (this.failure) throw this.failure;
    const json = JSON.stringify({ seq: this.seq + 1, muts });
    const bytes = Buffer.from(`${checksum(json)}\t${json}\n`, "utf8");
    const before = this.fs.fstatSync(this.fd).size;
    try {
      writeFully(this.fs, this.fd, bytes);
    } catch (e) {
      try {
        this.fs.ftruncateSync(this.fd, before);
      } catch (truncateError) {
        // The file now ends in a partial line we could not remove: refuse further appends rather than write
        // acknowledged records behind it.
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
    this.fs.fsyncSync(this.fd);
    this.stats.fsyncs++;
    this.stats.fsyncMsTotal += performance.now() - t0;
    this.pendingSync = false;
  }

  needsCompaction(): boolean {
    return this.stats.bytes >= Math.max(this.compactAtBytes, this.retryAtBytes);
  }

  /**
   * Replaces the snapshot with `build(seq)` and empties the journal. Returns false (and logs) when that could not be
   * done safely; the old snapshot and the journal are then exactly as they were. Never throws.
   */
  compact(build: (seq: number) => SnapshotData): boolean {
    const f = this.fs;
    const tmp = `${this.snapshotPath}.tmp`;
    try {
      if (this.failure) throw this.failure;
      this.sync();
      const bytes = Buffer.from(JSON.stringify(build(this.seq)), "utf8");
      const fd = f.openSync(tmp, "w");
      try {
        writeFully(f, fd, bytes);
        f.fsyncSync(fd);
      } finally {
        f.closeSync(fd);
      }
      const back = f.readFileSync(tmp);
      if (!back.equals(bytes))
        throw new Error(
          `the snapshot read back differs from what was written (${back.length} bytes read, ${bytes.length} written)`,
        );
      f.renameSync(tmp, this.snapshotPath);
    } catch (e) {
      try {
        if (f.existsSync(tmp)) f.unlinkSync(tmp);
      } catch {
        // A leftover temporary file is never read; the next compaction overwrites it.
      }
      const message = (e as Error).message;
      this.stats.compactionFailures++;
      this.stats.lastCompactionError = message;
      this.retryAtBytes = this.stats.bytes + Math.max(1, Math.ceil(this.compactAtBytes / 4));
      this.log(`journal: compaction failed; the old snapshot and the journal are unchanged: ${message}`);
      return false;
    }
    this.fsyncDir();
    // The new snapshot holds every record: if emptying the journal fails, replay still skips what it holds.
    try {
      f.ftruncateSync(this.fd, 0);
      f.fsyncSync(this.fd);
      this.stats.bytes = 0;
      this.stats.records = 0;
      this.retryAtBytes = 0;
    } catch (e) {
      this.retryAtBytes = this.stats.bytes + Math.max(1, Math.ceil(this.compactAtBytes / 4));
      this.log(
        `journal: the snapshot was written but the journal could not be emptied: ${(e as Error).message}`,
      );
    }
    this.stats.compactions++;
    return true;
  }

  close(): void {
    if (this.fd < 0) return;
    this.sync();
    this.fs.closeSync(this.fd);
    this.fd = -1;
  }

  private fsyncDir(): void {
    try {
      const fd = this.fs.openSync(this.dir, "r");
      try {
        this.fs.fsyncSync(fd);
      } finally {
        this.fs.closeSync(fd);
      }
    } catch {
      // Some file systems refuse fsync on a directory; the rename itself is still atomic there.
    }
  }
}

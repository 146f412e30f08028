// The file-system calls the journal makes, as one injectable object: tests put a disk behind it that writes a few
// bytes at a time, fails part-way or reads back other bytes, and check that no data is lost.
import fs from "node:fs";

export interface JournalFs {
  mkdirSync(dir: string, options: { recursive: true }): unknown;
  existsSync(file: string): boolean;
  readFileSync(file: string): Buffer;
  openSync(file: string, flags: string): number;
  /** Writes up to `length` bytes of `buffer` from `offset`; returns how many it wrote, which may be fewer. */
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  ftruncateSync(fd: number, length: number): void;
  fstatSync(fd: number): { size: number };
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
}

/** Node's fs, looked up at call time (so jest.spyOn(fs, …) still reaches it). */
export const nodeFs: JournalFs = {
  mkdirSync: (dir, options) => fs.mkdirSync(dir, options),
  existsSync: (file) => fs.existsSync(file),
  readFileSync: (file) => fs.readFileSync(file),
  openSync: (file, flags) => fs.openSync(file, flags),
  writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
  fstatSync: (fd) => fs.fstatSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
  unlinkSync: (file) => fs.unlinkSync(file),
};

/**
 * Writes all of `bytes` at the file's current position, looping over short writes. A write that stores nothing is
 * an error (it would loop forever otherwise).
 */
export function writeFully(fsys: JournalFs, fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) {
    const n = fsys.writeSync(fd, bytes, off, bytes.length - off);
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`write stored ${String(n)} bytes (${bytes.length - off} still to write)`);
    off += n;
  }
}

// File content of document libraries (issue 15), kept beside the journal with the journal's crash safety: a file's
// bytes are written in full under a new content id and fsynced (file and folder) BEFORE the metadata that names it is
// committed to the journal, so an acknowledged upload always finds its bytes after a crash. Content is never
// rewritten in place: a replace writes a new id, commits, then removes the old file. A crash between the write and the
// commit leaves an unreferenced file, which `sweep` removes on the next start.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface ContentStore {
  /** Stores the bytes durably and returns their new content id. */
  put(bytes: Buffer): string;
  read(id: string): Buffer | undefined;
  remove(id: string): void;
  /** Removes every stored content whose id is not in `referenced`; returns how many went. */
  sweep(referenced: ReadonlySet<string>): number;
}

const ID = /^[0-9a-f-]{36}$/;

export class MemoryContentStore implements ContentStore {
  private readonly files = new Map<string, Buffer>();
  put(bytes: Buffer): string {
    const id = randomUUID();
    this.files.set(id, Buffer.from(bytes));
    return id;
  }
  read(id: string): Buffer | undefined {
    return this.files.get(id);
  }
  remove(id: string): void {
    this.files.delete(id);
  }
  sweep(referenced: ReadonlySet<string>): number {
    let n = 0;
    for (const id of [...this.files.keys()])
      if (!referenced.has(id)) {
        this.files.delete(id);
        n++;
      }
    return n;
  }
}

export class DiskContentStore implements ContentStore {
  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  private file(id: string): string {
    if (!ID.test(id)) throw new Error(`content id "${id}" is not one of ours`);
    return path.join(this.dir, id);
  }

  put(bytes: Buffer): string {
    const id = randomUUID();
    const fd = fs.openSync(this.file(id), "wx");
    try {
      let off = 0;
      while (off < bytes.length) {
        const n = fs.writeSync(fd, bytes, off, bytes.length - off);
        if (n <= 0) throw new Error("content write stored nothing");
        off += n;
      }
      fs.fsyncSync(fd);
    } catch (e) {
      fs.closeSync(fd);
      fs.rmSync(this.file(id), { force: true });
      throw e;
    }
    fs.closeSync(fd);
    const dirFd = fs.openSync(this.dir, "r");
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
    return id;
  }

  read(id: string): Buffer | undefined {
    try {
      return fs.readFileSync(this.file(id));
    } catch {
      return undefined;
    }
  }

  remove(id: string): void {
    fs.rmSync(this.file(id), { force: true });
  }

  sweep(referenced: ReadonlySet<string>): number {
    let n = 0;
    for (const name of fs.readdirSync(this.dir)) {
      if (referenced.has(name)) continue;
      fs.rmSync(path.join(this.dir, name), { force: true });
      n++;
    }
    return n;
  }
}

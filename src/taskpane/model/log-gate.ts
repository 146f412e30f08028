// A log and a re-read of the same draft must not cross: a re-read mounts a fresh view, and a log still running in
// the old one would be written without the pane ever saying so (and the new view would show the item as not
// logged). Logs run through the gate; a re-read waits until none runs, and reads again when one started meanwhile.

export class LogGate {
  private running = 0;
  private started = 0;
  private waiting: Array<() => void> = [];

  /** Runs one log; re-reads wait for it. */
  async run<T>(log: () => Promise<T>): Promise<T> {
    this.running++;
    this.started++;
    try {
      return await log();
    } finally {
      this.running--;
      if (this.running === 0) for (const wake of this.waiting.splice(0)) wake();
    }
  }

  /** Resolves once no log runs. */
  idle(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Changes whenever a log starts: a read that saw it change may miss that log's entries. */
  get generation(): number {
    return this.started;
  }

  get busy(): boolean {
    return this.running > 0;
  }
}

/**
 * Reads with `read` once no log runs, again while a log started during the read: what it returns includes every
 * log that was running or started meanwhile. Gives up after `maxRounds` (a user logging without pause) and returns
 * the last read.
 */
export async function readWhenIdle<T>(gate: LogGate, read: () => Promise<T>, maxRounds = 5): Promise<T> {
  for (let round = 1; ; round++) {
    await gate.idle();
    const before = gate.generation;
    const value = await read();
    if ((gate.generation === before && !gate.busy) || round >= maxRounds) return value;
  }
}

// Faults on demand, decided by a seeded PRNG (mulberry32) so a test sees the same faults for the same requests.
import type { FaultConfig } from "./config";
import { compilePathPatterns, type PathPattern } from "./fault-paths";

export type FaultDecision =
  | { kind: "none" }
  | { kind: "status"; status: 429 | 503; retryAfter: number }
  | { kind: "drop"; afterHandling: boolean };

export class FaultEngine {
  private config: FaultConfig = {};
  private state = 0;
  private patterns: PathPattern[] = [];

  constructor(config: FaultConfig = {}) {
    this.set(config);
  }

  /** Throws a TypeError for a path pattern that is not an accepted glob (see fault-paths.ts). */
  set(config: FaultConfig): void {
    const patterns = compilePathPatterns(config.paths ?? []);
    this.config = { ...config };
    this.state = (config.seed ?? 1) >>> 0;
    this.patterns = patterns;
  }

  get(): FaultConfig {
    return { ...this.config };
  }

  private random(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private applies(path: string): boolean {
    return this.patterns.length === 0 || this.patterns.some((p) => p.matches(path));
  }

  /** Delay to apply before handling, in ms (0 = none). */
  slowness(path: string): number {
    const c = this.config;
    if (!c.slowRate || !this.applies(path)) return 0;
    return this.random() < c.slowRate ? (c.slowMs ?? 1000) : 0;
  }

  /** One decision per request; `canDrop` is false inside $batch, where there is no connection of its own. */
  decide(path: string, canDrop: boolean): FaultDecision {
    const c = this.config;
    if (!this.applies(path)) return { kind: "none" };
    const retryAfter = c.retryAfterSeconds ?? 1;
    if (c.rate429 || c.rate503) {
      const r = this.random();
      if (r < (c.rate429 ?? 0)) return { kind: "status", status: 429, retryAfter };
      if (r < (c.rate429 ?? 0) + (c.rate503 ?? 0)) return { kind: "status", status: 503, retryAfter };
    }
    if (canDrop && c.dropRate && this.random() < c.dropRate) {
      return { kind: "drop", afterHandling: this.random() < (c.dropAfterShare ?? 0.5) };
    }
    return { kind: "none" };
  }
}

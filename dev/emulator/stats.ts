// Request counters read by benchmarks through GET /_emulator/stats.

export type PathKind =
  | "site"
  | "lists"
  | "list"
  | "columns"
  | "items"
  | "item"
  | "fields"
  | "delta"
  | "batch"
  | "me"
  | "admin"
  | "other";

export interface StatsSnapshot {
  since: string;
  /** Top-level HTTP requests (a $batch counts once here). */
  http: { total: number; byMethod: Record<string, number>; byKind: Record<string, number> };
  /** Requests inside $batch bodies. */
  batchParts: { total: number; byMethod: Record<string, number>; byKind: Record<string, number> };
  faults: { "429": number; "503": number; dropBefore: number; dropAfter: number; slow: number };
}

function bump(rec: Record<string, number>, key: string): void {
  rec[key] = (rec[key] ?? 0) + 1;
}

export class Stats {
  private s: StatsSnapshot = Stats.empty();

  private static empty(): StatsSnapshot {
    return {
      since: new Date().toISOString(),
      http: { total: 0, byMethod: {}, byKind: {} },
      batchParts: { total: 0, byMethod: {}, byKind: {} },
      faults: { "429": 0, "503": 0, dropBefore: 0, dropAfter: 0, slow: 0 },
    };
  }

  count(method: string, kind: PathKind, inBatch: boolean): void {
    const bucket = inBatch ? this.s.batchParts : this.s.http;
    bucket.total++;
    bump(bucket.byMethod, method);
    bump(bucket.byKind, kind);
  }

  fault(kind: keyof StatsSnapshot["faults"]): void {
    this.s.faults[kind]++;
  }

  snapshot(): StatsSnapshot {
    return JSON.parse(JSON.stringify(this.s)) as StatsSnapshot;
  }

  reset(): void {
    this.s = Stats.empty();
  }
}

/** Classifies a Graph path (without /v1.0) for the counters. */
export function pathKind(path: string): PathKind {
  if (path === "/$batch") return "batch";
  if (path.startsWith("/me")) return "me";
  if (/\/items\/delta$/.test(path)) return "delta";
  if (/\/items\/[^/]+\/fields$/.test(path)) return "fields";
  if (/\/items\/[^/]+$/.test(path)) return "item";
  if (/\/items$/.test(path)) return "items";
  if (/\/columns(\/[^/]+)?$/.test(path)) return "columns";
  if (/\/lists\/[^/]+$/.test(path)) return "list";
  if (/\/lists$/.test(path)) return "lists";
  if (path.startsWith("/sites/")) return "site";
  return "other";
}

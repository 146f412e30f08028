// In-process entry point: `startEmulator({ port: 0 })` for tests, the CLI (main.ts) for everything else.
import { ensureDevCerts } from "../shared/certs";
import type { EmulatorOptions, FaultConfig } from "./config";
import type { StatsSnapshot } from "./stats";
import { EmulatorServer } from "./server";

export type { EmulatorOptions, FaultConfig } from "./config";
export type { StatsSnapshot } from "./stats";
export type { IEmulatorStore, ListView } from "./persistence/store-interface";
export { DEFAULT_SITE, DEFAULT_THRESHOLD } from "./config";
export { ADMIN_SECRET_HEADER, PIPELINE, type PipelineStep } from "./pipeline";
export { siteRecordFor } from "./site-ids";

export interface RunningEmulator {
  /** `https://127.0.0.1:PORT` — Graph lives under `${url}/v1.0`. */
  url: string;
  port: number;
  /** This run's secret for /_emulator/*, sent in the ADMIN_SECRET_HEADER (X-Emulator-Secret) header. */
  adminSecret: string;
  close(): Promise<void>;
  setFaults(f: FaultConfig): void;
  setThreshold(n: number): void;
  setReadonlyUsers(users: string[]): void;
  stats(): StatsSnapshot;
  resetStats(): void;
  /** Id of a configured site, e.g. siteId("contoso.sharepoint.com", "/sites/interactions"). */
  siteId(hostname: string, path: string): string | undefined;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const certs = await ensureDevCerts();
  const server = new EmulatorServer(options, { cert: certs.cert, key: certs.key });
  const host = options.host ?? "127.0.0.1";
  let port: number;
  try {
    port = await server.listen(options.port ?? 0, host);
  } catch (e) {
    server.store.close();
    throw e;
  }
  const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return {
    url: `https://${shownHost}:${port}`,
    port,
    adminSecret: server.adminSecret,
    close: () => server.close(),
    setFaults: (f) => server.setFaults(f),
    setThreshold: (n) => server.setThreshold(n),
    setReadonlyUsers: (users) => {
      server.rules.readonlyUsers.clear();
      for (const u of users) server.rules.readonlyUsers.add(u.toLowerCase());
    },
    stats: () => server.stats.snapshot(),
    resetStats: () => server.stats.reset(),
    siteId: (hostname, path) => server.store.siteByPath(hostname, path)?.id,
  };
}

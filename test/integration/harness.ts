// Starts an in-process emulator on a free port and builds the real store against it (Graph SDK over HTTPS).
// Run with NODE_EXTRA_CA_CERTS=.dev-certs/ca.crt so that Node trusts the emulator's certificate.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmulator } from "../../dev/emulator/index";
import type { FaultConfig, StatsSnapshot } from "../../dev/emulator/index";
import { ensureDevCerts } from "../../dev/shared/certs";
import { DEFAULT_EMULATOR_SITE_URL, type AppConfig } from "../../src/config/app-config";
import type { UserProfile } from "../../src/domain/types";
import { createInteractionStore } from "../../src/graph";
import { MemoryOutbox, type OutboxStorage } from "../../src/graph/outbox";

export const USER: UserProfile = { displayName: "Annette Hill", emailAddress: "annette.hill@cronus.example" };

export interface TestEmulator {
  url: string;
  port: number;
  dataDir: string;
  close(): Promise<void>;
  setFaults(f: FaultConfig): Promise<void> | void;
  setReadonlyUsers(users: string[]): void;
  stats(): Promise<StatsSnapshot>;
  resetStats(): Promise<void>;
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startTestEmulator(
  options: { threshold?: number; faults?: FaultConfig } = {},
): Promise<TestEmulator> {
  await ensureDevCerts();
  const dataDir = mkdtempSync(path.join(tmpdir(), "ilo-emu-"));
  let emu = await startEmulator({ port: 0, dataDir, quiet: true, ...options });
  const port = emu.port;
  const t: TestEmulator = {
    get url() {
      return emu.url;
    },
    port,
    dataDir,
    close: () => emu.close(),
    setFaults: (f) => emu.setFaults(f),
    setReadonlyUsers: (users) => emu.setReadonlyUsers(users),
    stats: async () => emu.stats(),
    resetStats: async () => emu.resetStats(),
    restart: async () => {
      emu = await startEmulator({ port, dataDir, quiet: true, ...options });
    },
    dispose: async () => {
      await emu.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

export function emulatorConfig(url: string): AppConfig {
  return {
    mode: "emulator",
    graphBaseUrl: url,
    siteUrl: DEFAULT_EMULATOR_SITE_URL,
    ownDomains: ["cronus.example"],
    neverLog: ["gmail.com"],
  };
}

export function storeFor(url: string, outbox: OutboxStorage = new MemoryOutbox()) {
  // Short waits keep the suite fast; the emulator's Retry-After is honoured where it is sent.
  return createInteractionStore({
    config: emulatorConfig(url),
    user: USER,
    outbox,
    retry: { delaySeconds: 0.2, maxRetries: 5 },
    batch: { defaultDelaySeconds: 0.2 },
  });
}

/**
 * Lets the first request matching `match` reach the server (so a write is applied), then hands its real answer to
 * `replace`, which returns what the client sees instead, or throws to look like a dropped connection.
 * `restore()` puts the real fetch back; `lost()` counts the answers replaced.
 */
export function loseFirstAnswer(
  match: (url: string, method: string) => boolean,
  replace: (real: Response) => Promise<Response>,
): { lost: () => number; restore: () => void } {
  const realFetch = globalThis.fetch;
  let lost = 0;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const response = await realFetch(input, init);
    if (lost > 0 || !match(decodeURIComponent(url), method)) return response;
    lost += 1;
    return replace(response);
  };
  return { lost: () => lost, restore: () => void (globalThis.fetch = realFetch) };
}

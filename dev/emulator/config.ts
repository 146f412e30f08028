// Options of a running emulator and how they are read from the environment.
import { compilePathPatterns } from "./fault-paths";
import type { PipelineStep } from "./pipeline";
import type { IEmulatorStore } from "./persistence/store-interface";

export interface FaultConfig {
  /** Share (0..1) of requests answered 429 with Retry-After. */
  rate429?: number;
  /** Share of requests answered 503 with Retry-After. */
  rate503?: number;
  /** Share of requests whose connection is destroyed without an answer. */
  dropRate?: number;
  /**
   * Of the dropped requests, the share dropped AFTER the request was handled (a write is applied and durable but its
   * answer is lost); the rest are dropped before anything is handled. Default 0.5.
   */
  dropAfterShare?: number;
  /** Share of requests delayed by slowMs before they are handled. */
  slowRate?: number;
  slowMs?: number;
  /** Retry-After seconds sent with 429/503; default 1. */
  retryAfterSeconds?: number;
  /** Seed of the deterministic PRNG; the same seed and request sequence give the same faults. */
  seed?: number;
  // Only requests whose path (without /v1.0) matches one of these globs are faulted: "*" = characters within one
  // segment, "**" = anything, e.g. "/sites/**" or "**/items". See fault-paths.ts.
  paths?: string[];
}

export interface SiteSpec {
  hostname: string;
  path: string;
}

export interface EmulatorOptions {
  port?: number;
  /** Persistent data folder; undefined keeps everything in memory. */
  dataDir?: string;
  host?: string;
  /** List view threshold for queries that are not narrowed by an index (default 5000). */
  threshold?: number;
  /** Sites as "hostname/path" or "https://hostname/path"; default contoso.sharepoint.com/sites/interactions. */
  sites?: string[];
  faults?: FaultConfig;
  quiet?: boolean;
  /** Users (upn) whose writes are refused with 403. */
  readonlyUsers?: string[];
  /** Users (upn) who may not create lists or columns. */
  noManageUsers?: string[];
  /** Journal size that triggers compaction into a snapshot (bytes). */
  compactAtBytes?: number;
  /**
   * Browser origins allowed to call the emulator (CORS); others get 403. Default: the workbench's,
   * https://localhost:{WORKBENCH_PORT or 3000} and https://127.0.0.1:{same}.
   */
  allowedOrigins?: string[];
  /** Secret for /_emulator/* (header X-Emulator-Secret); default: a random one per run. At least 16 characters. */
  adminSecret?: string;
  /** Where log lines go; default stderr (nothing when quiet). */
  log?: (message: string) => void;
  /** A store to serve from instead of one built from dataDir/compactAtBytes (closed with the emulator). */
  store?: IEmulatorStore;
  /** The pipeline's steps; default PIPELINE (pipeline.ts). Tests wrap them to trace a request. */
  pipeline?: readonly PipelineStep[];
}

export const DEFAULT_SITE = "contoso.sharepoint.com/sites/interactions";
export const DEFAULT_THRESHOLD = 5000;
export const DEFAULT_WORKBENCH_PORT = 3000;
export const MIN_ADMIN_SECRET_LENGTH = 16;

/** The workbench's own origins for a port: what the emulator allows by default. */
export function workbenchOrigins(port: number = DEFAULT_WORKBENCH_PORT): string[] {
  return [`https://localhost:${port}`, `https://127.0.0.1:${port}`];
}

/** Normalises an origin ("https://host:port"); throws a TypeError for anything that is not one. */
export function parseOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new TypeError(`"${text}" is not an origin (e.g. https://localhost:3000)`);
  }
  if (url.origin === "null" || url.pathname !== "/" || url.search || url.hash || url.username)
    throw new TypeError(`"${text}" is not an origin (e.g. https://localhost:3000)`);
  return url.origin;
}

export function validateAdminSecret(secret: string): string {
  if (secret.length < MIN_ADMIN_SECRET_LENGTH || /\s/.test(secret))
    throw new TypeError(
      `the admin secret must be at least ${MIN_ADMIN_SECRET_LENGTH} characters without spaces`,
    );
  return secret;
}

export function parseSiteSpec(spec: string): SiteSpec {
  const text = spec.trim().replace(/^https?:\/\//i, "");
  const slash = text.indexOf("/");
  const hostname = (slash < 0 ? text : text.slice(0, slash)).toLowerCase();
  const path = slash < 0 ? "/" : "/" + text.slice(slash + 1).replace(/^\/+|\/+$/g, "");
  if (!/^[a-z0-9.-]+$/.test(hostname)) throw new TypeError(`Invalid site "${spec}": expected hostname/path`);
  return { hostname, path };
}

function number(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0)
    throw new TypeError(`${name} must be a non-negative number, got "${raw}"`);
  return n;
}

function list(env: NodeJS.ProcessEnv, name: string): string[] | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  return raw
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

export function validateFaults(f: unknown): FaultConfig {
  if (typeof f !== "object" || f === null || Array.isArray(f))
    throw new TypeError("faults must be a JSON object");
  const o = f as Record<string, unknown>;
  const rates = ["rate429", "rate503", "dropRate", "slowRate", "dropAfterShare"];
  const counts = ["slowMs", "retryAfterSeconds", "seed"];
  for (const k of Object.keys(o)) {
    if (![...rates, ...counts, "paths"].includes(k)) throw new TypeError(`unknown fault setting "${k}"`);
  }
  for (const k of rates) {
    const v = o[k];
    if (v !== undefined && (typeof v !== "number" || v < 0 || v > 1))
      throw new TypeError(`${k} must be a number between 0 and 1`);
  }
  for (const k of counts) {
    const v = o[k];
    if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v) || v < 0))
      throw new TypeError(`${k} must be a non-negative number`);
  }
  if (o.paths !== undefined) compilePathPatterns(o.paths);
  return o as FaultConfig;
}

/** Options for the CLI, from EMULATOR_* variables. Invalid values throw with the variable's name. */
export function optionsFromEnv(env: NodeJS.ProcessEnv, defaultDataDir: string): EmulatorOptions {
  const opts: EmulatorOptions = {
    port: number(env, "EMULATOR_PORT") ?? 4443,
    dataDir: env.EMULATOR_DATA || defaultDataDir,
  };
  if (env.EMULATOR_HOST) opts.host = env.EMULATOR_HOST;
  const threshold = number(env, "EMULATOR_THRESHOLD");
  if (threshold !== undefined) opts.threshold = threshold;
  const sites = list(env, "EMULATOR_SITES");
  if (sites) opts.sites = sites;
  const ro = list(env, "EMULATOR_READONLY_USERS");
  if (ro) opts.readonlyUsers = ro;
  const nm = list(env, "EMULATOR_NO_MANAGE_USERS");
  if (nm) opts.noManageUsers = nm;
  if (env.EMULATOR_FAULTS) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.EMULATOR_FAULTS);
    } catch {
      throw new TypeError('EMULATOR_FAULTS must be JSON, e.g. {"rate429":0.1,"seed":1}');
    }
    try {
      opts.faults = validateFaults(parsed);
    } catch (e) {
      throw new TypeError(`EMULATOR_FAULTS: ${(e as Error).message}`);
    }
  }
  const origins = env.EMULATOR_ALLOWED_ORIGINS;
  if (origins) {
    try {
      opts.allowedOrigins = origins
        .split(",")
        .filter((o) => o.trim())
        .map(parseOrigin);
    } catch (e) {
      throw new TypeError(`EMULATOR_ALLOWED_ORIGINS: ${(e as Error).message}; a comma list of origins`);
    }
  } else {
    const port = number(env, "WORKBENCH_PORT");
    opts.allowedOrigins = workbenchOrigins(port || DEFAULT_WORKBENCH_PORT);
  }
  if (env.EMULATOR_ADMIN_SECRET) {
    try {
      opts.adminSecret = validateAdminSecret(env.EMULATOR_ADMIN_SECRET);
    } catch (e) {
      throw new TypeError(`EMULATOR_ADMIN_SECRET: ${(e as Error).message}`);
    }
  }
  return opts;
}

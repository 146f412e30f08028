// Shared by the emulator tests: an in-process emulator on a free port, the real Graph SDK pointed at it, and raw
// HTTPS requests for what the SDK cannot send.
import https from "node:https";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Client } from "@microsoft/microsoft-graph-client";
import { mintDevToken } from "../../src/graph/auth/dev-token";
import {
  ADMIN_SECRET_HEADER,
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from "../../dev/emulator";

export const HOST = "contoso.sharepoint.com";
export const SITE_PATH = "/sites/interactions";
export const USER = "megan@contoso.com";

const caPath = path.resolve(__dirname, "..", "..", ".dev-certs", "ca.crt");

export async function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, quiet: true, ...options });
}

export function token(upn = USER, scopes?: string[]): string {
  return mintDevToken(upn, upn.split("@")[0], scopes);
}

export function sdk(emulator: RunningEmulator, tok = token()): Client {
  return Client.init({
    authProvider: (done) => done(null, tok),
    baseUrl: emulator.url,
    customHosts: new Set(["127.0.0.1"]),
    defaultVersion: "v1.0",
  });
}

/** Parsed Graph JSON as the tests read it: the properties they touch, typed loosely enough for any answer. */
export interface GraphJson {
  id: string;
  status: number;
  name: string;
  eTag: string;
  fields: Record<string, unknown>;
  headers: Record<string, string>;
  body: GraphJson;
  error: { code: string; message: string; innerError: Record<string, string> };
  value: GraphJson[];
  responses: GraphJson[];
  columns: GraphJson[];
  journal: { fsyncs: number; fsyncMsTotal: number };
  inserted: number;
  [key: string]: unknown;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: GraphJson;
}

/**
 * One HTTPS request with full control over headers; rejects if the connection is dropped. Requests to /_emulator/*
 * carry the emulator's admin secret unless `adminSecret` says otherwise (null = none).
 */
export function raw(
  emulator: Pick<RunningEmulator, "url"> & Partial<Pick<RunningEmulator, "adminSecret">>,
  method: string,
  urlPath: string,
  options: {
    headers?: Record<string, string>;
    body?: unknown;
    token?: string | null;
    adminSecret?: string | null;
  } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token !== null) headers.Authorization ??= `Bearer ${options.token ?? token()}`;
  const secret = options.adminSecret === undefined ? emulator.adminSecret : options.adminSecret;
  if (urlPath.startsWith("/_emulator") && secret) headers[ADMIN_SECRET_HEADER] = secret;
  let payload: string | undefined;
  if (options.body !== undefined) {
    payload = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["Content-Type"] ??= "application/json";
  }
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${emulator.url}${urlPath}`,
      { method, headers, ca: readFileSync(caPath), agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text ? JSON.parse(text) : undefined,
          });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

export const INTERACTION_COLUMNS = [
  { name: "ContactNo", text: {}, indexed: true },
  { name: "EntryKey", text: {}, indexed: true, enforceUniqueValues: true },
  { name: "Duration", number: {} },
  { name: "Rank", number: {}, indexed: true },
  { name: "Done", boolean: {} },
  { name: "When", dateTime: {}, indexed: true },
  { name: "Kind", choice: { choices: ["Email", "Meeting", "Phone"] } },
  { name: "Notes", text: { allowMultipleLines: true } },
];

let counter = 0;
export function uniqueName(prefix: string): string {
  counter++;
  return `${prefix} ${process.pid} ${counter}`;
}

export async function createList(
  client: Client,
  siteId: string,
  columns: unknown[] = INTERACTION_COLUMNS,
  name = uniqueName("List"),
): Promise<GraphJson> {
  return client
    .api(`/sites/${siteId}/lists`)
    .post({ displayName: name, columns, list: { template: "genericList" } });
}

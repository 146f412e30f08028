// The send handler as classic Outlook on Windows runs it: one bundled file in a JavaScript-only runtime. The file
// is bundled from src/launchevent/index.ts exactly as the build does (one IIFE, no imports) and run in a node:vm
// context that has only what that runtime gives (Office, OfficeRuntime.storage, fetch, timers, console, crypto):
// no window, document, localStorage, IndexedDB or location. It writes to a real emulator through the store code.
import { build } from "esbuild";
import path from "node:path";
import vm from "node:vm";
import { webcrypto } from "node:crypto";
import { seedEmulator } from "../../dev/seed/seed";
import { DEFAULT_EMULATOR_SITE_URL } from "../../src/config/app-config";
import { SendLogQueue, withSendQueue } from "../../src/graph/send-queue";
import { startTestEmulator, storeFor, USER, type TestEmulator } from "./harness";

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, "../..");
let emu: TestEmulator;

async function bundle(graphBaseUrl: string): Promise<string> {
  const out = await build({
    entryPoints: [path.join(ROOT, "src/launchevent/index.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    logLevel: "silent",
    define: {
      __ILO_CONFIG__: JSON.stringify({ graphBaseUrl, ownDomains: "cronus.example" }),
      "process.env.NODE_ENV": '"production"',
    },
  });
  return out.outputFiles[0]!.text;
}

interface Draft {
  subject: string;
  to: Array<{ displayName: string; emailAddress: string }>;
  customProperties: Record<string, unknown>;
}

/** Outlook's compose item and mailbox as the JavaScript-only runtime exposes them: callbacks, later. */
function fakeOffice(draft: Draft, settings: Record<string, unknown>) {
  const later = <T>(cb: (r: { status: string; value: T }) => void, value: T) =>
    setTimeout(() => cb({ status: "succeeded", value }), 1);
  const field = <T>(get: () => T) => ({
    getAsync: (cb: (r: { status: string; value: T }) => void) => later(cb, get()),
  });
  const handlers = new Map<string, (event: unknown) => void>();
  const item = {
    itemType: "message",
    subject: field(() => draft.subject),
    to: field(() => draft.to),
    cc: field(() => []),
    bcc: field(() => []),
    from: field(() => ({ displayName: USER.displayName, emailAddress: USER.emailAddress })),
    getItemIdAsync: (cb: (r: unknown) => void) =>
      setTimeout(() => cb({ status: "failed", value: undefined, error: { name: "ItemNotSaved" } }), 1),
    loadCustomPropertiesAsync: (cb: (r: unknown) => void) => {
      const pending = { ...draft.customProperties };
      later(cb, {
        get: (n: string) => pending[n],
        set: (n: string, v: unknown) => (pending[n] = JSON.parse(JSON.stringify(v))),
        saveAsync: (done: (r: unknown) => void) => {
          draft.customProperties = { ...pending };
          later(done, undefined);
        },
      });
    },
  };
  const office = {
    context: {
      mailbox: {
        item,
        userProfile: { displayName: USER.displayName, emailAddress: USER.emailAddress },
        convertToRestId: (id: string) => id,
      },
      roamingSettings: { get: (n: string) => settings[n], set: () => undefined, saveAsync: () => undefined },
      requirements: { isSetSupported: (name: string, v: string) => name === "Mailbox" && Number(v) <= 1.12 },
    },
    MailboxEnums: {
      ItemType: { Message: "message", Appointment: "appointment" },
      RestVersion: { v2_0: "v2.0" },
    },
    EventType: { ItemChanged: "olkItemSelectedChanged" },
    actions: { associate: (name: string, fn: (event: unknown) => void) => handlers.set(name, fn) },
  };
  return { office, handlers };
}

function runtimeStorage() {
  const map = new Map<string, string>();
  return {
    map,
    storage: {
      getItem: async (k: string) => map.get(k) ?? null,
      setItem: async (k: string, v: string) => void map.set(k, v),
      removeItem: async (k: string) => void map.delete(k),
      getKeys: async () => [...map.keys()],
    },
  };
}

/** Loads the bundle into a fresh context with only the JavaScript-only runtime's globals. */
async function sendOnce(
  code: string,
  office: unknown,
  storage: unknown,
  fetchImpl: typeof fetch,
  log: Pick<Console, "warn" | "error" | "log"> = console,
) {
  const context = vm.createContext({
    Office: office,
    OfficeRuntime: { storage },
    fetch: fetchImpl,
    Headers,
    Request,
    Response,
    AbortController,
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    btoa,
    atob,
    crypto: webcrypto,
    setTimeout,
    clearTimeout,
    console: log,
  });
  vm.runInContext(code, context, { filename: "launchevent.js" });
  return context;
}

beforeAll(async () => {
  emu = await startTestEmulator();
  await seedEmulator({ baseUrl: emu.url, siteUrl: DEFAULT_EMULATOR_SITE_URL, user: USER });
});
afterAll(async () => emu?.dispose());

const mailToTwoKnownAndOneUnknown = (): Draft => ({
  subject: "Delivery dates for the chairs",
  to: [
    { displayName: "Robin Danielsen", emailAddress: "robin.danielsen@adatum.example" },
    { displayName: "Jesse Ulrich", emailAddress: "jesse.ulrich@adatum.example" },
    { displayName: "Sam Taylor", emailAddress: "sam.taylor@northwind.example" },
  ],
  customProperties: {},
});

async function fire(code: string, draft: Draft, settings: Record<string, unknown>, fetchImpl: typeof fetch) {
  const { office, handlers } = fakeOffice(draft, settings);
  const { map, storage } = runtimeStorage();
  const context = await sendOnce(code, office, storage, fetchImpl);
  expect(context.window).toBeUndefined();
  const handler = handlers.get("onMessageSendHandler");
  expect(handlers.has("onAppointmentSendHandler")).toBe(true);
  if (!handler) throw new Error("onMessageSendHandler was not associated");
  const started = Date.now();
  const completed = await new Promise<{ options: unknown; ms: number }>((resolve) =>
    handler({ completed: (options: unknown) => resolve({ options, ms: Date.now() - started }) }),
  );
  return { completed, map, draft };
}

it("associates both handlers at load and logs a mail to two known contacts as one segment, without a DOM", async () => {
  const code = await bundle(emu.url);
  const { completed, map, draft } = await fire(
    code,
    mailToTwoKnownAndOneUnknown(),
    { iloLogSentMail: true },
    fetch,
  );
  expect(completed.options).toEqual({ allowEvent: true });
  expect(completed.ms).toBeLessThan(4000);

  const sourceId = draft.customProperties.iloDraftId as string;
  expect(sourceId).toMatch(/^draft:/);
  expect(draft.customProperties.iloSendLog).toMatchObject({ state: "logged" });
  // Written: nothing is left for the pane to replay.
  expect([...map.keys()]).toEqual([]);
  const store = storeFor(emu.url);
  const ctx = await store.loadItemContext(
    {
      kind: "email",
      mode: "read",
      sourceId,
      subject: "x",
      date: new Date().toISOString(),
      direction: "outbound",
      participants: [],
      mailboxOwner: { displayName: USER.displayName, address: USER.emailAddress },
    },
    { ownDomains: [], neverLog: [] },
  );
  expect(ctx.alreadyLogged.map((e) => e.contactNo).sort()).toEqual(["CT000010", "CT000011"]);
  expect(new Set(ctx.alreadyLogged.map((e) => e.loggedSegmentId)).size).toBe(1);
  expect(ctx.alreadyLogged[0]).toMatchObject({ templateCode: "EMAIL", informationFlow: "Outbound" });
});

it("completes within the budget when Graph cannot be reached, and keeps the log in OfficeRuntime.storage", async () => {
  const code = await bundle(emu.url);
  const unreachable = (() => Promise.reject(new TypeError("fetch failed"))) as typeof fetch;
  const { completed, map, draft } = await fire(
    code,
    mailToTwoKnownAndOneUnknown(),
    { iloLogSentMail: true },
    unreachable,
  );
  expect(completed.options).toEqual({ allowEvent: true });
  expect(completed.ms).toBeLessThan(4500);
  expect(draft.customProperties.iloSendLog).toMatchObject({ state: "pending" });
  const kept = [...map.entries()];
  expect(kept).toHaveLength(1);
  const intent = JSON.parse(kept[0]![1]) as {
    id: string;
    correspondence: { sourceId: string; subject: string };
  };
  expect(intent.id).toBe((draft.customProperties.iloSendLog as { id: string }).id);
  expect(intent.correspondence).toMatchObject({
    sourceId: draft.customProperties.iloDraftId,
    subject: "Delivery dates for the chairs",
  });
});

it("does nothing, and at once, when the user's setting is off and the mail has no choice of its own", async () => {
  const code = await bundle(emu.url);
  let calls = 0;
  const counting = ((...a: Parameters<typeof fetch>) => {
    calls++;
    return fetch(...a);
  }) as typeof fetch;
  const { completed, map, draft } = await fire(code, mailToTwoKnownAndOneUnknown(), {}, counting);
  expect(completed.options).toEqual({ allowEvent: true });
  expect(calls).toBe(0);
  expect(map.size).toBe(0);
  expect(draft.customProperties.iloSendLog).toBeUndefined();
});

it("follows the mail's own switch over the user's setting", async () => {
  const code = await bundle(emu.url);
  const draft = { ...mailToTwoKnownAndOneUnknown(), customProperties: { iloLogOnSend: false } };
  let calls = 0;
  const counting = ((...a: Parameters<typeof fetch>) => {
    calls++;
    return fetch(...a);
  }) as typeof fetch;
  const { completed } = await fire(code, draft, { iloLogSentMail: true }, counting);
  expect(completed.options).toEqual({ allowEvent: true });
  expect(calls).toBe(0);
});

/**
 * A Graph that does not answer: every request waits until `release()`; then each goes through (an answer that
 * comes far too late) or fails like a dropped connection.
 */
function hangingGraph() {
  const held: Array<() => void> = [];
  let mode: "hang" | "answer" | "fail" = "hang";
  let calls = 0;
  const hanging = ((...args: Parameters<typeof fetch>) => {
    calls++;
    return new Promise<void>((resolve) => (mode === "hang" ? held.push(resolve) : resolve())).then(() =>
      mode === "fail" ? Promise.reject(new TypeError("fetch failed")) : fetch(...args),
    );
  }) as typeof fetch;
  return {
    fetch: hanging,
    calls: () => calls,
    release(how: "answer" | "fail") {
      mode = how;
      for (const go of held.splice(0)) go();
    },
  };
}

describe("Graph never answers", () => {
  it.each([
    ["answers at last", "answer"],
    ["fails at last", "fail"],
  ] as const)(
    "completes within its budget, keeps the log for the pane, and nothing is written twice when Graph %s",
    async (_label, late) => {
      const code = await bundle(emu.url);
      const graph = hangingGraph();
      const subject = `Delivery dates: Graph hangs, then ${late}s`;
      const draft = { ...mailToTwoKnownAndOneUnknown(), subject };
      const { office, handlers } = fakeOffice(draft, { iloLogSentMail: true });
      const { map, storage } = runtimeStorage();
      const reports: string[] = [];
      const log = { ...console, warn: (m: unknown) => void reports.push(String(m)) };
      await sendOnce(code, office, storage, graph.fetch, log);
      const started = Date.now();
      const completed = await new Promise<unknown>((resolve) =>
        handlers.get("onMessageSendHandler")!({ completed: resolve }),
      );
      const ms = Date.now() - started;
      process.stdout.write(`send handler with a hanging Graph: completed after ${ms} ms\n`);
      expect(completed).toEqual({ allowEvent: true });
      expect(ms).toBeLessThan(4000);
      expect(graph.calls()).toBeGreaterThan(0);
      expect(reports.join("\n")).toMatch(/budget reached/);

      // Kept durably (OfficeRuntime.storage) and marked pending on the item, before any answer came.
      const marker = () => draft.customProperties.iloSendLog as { id: string; state: string } | undefined;
      const sourceId = draft.customProperties.iloDraftId as string;
      expect(sourceId).toMatch(/^draft:/);
      expect(marker()).toMatchObject({ state: "pending" });
      expect(map.size).toBe(1);

      // The pane drains what was kept (the emulator answers the pane): the log is written once.
      const pane = withSendQueue(storeFor(emu.url), {
        queues: [new SendLogQueue(storage)],
        policy: { ownDomains: ["cronus.example"], neverLog: [] },
      });
      await pane.flushPending();
      expect(map.size).toBe(0);
      const written = async () =>
        (
          await storeFor(emu.url).loadItemContext(
            {
              kind: "email",
              mode: "read",
              sourceId,
              subject,
              date: new Date().toISOString(),
              direction: "outbound",
              participants: [],
              mailboxOwner: { displayName: USER.displayName, address: USER.emailAddress },
            },
            { ownDomains: [], neverLog: [] },
          )
        ).alreadyLogged;
      expect((await written()).map((e) => e.contactNo).sort()).toEqual(["CT000010", "CT000011"]);

      // Graph answers (or fails) at last: the handler's own attempt ends after the pane's, writes nothing more, and
      // does not bring the written log back into storage for a second replay.
      graph.release(late);
      const deadline = Date.now() + 15_000;
      const settled = () =>
        late === "answer" ? marker()?.state !== "pending" : reports.some((r) => /kept for later/.test(r));
      while (!settled() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(settled()).toBe(true);
      if (late === "answer") expect(marker()?.state).toBe("nothing");
      await new Promise((r) => setTimeout(r, 200));
      expect(map.size).toBe(0);
      await pane.flushPending();
      const entries = await written();
      expect(entries.map((e) => e.contactNo).sort()).toEqual(["CT000010", "CT000011"]);
      expect(new Set(entries.map((e) => e.loggedSegmentId)).size).toBe(1);
    },
  );
});

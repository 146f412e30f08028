// Classic Outlook's JavaScript-only runtime, as a Worker: no DOM, no localStorage and (removed here) no IndexedDB.
// The add-in's launchevent.js is loaded alone with importScripts; its Office object forwards every item call to the
// workbench page, which answers from its own stand-in (so the same strict async rules apply), and
// OfficeRuntime.storage is the page's per-origin store. Office.onReady is never called, as in Outlook.
/// <reference lib="webworker" />
import type { Message } from "./js-runtime-protocol";

declare const self: DedicatedWorkerGlobalScope;

// The JavaScript-only runtime has no IndexedDB: a handler must not find one here either.
Object.defineProperty(self, "indexedDB", { value: undefined, configurable: true });

let nextId = 0;
const waiting = new Map<number, (value: unknown) => void>();
const handlers = new Map<string, (event: unknown) => void>();

type Request = Extract<Message, { type: "call" | "loadProps" | "saveProps" | "storage" }>;
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function ask(message: Without<Request, "id">): Promise<unknown> {
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    self.postMessage({ ...message, id });
  });
}

type Callback = (result: unknown) => void;
const lastCallback = (args: unknown[]): Callback | undefined => {
  const cb = args[args.length - 1];
  return typeof cb === "function" ? (cb as Callback) : undefined;
};

/** A compose-item method that runs on the page's stand-in; the callback gets its AsyncResult. */
const remote =
  (target: string) =>
  (...args: unknown[]): void => {
    const cb = lastCallback(args);
    const plain = args.filter((a) => typeof a !== "function");
    void ask({ type: "call", target, args: plain }).then((r) => cb?.(r));
  };

function customProperties(values: Record<string, unknown>) {
  const pending = { ...values };
  return {
    get: (name: string) => pending[name],
    set: (name: string, value: unknown) => {
      pending[name] = JSON.parse(JSON.stringify(value ?? null)) as unknown;
    },
    remove: (name: string) => void delete pending[name],
    getAll: () => ({ ...pending }),
    saveAsync: (...args: unknown[]) => {
      const cb = lastCallback(args);
      void ask({ type: "saveProps", values: { ...pending } }).then((r) => cb?.(r));
    },
  };
}

function composeItem(kind: "message" | "appointment") {
  const fields =
    kind === "message"
      ? ["subject", "body", "to", "cc", "bcc", "from"]
      : [
          "subject",
          "body",
          "start",
          "end",
          "location",
          "requiredAttendees",
          "optionalAttendees",
          "organizer",
        ];
  const item: Record<string, unknown> = {
    itemType: kind,
    getItemIdAsync: remote("getItemIdAsync"),
    saveAsync: remote("saveAsync"),
    loadCustomPropertiesAsync: (...args: unknown[]) => {
      const cb = lastCallback(args);
      void ask({ type: "loadProps" }).then((r) => {
        const result = r as { status: string; value?: Record<string, unknown> };
        cb?.(
          result.status === "succeeded" ? { ...result, value: customProperties(result.value ?? {}) } : result,
        );
      });
    },
  };
  for (const f of fields) item[f] = { getAsync: remote(`${f}.getAsync`) };
  return item;
}

self.onmessage = (e: MessageEvent<Message>) => {
  const m = e.data;
  if (m.type === "answer") {
    waiting.get(m.id)?.(m.value);
    waiting.delete(m.id);
    return;
  }
  if (m.type === "fire") {
    const handler = handlers.get(m.name);
    if (!handler) {
      self.postMessage({ type: "completed", options: { error: `no handler named ${m.name}` } });
      return;
    }
    handler({
      type: m.name,
      completed: (options?: unknown) => self.postMessage({ type: "completed", options: options ?? {} }),
    });
    return;
  }
  if (m.type !== "init") return;
  const storage = {
    getItem: (key: string) => ask({ type: "storage", op: "getItem", args: [key] }),
    setItem: (key: string, value: string) => ask({ type: "storage", op: "setItem", args: [key, value] }),
    removeItem: (key: string) => ask({ type: "storage", op: "removeItem", args: [key] }),
    getKeys: () => ask({ type: "storage", op: "getKeys", args: [] }),
  };
  const roaming = { ...m.roaming };
  (self as unknown as { OfficeRuntime: unknown }).OfficeRuntime = { storage };
  (self as unknown as { Office: unknown }).Office = {
    context: {
      mailbox: {
        item: composeItem(m.kind),
        userProfile: m.user,
        convertToRestId: (id: string) => id.replace(/\//g, "-").replace(/\+/g, "_"),
      },
      roamingSettings: {
        get: (name: string) => (roaming[name] === undefined ? null : roaming[name]),
        set: () => undefined,
        saveAsync: () => undefined,
      },
      displayLanguage: m.displayLanguage,
      requirements: {
        isSetSupported: (name: string, v?: string) =>
          name.toLowerCase() === "mailbox" && Number((v ?? "1.1").split(".")[1]) <= 12,
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    MailboxEnums: {
      ItemType: { Message: "message", Appointment: "appointment" },
      RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" },
    },
    EventType: { ItemChanged: "olkItemSelectedChanged" },
    actions: {
      associate: (name: string, handler: (event: unknown) => void) => {
        handlers.set(name, handler);
        self.postMessage({ type: "associated", name });
      },
    },
  };
  try {
    self.importScripts(m.script);
    self.postMessage({ type: "loaded" });
  } catch (err) {
    self.postMessage({ type: "loadFailed", message: err instanceof Error ? err.message : String(err) });
  }
};

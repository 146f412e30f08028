// Send, the way Outlook runs a Smart Alerts add-in: the manifest's launch event (OnMessageSend / OnAppointmentSend)
// runs in the add-in's runtime — the HTML page in a hidden frame (Outlook on the web, new Outlook, Mac) or the
// JavaScript file alone in a worker with no DOM (classic Outlook on Windows) — and the item leaves once the handler
// completes with allowEvent true. After 5 s Outlook says the add-in is taking longer than expected; with
// SendMode PromptUser the user may send anyway. An add-in that cannot load does not stop the mail.
import { h, on } from "./dom";
import { createOfficeStandIn } from "../stand-in/office-stand-in";
import type { Message } from "../stand-in/js-runtime-protocol";
import type { HostBridge, LaunchRuntimeHost, WorkbenchItem } from "../stand-in/workbench-model";

export type LaunchRuntimeKind = "html" | "js";

export const SLOW_NOTICE_MS = 5000;
const LOAD_TIMEOUT_MS = 15_000;
const STORAGE_PREFIX = "ilo-officeruntime:";

/** OfficeRuntime.storage for the add-in's origin: the page's localStorage, under a prefix. */
export const runtimeStorage: LaunchRuntimeHost["storage"] = {
  getItem: async (key) => localStorage.getItem(STORAGE_PREFIX + key),
  setItem: async (key, value) => localStorage.setItem(STORAGE_PREFIX + key, value),
  removeItem: async (key) => localStorage.removeItem(STORAGE_PREFIX + key),
  getKeys: async () =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith(STORAGE_PREFIX))
      .map((k) => k.slice(STORAGE_PREFIX.length)),
};

const associated = new Map<string, (event: unknown) => void>();
let onAssociate: (() => void) | undefined;
(window as unknown as { __iloLaunchRuntime: LaunchRuntimeHost }).__iloLaunchRuntime = {
  associate(name, handler) {
    associated.set(name, handler);
    onAssociate?.();
  },
  storage: runtimeStorage,
};

export interface SendOutcome {
  /** How long Send took until the item left, in ms. */
  ms: number;
  /** The handler's completed() options, or why it did not run. */
  result: "completed" | "sentAnyway" | "unavailable";
  noticeShown: boolean;
}

function handlerName(item: WorkbenchItem): string {
  return item.kind === "message" ? "onMessageSendHandler" : "onAppointmentSendHandler";
}

/** The "taking longer than expected" notice with Send Anyway (PromptUser); returns a remover. */
function slowNotice(sendAnyway: () => void): () => void {
  const box = h(
    "div",
    {
      role: "alertdialog",
      "aria-label": "Interaction Log",
      class: "send-notice",
      "data-testid": "send-notice",
    },
    h("p", {}, "Interaction Log is taking longer than expected to process this item."),
    on(h("button", { type: "button", "data-testid": "send-anyway" }, "Send Anyway"), "click", sendAnyway),
  );
  document.body.append(box);
  return () => box.remove();
}

/** Runs the add-in's send handler in the HTML runtime: a hidden frame with the stand-in as its Office. */
function htmlRuntime(): { fire(name: string, event: object): Promise<void>; close(): void } {
  associated.clear();
  const frame = h("iframe", { src: "/launchevent.html", hidden: true, "data-testid": "launch-event-frame" });
  document.body.append(frame);
  return {
    async fire(name, event) {
      await waitFor(() => associated.has(name));
      associated.get(name)!(event);
    },
    close: () => frame.remove(),
  };
}

function waitFor(ready: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ready()) return resolve();
    const timer = setTimeout(() => reject(new Error("the add-in's runtime did not load")), LOAD_TIMEOUT_MS);
    onAssociate = () => {
      if (!ready()) return;
      clearTimeout(timer);
      onAssociate = undefined;
      resolve();
    };
  });
}

/** Runs it in the JavaScript-only runtime: a worker that loads launchevent.js alone. */
function jsRuntime(
  item: WorkbenchItem,
  bridge: HostBridge,
): { fire(name: string, event: { completed(o?: unknown): void }): Promise<void>; close(): void } {
  const worker = new Worker("/workbench/js-runtime.js");
  // The page answers the worker's item calls from its own stand-in, over the same draft.
  const office = createOfficeStandIn(bridge);
  const names = new Set<string>();
  let loaded: (() => void) | undefined;
  let failed: ((e: Error) => void) | undefined;
  let completed: ((o: unknown) => void) | undefined;
  const answer = (id: number, value: unknown) => worker.postMessage({ type: "answer", id, value });
  const itemOf = () => office.context.mailbox.item as unknown as Record<string, unknown>;
  worker.onmessage = (e: MessageEvent<Message>) => {
    const m = e.data;
    switch (m.type) {
      case "associated":
        names.add(m.name);
        return;
      case "loaded":
        return loaded?.();
      case "loadFailed":
        return failed?.(new Error(m.message));
      case "completed":
        return completed?.(m.options);
      case "call": {
        const [field, method] = m.target.includes(".") ? m.target.split(".") : [undefined, m.target];
        const owner = (field ? itemOf()[field] : itemOf()) as Record<string, unknown> | undefined;
        const fn = owner?.[method!] as ((...a: unknown[]) => void) | undefined;
        if (typeof fn !== "function")
          return answer(m.id, { status: "failed", error: { message: `${m.target} is not available` } });
        return fn(...m.args, (r: { status: string; value: unknown; error: unknown }) =>
          answer(m.id, { status: r.status, value: r.value, error: r.error }),
        );
      }
      case "loadProps":
      case "saveProps": {
        const load = itemOf().loadCustomPropertiesAsync as (cb: (r: never) => void) => void;
        return load((r: { status: string; value: Record<string, (...a: unknown[]) => unknown> }) => {
          if (r.status !== "succeeded") return answer(m.id, { status: r.status });
          const props = r.value;
          if (m.type === "loadProps") return answer(m.id, { status: "succeeded", value: props.getAll!() });
          for (const [k, v] of Object.entries(m.values)) props.set!(k, v);
          props.saveAsync!((s: { status: string }) => answer(m.id, { status: s.status }));
        });
      }
      case "storage": {
        const op = runtimeStorage[m.op] as (...a: string[]) => Promise<unknown>;
        void op(...m.args).then((v) => answer(m.id, v ?? null));
        return;
      }
      default:
        return;
    }
  };
  const init: Message = {
    type: "init",
    kind: item.kind,
    script: "/launchevent.js",
    user: { ...bridge.user },
    roaming: bridge.roaming?.load() ?? {},
    displayLanguage: bridge.displayLanguage,
  };
  const ready = new Promise<void>((resolve, reject) => {
    loaded = resolve;
    failed = reject;
    setTimeout(() => reject(new Error("launchevent.js did not load in the worker")), LOAD_TIMEOUT_MS);
  });
  worker.postMessage(init);
  return {
    async fire(name, event) {
      await ready;
      if (!names.has(name)) throw new Error(`launchevent.js associated no ${name}`);
      completed = (o) => event.completed(o);
      worker.postMessage({ type: "fire", name });
    },
    close: () => worker.terminate(),
  };
}

/**
 * Runs the send event for the draft and resolves once the item may leave (the handler completed with allowEvent,
 * the user chose Send Anyway, or the add-in could not run). Rejects when the handler refused the send.
 */
export async function runSendEvent(
  item: WorkbenchItem,
  bridge: HostBridge,
  kind: LaunchRuntimeKind,
): Promise<SendOutcome> {
  const started = performance.now();
  const runtime = kind === "js" ? jsRuntime(item, bridge) : htmlRuntime();
  let removeNotice: (() => void) | undefined;
  let noticeShown = false;
  try {
    const result = await new Promise<SendOutcome["result"]>((resolve, reject) => {
      const slow = setTimeout(() => {
        noticeShown = true;
        removeNotice = slowNotice(() => resolve("sentAnyway"));
      }, SLOW_NOTICE_MS);
      runtime
        .fire(handlerName(item), {
          type: handlerName(item),
          completed: (options?: { allowEvent?: boolean; errorMessage?: string }) => {
            clearTimeout(slow);
            if (options?.allowEvent === false)
              reject(
                new Error(options.errorMessage ?? "Interaction Log is preventing this item from being sent"),
              );
            else resolve("completed");
          },
        })
        .catch(() => {
          // PromptUser: an add-in that cannot load does not stop the mail.
          clearTimeout(slow);
          resolve("unavailable");
        });
    });
    return { ms: Math.round(performance.now() - started), result, noticeShown };
  } finally {
    removeNotice?.();
    // Outlook ends a short-lived runtime once the item is sent; work after completed() is not guaranteed.
    setTimeout(() => runtime.close(), 2000);
  }
}

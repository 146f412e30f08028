// Messages between the workbench page and the JavaScript-only runtime worker (js-runtime.ts).
export type Message =
  | {
      type: "init";
      kind: "message" | "appointment";
      script: string;
      user: { displayName: string; emailAddress: string };
      roaming: Record<string, unknown>;
      displayLanguage: string;
    }
  | { type: "answer"; id: number; value: unknown }
  | { type: "fire"; name: string }
  | { type: "call"; id: number; target: string; args: unknown[] }
  | { type: "loadProps"; id: number }
  | { type: "saveProps"; id: number; values: Record<string, unknown> }
  | { type: "storage"; id: number; op: "getItem" | "setItem" | "removeItem" | "getKeys"; args: string[] }
  | { type: "associated"; name: string }
  | { type: "loaded" }
  | { type: "loadFailed"; message: string }
  | { type: "completed"; options: unknown };

// Office.context.roamingSettings (Mailbox 1.1) as Outlook gives it: an in-memory copy loaded when the pane loads,
// changed by set/remove, persisted only by saveAsync (callback on a later task). The workbench page keeps what
// was saved in its localStorage, so a reloaded pane starts from the saved values, as a reopened Outlook pane does.
import { completeLater, splitArgs, type Callback, type Scheduler } from "./async-result";

/** Outlook allows an add-in 32 KB of roaming settings; `set` past that throws error 9057. */
export const ROAMING_LIMIT = 32 * 1024;

export interface RoamingStore {
  load(): Record<string, unknown>;
  save(values: Record<string, unknown>): void;
}

const copy = (v: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(JSON.stringify(v)) as Record<string, unknown>;

function checkName(name: unknown): string {
  if (typeof name !== "string" || !name)
    throw new Error("Sys.ArgumentException: the setting name must be a non-empty string");
  return name;
}

export function createRoamingSettings(schedule: Scheduler, store?: RoamingStore) {
  let values: Record<string, unknown> = {};
  try {
    values = copy(store?.load() ?? {});
  } catch {
    values = {};
  }
  return Object.freeze({
    get(name: unknown): unknown {
      const v = values[checkName(name)];
      return v === undefined ? null : copy({ v }).v;
    },
    set(name: unknown, value: unknown): void {
      const key = checkName(name);
      if (value === undefined) throw new Error("Sys.ArgumentException: the setting value is undefined");
      // Values are stored as JSON in Outlook: keep what JSON keeps.
      const next = { ...values, [key]: JSON.parse(JSON.stringify(value)) as unknown };
      if (JSON.stringify(next).length > ROAMING_LIMIT) {
        const e = new Error("The settings exceed the 32 KB an add-in may keep") as Error & { code: number };
        e.code = 9057;
        throw e;
      }
      values = next;
    },
    remove(name: unknown): void {
      const key = checkName(name);
      const next = { ...values };
      delete next[key];
      values = next;
    },
    saveAsync(...args: unknown[]): void {
      const { options, callback } = splitArgs<void>("roamingSettings.saveAsync", args, false);
      const snapshot = copy(values);
      completeLater(schedule, options, callback as Callback<void> | undefined, () => store?.save(snapshot));
    },
  });
}

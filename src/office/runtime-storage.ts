// OfficeRuntime.storage as a key-value store: the only durable storage of classic Outlook's JavaScript-only runtime
// (no IndexedDB, no localStorage there). Absent in hosts that do not provide it.
import type { KeyValueStore } from "../domain/send-log";

interface HostRuntimeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  getKeys(): Promise<string[]>;
}

/** OfficeRuntime.storage when this runtime has it, else undefined. */
export function officeRuntimeStorage(
  host: unknown = (globalThis as { OfficeRuntime?: unknown }).OfficeRuntime,
): KeyValueStore | undefined {
  const storage = (host as { storage?: Partial<HostRuntimeStorage> } | undefined)?.storage;
  if (
    !storage ||
    typeof storage.getItem !== "function" ||
    typeof storage.setItem !== "function" ||
    typeof storage.removeItem !== "function" ||
    typeof storage.getKeys !== "function"
  )
    return undefined;
  const s = storage as HostRuntimeStorage;
  return {
    getItem: (key) => s.getItem(key),
    setItem: (key, value) => s.setItem(key, value),
    removeItem: (key) => s.removeItem(key),
    getKeys: () => s.getKeys(),
  };
}

// The user's choices for addresses whose domain matches several companies, kept in Office's roaming settings
// (Mailbox 1.1) so they follow the user to every Outlook. One setting holds a map address → ContactNo; the oldest
// choices go first when it grows past a bound, well under the 32 KB Outlook allows an add-in.
import { normalizeEmail } from "../domain/matching";
import type { HostRoamingSettings } from "./host-shapes";
import { officeAsync } from "./office-async";

export const CHOICES_SETTING = "ambiguousAddressChoices";
export const MAX_CHOICES = 200;

function readChoices(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    if (typeof v === "string" && v && k) out[k] = v;
  return out;
}

export class RoamingChoices {
  /** Hosts without roaming settings keep the choices for the session only. */
  private memory: Record<string, string> = {};

  constructor(private readonly settings: HostRoamingSettings | undefined) {}

  all(): Record<string, string> {
    if (!this.settings) return { ...this.memory };
    try {
      return readChoices(this.settings.get(CHOICES_SETTING));
    } catch {
      return {};
    }
  }

  async remember(address: string, contactNo: string | null): Promise<void> {
    const key = normalizeEmail(address);
    if (!key) return;
    const next = this.all();
    delete next[key];
    // Re-inserted last: insertion order is age, so the bound drops the oldest choices.
    if (contactNo) next[key] = contactNo;
    const keys = Object.keys(next);
    for (const k of keys.slice(0, Math.max(0, keys.length - MAX_CHOICES))) delete next[k];
    if (!this.settings) {
      this.memory = next;
      return;
    }
    const settings = this.settings;
    settings.set(CHOICES_SETTING, next);
    await officeAsync<void>("roamingSettings.saveAsync", (cb) => settings.saveAsync(cb));
  }
}

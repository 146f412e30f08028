// Log on send, as Outlook keeps it: the user's setting in the add-in's roaming settings (they follow the mailbox to
// every device), the per-mail choice and the send-time marker in the item's custom properties (they stay on the
// draft and on the copy in Sent Items, so the read pane on the sent copy sees what happened at send time).
import type { ComposeLoggingPort, SendLogMarker } from "../domain/send-log";
import { parseSendLogMarker } from "../domain/send-log";
import { officeAsync } from "./office-async";
import type { HostCustomProperties, HostItem } from "./host-shapes";

/** Roaming setting: the user's default for "Log sent mail and meetings to known contacts". */
export const LOG_ON_SEND_SETTING = "iloLogSentMail";
/** Custom property: this mail's own choice (true/false); absent = follow the setting. */
export const LOG_ON_SEND_PROPERTY = "iloLogOnSend";
/** Custom property: the send-time marker (see SendLogMarker). */
export const SEND_LOG_PROPERTY = "iloSendLog";

export interface HostRoamingSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message?: string } | null }) => void): void;
}

export interface ComposeLoggingHost {
  context: {
    roamingSettings?: HostRoamingSettings;
    mailbox: { item?: HostItem | null };
  };
}

function roaming(office: ComposeLoggingHost): HostRoamingSettings | undefined {
  try {
    return office.context.roamingSettings ?? undefined;
  } catch {
    return undefined;
  }
}

/** The user's setting; false when unset or unreadable (off by default). */
export function readLogOnSendDefault(office: ComposeLoggingHost): boolean {
  try {
    return roaming(office)?.get(LOG_ON_SEND_SETTING) === true;
  } catch {
    return false;
  }
}

export async function loadProperties(item: HostItem): Promise<HostCustomProperties> {
  if (typeof item.loadCustomPropertiesAsync !== "function")
    throw new Error("This Outlook item cannot keep custom properties");
  return officeAsync<HostCustomProperties>("loadCustomPropertiesAsync", (cb) =>
    item.loadCustomPropertiesAsync!(cb),
  );
}

export function saveProperties(props: HostCustomProperties): Promise<void> {
  return officeAsync<void>("customProperties.saveAsync", (cb) => props.saveAsync(cb));
}

export function perMailChoice(props: HostCustomProperties): boolean | undefined {
  const value = props.get(LOG_ON_SEND_PROPERTY);
  return typeof value === "boolean" ? value : undefined;
}

export function sendLogOf(props: HostCustomProperties): SendLogMarker | undefined {
  return parseSendLogMarker(props.get(SEND_LOG_PROPERTY));
}

/** Sets the marker and saves; the properties object is the one loaded for this item. */
export async function writeSendLog(props: HostCustomProperties, marker: SendLogMarker): Promise<void> {
  props.set(SEND_LOG_PROPERTY, { ...marker });
  await saveProperties(props);
}

class OfficeComposeLogging implements ComposeLoggingPort {
  constructor(private readonly office: ComposeLoggingHost) {}

  private item(): HostItem {
    const item = this.office.context.mailbox.item;
    if (!item) throw new Error("No Outlook item is selected");
    return item;
  }

  logOnSendDefault(): boolean {
    return readLogOnSendDefault(this.office);
  }

  async setLogOnSendDefault(on: boolean): Promise<void> {
    const settings = roaming(this.office);
    if (!settings) throw new Error("This Outlook cannot keep add-in settings");
    settings.set(LOG_ON_SEND_SETTING, on);
    await officeAsync<void>("roamingSettings.saveAsync", (cb) =>
      settings.saveAsync(cb as Parameters<HostRoamingSettings["saveAsync"]>[0]),
    );
  }

  async readLogOnSend(): Promise<boolean | undefined> {
    return perMailChoice(await loadProperties(this.item()));
  }

  async writeLogOnSend(on: boolean): Promise<void> {
    const props = await loadProperties(this.item());
    props.set(LOG_ON_SEND_PROPERTY, on);
    await saveProperties(props);
  }

  async readSendLog(): Promise<SendLogMarker | undefined> {
    const item = this.office.context.mailbox.item;
    if (!item || typeof item.loadCustomPropertiesAsync !== "function") return undefined;
    try {
      return sendLogOf(await loadProperties(item));
    } catch {
      return undefined;
    }
  }
}

/** The pane's view of log on send, over the global Office object (or a given one). */
export function createComposeLogging(office?: ComposeLoggingHost): ComposeLoggingPort {
  const host = office ?? (globalThis as unknown as { Office?: ComposeLoggingHost }).Office;
  if (!host) throw new Error("Office.js is not loaded");
  return new OfficeComposeLogging(host);
}

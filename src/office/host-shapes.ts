// The slice of office.js this adapter touches, typed structurally. The real `Office` object satisfies it, and so
// do the unit tests' fakes and the workbench stand-in; every member above Mailbox 1.1 is optional because a host
// may lack it.

export interface HostAsyncResult<T> {
  status: unknown;
  value: T;
  error?: { name?: string; message?: string; code?: number } | null;
}
export type HostCallback<T> = (result: HostAsyncResult<T>) => void;

export interface HostEmailAddress {
  displayName?: string | null;
  emailAddress?: string | null;
}

/** A compose-mode field: readable (and writable) only through callbacks. */
export interface HostAsyncField<T> {
  getAsync(callback: HostCallback<T>): void;
}

export interface HostCustomProperties {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback: HostCallback<void>): void;
}

export interface HostSharedProperties {
  owner: string;
  delegatePermissions?: unknown;
  targetMailbox?: string;
}

/** Read-mode and compose-mode items share these names with different shapes; readers check the shape. */
export interface HostItem {
  itemType?: unknown;
  itemId?: string;
  internetMessageId?: string;
  dateTimeCreated?: unknown;
  subject?: unknown;
  from?: unknown;
  sender?: unknown;
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  organizer?: unknown;
  requiredAttendees?: unknown;
  optionalAttendees?: unknown;
  start?: unknown;
  end?: unknown;
  body?: unknown;
  getItemIdAsync?(callback: HostCallback<string>): void;
  /** Item events (RecipientsChanged is Mailbox 1.7, compose only). */
  addHandlerAsync?(
    eventType: unknown,
    handler: (args?: unknown) => void,
    callback?: HostCallback<void>,
  ): void;
  getSharedPropertiesAsync?(callback: HostCallback<HostSharedProperties>): void;
  loadCustomPropertiesAsync?(callback: HostCallback<HostCustomProperties>): void;
}

export interface HostMailbox {
  item?: HostItem | null;
  userProfile: { displayName?: string; emailAddress?: string };
  convertToRestId?(itemId: string, restVersion: unknown): string;
  addHandlerAsync?(
    eventType: unknown,
    handler: (args?: unknown) => void,
    callback?: HostCallback<void>,
  ): void;
  removeHandlerAsync?(eventType: unknown, callback?: HostCallback<void>): void;
}

/** Office.context.roamingSettings (Mailbox 1.1): an in-memory copy, persisted by saveAsync. */
export interface HostRoamingSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: HostCallback<void>): void;
}

export interface HostOfficeTheme {
  bodyBackgroundColor?: string;
}

export interface HostOffice {
  onReady(callback?: (info: unknown) => void): Promise<unknown>;
  context: {
    mailbox: HostMailbox;
    displayLanguage?: string;
    officeTheme?: HostOfficeTheme;
    roamingSettings?: HostRoamingSettings;
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
  };
  EventType: { ItemChanged: unknown; RecipientsChanged?: unknown };
  CoercionType?: { Text?: unknown };
  MailboxEnums: { ItemType: { Message: unknown; Appointment: unknown }; RestVersion: { v2_0: unknown } };
}

// A minimal strict Outlook for the adapter's unit tests: callbacks always arrive later (setTimeout, as in
// Outlook), compose items expose only getAsync, and any named call can be made to fail.
import type { HostAsyncResult, HostCallback, HostCustomProperties, HostOffice } from "../host-shapes";

export interface FakeAddress {
  displayName: string;
  emailAddress: string;
}

export interface FakeOptions {
  user?: FakeAddress;
  displayLanguage?: string;
  officeTheme?: { bodyBackgroundColor: string };
  /** Highest Mailbox requirement set, e.g. "1.8". */
  mailboxVersion?: string;
  /** API name (e.g. "to.getAsync") → error Office reports for it. */
  failures?: Record<string, { name: string; message: string }>;
  /** API names whose call throws synchronously instead of calling back. */
  throws?: string[];
}

export const ANNETTE: FakeAddress = {
  displayName: "Annette Hill",
  emailAddress: "annette.hill@cronus.example",
};

export class FakeOutlook {
  readonly calls: string[] = [];
  readonly customProperties = new Map<string, unknown>();
  itemChangedHandler: ((args?: unknown) => void) | undefined;
  office: HostOffice;

  constructor(private readonly opts: FakeOptions = {}) {
    const version = opts.mailboxVersion ?? "1.8";
    this.office = {
      onReady: (cb) =>
        new Promise((resolve) =>
          setTimeout(() => {
            const info = { host: "Outlook", platform: "OfficeOnline" };
            cb?.(info);
            resolve(info);
          }, 0),
        ),
      context: {
        displayLanguage: opts.displayLanguage ?? "en-US",
        requirements: {
          isSetSupported: (name: string, min?: string) =>
            name === "Mailbox" && compareVersions(min ?? "1.1", version) <= 0,
        },
        mailbox: {
          item: null,
          userProfile: { ...(opts.user ?? ANNETTE) },
          convertToRestId: (id: string) => id.replace(/\//g, "-").replace(/\+/g, "_"),
          addHandlerAsync: (_type, handler, cb) =>
            this.respond("addHandlerAsync", cb, undefined, () => (this.itemChangedHandler = handler)),
          removeHandlerAsync: (_type, cb) =>
            this.respond("removeHandlerAsync", cb, undefined, () => (this.itemChangedHandler = undefined)),
        },
      },
      EventType: { ItemChanged: "olkItemSelectedChanged" },
      MailboxEnums: {
        ItemType: { Message: "message", Appointment: "appointment" },
        RestVersion: { v2_0: "v2.0" },
      },
    };
    if (opts.officeTheme) this.office.context.officeTheme = opts.officeTheme;
  }

  /** Calls back on a later tick with success (after running `effect`) or the configured failure. */
  respond<T>(api: string, cb: HostCallback<T> | undefined, value: T, effect?: () => void): void {
    this.calls.push(api);
    if (this.opts.throws?.includes(api)) throw new Error(`${api} blew up`);
    const failure = this.opts.failures?.[api];
    setTimeout(() => {
      let result: HostAsyncResult<T>;
      if (failure) {
        result = { status: "failed", value: undefined as T, error: { ...failure, code: 9000 } };
      } else {
        effect?.();
        result = { status: "succeeded", value };
      }
      cb?.(result);
    }, 0);
  }

  /** A compose-mode field: only getAsync/setAsync, as Outlook gives it. */
  asyncField<T>(
    name: string,
    value: T,
  ): { getAsync(cb: HostCallback<T>): void; setAsync(v: T, cb?: HostCallback<void>): void } {
    let current = value;
    return {
      getAsync: (cb) => this.respond(`${name}.getAsync`, cb, current),
      setAsync: (v, cb) => this.respond(`${name}.setAsync`, cb, undefined, () => (current = v)),
    };
  }

  loadCustomPropertiesAsync = (cb: HostCallback<HostCustomProperties>): void => {
    const store = this.customProperties;
    const pending = new Map(store);
    const props: HostCustomProperties = {
      get: (name) => pending.get(name),
      set: (name, value) => void pending.set(name, value),
      saveAsync: (saveCb) =>
        this.respond("customProperties.saveAsync", saveCb, undefined, () => {
          store.clear();
          for (const [k, v] of pending) store.set(k, v);
        }),
    };
    this.respond("loadCustomPropertiesAsync", cb, props);
  };

  setItem(item: Record<string, unknown> | null): void {
    this.office.context.mailbox.item = item;
  }

  /** Selects another item and fires ItemChanged the way a pinned pane sees it. */
  select(item: Record<string, unknown> | null): void {
    this.setItem(item);
    const handler = this.itemChangedHandler;
    if (handler) setTimeout(() => handler({ type: "olkItemSelectedChanged" }), 0);
  }

  asOffice(): typeof Office {
    return this.office as unknown as typeof Office;
  }
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

// MailboxPort over office.js: the only place the pane meets Outlook. The composition root calls
// createOfficeMailbox once; everything after that is plain data.
import type { MailboxPort } from "../domain/ports";
import type { Correspondence, EmailAddress, UserProfile } from "../domain/types";
import { normalizeEmail } from "../domain/matching";
import { officeAsync } from "./office-async";
import { isAsyncField, readItem, type ReadContext } from "./item-reader";
import { RoamingChoices } from "./roaming-choices";
import { themeFromOfficeTheme } from "./theme";
import type {
  HostCallback,
  HostItem,
  HostOffice,
  HostOfficeTheme,
  HostSharedProperties,
} from "./host-shapes";

export interface OfficeMailboxOptions {
  /**
   * Looks up a meeting's iCalUId from its REST id (e.g. Graph GET /me/events/{id}?$select=iCalUId). Office.js up
   * to Mailbox 1.8 exposes no UID, so without this the meeting's REST id is its source id.
   */
  resolveMeetingUid?: (restId: string) => Promise<string | undefined>;
  /** Outlook on the web root for WebLink; default https://outlook.office.com. */
  outlookWebUrl?: string;
  /** Clock for compose items, which have no sent time yet. */
  now?: () => Date;
  /** Where failures of the ItemChanged subscription are reported; default console.error. */
  onError?: (error: Error) => void;
}

export const DEFAULT_OUTLOOK_WEB_URL = "https://outlook.office.com";

function requireGlobalOffice(): HostOffice {
  const g = globalThis as { Office?: HostOffice };
  if (!g.Office)
    throw new Error("Office.js is not loaded: the pane must run inside Outlook or the workbench");
  return g.Office;
}

class OfficeMailbox implements MailboxPort {
  readonly user: UserProfile;
  readonly displayLanguage: string;
  readonly theme: "light" | "dark";
  private readonly listeners = new Set<() => void>();
  private subscribed = false;
  private subscribing: Promise<void> | undefined;
  private readonly recipientListeners = new Set<() => void>();
  /** Compose items whose RecipientsChanged handler is registered (a new item object needs its own). */
  private readonly hookedItems = new WeakSet<object>();
  private readonly choices: RoamingChoices;

  constructor(
    private readonly office: HostOffice,
    private readonly options: OfficeMailboxOptions,
  ) {
    const profile = office.context.mailbox.userProfile ?? {};
    this.user = {
      displayName: profile.displayName ?? "",
      emailAddress: profile.emailAddress ?? "",
    };
    this.displayLanguage = office.context.displayLanguage || "en-US";
    this.theme = themeFromOfficeTheme(this.officeTheme());
    this.choices = new RoamingChoices(office.context.roamingSettings);
  }

  rememberedChoices(): Record<string, string> {
    return this.choices.all();
  }

  rememberChoice(address: string, contactNo: string | null): Promise<void> {
    return this.choices.remember(address, contactNo);
  }

  async readBodyText(): Promise<string | undefined> {
    const body = this.office.context.mailbox.item?.body as
      { getAsync?(coercion: unknown, callback: HostCallback<string>): void } | undefined;
    if (!body || typeof body.getAsync !== "function" || !this.isSetSupported("Mailbox", "1.3"))
      return undefined;
    try {
      const coercion = this.office.CoercionType?.Text ?? "text";
      return await officeAsync<string>("body.getAsync", (cb) => body.getAsync!(coercion, cb));
    } catch {
      return undefined;
    }
  }

  onRecipientsChanged(listener: () => void): () => void {
    this.recipientListeners.add(listener);
    this.hookRecipients();
    return () => void this.recipientListeners.delete(listener);
  }

  private readonly dispatchRecipients = (): void => {
    for (const listener of [...this.recipientListeners]) {
      try {
        listener();
      } catch (e) {
        this.report(e);
      }
    }
  };

  /**
   * RecipientsChanged is an item event (Mailbox 1.7) of compose items: each newly selected draft gets the handler
   * once. Read items never change recipients; hosts below 1.7 keep the "read the draft again" button only.
   */
  private hookRecipients(): void {
    const item = this.office.context.mailbox.item;
    const eventType = this.office.EventType.RecipientsChanged;
    if (!item || this.recipientListeners.size === 0 || this.hookedItems.has(item)) return;
    if (eventType === undefined || typeof item.addHandlerAsync !== "function") return;
    if (!isAsyncField(item.subject) || !this.isSetSupported("Mailbox", "1.7")) return;
    this.hookedItems.add(item);
    officeAsync<void>("addHandlerAsync(RecipientsChanged)", (cb) =>
      item.addHandlerAsync!(eventType, this.dispatchRecipients, cb),
    ).catch((e: unknown) => {
      this.hookedItems.delete(item);
      this.report(e);
    });
  }

  /** officeTheme is a Mailbox 1.14 property; reading it is harmless where absent, but some hosts throw. */
  private officeTheme(): HostOfficeTheme | undefined {
    try {
      return this.office.context.officeTheme;
    } catch {
      return undefined;
    }
  }

  private isSetSupported = (name: string, version: string): boolean => {
    const req = this.office.context.requirements;
    try {
      return !!req && req.isSetSupported(name, version);
    } catch {
      return false;
    }
  };

  private async mailboxOwner(item: HostItem): Promise<EmailAddress> {
    const self: EmailAddress = { displayName: this.user.displayName, address: this.user.emailAddress };
    // Only items in a shared folder or mailbox have getSharedPropertiesAsync (Mailbox 1.8).
    if (typeof item.getSharedPropertiesAsync !== "function" || !this.isSetSupported("Mailbox", "1.8"))
      return self;
    try {
      const shared = await officeAsync<HostSharedProperties>("getSharedPropertiesAsync", (cb) =>
        item.getSharedPropertiesAsync!(cb),
      );
      const owner = typeof shared?.owner === "string" ? shared.owner.trim() : "";
      if (!owner || normalizeEmail(owner) === normalizeEmail(self.address)) return self;
      // Office gives only the owner's address; it doubles as the display name.
      return { displayName: owner, address: owner };
    } catch {
      // Outlook fails this call for items that turn out not to be shared: the user owns them.
      return self;
    }
  }

  async readCurrentItem(): Promise<Correspondence | null> {
    const item = this.office.context.mailbox.item;
    if (!item) return null;
    const ctx: ReadContext = {
      office: this.office,
      mailboxOwner: await this.mailboxOwner(item),
      now: this.options.now ?? (() => new Date()),
      outlookWebUrl: this.options.outlookWebUrl ?? DEFAULT_OUTLOOK_WEB_URL,
      isSetSupported: this.isSetSupported,
    };
    if (this.options.resolveMeetingUid) ctx.resolveMeetingUid = this.options.resolveMeetingUid;
    this.hookRecipients();
    return readItem(ctx, item);
  }

  private readonly dispatch = (): void => {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (e) {
        this.report(e);
      }
    }
  };

  private report(e: unknown): void {
    const error = e instanceof Error ? e : new Error(String(e));
    (this.options.onError ?? ((err: Error) => console.error(err)))(error);
  }

  private syncSubscription(): void {
    if (this.subscribing) return;
    const mailbox = this.office.context.mailbox;
    const want = this.listeners.size > 0;
    if (want === this.subscribed) return;
    const eventType = this.office.EventType.ItemChanged;
    const step = want
      ? officeAsync<void>("addHandlerAsync(ItemChanged)", (cb: HostCallback<void>) => {
          if (typeof mailbox.addHandlerAsync !== "function")
            throw new Error("this host has no addHandlerAsync");
          mailbox.addHandlerAsync(eventType, this.dispatch, cb);
        })
      : officeAsync<void>("removeHandlerAsync(ItemChanged)", (cb: HostCallback<void>) => {
          if (typeof mailbox.removeHandlerAsync !== "function")
            throw new Error("this host has no removeHandlerAsync");
          mailbox.removeHandlerAsync(eventType, cb);
        });
    this.subscribing = step
      .then(
        () => {
          this.subscribed = want;
        },
        (e: unknown) => this.report(e),
      )
      .finally(() => {
        this.subscribing = undefined;
        // Listeners may have come or gone while the host call was in flight; settle on the latest wish, once.
        const stillWant = this.listeners.size > 0;
        if (stillWant !== this.subscribed && stillWant !== want) this.syncSubscription();
      });
  }

  onItemChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    this.syncSubscription();
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      this.listeners.delete(listener);
      this.syncSubscription();
    };
  }
}

/** Waits for Office to be ready and returns the mailbox adapter. */
export async function createOfficeMailbox(
  office?: typeof Office,
  options: OfficeMailboxOptions = {},
): Promise<MailboxPort> {
  const host = (office as unknown as HostOffice | undefined) ?? requireGlobalOffice();
  await host.onReady();
  if (!host.context?.mailbox)
    throw new Error("Office is ready but this is not Outlook: no mailbox is available");
  return new OfficeMailbox(host, options);
}

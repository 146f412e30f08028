// MailContentPort over Office.js (issue 15): what the selected read-mode mail offers to keep, reading it, and the
// user's default choice in the add-in's roaming settings (it follows the user to every Outlook). The readers
// themselves (mail-content.ts) load on demand: they are only needed once the user keeps something.
import type {
  MailContent,
  MailContentInfo,
  MailContentPort,
  ReadContentOptions,
} from "../domain/content-ports";
import { isContentChoice, type ContentChoice } from "../domain/content-choice";
import type { HostRoamingSettings } from "./host-shapes";
import type { ContentHost, ContentHostItem } from "./mail-content";
import { officeAsync } from "./office-async";

/** Roaming setting: the user's default for "Keep with the entry" (none / excerpt / full). */
export const KEEP_CONTENT_SETTING = "iloKeepContent";

export interface ContentSourceHost {
  context: {
    roamingSettings?: HostRoamingSettings;
    requirements?: ContentHost;
    mailbox: { item?: unknown };
  };
}

const readers = () => import(/* webpackChunkName: "mail-content" */ "./mail-content");

class OfficeMailContent implements MailContentPort {
  constructor(private readonly office: ContentSourceHost) {}

  private host(): ContentHost {
    const req = this.office.context.requirements;
    return {
      isSetSupported: (name, version) => {
        try {
          return !!req && req.isSetSupported(name, version);
        } catch {
          return false;
        }
      },
    };
  }

  /** A message in read mode: its subject is a string and its attachments a list (compose has async getters). */
  private readItem(): ContentHostItem | undefined {
    const item = this.office.context.mailbox.item as
      (ContentHostItem & { itemType?: unknown; subject?: unknown }) | null | undefined;
    if (!item || String(item.itemType) !== "message" || typeof item.subject !== "string") return undefined;
    return item;
  }

  async describe(): Promise<MailContentInfo | undefined> {
    const item = this.readItem();
    if (!item) return undefined;
    const { isProtectedMail, listableAttachments } = await readers();
    const host = this.host();
    const eml = typeof item.getAsFileAsync === "function" && host.isSetSupported("Mailbox", "1.14");
    return {
      whole: eml ? "eml" : "html",
      attachments: eml
        ? []
        : listableAttachments(item).map((a) => ({
            id: a.id,
            name: a.name,
            size: a.size,
            cloud: String(a.attachmentType).toLowerCase() === "cloud",
          })),
      protected: isProtectedMail(item),
      // Inline images travel inside the .eml too.
      attachmentBytes: (item.attachments ?? [])
        .filter((a) => String(a.attachmentType).toLowerCase() !== "cloud")
        .reduce((n, a) => n + (Number.isFinite(a.size) ? a.size : 0), 0),
    };
  }

  async read(options: ReadContentOptions): Promise<MailContent> {
    const item = this.readItem();
    if (!item) throw new Error("The selected item is not a mail in read mode");
    const selected = (item as { itemId?: unknown }).itemId;
    if (options.itemId && typeof selected === "string" && selected !== options.itemId)
      throw new Error("Another item was selected before the mail could be read: its content was not kept");
    const { isProtectedMail, readMailContent } = await readers();
    // Protected mail is not copied at all, not even its first lines.
    if (isProtectedMail(item)) return { plainBody: "", files: [], notCopied: "protected" };
    const content = await readMailContent(item, this.host(), {
      whole: options.whole,
      ...(options.keepAttachmentIds ? { keepAttachmentIds: options.keepAttachmentIds } : {}),
    });
    return {
      plainBody: content.plainBody,
      files: content.files,
      ...(content.notCopied ? { notCopied: content.notCopied } : {}),
      ...(content.unreadable.length ? { unreadable: content.unreadable } : {}),
    };
  }

  private settings(): HostRoamingSettings | undefined {
    try {
      return this.office.context.roamingSettings ?? undefined;
    } catch {
      return undefined;
    }
  }

  async defaultChoice(): Promise<ContentChoice | undefined> {
    try {
      const value = this.settings()?.get(KEEP_CONTENT_SETTING);
      return isContentChoice(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  async setDefaultChoice(choice: ContentChoice): Promise<void> {
    const settings = this.settings();
    if (!settings) throw new Error("This Outlook cannot keep add-in settings");
    settings.set(KEEP_CONTENT_SETTING, choice);
    await officeAsync<void>("roamingSettings.saveAsync", (cb) => settings.saveAsync(cb));
  }
}

/** The pane's view of a mail's content, over the global Office object (or a given one). */
export function createMailContentSource(office?: ContentSourceHost): MailContentPort {
  const host = office ?? (globalThis as unknown as { Office?: ContentSourceHost }).Office;
  if (!host) throw new Error("Office.js is not loaded");
  return new OfficeMailContent(host);
}

// An in-memory MailContentPort: a mail with a plain body and attachments, the user's roaming default, and a record
// of what was read — so UI tests check what the pane asks for and what reaches the store.
import type {
  MailContent,
  MailContentInfo,
  MailContentPort,
  ReadContentOptions,
} from "../../domain/content-ports";
import type { ContentChoice } from "../../domain/content-choice";

export interface FakeAttachment {
  id: string;
  name: string;
  size: number;
  cloud?: boolean;
}

export class FakeMailContent implements MailContentPort {
  saved: ContentChoice | undefined;
  /** Attachments the host refuses to give (Outlook on the web, items attached by drag-and-drop). */
  unreadable = new Set<string>();
  reads: { whole: boolean; keepAttachmentIds: string[] }[] = [];
  constructor(
    public plainBody = "Hello Mia,\n\nHere is the offer.\n\n-- \nJane",
    public attachments: FakeAttachment[] = [],
    public isProtected = false,
  ) {}

  /** "eml": a host with getAsFileAsync (Mailbox 1.14), which keeps the whole mail as one file. */
  whole: MailContentInfo["whole"] = "html";

  async describe(): Promise<MailContentInfo> {
    const attachmentBytes = this.attachments.filter((a) => !a.cloud).reduce((n, a) => n + a.size, 0);
    if (this.whole === "eml")
      return { whole: "eml", attachments: [], protected: this.isProtected, attachmentBytes };
    return {
      whole: "html",
      attachments: this.attachments.map((a) => ({ ...a, cloud: a.cloud === true })),
      protected: this.isProtected,
      attachmentBytes: this.attachments.filter((a) => !a.cloud).reduce((n, a) => n + a.size, 0),
    };
  }

  /** The selected item's id: a read for another one is refused, as Outlook's selection would have moved. */
  selectedItemId: string | undefined;

  async read(options: ReadContentOptions): Promise<MailContent> {
    const keep = options.keepAttachmentIds ?? new Set(this.attachments.map((a) => a.id));
    this.reads.push({ whole: options.whole, keepAttachmentIds: [...keep].sort() });
    if (options.itemId && this.selectedItemId && options.itemId !== this.selectedItemId)
      throw new Error("Another item was selected before the mail could be read: its content was not kept");
    if (this.isProtected) return { plainBody: "", files: [], notCopied: "protected" };
    const files = options.whole
      ? [
          { name: "mail.html", bytes: new TextEncoder().encode(`<p>${this.plainBody}</p>`) },
          ...this.attachments
            .filter((a) => !a.cloud && keep.has(a.id) && !this.unreadable.has(a.id))
            .map((a) => ({ name: a.name, bytes: new Uint8Array(a.size) })),
        ]
      : [];
    const unreadable = options.whole
      ? this.attachments.filter((a) => keep.has(a.id) && this.unreadable.has(a.id))
      : [];
    return {
      plainBody: this.plainBody,
      files,
      ...(unreadable.length ? { unreadable: unreadable.map((a) => a.name) } : {}),
    };
  }

  async defaultChoice(): Promise<ContentChoice | undefined> {
    return this.saved;
  }

  async setDefaultChoice(choice: ContentChoice): Promise<void> {
    this.saved = choice;
  }
}

// An in-memory MailboxPort: the test chooses the selected item and fires Outlook's ItemChanged.
import type { MailboxPort } from "../../domain/ports";
import type { Correspondence, UserProfile } from "../../domain/types";
import { USER } from "./fixtures";

export class FakeMailbox implements MailboxPort {
  readonly user: UserProfile;
  readonly displayLanguage: string;
  readonly theme: "light" | "dark";
  private item: Correspondence | null;
  private readonly listeners = new Set<() => void>();
  private readonly recipientListeners = new Set<() => void>();
  /** What the roaming settings hold: address → ContactNo. */
  choices: Record<string, string> = {};
  /** The selected item's body text, for signature reading. */
  bodyText: string | undefined;
  readCount = 0;

  constructor(
    item: Correspondence | null,
    options: { displayLanguage?: string; theme?: "light" | "dark"; user?: UserProfile } = {},
  ) {
    this.item = item;
    this.displayLanguage = options.displayLanguage ?? "en-US";
    this.theme = options.theme ?? "light";
    this.user = options.user ?? USER;
  }

  async readCurrentItem(): Promise<Correspondence | null> {
    this.readCount++;
    return this.item;
  }

  onItemChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onRecipientsChanged(listener: () => void): () => void {
    this.recipientListeners.add(listener);
    return () => this.recipientListeners.delete(listener);
  }

  rememberedChoices(): Record<string, string> {
    return { ...this.choices };
  }

  async rememberChoice(address: string, contactNo: string | null): Promise<void> {
    const next = { ...this.choices };
    if (contactNo) next[address.toLowerCase()] = contactNo;
    else delete next[address.toLowerCase()];
    this.choices = next;
  }

  async readBodyText(): Promise<string | undefined> {
    return this.bodyText;
  }

  /** Changes the draft's recipients and fires RecipientsChanged, as Outlook does in compose mode. */
  changeRecipients(item: Correspondence): void {
    this.item = item;
    for (const l of [...this.recipientListeners]) l();
  }

  get recipientListenerCount(): number {
    return this.recipientListeners.size;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Edits the open draft without telling the pane: Outlook sends no ItemChanged for that. */
  editDraft(item: Correspondence): void {
    this.item = item;
  }

  /** Selects another item and tells the pane, as Outlook does for a pinned pane. */
  select(item: Correspondence | null): void {
    this.item = item;
    for (const l of [...this.listeners]) l();
  }
}

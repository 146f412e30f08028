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

// Reads what a log keeps of a mail (issue 15), through Office.js only (no extra mail permission in Graph):
// - the plain-text body for the excerpt (body.getAsync Text, Mailbox 1.3);
// - the whole mail as `.eml` from getAsFileAsync (Mailbox 1.14, read mode, checked with isSetSupported), else the body
//   as `.html` (body.getAsync Html) plus each attachment the user kept (getAttachmentContentAsync, Mailbox 1.8):
//   files as bytes, attached items as `.eml`, calendar items as `.ics`, cloud attachments as links (one text file);
// - protected mail (IRM / S/MIME, where the item says so) is never copied: the result says why.
import type { HostCallback } from "./host-shapes";
import { officeAsync } from "./office-async";

export interface ContentAttachment {
  id: string;
  name: string;
  size: number;
  attachmentType?: string;
  isInline?: boolean;
  contentType?: string;
}

/** The slice of a read-mode item this reader uses (the real item, the unit tests' fakes, the workbench stand-in). */
export interface ContentHostItem {
  itemClass?: string;
  attachments?: readonly ContentAttachment[];
  body?: { getAsync(coercionType: string, callback: HostCallback<string>): void };
  getAsFileAsync?(callback: HostCallback<string>): void;
  getAttachmentContentAsync?(id: string, callback: HostCallback<{ format: string; content: string }>): void;
}

export interface ContentHost {
  isSetSupported(name: string, version: string): boolean;
}

export interface MailFile {
  name: string;
  bytes: Uint8Array;
}

export interface MailContent {
  plainBody: string;
  /** The files to keep: the `.eml`, or the body `.html`, the kept attachments and a links file. */
  files: MailFile[];
  /** How the whole mail was read. */
  source: "eml" | "html" | "none";
  /** Set when the mail must not be copied (protected); `files` is then empty. */
  notCopied?: "protected";
  /** Cloud attachments, kept as links (also in `Cloud attachments.txt`). */
  links: { name: string; url: string }[];
  /** Ticked attachments the host could not give: left out, the rest kept. */
  unreadable: string[];
}

/** IRM (rpmsg) and S/MIME items: the host marks them in the item class or by their wrapper attachment. */
export function isProtectedMail(item: ContentHostItem): boolean {
  const cls = (item.itemClass ?? "").toLowerCase();
  if (cls.includes("smime") || cls.includes("rpmsg")) return true;
  return (item.attachments ?? []).some((a) => /^(message\.rpmsg|smime\.p7m)$/i.test(a.name));
}

/** The attachments the pane lists to tick (inline images go with the body, never on their own). */
export function listableAttachments(item: ContentHostItem): ContentAttachment[] {
  return (item.attachments ?? []).filter((a) => !a.isInline);
}

/** Sizes known before anything is read (for the limit check up front): the attachments the user kept. */
export function knownAttachmentSizes(item: ContentHostItem, keep: ReadonlySet<string>) {
  return listableAttachments(item)
    .filter((a) => keep.has(a.id) && a.attachmentType !== "cloud")
    .map((a) => ({ name: a.name, size: a.size }));
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64.replace(/\s+/g, ""));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

export async function readMailContent(
  item: ContentHostItem,
  host: ContentHost,
  options: { whole: boolean; keepAttachmentIds?: ReadonlySet<string> },
): Promise<MailContent> {
  const plainBody = item.body
    ? await officeAsync<string>("body.getAsync", (cb) => item.body!.getAsync("text", cb))
    : "";
  const out: MailContent = { plainBody, files: [], source: "none", links: [], unreadable: [] };
  if (!options.whole) return out;
  if (isProtectedMail(item)) return { ...out, notCopied: "protected" };

  if (typeof item.getAsFileAsync === "function" && host.isSetSupported("Mailbox", "1.14")) {
    const b64 = await officeAsync<string>("getAsFileAsync", (cb) => item.getAsFileAsync!(cb));
    return { ...out, source: "eml", files: [{ name: "mail.eml", bytes: base64ToBytes(b64) }] };
  }

  const html = item.body
    ? await officeAsync<string>("body.getAsync", (cb) => item.body!.getAsync("html", cb))
    : "";
  out.source = "html";
  out.files.push({ name: "mail.html", bytes: utf8(html) });
  const keep = options.keepAttachmentIds ?? new Set(listableAttachments(item).map((a) => a.id));
  const canRead =
    typeof item.getAttachmentContentAsync === "function" && host.isSetSupported("Mailbox", "1.8");
  for (const a of listableAttachments(item)) {
    if (!keep.has(a.id) || !canRead) continue;
    let content: { format: string; content: string };
    try {
      content = await officeAsync<{ format: string; content: string }>("getAttachmentContentAsync", (cb) =>
        item.getAttachmentContentAsync!(a.id, cb),
      );
    } catch {
      // Outlook refuses some (an item attached by drag-and-drop on the web, say): the rest is still kept.
      out.unreadable.push(a.name);
      continue;
    }
    switch (content.format) {
      case "base64":
        out.files.push({ name: a.name, bytes: base64ToBytes(content.content) });
        break;
      case "eml":
        out.files.push({
          name: /\.eml$/i.test(a.name) ? a.name : `${a.name}.eml`,
          bytes: utf8(content.content),
        });
        break;
      case "iCalendar":
        out.files.push({
          name: /\.ics$/i.test(a.name) ? a.name : `${a.name}.ics`,
          bytes: utf8(content.content),
        });
        break;
      case "url":
        out.links.push({ name: a.name, url: content.content });
        break;
    }
  }
  if (out.links.length)
    out.files.push({
      name: "Cloud attachments.txt",
      bytes: utf8(out.links.map((l) => `${l.name}\r\n${l.url}\r\n`).join("\r\n")),
    });
  return out;
}

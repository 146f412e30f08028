// The workbench page: an Outlook-like window (folders, item list, reading pane) with the add-in's task pane pinned
// on the right. It owns the mailbox state and hands it to the Office stand-in inside the pane's iframe.
import { h, on } from "./dom";
import {
  fileSent,
  savedMeetingRegistration,
  type MailboxFolders,
  type MeetingRegistration,
} from "./file-sent";
import { runSendEvent, type LaunchRuntimeKind } from "./send";
import {
  FIXTURES,
  WORKBENCH_MAILBOXES,
  WORKBENCH_USER,
  formatRecipients,
  itemKey,
  itemSubject,
  parseRecipients,
  type DraftMeeting,
  type DraftMessage,
  type FixtureAddress,
  type FixtureAttachment,
  type FixtureMessage,
  type HostBridge,
  type WorkbenchItem,
} from "../stand-in/workbench-model";
import type { RecipientField } from "../stand-in/item-events";
import type { RoamingStore } from "../stand-in/roaming-settings";

type FolderView = "inbox" | "sent" | "calendar" | "drafts";
const FOLDERS: Array<{ id: FolderView; label: string }> = [
  { id: "inbox", label: "Inbox" },
  { id: "sent", label: "Sent Items" },
  { id: "drafts", label: "Drafts" },
  { id: "calendar", label: "Calendar" },
];
const LANGUAGES = [
  { id: "en-US", label: "English (United States)" },
  { id: "nl-NL", label: "Nederlands (Nederland)" },
];

const params = new URLSearchParams(location.search);

/** One mailbox of the workbench: Annette's holds the fixture mail; another holds the meetings it takes part in. */
interface Mailbox extends MailboxFolders {
  user: FixtureAddress;
  inbox: FixtureMessage[];
  drafts: WorkbenchItem[];
}
const sameAddress = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const MAILBOXES: Mailbox[] = WORKBENCH_MAILBOXES.map((user) =>
  sameAddress(user.emailAddress, WORKBENCH_USER.emailAddress)
    ? { user, inbox: FIXTURES.inbox, sent: FIXTURES.sent, calendar: FIXTURES.calendar, drafts: [] }
    : {
        user,
        inbox: [],
        sent: [],
        drafts: [],
        // The fixture meetings this user organises or attends (the fixture gives every copy one item id).
        calendar: FIXTURES.calendar.filter((m) =>
          [m.organizer, ...m.requiredAttendees, ...m.optionalAttendees].some((a) =>
            sameAddress(a.emailAddress, user.emailAddress),
          ),
        ),
      },
);
const mailboxOf = (address: string): Mailbox | undefined =>
  MAILBOXES.find((m) => sameAddress(m.user.emailAddress, address));

const state = {
  /** Whose mailbox is open (the pane and the send handler run as this user). */
  user: mailboxOf(params.get("mailbox") ?? "")?.user ?? WORKBENCH_USER,
  folder: (["inbox", "sent", "calendar", "drafts"].includes(params.get("folder") ?? "")
    ? params.get("folder")
    : "inbox") as FolderView,
  selected: null as WorkbenchItem | null,
  language: LANGUAGES.some((l) => l.id === params.get("lang")) ? params.get("lang")! : "en-US",
  theme: (params.get("theme") === "dark" ? "dark" : "light") as "light" | "dark",
  draftCounter: 0,
  /** Which Outlook runs the send handler: web/new/Mac (the HTML page) or classic Windows (the JavaScript file). */
  runtime: (params.get("runtime") === "js" ? "js" : "html") as LaunchRuntimeKind,
};

const box = (): Mailbox => mailboxOf(state.user.emailAddress)!;

function folderItems(folder: FolderView): WorkbenchItem[] {
  switch (folder) {
    case "inbox":
      return box().inbox.map((data) => ({ kind: "message", mode: "read", folder: "inbox", data }));
    case "sent":
      return box().sent.map((data) => ({ kind: "message", mode: "read", folder: "sent", data }));
    case "calendar":
      return box().calendar.map((data) => ({
        kind: "appointment",
        mode: "read",
        folder: "calendar",
        data,
      }));
    case "drafts":
      return box().drafts;
  }
}

/** Tells Graph's calendar (the emulator, through the workbench server) about a meeting saved or sent here. */
async function registerMeeting(registration: MeetingRegistration): Promise<void> {
  try {
    const res = await fetch("/workbench/calendar", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(registration),
    });
    if (!res.ok)
      console.warn(`workbench: the calendar did not take "${registration.subject}" (${res.status})`);
  } catch (e) {
    // Exchange out of reach: Graph does not know the meeting (the add-in falls back to the draft's id).
    console.warn(`workbench: the calendar did not take "${registration.subject}": ${String(e)}`);
  }
}

// ---- the bridge the stand-in reads; a fresh one per pane load so a reloaded pane leaves no stale listeners ----
let selectionListeners = new Set<() => void>();
let recipientListeners = new Set<(field: RecipientField) => void>();

/** The add-in's roaming settings, as Exchange would keep them for the user: here, in this page's localStorage. */
const ROAMING_KEY = "ilo-workbench-roaming-settings";
const roamingKey = (): string =>
  sameAddress(state.user.emailAddress, WORKBENCH_USER.emailAddress)
    ? ROAMING_KEY
    : `${ROAMING_KEY}:${state.user.emailAddress.toLowerCase()}`;
const roaming: RoamingStore = {
  load: () => {
    try {
      const v = JSON.parse(localStorage.getItem(roamingKey()) ?? "{}") as unknown;
      return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  },
  save: (values) => localStorage.setItem(roamingKey(), JSON.stringify(values)),
};

function installBridge(): void {
  selectionListeners = new Set();
  recipientListeners = new Set();
  const listeners = selectionListeners;
  const recipients = recipientListeners;
  const bridge: HostBridge = {
    user: state.user,
    displayLanguage: state.language,
    theme: state.theme,
    currentItem: () => state.selected,
    onSelectionChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    draftEdited: () => renderReadingPane(),
    onRecipientsChanged(listener) {
      recipients.add(listener);
      return () => recipients.delete(listener);
    },
    roaming,
    meetingSaved: (draft, itemId) => registerMeeting(savedMeetingRegistration(draft, itemId)),
  };
  (window as unknown as { __iloWorkbench: HostBridge }).__iloWorkbench = bridge;
}

function select(item: WorkbenchItem | null): void {
  if (item && state.selected && itemKey(item) === itemKey(state.selected)) return;
  state.selected = item;
  render();
  for (const l of [...selectionListeners]) l();
}

// ---- layout ----
const root = document.getElementById("workbench")!;
const folderNav = h("nav", { class: "folders", "aria-label": "Folders" });
const itemList = h("section", { class: "item-list", "aria-label": "Items", "data-testid": "item-list" });
const readingPane = h("main", {
  class: "reading-pane",
  "aria-label": "Reading pane",
  "data-testid": "reading-pane",
});
const paneFrame = h("iframe", {
  class: "taskpane-frame",
  title: "Interaction Log task pane",
  "data-testid": "taskpane-frame",
});

function header(): HTMLElement {
  const lang = h("select", { id: "wb-language", "data-testid": "language-select" });
  for (const l of LANGUAGES)
    lang.append(h("option", { value: l.id, selected: l.id === state.language }, l.label));
  on(lang, "change", () => {
    state.language = lang.value;
    reloadPane();
  });
  const theme = h("select", { id: "wb-theme", "data-testid": "theme-select" });
  for (const t of ["light", "dark"] as const)
    theme.append(h("option", { value: t, selected: t === state.theme }, t === "light" ? "Light" : "Dark"));
  on(theme, "change", () => {
    state.theme = theme.value === "dark" ? "dark" : "light";
    document.body.dataset.theme = state.theme;
    reloadPane();
  });
  // Another user's mailbox (an attendee's calendar, say): the pane and the send handler run as that user.
  const mailbox = h("select", { id: "wb-mailbox", "data-testid": "mailbox-select" });
  for (const m of MAILBOXES)
    mailbox.append(
      h(
        "option",
        { value: m.user.emailAddress, selected: sameAddress(m.user.emailAddress, state.user.emailAddress) },
        `${m.user.displayName} <${m.user.emailAddress}>`,
      ),
    );
  on(mailbox, "change", () => {
    state.user = mailboxOf(mailbox.value)?.user ?? WORKBENCH_USER;
    state.selected = null;
    showUser();
    render();
    reloadPane();
  });
  return h(
    "header",
    { class: "topbar" },
    h("span", { class: "brand" }, "Outlook"),
    h("span", { class: "brand-sub" }, "local workbench"),
    h("span", { class: "spacer" }),
    h("label", { for: "wb-language" }, "Display language"),
    lang,
    h("label", { for: "wb-theme" }, "Theme"),
    theme,
    h("label", { for: "wb-mailbox" }, "Mailbox"),
    mailbox,
    userBadge,
  );
}

const userBadge = h("span", { class: "user", "data-testid": "signed-in-user" });
function showUser(): void {
  const initials = state.user.displayName
    .split(/\s+/)
    .map((w) => w[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
  userBadge.title = state.user.emailAddress;
  userBadge.replaceChildren(
    h("span", { class: "avatar", "aria-hidden": "true" }, initials),
    state.user.displayName,
  );
}

function renderFolders(): void {
  const newEmail = on(
    h("button", { type: "button", class: "primary", "data-testid": "new-email" }, "New email"),
    "click",
    () => newDraft("message"),
  );
  const newMeeting = on(
    h("button", { type: "button", "data-testid": "new-meeting" }, "New meeting"),
    "click",
    () => newDraft("appointment"),
  );
  const list = h("ul", {});
  for (const f of FOLDERS) {
    const count = f.id === "drafts" ? box().drafts.length : undefined;
    const btn = h(
      "button",
      {
        type: "button",
        "data-testid": `folder-${f.id}`,
        "aria-current": state.folder === f.id ? "page" : undefined,
      },
      f.label,
      count ? h("span", { class: "count" }, String(count)) : null,
    );
    on(btn, "click", () => {
      state.folder = f.id;
      render();
    });
    list.append(h("li", {}, btn));
  }
  folderNav.replaceChildren(
    h("div", { class: "new-buttons" }, newEmail, newMeeting),
    h("h2", { class: "section-title" }, state.user.emailAddress),
    list,
  );
}

const dateFmt = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});
const fmt = (iso: string): string => `${dateFmt.format(new Date(iso))} UTC`;

function listLine(item: WorkbenchItem): { who: string; when: string } {
  if (item.mode === "compose") {
    const d = item.draft;
    const who =
      "to" in d
        ? formatRecipients(d.to) || "(no recipients)"
        : formatRecipients(d.requiredAttendees) || "(no attendees)";
    return { who: `[Draft] ${who}`, when: "" };
  }
  if (item.kind === "message") {
    const who =
      item.folder === "sent"
        ? `To: ${item.data.to.map((a) => a.displayName).join("; ")}`
        : item.data.from.displayName;
    return { who, when: fmt(item.data.dateTimeCreated) };
  }
  return { who: item.data.organizer.displayName, when: fmt(item.data.start) };
}

function renderItemList(): void {
  const items = folderItems(state.folder);
  const title = FOLDERS.find((f) => f.id === state.folder)!.label;
  const ul = h("ul", { role: "list" });
  for (const item of items) {
    const { who, when } = listLine(item);
    const selected = !!state.selected && itemKey(item) === itemKey(state.selected);
    const id = item.mode === "compose" ? item.draft.key : item.data.itemId;
    const btn = h(
      "button",
      {
        type: "button",
        class: "item",
        "data-testid": `item-${id.replace(/[^A-Za-z0-9-]/g, "")}`,
        "aria-pressed": selected ? "true" : "false",
      },
      h("span", { class: "who" }, who),
      h("span", { class: "subject" }, itemSubject(item) || "(no subject)"),
      h("span", { class: "when" }, when),
    );
    on(btn, "click", () => select(item));
    ul.append(h("li", {}, btn));
  }
  itemList.replaceChildren(
    h("h2", { class: "section-title" }, title),
    items.length ? ul : h("p", { class: "empty" }, "Nothing here."),
  );
}

function addressLine(label: string, list: FixtureAddress[]): HTMLElement | null {
  if (!list.length) return null;
  return h(
    "p",
    { class: "meta" },
    h("span", { class: "meta-label" }, `${label}: `),
    list.map((a) => `${a.displayName} <${a.emailAddress}>`).join("; "),
  );
}

/** Sizes as Outlook's attachment well shows them: bytes, KB, then MB with one decimal. */
function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The attachment well above the body (inline images are part of the body, as in Outlook). */
function attachmentWell(list: FixtureAttachment[]): HTMLElement | null {
  const shown = list.filter((a) => !a.isInline);
  if (!shown.length) return null;
  const ul = h("ul", {
    class: "attachments",
    "aria-label": "Attachments",
    "data-testid": "read-attachments",
  });
  for (const a of shown) {
    const kind = a.attachmentType === "cloud" ? "link" : a.attachmentType === "item" ? "mail" : "";
    ul.append(
      h(
        "li",
        {
          class: "attachment",
          "data-testid": "read-attachment",
          title: a.attachmentType === "cloud" ? a.url : a.name,
        },
        h("span", { class: "attachment-name" }, a.name),
        h(
          "span",
          { class: "attachment-size" },
          kind ? `${kind} · ${formatSize(a.size)}` : formatSize(a.size),
        ),
      ),
    );
  }
  return ul;
}

function inlineImages(list: FixtureAttachment[]): HTMLElement | null {
  const inline = list.filter((a) => a.isInline);
  if (!inline.length) return null;
  return h(
    "div",
    { class: "inline-images", "data-testid": "read-inline-images" },
    ...inline.map((a) => h("span", { class: "inline-image", title: a.contentId }, `[image: ${a.name}]`)),
  );
}

function renderRead(item: Extract<WorkbenchItem, { mode: "read" }>): HTMLElement {
  if (item.kind === "message") {
    const m = item.data;
    const protectedClass = /smime|rpmsg/i.test(m.itemClass ?? "") ? m.itemClass : undefined;
    return h(
      "article",
      { "data-testid": "read-view" },
      h("h1", { "data-testid": "read-subject" }, m.subject || "(no subject)"),
      h(
        "p",
        { class: "meta from" },
        h("span", { class: "meta-label" }, "From: "),
        `${m.from.displayName} <${m.from.emailAddress}>`,
      ),
      addressLine("To", m.to),
      addressLine("Cc", m.cc),
      h("p", { class: "meta" }, fmt(m.dateTimeCreated)),
      protectedClass
        ? h(
            "p",
            { class: "meta protected", "data-testid": "read-protection" },
            `Protected message (${protectedClass})`,
          )
        : null,
      attachmentWell(m.attachments ?? []),
      h("div", { class: "body", "data-testid": "read-body" }, m.body),
      inlineImages(m.attachments ?? []),
    );
  }
  const a = item.data;
  return h(
    "article",
    { "data-testid": "read-view" },
    h("h1", { "data-testid": "read-subject" }, a.subject),
    h(
      "p",
      { class: "meta" },
      h("span", { class: "meta-label" }, "When: "),
      `${fmt(a.start)} – ${fmt(a.end)}`,
    ),
    h("p", { class: "meta" }, h("span", { class: "meta-label" }, "Where: "), a.location),
    h(
      "p",
      { class: "meta" },
      h("span", { class: "meta-label" }, "Organizer: "),
      `${a.organizer.displayName} <${a.organizer.emailAddress}>`,
    ),
    addressLine("Required", a.requiredAttendees),
    addressLine("Optional", a.optionalAttendees),
    h("div", { class: "body", "data-testid": "read-body" }, a.body),
  );
}

/** ISO UTC ↔ the value of <input type="datetime-local">, in UTC so fixtures and tests are timezone-free. */
const toLocalInput = (iso: string): string => iso.slice(0, 16);
const fromLocalInput = (v: string): string | undefined => {
  const d = new Date(`${v}:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
};

function field(
  id: string,
  label: string,
  control: HTMLInputElement | HTMLTextAreaElement,
  error?: HTMLElement,
): HTMLElement {
  control.id = id;
  return h("div", { class: "field" }, h("label", { for: id }, label), control, error ?? null);
}

const RECIPIENT_FIELDS: Record<string, RecipientField> = {
  to: "to",
  cc: "cc",
  bcc: "bcc",
  required: "requiredAttendees",
  optional: "optionalAttendees",
};
const sameRecipients = (a: FixtureAddress[], b: FixtureAddress[]): boolean =>
  a.length === b.length &&
  a.every(
    (x, i) =>
      x.emailAddress.toLowerCase() === b[i]!.emailAddress.toLowerCase() &&
      x.displayName === b[i]!.displayName,
  );

function recipientInput(
  id: string,
  label: string,
  get: () => FixtureAddress[],
  set: (v: FixtureAddress[]) => void,
): HTMLElement {
  const input = h("input", {
    type: "text",
    value: formatRecipients(get()),
    "data-testid": `compose-${id}`,
    autocomplete: "off",
  });
  const error = h("p", { class: "field-error", role: "alert", id: `${id}-error` });
  on(input, "input", () => {
    try {
      const before = get();
      const after = parseRecipients(input.value);
      set(after);
      // Outlook raises RecipientsChanged when a recipient is added, removed or resolved, not on every keystroke.
      const field = RECIPIENT_FIELDS[id];
      if (field && !sameRecipients(before, after)) for (const l of [...recipientListeners]) l(field);
      error.textContent = "";
      input.removeAttribute("aria-invalid");
    } catch (e) {
      // Keep the last valid list: a half-typed address must not reach the add-in.
      error.textContent = e instanceof Error ? e.message : String(e);
      input.setAttribute("aria-invalid", "true");
    }
    renderItemList();
  });
  input.setAttribute("aria-describedby", error.id);
  return field(`compose-${id}-input`, label, input, error);
}

function textInput(
  id: string,
  label: string,
  value: string,
  set: (v: string) => void,
  multiline = false,
): HTMLElement {
  const input = multiline
    ? h("textarea", { rows: "10", "data-testid": `compose-${id}` })
    : h("input", { type: "text", "data-testid": `compose-${id}` });
  input.value = value;
  on(input, "input", () => {
    set(input.value);
    renderItemList();
  });
  return field(`compose-${id}-input`, label, input);
}

function timeInput(id: "start" | "end", label: string, d: DraftMeeting): HTMLElement {
  const input = h("input", { type: "datetime-local", "data-testid": `compose-${id}` });
  input.value = toLocalInput(d[id]);
  on(input, "input", () => {
    const iso = fromLocalInput(input.value);
    if (iso) d[id] = iso;
  });
  return field(`compose-${id}-input`, `${label} (UTC)`, input);
}

function renderCompose(item: Extract<WorkbenchItem, { mode: "compose" }>): HTMLElement {
  const d = item.draft;
  const fields: HTMLElement[] = [];
  if (item.kind === "message") {
    const m = d as DraftMessage;
    fields.push(
      h(
        "p",
        { class: "meta" },
        h("span", { class: "meta-label" }, "From: "),
        `${m.from.displayName} <${m.from.emailAddress}>`,
      ),
      recipientInput(
        "to",
        "To",
        () => m.to,
        (v) => (m.to = v),
      ),
      recipientInput(
        "cc",
        "Cc",
        () => m.cc,
        (v) => (m.cc = v),
      ),
      recipientInput(
        "bcc",
        "Bcc",
        () => m.bcc,
        (v) => (m.bcc = v),
      ),
    );
  } else {
    const a = item.draft;
    fields.push(
      recipientInput(
        "required",
        "Required attendees",
        () => a.requiredAttendees,
        (v) => (a.requiredAttendees = v),
      ),
      recipientInput(
        "optional",
        "Optional attendees",
        () => a.optionalAttendees,
        (v) => (a.optionalAttendees = v),
      ),
      timeInput("start", "Start", a),
      timeInput("end", "End", a),
      textInput("location", "Location", a.location, (v) => (a.location = v)),
    );
  }
  fields.push(
    textInput("subject", "Subject", d.subject, (v) => (d.subject = v)),
    textInput("body", "Body", d.body, (v) => (d.body = v), true),
  );
  const save = on(
    h("button", { type: "button", class: "primary", "data-testid": "compose-save" }, "Save draft"),
    "click",
    () => {
      d.itemId ??= `AAMkAGI2T${item.kind === "message" ? "Draft" : "Meet"}${d.key}AAA=`;
      status.textContent = `Saved (${d.itemId})`;
      // A saved meeting is in the organiser's calendar: Graph knows it (and its iCalUId) from now on.
      if (item.kind === "appointment") void registerMeeting(savedMeetingRegistration(item.draft, d.itemId));
    },
  );
  const send = on(
    h("button", { type: "button", class: "primary", "data-testid": "compose-send" }, "Send"),
    "click",
    () => {
      send.setAttribute("disabled", "");
      status.textContent = "Sending…";
      const bridge = (window as unknown as { __iloWorkbench: HostBridge }).__iloWorkbench;
      const sender = box();
      runSendEvent(item, bridge, state.runtime).then(
        async (outcome) => {
          const { filed, registration } = fileSent(item, mailboxOf);
          // The item is in every calendar before Send reports back: Graph answers its iCalUId from then on.
          if (registration) await registerMeeting(registration);
          document.body.dataset.lastSend = JSON.stringify(outcome);
          sender.drafts = sender.drafts.filter((x) => x !== item);
          state.folder = filed.kind === "message" ? "sent" : "calendar";
          select(null);
        },
        (e: unknown) => {
          send.removeAttribute("disabled");
          status.textContent = e instanceof Error ? e.message : String(e);
        },
      );
    },
  );
  const discard = on(
    h("button", { type: "button", "data-testid": "compose-discard" }, "Discard"),
    "click",
    () => {
      box().drafts = box().drafts.filter((x) => x !== item);
      select(null);
    },
  );
  const status = h(
    "p",
    { class: "meta", role: "status", "data-testid": "compose-status" },
    d.itemId ? `Saved (${d.itemId})` : "Not saved",
  );
  return h(
    "form",
    {
      class: "compose",
      "data-testid": "compose-view",
      "aria-label": item.kind === "message" ? "New email" : "New meeting",
    },
    h("h1", {}, item.kind === "message" ? "New email" : "New meeting"),
    ...fields,
    h("div", { class: "actions" }, send, save, discard),
    status,
  );
}

function renderReadingPane(): void {
  const item = state.selected;
  // Redrawing a compose form while the user types would steal focus; the form already holds the typed value.
  if (item?.mode === "compose" && readingPane.contains(document.activeElement)) return;
  readingPane.replaceChildren(
    !item
      ? h("p", { class: "empty", "data-testid": "nothing-selected" }, "Select an item to read")
      : item.mode === "read"
        ? renderRead(item)
        : renderCompose(item),
  );
}

function newDraft(kind: "message" | "appointment"): void {
  const key = `${Date.now().toString(36)}${(++state.draftCounter).toString(36)}`;
  const base = { key, subject: "", body: "", customProperties: {} };
  let item: WorkbenchItem;
  if (kind === "message") {
    item = { kind, mode: "compose", draft: { ...base, from: state.user, to: [], cc: [], bcc: [] } };
  } else {
    const start = new Date(Date.UTC(2026, 2, 24, 10, 0));
    item = {
      kind,
      mode: "compose",
      draft: {
        ...base,
        organizer: state.user,
        requiredAttendees: [],
        optionalAttendees: [],
        location: "",
        start: start.toISOString(),
        end: new Date(start.getTime() + 3600_000).toISOString(),
      },
    };
  }
  box().drafts = [...box().drafts, item];
  state.folder = "drafts";
  select(item);
}

function render(): void {
  renderFolders();
  renderItemList();
  renderReadingPane();
}

function reloadPane(): void {
  installBridge();
  const q = new URLSearchParams({ lang: state.language, theme: state.theme });
  const url = new URL(location.href);
  url.searchParams.set("lang", state.language);
  url.searchParams.set("theme", state.theme);
  if (sameAddress(state.user.emailAddress, WORKBENCH_USER.emailAddress)) url.searchParams.delete("mailbox");
  else url.searchParams.set("mailbox", state.user.emailAddress);
  history.replaceState(null, "", url);
  paneFrame.src = `/taskpane.html?${q.toString()}`;
}

document.body.dataset.theme = state.theme;
showUser();
root.replaceChildren(
  header(),
  h(
    "div",
    { class: "columns" },
    folderNav,
    itemList,
    readingPane,
    h(
      "aside",
      { class: "taskpane", "aria-label": "Add-in task pane" },
      h("div", { class: "taskpane-title" }, "Interaction Log"),
      paneFrame,
    ),
  ),
);
const initial = params.get("item");
if (initial) {
  const found = (["inbox", "sent", "calendar"] as const)
    .flatMap((f) => folderItems(f).map((i) => ({ f, i })))
    .find(({ i }) => i.mode === "read" && i.data.itemId === initial);
  if (found) {
    state.folder = found.f;
    state.selected = found.i;
  }
}
render();
reloadPane();

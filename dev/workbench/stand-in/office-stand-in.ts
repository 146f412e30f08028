// The Office host stand-in: what office.js would give an Outlook add-in at Mailbox 1.8, built over the
// workbench's state. It is deliberately as strict as Outlook: compose items expose only async accessors, every
// callback comes later, and anything above Mailbox 1.8 is simply absent.
import {
  ASYNC_STATUS,
  completeLater,
  laterTask,
  splitArgs,
  StandInFailure,
  type Callback,
  type Scheduler,
} from "./async-result";
import { fixtureAttachmentContent } from "./attachment-content";
import { ItemEvents, RECIPIENTS_CHANGED, type RecipientField } from "./item-events";
import { createRoamingSettings } from "./roaming-settings";
import {
  OWN_DOMAINS,
  type DraftMeeting,
  type DraftMessage,
  type FixtureAddress,
  type FixtureAttachment,
  type FixtureMeeting,
  type FixtureMessage,
  type HostBridge,
  type WorkbenchItem,
} from "./workbench-model";

export const MAILBOX_VERSION = "1.8";
export const ITEM_CHANGED = "olkItemSelectedChanged";
const SUBJECT_MAX = 255;

export const MAILBOX_ENUMS = Object.freeze({
  ItemType: Object.freeze({ Message: "message", Appointment: "appointment" }),
  RestVersion: Object.freeze({ v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" }),
  RecipientType: Object.freeze({
    DistributionList: "distributionList",
    User: "user",
    ExternalUser: "externalUser",
    Other: "other",
  }),
  ResponseType: Object.freeze({
    None: "none",
    Organizer: "organizer",
    Tentative: "tentative",
    Accepted: "accepted",
    Declined: "declined",
  }),
  EntityType: Object.freeze({
    MeetingSuggestion: "meetingSuggestion",
    TaskSuggestion: "taskSuggestion",
    Address: "address",
    EmailAddress: "emailAddress",
    Url: "url",
    PhoneNumber: "phoneNumber",
    Contact: "contact",
  }),
  AttachmentType: Object.freeze({ File: "file", Item: "item", Cloud: "cloud" }),
  // Mailbox 1.8.
  AttachmentContentFormat: Object.freeze({
    Base64: "base64",
    Url: "url",
    Eml: "eml",
    ICalendar: "iCalendar",
  }),
});

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Mailbox up to 1.8; every other set (NestedAppAuth, IdentityAPI, ...) unsupported. */
export function isSetSupported(name: unknown, minVersion?: unknown): boolean {
  if (typeof name !== "string" || name.toLowerCase() !== "mailbox") return false;
  const version = minVersion === undefined ? "1.1" : String(minVersion);
  if (!/^\d+(\.\d+)*$/.test(version)) return false;
  return compareVersions(version, MAILBOX_VERSION) <= 0;
}

/** EWS ids use base64's "/" and "+"; REST ids the URL-safe "-" and "_". */
export function ewsToRestId(id: string): string {
  return id.replace(/\//g, "-").replace(/\+/g, "_");
}
export function restToEwsId(id: string): string {
  return id.replace(/-/g, "/").replace(/_/g, "+");
}

function details(a: FixtureAddress): { displayName: string; emailAddress: string; recipientType: string } {
  const domain = a.emailAddress.split("@")[1]?.toLowerCase() ?? "";
  return {
    displayName: a.displayName,
    emailAddress: a.emailAddress,
    recipientType: OWN_DOMAINS.includes(domain)
      ? MAILBOX_ENUMS.RecipientType.User
      : MAILBOX_ENUMS.RecipientType.ExternalUser,
  };
}

function attendeeDetails(a: FixtureAddress, organizer: FixtureAddress) {
  const same = a.emailAddress.toLowerCase() === organizer.emailAddress.toLowerCase();
  return {
    ...details(a),
    appointmentResponse: same ? MAILBOX_ENUMS.ResponseType.Organizer : MAILBOX_ENUMS.ResponseType.Accepted,
  };
}

/** Outlook accepts strings or {displayName?, emailAddress} objects when setting recipients. */
function toRecipients(value: unknown): FixtureAddress[] {
  if (!Array.isArray(value)) throw new StandInFailure("invalidFormat", "Recipients must be an array");
  return value.map((v) => {
    const address =
      typeof v === "string"
        ? v
        : v && typeof v === "object"
          ? (v as { emailAddress?: unknown }).emailAddress
          : undefined;
    if (typeof address !== "string" || !/^[^@\s]+@[^@\s]+$/.test(address.trim())) {
      throw new StandInFailure("invalidFormat", `Not a valid recipient: ${JSON.stringify(v)}`);
    }
    const name = typeof v === "object" && v ? (v as { displayName?: unknown }).displayName : undefined;
    return {
      displayName: typeof name === "string" && name ? name : address.trim(),
      emailAddress: address.trim(),
    };
  });
}

interface ItemEnv {
  schedule: Scheduler;
  bridge: HostBridge;
  /** False once another item is selected: Outlook's old item object no longer answers. */
  isCurrent(): boolean;
  /** Compose items: their item events (RecipientsChanged). */
  events?: ItemEvents;
}

/** An async method: parse Outlook's arguments, run later, fail if the item was replaced meanwhile. */
function asyncMethod<T>(
  env: ItemEnv,
  api: string,
  fixedArgs: number,
  work: (...args: unknown[]) => T,
  callbackRequired = true,
) {
  return (...all: unknown[]): void => {
    const fixed = all.slice(0, fixedArgs);
    const { options, callback } = splitArgs<T>(api, all.slice(fixedArgs), callbackRequired);
    completeLater(env.schedule, options, callback as Callback<T> | undefined, () => {
      if (!env.isCurrent())
        throw new StandInFailure("itemNotFound", `${api}: the item is no longer selected`);
      return work(...fixed);
    });
  };
}

function customPropertiesLoader(env: ItemEnv, store: { customProperties: Record<string, unknown> }) {
  return asyncMethod(env, "loadCustomPropertiesAsync", 0, () => {
    const pending: Record<string, unknown> = { ...store.customProperties };
    return Object.freeze({
      get: (name: string) => pending[name],
      set: (name: string, value: unknown) => {
        if (typeof name !== "string" || !name)
          throw new Error("Sys.ArgumentException: property name must be a non-empty string");
        // Values are JSON in Outlook: keep what JSON keeps.
        pending[name] = JSON.parse(JSON.stringify(value ?? null));
      },
      remove: (name: string) => void delete pending[name],
      getAll: () => ({ ...pending }),
      saveAsync: asyncMethod(
        env,
        "customProperties.saveAsync",
        0,
        () => {
          store.customProperties = { ...pending };
        },
        false,
      ),
    });
  });
}

const escapeHtml = (t: string): string =>
  t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function bodyReader(env: ItemEnv, text: () => string, inline: readonly FixtureAttachment[] = []) {
  return Object.freeze({
    getAsync: asyncMethod(env, "body.getAsync", 1, (coercion) => {
      if (coercion !== "text" && coercion !== "html")
        throw new StandInFailure("invalidFormat", "coercionType must be text or html");
      const t = text();
      if (coercion === "text") return t;
      // HTML coercion escapes the text so the add-in never receives live markup it did not write; inline images
      // appear as Outlook on the web shows them, by content id (a cid: source loads nothing on its own).
      const images = inline
        .map((a) => `<img src="cid:${escapeHtml(a.contentId ?? "")}" alt="${escapeHtml(a.name)}">`)
        .join("");
      return `<div>${escapeHtml(t).replace(/\n/g, "<br>")}${images ? `<br>${images}` : ""}</div>`;
    }),
  });
}

/** Read mode's AttachmentDetails: Office's property names only; a cloud attachment's id is its URL. */
function attachmentDetails(a: FixtureAttachment) {
  return Object.freeze({
    id: a.attachmentType === "cloud" ? (a.url ?? a.id) : a.id,
    name: a.name,
    contentType: a.contentType,
    size: a.size,
    attachmentType: a.attachmentType,
    isInline: a.isInline ?? false,
    ...(a.contentId ? { contentId: a.contentId } : {}),
  });
}

/**
 * getAttachmentContentAsync (Mailbox 1.8): (attachmentId, [options], callback). A missing or non-string id throws
 * at once, as Outlook's argument checks do; an unknown id fails with InvalidAttachmentId (9003). The content is
 * made on this call only: a 30 MB attachment costs nothing until someone asks for it.
 */
function attachmentContentReader(env: ItemEnv, attachments: readonly FixtureAttachment[]) {
  const read = asyncMethod(env, "getAttachmentContentAsync", 1, (id) => {
    const a = attachments.find((x) => attachmentDetails(x).id === id);
    if (!a) throw new StandInFailure("invalidAttachmentId", "The attachment ID was invalid.");
    return Object.freeze(fixtureAttachmentContent(a));
  });
  return (...args: unknown[]): void => {
    const id = args[0];
    if (typeof id !== "string" || id === "")
      throw new Error(
        "Sys.ArgumentException: getAttachmentContentAsync requires a non-empty attachmentId string",
      );
    read(...args);
  };
}

function readMessageItem(env: ItemEnv, m: FixtureMessage) {
  const attachments = m.attachments ?? [];
  const item: Record<string, unknown> = {
    itemType: MAILBOX_ENUMS.ItemType.Message,
    itemClass: m.itemClass ?? "IPM.Note",
    itemId: m.itemId,
    internetMessageId: m.internetMessageId,
    conversationId: `conv-${m.itemId}`,
    subject: m.subject,
    normalizedSubject: m.subject.replace(/^((re|fw|fwd|aw|wg):\s*)+/i, ""),
    from: details(m.from),
    sender: details(m.sender ?? m.from),
    to: m.to.map(details),
    cc: m.cc.map(details),
    dateTimeCreated: new Date(m.dateTimeCreated),
    dateTimeModified: new Date(m.dateTimeCreated),
    attachments: Object.freeze(attachments.map(attachmentDetails)),
    getAttachmentContentAsync: attachmentContentReader(env, attachments),
    body: bodyReader(
      env,
      () => m.body,
      attachments.filter((a) => a.isInline),
    ),
    loadCustomPropertiesAsync: customPropertiesLoader(
      env,
      m as unknown as { customProperties: Record<string, unknown> },
    ),
    getAllInternetHeadersAsync: asyncMethod(
      env,
      "getAllInternetHeadersAsync",
      0,
      () => `Message-ID: ${m.internetMessageId}\r\nSubject: ${m.subject}\r\nFrom: ${m.from.emailAddress}\r\n`,
    ),
  };
  ensureCustomStore(m);
  if (m.sharedOwner) {
    const owner = m.sharedOwner;
    item.getSharedPropertiesAsync = asyncMethod(env, "getSharedPropertiesAsync", 0, () => ({
      owner,
      delegatePermissions: 1,
      targetMailbox: owner,
      targetRestUrl: "https://outlook.office.com/api",
    }));
  }
  return Object.freeze(item);
}

function ensureCustomStore(o: object): void {
  const rec = o as { customProperties?: Record<string, unknown> };
  if (!rec.customProperties)
    Object.defineProperty(rec, "customProperties", { value: {}, writable: true, enumerable: false });
}

function readAppointmentItem(env: ItemEnv, a: FixtureMeeting) {
  ensureCustomStore(a);
  return Object.freeze({
    itemType: MAILBOX_ENUMS.ItemType.Appointment,
    itemClass: "IPM.Appointment",
    itemId: a.itemId,
    seriesId: null,
    subject: a.subject,
    normalizedSubject: a.subject,
    location: a.location,
    organizer: details(a.organizer),
    requiredAttendees: a.requiredAttendees.map((x) => attendeeDetails(x, a.organizer)),
    optionalAttendees: a.optionalAttendees.map((x) => attendeeDetails(x, a.organizer)),
    resources: [],
    start: new Date(a.start),
    end: new Date(a.end),
    dateTimeCreated: new Date(a.dateTimeCreated),
    dateTimeModified: new Date(a.dateTimeCreated),
    attachments: Object.freeze([]),
    getAttachmentContentAsync: attachmentContentReader(env, []),
    body: bodyReader(env, () => a.body),
    loadCustomPropertiesAsync: customPropertiesLoader(
      env,
      a as unknown as { customProperties: Record<string, unknown> },
    ),
  });
}

function recipientsField(
  env: ItemEnv,
  name: RecipientField,
  get: () => FixtureAddress[],
  set: (v: FixtureAddress[]) => void,
  organizer?: () => FixtureAddress,
) {
  const view = (list: FixtureAddress[]) =>
    list.map((x) => (organizer ? attendeeDetails(x, organizer()) : details(x)));
  return Object.freeze({
    getAsync: asyncMethod(env, `${name}.getAsync`, 0, () => view(get())),
    setAsync: asyncMethod(
      env,
      `${name}.setAsync`,
      1,
      (v) => {
        set(toRecipients(v));
        env.bridge.draftEdited();
        env.events?.recipientsChanged(name);
      },
      false,
    ),
    addAsync: asyncMethod(
      env,
      `${name}.addAsync`,
      1,
      (v) => {
        set([...get(), ...toRecipients(v)]);
        env.bridge.draftEdited();
        env.events?.recipientsChanged(name);
      },
      false,
    ),
  });
}

function subjectField(env: ItemEnv, d: DraftMessage | DraftMeeting) {
  return Object.freeze({
    getAsync: asyncMethod(env, "subject.getAsync", 0, () => d.subject),
    setAsync: asyncMethod(
      env,
      "subject.setAsync",
      1,
      (v) => {
        if (typeof v !== "string") throw new StandInFailure("invalidFormat", "The subject must be a string");
        if (v.length > SUBJECT_MAX)
          throw new StandInFailure("dataExceedsMaximumSize", `The subject exceeds ${SUBJECT_MAX} characters`);
        d.subject = v;
        env.bridge.draftEdited();
      },
      false,
    ),
  });
}

function draftCommon(env: ItemEnv, d: DraftMessage | DraftMeeting, prefix: string) {
  return {
    subject: subjectField(env, d),
    body: Object.freeze({
      ...bodyReader(env, () => d.body),
      setAsync: asyncMethod(
        env,
        "body.setAsync",
        1,
        (v) => {
          if (typeof v !== "string") throw new StandInFailure("invalidFormat", "The body must be a string");
          d.body = v;
          env.bridge.draftEdited();
        },
        false,
      ),
    }),
    loadCustomPropertiesAsync: customPropertiesLoader(env, d),
    saveAsync: (...all: unknown[]): void => {
      const { options, callback } = splitArgs<string>("saveAsync", all, false);
      const save = (): string => {
        if (!env.isCurrent())
          throw new StandInFailure("itemNotFound", "saveAsync: the item is no longer selected");
        d.itemId ??= `AAMkAGI2T${prefix}${d.key}AAA=`;
        return d.itemId;
      };
      // Saving a meeting files it in the organiser's calendar (no invitation is sent yet): from then on Graph
      // knows it, iCalUId included. The callback comes once it is filed.
      const filed =
        "organizer" in d && env.isCurrent() && env.bridge.meetingSaved
          ? env.bridge.meetingSaved(d, save()).catch(() => undefined)
          : Promise.resolve();
      void filed.then(() => completeLater(env.schedule, options, callback, save));
    },
    getItemIdAsync: asyncMethod(env, "getItemIdAsync", 0, () => {
      if (!d.itemId)
        throw new StandInFailure("itemNotSaved", "The item ID can't be retrieved until the item is saved.");
      return d.itemId;
    }),
  };
}

function composeMessageItem(env: ItemEnv, d: DraftMessage) {
  return Object.freeze({
    itemType: MAILBOX_ENUMS.ItemType.Message,
    ...draftCommon(env, d, "Draft"),
    ...env.events?.methods(),
    to: recipientsField(
      env,
      "to",
      () => d.to,
      (v) => (d.to = v),
    ),
    cc: recipientsField(
      env,
      "cc",
      () => d.cc,
      (v) => (d.cc = v),
    ),
    bcc: recipientsField(
      env,
      "bcc",
      () => d.bcc,
      (v) => (d.bcc = v),
    ),
    // Mailbox 1.7: From is readable in compose, not settable (setAsync is 1.x-preview in some clients).
    from: Object.freeze({ getAsync: asyncMethod(env, "from.getAsync", 0, () => details(d.from)) }),
  });
}

function timeField(env: ItemEnv, name: "start" | "end", d: DraftMeeting) {
  return Object.freeze({
    getAsync: asyncMethod(env, `${name}.getAsync`, 0, () => new Date(d[name])),
    setAsync: asyncMethod(
      env,
      `${name}.setAsync`,
      1,
      (v) => {
        if (!(v instanceof Date) || Number.isNaN(v.getTime()))
          throw new StandInFailure("invalidFormat", `${name} must be a valid Date`);
        d[name] = v.toISOString();
        env.bridge.draftEdited();
      },
      false,
    ),
  });
}

function composeAppointmentItem(env: ItemEnv, d: DraftMeeting) {
  return Object.freeze({
    itemType: MAILBOX_ENUMS.ItemType.Appointment,
    ...draftCommon(env, d, "Meet"),
    ...env.events?.methods(),
    start: timeField(env, "start", d),
    end: timeField(env, "end", d),
    location: Object.freeze({
      getAsync: asyncMethod(env, "location.getAsync", 0, () => d.location),
      setAsync: asyncMethod(
        env,
        "location.setAsync",
        1,
        (v) => {
          if (typeof v !== "string")
            throw new StandInFailure("invalidFormat", "The location must be a string");
          d.location = v;
          env.bridge.draftEdited();
        },
        false,
      ),
    }),
    requiredAttendees: recipientsField(
      env,
      "requiredAttendees",
      () => d.requiredAttendees,
      (v) => (d.requiredAttendees = v),
      () => d.organizer,
    ),
    optionalAttendees: recipientsField(
      env,
      "optionalAttendees",
      () => d.optionalAttendees,
      (v) => (d.optionalAttendees = v),
      () => d.organizer,
    ),
    organizer: Object.freeze({
      getAsync: asyncMethod(env, "organizer.getAsync", 0, () => details(d.organizer)),
    }),
  });
}

function buildItem(env: ItemEnv, item: WorkbenchItem): object {
  if (item.mode === "read")
    return item.kind === "message" ? readMessageItem(env, item.data) : readAppointmentItem(env, item.data);
  return item.kind === "message"
    ? composeMessageItem(env, item.draft)
    : composeAppointmentItem(env, item.draft);
}

/** Light and dark palettes as Outlook on the web reports them in officeTheme. */
export const THEMES = {
  light: {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#242424",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#242424",
    isDarkTheme: false,
  },
  dark: {
    bodyBackgroundColor: "#292929",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#1F1F1F",
    controlForegroundColor: "#FFFFFF",
    isDarkTheme: true,
  },
} as const;

export interface StandInOptions {
  schedule?: Scheduler;
  /** Present when the page hosts launch events: Office.actions.associate registers there. */
  launch?: { associate(name: string, handler: (event: unknown) => void): void };
}

/** Builds the global `Office` object for one pane load. */
export function createOfficeStandIn(bridge: HostBridge, options: StandInOptions = {}) {
  const schedule = options.schedule ?? laterTask;
  let generation = 0;
  let cached: { generation: number; item: object | null; events?: ItemEvents } | undefined;
  const handlers: Array<(args: unknown) => void> = [];

  bridge.onSelectionChanged(() => {
    generation++;
    cached = undefined;
    const args = { type: ITEM_CHANGED };
    for (const h of [...handlers]) schedule(() => h(args));
  });

  const currentItem = (): object | null => {
    if (cached && cached.generation === generation) return cached.item;
    const wb = bridge.currentItem();
    const mine = generation;
    const isCurrent = () => generation === mine;
    const events = wb?.mode === "compose" ? new ItemEvents(schedule, isCurrent) : undefined;
    const env: ItemEnv = { schedule, bridge, isCurrent, ...(events ? { events } : {}) };
    cached = { generation, item: wb ? buildItem(env, wb) : null, ...(events ? { events } : {}) };
    return cached.item;
  };

  // The user changed To/Cc/Bcc or the attendees in the compose form: the draft's own handlers hear of it.
  bridge.onRecipientsChanged?.((field) => {
    if (cached && cached.generation === generation) cached.events?.recipientsChanged(field);
  });

  const mailboxEnv: ItemEnv = { schedule, bridge, isCurrent: () => true };
  const mailbox = Object.freeze({
    get item() {
      return currentItem();
    },
    userProfile: Object.freeze({
      displayName: bridge.user.displayName,
      emailAddress: bridge.user.emailAddress,
      timeZone: "UTC",
      accountType: "enterprise",
    }),
    diagnostics: Object.freeze({
      hostName: "OutlookWebApp",
      hostVersion: "16.0.0.0",
      OWAView: "ThreeColumns",
    }),
    ewsUrl: "",
    restUrl: "https://outlook.office.com/api",
    convertToRestId: (id: string, _version: unknown) => {
      if (typeof id !== "string" || !id)
        throw new Error("Sys.ArgumentException: itemId must be a non-empty string");
      return ewsToRestId(id);
    },
    convertToEwsId: (id: string, _version: unknown) => {
      if (typeof id !== "string" || !id)
        throw new Error("Sys.ArgumentException: itemId must be a non-empty string");
      return restToEwsId(id);
    },
    convertToLocalClientTime: (d: Date) => {
      if (!(d instanceof Date)) throw new Error("Sys.ArgumentException: a Date is required");
      return {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth(),
        date: d.getUTCDate(),
        hours: d.getUTCHours(),
        minutes: d.getUTCMinutes(),
        seconds: d.getUTCSeconds(),
        milliseconds: d.getUTCMilliseconds(),
        timezoneOffset: 0,
      };
    },
    addHandlerAsync: asyncMethod(
      mailboxEnv,
      "addHandlerAsync",
      2,
      (eventType, handler) => {
        if (eventType !== ITEM_CHANGED)
          throw new StandInFailure(
            "invalidEventType",
            `Event type ${String(eventType)} is not supported here`,
          );
        if (typeof handler !== "function")
          throw new StandInFailure("invalidFormat", "handler must be a function");
        handlers.push(handler as (args: unknown) => void);
      },
      false,
    ),
    removeHandlerAsync: asyncMethod(
      mailboxEnv,
      "removeHandlerAsync",
      1,
      (eventType) => {
        if (eventType !== ITEM_CHANGED)
          throw new StandInFailure(
            "invalidEventType",
            `Event type ${String(eventType)} is not supported here`,
          );
        // Outlook removes every handler of the type.
        handlers.length = 0;
      },
      false,
    ),
  });

  const info = Object.freeze({ host: "Outlook", platform: "OfficeOnline" });
  let ready = false;
  const readyPromise = new Promise<typeof info>((resolve) =>
    schedule(() => {
      ready = true;
      resolve(info);
    }),
  );

  const office = {
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return readyPromise.then((i) => {
        callback?.(i);
        return i;
      });
    },
    /** Like office.js, only usable for Office.initialize-style code after ready. */
    get isReady() {
      return ready;
    },
    context: Object.freeze({
      mailbox,
      displayLanguage: bridge.displayLanguage,
      contentLanguage: bridge.displayLanguage,
      officeTheme: Object.freeze({ ...THEMES[bridge.theme] }),
      roamingSettings: createRoamingSettings(schedule, bridge.roaming),
      host: "Outlook",
      platform: "OfficeOnline",
      diagnostics: Object.freeze({ host: "Outlook", platform: "OfficeOnline", version: "16.0.0.0" }),
      requirements: Object.freeze({ isSetSupported }),
    }),
    HostType: Object.freeze({ Outlook: "Outlook" }),
    PlatformType: Object.freeze({ OfficeOnline: "OfficeOnline" }),
    EventType: Object.freeze({ ItemChanged: ITEM_CHANGED, RecipientsChanged: RECIPIENTS_CHANGED }),
    AsyncResultStatus: Object.freeze({ ...ASYNC_STATUS }),
    CoercionType: Object.freeze({ Text: "text", Html: "html" }),
    MailboxEnums: MAILBOX_ENUMS,
    // Event-based activation (Mailbox 1.10+): the page runs the handlers an event runtime associates.
    actions: Object.freeze({
      associate(name: unknown, handler: unknown): void {
        if (typeof name !== "string" || typeof handler !== "function")
          throw new Error("Sys.ArgumentException: associate(name: string, handler: function)");
        if (!options.launch) throw new Error("Office.actions.associate: this runtime hosts no events");
        options.launch.associate(name, handler as (event: unknown) => void);
      },
    }),
  };
  return office;
}

export type OfficeStandIn = ReturnType<typeof createOfficeStandIn>;

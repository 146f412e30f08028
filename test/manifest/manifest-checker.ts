// Offline checks for manifest.xml. No package ships the XML manifest's XSDs and Microsoft's validation service is
// online only, so the rules that matter are written here as data: the child sequences come from the published
// schemas (OfficeAppManifestV1_1.xsd, MailAppVersionOverridesV1_0/V1_1.xsd, OfficeAppBasicTypesV1_0.xsd and the
// element reference pages for SupportsPinning / SupportsSharedFolders), the rest from what this add-in needs.
// checkManifest returns every problem it finds, each naming the element and line, and [] for a good manifest.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { descendants, parseXml, pathOf, XmlElement, XmlSyntaxError } from "./xml-tree";

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  vo10: "http://schemas.microsoft.com/office/mailappversionoverrides",
  vo11: "http://schemas.microsoft.com/office/mailappversionoverrides/1.1",
} as const;

/** The dev origin every manifest URL points at; webpack rewrites it for production builds. */
export const DEV_ORIGIN = "https://localhost:3000";
export const TASKPANE_URL = `${DEV_ORIGIN}/taskpane.html`;
export const LOGIN_DOMAIN = "https://login.microsoftonline.com";
export const MIN_MAILBOX_VERSION = "1.8";
export const EXTRA_LOCALE = "nl-NL";
export const BUTTON_LABEL = "Log interaction";

export const COMMAND_SURFACES = [
  "MessageReadCommandSurface",
  "MessageComposeCommandSurface",
  "AppointmentAttendeeCommandSurface",
  "AppointmentOrganizerCommandSurface",
] as const;
export const PINNED_SURFACES = ["MessageReadCommandSurface", "MessageComposeCommandSurface"] as const;

/** Log on send: both Smart Alerts events, the runtime page and the classic-Windows JavaScript file. */
export const LAUNCH_EVENTS = {
  OnMessageSend: "onMessageSendHandler",
  OnAppointmentSend: "onAppointmentSendHandler",
} as const;
export const LAUNCH_PAGE_URL = `${DEV_ORIGIN}/launchevent.html`;
export const LAUNCH_SCRIPT_URL = `${DEV_ORIGIN}/launchevent.js`;
/** Send modes that let the mail leave when the add-in is unavailable; PromptUser also when it is slow. */
export const NON_BLOCKING_SEND_MODE = "PromptUser";

/** Sizes a command icon may declare (OfficeAppBasicTypesV1_0.xsd; 16, 32 and 80 are mandatory). */
const ICON_SIZES_ALLOWED = [16, 20, 24, 32, 40, 48, 64, 80];
const ICON_SIZES_REQUIRED = [16, 32, 80];
/** Outlook's store guidance: IconUrl 64 px, HighResolutionIconUrl 128 px. */
const TOP_LEVEL_ICON_SIZES: Record<string, number> = { IconUrl: 64, HighResolutionIconUrl: 128 };
/** Longer descriptions are truncated (and flagged "<TRUNCATED>") in the unified manifest's description.short. */
const DESCRIPTION_MAX = 80;

interface ChildRule {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly ns?: string;
}
type Sequence = readonly ChildRule[];

const one = (name: string, ns?: string): ChildRule => ({ name, min: 1, max: 1, ns });
const opt = (name: string, ns?: string): ChildRule => ({ name, min: 0, max: 1, ns });
const some = (name: string, ns?: string): ChildRule => ({ name, min: 1, max: Infinity, ns });
const any = (name: string, ns?: string): ChildRule => ({ name, min: 0, max: Infinity, ns });

/** OfficeApp's own sequence followed by the MailApp extension (OfficeAppManifestV1_1.xsd). */
export const MAIL_APP_SEQUENCE: Sequence = [
  one("Id"),
  opt("AlternateId"),
  one("Version"),
  one("ProviderName"),
  one("DefaultLocale"),
  one("DisplayName"),
  one("Description"),
  opt("IconUrl"),
  opt("HighResolutionIconUrl"),
  opt("SupportUrl"),
  opt("AppDomains"),
  opt("Hosts"),
  one("Requirements"),
  one("FormSettings"),
  opt("Permissions"),
  one("Rule"),
  opt("DisableEntityHighlighting"),
  opt("VersionOverrides", NS.vo10),
];

/** Optional in the schema, required by this add-in (store listing, sign-in dialog, command buttons). */
const PROJECT_REQUIRED_TOP_LEVEL = [
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Permissions",
  "DisableEntityHighlighting",
  "VersionOverrides",
];

const LOCALE_AWARE: Sequence = [any("Override")];
const BT_LOCALE_AWARE: Sequence = [any("Override", NS.bt)];

function versionOf(el: XmlElement): "1.0" | "1.1" | undefined {
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    if (e.local === "VersionOverrides")
      return e.ns === NS.vo11 ? "1.1" : e.ns === NS.vo10 ? "1.0" : undefined;
  }
  return undefined;
}

/** The schema sequence for `el`'s children, or undefined when it has no element content to check. */
function sequenceFor(el: XmlElement): Sequence | undefined {
  const parent = el.parent?.local;
  const type = el.attrs["xsi:type"];
  const vo = versionOf(el);
  if (!el.parent) return MAIL_APP_SEQUENCE;
  if (!vo) {
    switch (el.local) {
      case "DisplayName":
      case "Description":
      case "IconUrl":
      case "HighResolutionIconUrl":
      case "SupportUrl":
      case "SourceLocation":
        return LOCALE_AWARE;
      case "AppDomains":
        return [some("AppDomain")];
      case "Hosts":
        return [some("Host")];
      case "Requirements":
        return [one("Sets")];
      case "Sets":
        return [some("Set")];
      case "FormSettings":
        return [some("Form")];
      case "Form":
        return [opt("DesktopSettings"), opt("TabletSettings"), opt("PhoneSettings")];
      case "DesktopSettings":
      case "TabletSettings":
        return [one("SourceLocation"), one("RequestedHeight")];
      case "PhoneSettings":
        return [one("SourceLocation")];
      default:
        return undefined;
    }
  }
  switch (el.local) {
    case "VersionOverrides":
      return vo === "1.0"
        ? [
            opt("Description"),
            opt("Requirements"),
            opt("Hosts"),
            opt("Resources"),
            opt("VersionOverrides", NS.vo11),
          ]
        : [
            opt("Description"),
            opt("Requirements"),
            one("Hosts"),
            one("Resources"),
            opt("EquivalentAddins"),
            opt("WebApplicationInfo"),
          ];
    case "Requirements":
      return [one("Sets", NS.bt)];
    case "Sets":
      return [some("Set", NS.bt)];
    case "Hosts":
      return [some("Host")];
    case "Host":
      return vo === "1.1"
        ? [opt("Runtimes"), opt("DesktopFormFactor"), opt("MobileFormFactor")]
        : [opt("DesktopFormFactor"), opt("MobileFormFactor")];
    case "Runtimes":
      // Outlook supports exactly one runtime.
      return [one("Runtime")];
    case "Runtime":
      return [opt("Override")];
    case "LaunchEvents":
      return [some("LaunchEvent")];
    case "DesktopFormFactor":
      return vo === "1.1"
        ? [opt("SupportsSharedFolders"), opt("FunctionFile"), some("ExtensionPoint")]
        : [opt("FunctionFile"), some("ExtensionPoint")];
    case "ExtensionPoint":
      if (type === "LaunchEvent") return [one("LaunchEvents"), one("SourceLocation")];
      return type && type.endsWith("CommandSurface") ? [any("OfficeTab"), any("CustomTab")] : undefined;
    case "OfficeTab":
      return [some("Group")];
    case "CustomTab":
      return [some("Group"), one("Label")];
    case "Group":
      return [one("Label"), some("Control")];
    case "Control":
      return type === "Menu"
        ? [one("Label"), one("Supertip"), one("Icon"), one("Items")]
        : [one("Label"), one("Supertip"), one("Icon"), one("Action")];
    case "Supertip":
      return [one("Title"), one("Description")];
    case "Icon":
      return [some("Image", NS.bt)];
    case "Action":
      if (type === "ExecuteFunction") return [one("FunctionName")];
      return vo === "1.1"
        ? [
            one("SourceLocation"),
            opt("SupportsPinning"),
            opt("SupportsNoItemContext"),
            opt("SupportsMultiSelect"),
          ]
        : [one("SourceLocation")];
    case "Resources":
      return [
        opt("Images", NS.bt),
        opt("Urls", NS.bt),
        opt("ShortStrings", NS.bt),
        opt("LongStrings", NS.bt),
      ];
    case "Images":
      return [any("Image", NS.bt)];
    case "Urls":
      return [any("Url", NS.bt)];
    case "ShortStrings":
    case "LongStrings":
      return [any("String", NS.bt)];
    case "Image":
    case "Url":
    case "String":
      return parent === "Icon" ? undefined : BT_LOCALE_AWARE;
    default:
      return undefined;
  }
}

function checkSequence(el: XmlElement, seq: Sequence, problems: string[]): void {
  const counts = seq.map(() => 0);
  let at = 0;
  const order = seq.map((r) => r.name).join(", ");
  for (const child of el.children) {
    const j = seq.findIndex((r, k) => k >= at && r.name === child.local);
    if (j < 0) {
      problems.push(
        seq.some((r) => r.name === child.local)
          ? `element order: <${child.name}> at ${pathOf(child)} is out of order; the schema order under <${el.name}> is ${order}`
          : `<${child.name}> at ${pathOf(child)} is not a valid child of <${el.name}> (allowed: ${order || "none"})`,
      );
      continue;
    }
    at = j;
    const rule = seq[j]!;
    counts[j]! += 1;
    if (counts[j]! > rule.max)
      problems.push(`<${child.name}> at ${pathOf(child)} may appear at most ${rule.max} time(s)`);
    if (rule.ns && child.ns !== rule.ns) {
      problems.push(
        `<${child.name}> at ${pathOf(child)} is in namespace "${child.ns}", expected "${rule.ns}"`,
      );
    }
  }
  seq.forEach((rule, k) => {
    if (counts[k]! < rule.min) problems.push(`missing required <${rule.name}> in ${pathOf(el)}`);
  });
}

function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el?.children.find((c) => c.local === local);
}
function childrenNamed(el: XmlElement | undefined, local: string): XmlElement[] {
  return el ? el.children.filter((c) => c.local === local) : [];
}

// ---- resources -------------------------------------------------------------------------------------------------

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
const RESOURCE_ELEMENT: Record<ResourceKind, string> = {
  Images: "bt:Image",
  Urls: "bt:Url",
  ShortStrings: "bt:String",
  LongStrings: "bt:String",
};

interface ResourceTable {
  readonly byKind: Record<ResourceKind, Map<string, XmlElement>>;
  readonly used: Set<string>;
}

function resourceTable(vo: XmlElement, problems: string[]): ResourceTable {
  const byKind = {
    Images: new Map(),
    Urls: new Map(),
    ShortStrings: new Map(),
    LongStrings: new Map(),
  } as Record<ResourceKind, Map<string, XmlElement>>;
  const resources = child(vo, "Resources");
  for (const kind of Object.keys(byKind) as ResourceKind[]) {
    for (const item of child(resources, kind)?.children ?? []) {
      const id = item.attrs.id;
      if (!id) {
        problems.push(`${RESOURCE_ELEMENT[kind]} at ${pathOf(item)} has no id`);
        continue;
      }
      if (id.length > 32)
        problems.push(`resource id "${id}" at ${pathOf(item)} is longer than 32 characters`);
      if (byKind[kind].has(id))
        problems.push(`duplicate resource id "${id}" in <bt:${kind}> at ${pathOf(item)}`);
      byKind[kind].set(id, item);
      if (!item.attrs.DefaultValue) problems.push(`resource "${id}" at ${pathOf(item)} has no DefaultValue`);
    }
  }
  return { byKind, used: new Set() };
}

/** Which resource collection a `resid` on this element must point into. */
function residKind(el: XmlElement): ResourceKind | undefined {
  switch (el.local) {
    case "Image":
      return "Images";
    case "SourceLocation":
    case "FunctionFile":
    case "Runtime":
    case "Override":
      return "Urls";
    case "Label":
    case "Title":
      return "ShortStrings";
    case "Description":
      return "LongStrings";
    default:
      return undefined;
  }
}

function lookup(table: ResourceTable, kind: ResourceKind, id: string): XmlElement | undefined {
  const found = table.byKind[kind].get(id);
  if (found) table.used.add(`${kind}:${id}`);
  return found;
}

function checkResids(vo: XmlElement, table: ResourceTable, problems: string[]): void {
  const version = versionOf(vo);
  const own = descendants(vo).filter((e) => e.attrs.resid !== undefined && versionOf(e) === version);
  for (const el of own) {
    const id = el.attrs.resid!;
    if (id.length > 32)
      problems.push(`resid "${id}" on <${el.name}> at ${pathOf(el)} is longer than 32 characters`);
    const kind = residKind(el);
    if (!kind) {
      problems.push(`<${el.name}> at ${pathOf(el)} carries a resid but is not a resource reference`);
      continue;
    }
    if (lookup(table, kind, id)) continue;
    const elsewhere = (Object.keys(table.byKind) as ResourceKind[]).find((k) => table.byKind[k].has(id));
    problems.push(
      elsewhere
        ? `resid "${id}" on <${el.name}> at ${pathOf(el)} names a resource in <bt:${elsewhere}>, but <${el.name}> needs one in <bt:${kind}>`
        : `resid "${id}" on <${el.name}> at ${pathOf(el)} does not resolve: no ${RESOURCE_ELEMENT[kind]} with id "${id}" in <bt:${kind}> of VersionOverrides ${version}`,
    );
  }
}

// ---- icons -----------------------------------------------------------------------------------------------------

export interface PngInfo {
  readonly width: number;
  readonly height: number;
}

/** Reads width and height from a PNG's IHDR chunk; throws with the reason when the bytes are not a PNG. */
export function readPngInfo(bytes: Buffer): PngInfo {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(signature))
    throw new Error("not a PNG file (bad signature)");
  if (bytes.toString("ascii", 12, 16) !== "IHDR") throw new Error("PNG does not start with an IHDR chunk");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function checkIconFile(url: string, size: number, where: string, baseDir: string, problems: string[]): void {
  if (!url.startsWith(`${DEV_ORIGIN}/`)) {
    problems.push(
      `icon ${url} at ${where} is not under ${DEV_ORIGIN}/, so its file cannot be checked offline`,
    );
    return;
  }
  const relative = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, "");
  const file = path.join(baseDir, relative);
  if (!existsSync(file)) {
    problems.push(`icon file ${relative} (for ${url} at ${where}) does not exist`);
    return;
  }
  try {
    const { width, height } = readPngInfo(readFileSync(file));
    if (width !== size || height !== size) {
      problems.push(
        `icon ${relative} at ${where} is ${width}x${height} px, but is declared as ${size}x${size}`,
      );
    }
  } catch (e) {
    problems.push(`icon ${relative} at ${where}: ${(e as Error).message}`);
  }
}

// ---- URLs ------------------------------------------------------------------------------------------------------

function checkUrlsAreHttps(root: XmlElement, problems: string[]): void {
  for (const el of [root, ...descendants(root)]) {
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name === "xmlns" || name.startsWith("xmlns:")) continue;
      if (/http:\/\//i.test(value)) {
        problems.push(
          `http URL not allowed: ${name}="${value}" on <${el.name}> at ${pathOf(el)} must use https`,
        );
      }
    }
    if (/http:\/\//i.test(el.text)) {
      problems.push(`http URL not allowed: "${el.text}" in <${el.name}> at ${pathOf(el)} must use https`);
    }
  }
  const urlValued = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]);
  for (const el of descendants(root)) {
    const values: Array<[string, string]> = [];
    if (el.parent === root && urlValued.has(el.local))
      values.push(["DefaultValue", el.attrs.DefaultValue ?? ""]);
    if (el.local === "SourceLocation" && !versionOf(el))
      values.push(["DefaultValue", el.attrs.DefaultValue ?? ""]);
    if (
      (el.local === "Image" || el.local === "Url") &&
      el.parent &&
      ["Images", "Urls"].includes(el.parent.local)
    ) {
      values.push(["DefaultValue", el.attrs.DefaultValue ?? ""]);
    }
    if (el.local === "AppDomain") values.push(["text", el.text]);
    if (
      el.local === "Override" &&
      el.parent &&
      (urlValued.has(el.parent.local) || el.parent.local === "Url")
    ) {
      values.push(["Value", el.attrs.Value ?? ""]);
    }
    for (const [what, value] of values) {
      if (/^http:\/\//i.test(value)) continue; // already reported above
      let parsed: URL | undefined;
      try {
        parsed = new URL(value);
      } catch {
        parsed = undefined;
      }
      if (!parsed || parsed.protocol !== "https:") {
        problems.push(`${what} "${value}" of <${el.name}> at ${pathOf(el)} is not an absolute https URL`);
      }
    }
  }
}

// ---- localisation ----------------------------------------------------------------------------------------------

function checkLocalised(
  el: XmlElement,
  overrideName: string,
  maxLength: number,
  problems: string[],
  label = `<${el.name}>`,
): void {
  const value = el.attrs.DefaultValue;
  if (!value) problems.push(`${label} at ${pathOf(el)} has no DefaultValue`);
  else if (value.length > maxLength) {
    problems.push(`${label} at ${pathOf(el)} is ${value.length} characters; at most ${maxLength} allowed`);
  }
  const override = el.children.find((c) => c.local === overrideName && c.attrs.Locale === EXTRA_LOCALE);
  if (!override) {
    problems.push(`${label} at ${pathOf(el)} has no ${EXTRA_LOCALE} override`);
    return;
  }
  const translated = override.attrs.Value ?? "";
  if (translated.trim() === "")
    problems.push(`the ${EXTRA_LOCALE} override of ${label} at ${pathOf(el)} is empty`);
  else if (translated.length > maxLength) {
    problems.push(
      `the ${EXTRA_LOCALE} override of ${label} at ${pathOf(el)} is ${translated.length} characters; at most ${maxLength} allowed`,
    );
  }
}

// ---- the add-in's own requirements -----------------------------------------------------------------------------

function versionAtLeast(actual: string | undefined, wanted: string): boolean {
  if (!actual) return false;
  const a = actual.split(".").map(Number);
  const w = wanted.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, w.length); i++) {
    const d = (a[i] ?? 0) - (w[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

function checkBaseManifest(root: XmlElement, problems: string[]): void {
  if (root.local !== "OfficeApp" || root.ns !== NS.app) {
    problems.push(
      `the root element must be <OfficeApp> in namespace ${NS.app}, found <${root.name}> in "${root.ns}"`,
    );
  }
  if (root.attrs["xsi:type"] !== "MailApp") problems.push(`<OfficeApp> xsi:type must be "MailApp"`);
  for (const name of PROJECT_REQUIRED_TOP_LEVEL) {
    if (!child(root, name))
      problems.push(`missing required <${name}> in ${pathOf(root)} (this add-in needs it)`);
  }
  const id = child(root, "Id")?.text ?? "";
  if (child(root, "Id") && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    problems.push(`<Id> "${id}" is not a GUID`);
  }
  const version = child(root, "Version")?.text ?? "";
  if (child(root, "Version") && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) {
    problems.push(`<Version> "${version}" must be 1 to 4 dot-separated numbers`);
  }
  const locale = child(root, "DefaultLocale")?.text;
  if (locale !== undefined && locale !== "en-US")
    problems.push(`<DefaultLocale> must be en-US, found "${locale}"`);
  for (const name of ["DisplayName", "Description"]) {
    const el = child(root, name);
    if (el) checkLocalised(el, "Override", name === "DisplayName" ? 125 : DESCRIPTION_MAX, problems);
  }
  const domains = childrenNamed(child(root, "AppDomains"), "AppDomain").map((d) => d.text);
  if (child(root, "AppDomains") && !domains.includes(LOGIN_DOMAIN)) {
    problems.push(`<AppDomains> must list ${LOGIN_DOMAIN} (the sign-in dialog navigates there)`);
  }
  const hosts = childrenNamed(child(root, "Hosts"), "Host").map((h) => h.attrs.Name);
  if (child(root, "Hosts") && !hosts.includes("Mailbox"))
    problems.push(`<Hosts> must contain <Host Name="Mailbox"/>`);
  const mailboxSet = childrenNamed(child(child(root, "Requirements"), "Sets"), "Set").find(
    (s) => s.attrs.Name === "Mailbox",
  );
  const sets = child(child(root, "Requirements"), "Sets");
  const minVersion = mailboxSet?.attrs.MinVersion ?? sets?.attrs.DefaultMinVersion ?? "1.1";
  if (!mailboxSet) problems.push(`<Requirements> must require the Mailbox set`);
  else if (!versionAtLeast(minVersion, MIN_MAILBOX_VERSION)) {
    problems.push(`<Requirements> must require Mailbox ${MIN_MAILBOX_VERSION} or later, found ${minVersion}`);
  }
  const form = childrenNamed(child(root, "FormSettings"), "Form").find(
    (f) => f.attrs["xsi:type"] === "ItemRead",
  );
  const source = child(child(form, "DesktopSettings"), "SourceLocation")?.attrs.DefaultValue;
  if (!form) problems.push(`<FormSettings> must contain an ItemRead <Form>`);
  else if (source !== TASKPANE_URL) {
    problems.push(
      `the ItemRead form's DesktopSettings SourceLocation must be ${TASKPANE_URL}, found ${source}`,
    );
  }
  const permissions = child(root, "Permissions")?.text;
  if (permissions !== undefined && permissions !== "ReadWriteItem") {
    problems.push(`<Permissions> must be ReadWriteItem, found "${permissions}"`);
  }
  const rule = child(root, "Rule");
  const itemRules = rule ? [rule, ...descendants(rule)].filter((r) => r.attrs["xsi:type"] === "ItemIs") : [];
  for (const itemType of ["Message", "Appointment"]) {
    for (const formType of ["Read", "Edit"]) {
      const covered = itemRules.some(
        (r) =>
          r.attrs.ItemType === itemType &&
          (r.attrs.FormType === formType || r.attrs.FormType === "ReadOrEdit"),
      );
      if (rule && !covered)
        problems.push(`<Rule> does not activate on ${itemType} items in ${formType} forms`);
    }
  }
  if (rule && rule.attrs["xsi:type"] === "RuleCollection" && rule.attrs.Mode !== "Or") {
    problems.push(`the top <Rule> collection must use Mode="Or", or the item rules can never all match`);
  }
  const highlighting = child(root, "DisableEntityHighlighting")?.text;
  if (highlighting !== undefined && highlighting !== "true") {
    problems.push(`<DisableEntityHighlighting> must be true, found "${highlighting}"`);
  }
  for (const name of Object.keys(TOP_LEVEL_ICON_SIZES)) {
    const url = child(root, name)?.attrs.DefaultValue;
    if (url !== undefined && !/\.png$/i.test(url))
      problems.push(`<${name}> must point at a PNG, found ${url}`);
  }
}

function resolved(table: ResourceTable, kind: ResourceKind, el: XmlElement | undefined): string | undefined {
  const id = el?.attrs.resid;
  return id === undefined ? undefined : table.byKind[kind].get(id)?.attrs.DefaultValue;
}

function checkCommands(vo11: XmlElement, table: ResourceTable, baseDir: string, problems: string[]): void {
  const desktop = childrenNamed(child(vo11, "Hosts"), "Host")
    .filter((h) => h.attrs["xsi:type"] === "MailHost")
    .map((h) => child(h, "DesktopFormFactor"))
    .find((d): d is XmlElement => d !== undefined);
  if (!desktop) {
    problems.push(`VersionOverrides 1.1 has no MailHost <DesktopFormFactor>`);
    return;
  }
  const shared = child(desktop, "SupportsSharedFolders");
  if (!shared)
    problems.push(`<SupportsSharedFolders> is missing from ${pathOf(desktop)}; delegates could not log`);
  else if (shared.text !== "true") problems.push(`<SupportsSharedFolders> at ${pathOf(shared)} must be true`);

  const controlIds = new Map<string, XmlElement>();
  for (const control of descendants(desktop).filter((e) => e.local === "Control")) {
    const id = control.attrs.id ?? "";
    if (controlIds.has(id)) problems.push(`duplicate control id "${id}" at ${pathOf(control)}`);
    controlIds.set(id, control);
  }

  for (const surface of COMMAND_SURFACES) {
    const points = childrenNamed(desktop, "ExtensionPoint").filter((p) => p.attrs["xsi:type"] === surface);
    if (points.length === 0) {
      problems.push(`command surface ${surface} is missing from VersionOverrides 1.1`);
      continue;
    }
    if (points.length > 1) problems.push(`command surface ${surface} is declared ${points.length} times`);
    const buttons = descendants(points[0]!).filter(
      (e) => e.local === "Control" && e.attrs["xsi:type"] === "Button",
    );
    const logButton = buttons.find((b) => {
      const action = child(b, "Action");
      return (
        action?.attrs["xsi:type"] === "ShowTaskpane" &&
        resolved(table, "Urls", child(action, "SourceLocation")) === TASKPANE_URL
      );
    });
    if (!logButton) {
      problems.push(`${surface} has no button that opens the task pane at ${TASKPANE_URL}`);
      continue;
    }
    const label = resolved(table, "ShortStrings", child(logButton, "Label"));
    if (label !== BUTTON_LABEL) {
      problems.push(`the ${surface} button's label is "${label}", expected "${BUTTON_LABEL}"`);
    }
    const pinning = child(child(logButton, "Action"), "SupportsPinning");
    if ((PINNED_SURFACES as readonly string[]).includes(surface) && pinning?.text !== "true") {
      problems.push(
        `pinning: the ${surface} button's Action must declare <SupportsPinning>true</SupportsPinning>`,
      );
    }
  }
  checkCommandIcons(vo11, table, baseDir, problems);
}

function checkCommandIcons(vo: XmlElement, table: ResourceTable, baseDir: string, problems: string[]): void {
  for (const icon of descendants(vo).filter((e) => e.local === "Icon" && versionOf(e) === versionOf(vo))) {
    const images = childrenNamed(icon, "Image");
    const sizes = images.map((i) => Number(i.attrs.size));
    for (const required of ICON_SIZES_REQUIRED) {
      if (!sizes.includes(required))
        problems.push(`<Icon> at ${pathOf(icon)} lacks the mandatory ${required} px image`);
    }
    for (const image of images) {
      const size = Number(image.attrs.size);
      if (!ICON_SIZES_ALLOWED.includes(size)) {
        problems.push(
          `<bt:Image size="${image.attrs.size}"> at ${pathOf(image)} is not an allowed command icon size (${ICON_SIZES_ALLOWED.join(", ")})`,
        );
        continue;
      }
      const url = resolved(table, "Images", image);
      if (url) checkIconFile(url, size, pathOf(image), baseDir, problems);
    }
  }
}

/**
 * Log on send: one runtime (page + JavaScript override), both send events with their handler names and a send mode
 * that never blocks, the LaunchEvent's SourceLocation naming the runtime, and no <Requirements> in the 1.1 block
 * above the base manifest's (it would hide every button from clients below it).
 */
function checkLaunchEvents(vo11: XmlElement, table: ResourceTable, problems: string[]): void {
  const host = childrenNamed(child(vo11, "Hosts"), "Host").find((h) => h.attrs["xsi:type"] === "MailHost");
  const runtime = child(child(host, "Runtimes"), "Runtime");
  const page = resolved(table, "Urls", runtime);
  const override = child(runtime, "Override");
  if (!runtime) problems.push(`log on send: VersionOverrides 1.1 MailHost has no <Runtimes><Runtime>`);
  else if (page !== LAUNCH_PAGE_URL)
    problems.push(`log on send: the runtime page is ${page}, expected ${LAUNCH_PAGE_URL}`);
  if (runtime && override?.attrs.type !== "javascript")
    problems.push(
      `log on send: the runtime needs <Override type="javascript"> for classic Outlook on Windows`,
    );
  else if (runtime && resolved(table, "Urls", override) !== LAUNCH_SCRIPT_URL)
    problems.push(
      `log on send: the JavaScript override is ${resolved(table, "Urls", override)}, expected ${LAUNCH_SCRIPT_URL}`,
    );
  const point = childrenNamed(child(host, "DesktopFormFactor"), "ExtensionPoint").find(
    (p) => p.attrs["xsi:type"] === "LaunchEvent",
  );
  if (!point) {
    problems.push(`log on send: no LaunchEvent extension point in VersionOverrides 1.1`);
    return;
  }
  const source = child(point, "SourceLocation")?.attrs.resid;
  if (runtime && source !== runtime.attrs.resid)
    problems.push(
      `log on send: the LaunchEvent's SourceLocation resid "${source}" must be the Runtime's resid "${runtime.attrs.resid}"`,
    );
  const events = childrenNamed(child(point, "LaunchEvents"), "LaunchEvent");
  for (const [type, fn] of Object.entries(LAUNCH_EVENTS)) {
    const event = events.find((e) => e.attrs.Type === type);
    if (!event) {
      problems.push(`log on send: no <LaunchEvent Type="${type}">`);
      continue;
    }
    if (event.attrs.FunctionName !== fn)
      problems.push(`log on send: ${type} calls "${event.attrs.FunctionName}", expected "${fn}"`);
    if (event.attrs.SendMode !== NON_BLOCKING_SEND_MODE)
      problems.push(
        `log on send: ${type} SendMode is "${event.attrs.SendMode ?? "(default SoftBlock)"}"; it must be ${NON_BLOCKING_SEND_MODE} so that a slow or missing handler never blocks sending`,
      );
  }
  const sets = child(child(vo11, "Requirements"), "Sets");
  const mailbox = childrenNamed(sets, "Set").find((x) => x.attrs.Name === "Mailbox");
  const required = mailbox?.attrs.MinVersion ?? sets?.attrs.DefaultMinVersion;
  if (required && versionAtLeast(required, "1.9"))
    problems.push(
      `VersionOverrides 1.1 requires Mailbox ${required}: clients below it would lose every button; keep ${MIN_MAILBOX_VERSION} and check newer APIs at run time`,
    );
}

/** Runs every check on the manifest text; icon URLs under DEV_ORIGIN are looked up as files under baseDir. */
export function checkManifest(xmlText: string, baseDir: string): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xmlText);
  } catch (e) {
    if (e instanceof XmlSyntaxError) return [`not well-formed XML: ${e.message}`];
    throw e;
  }
  const problems: string[] = [];
  for (const el of [root, ...descendants(root)]) {
    const seq = sequenceFor(el);
    if (seq) checkSequence(el, seq, problems);
  }
  checkBaseManifest(root, problems);
  checkUrlsAreHttps(root, problems);
  for (const [name, size] of Object.entries(TOP_LEVEL_ICON_SIZES)) {
    const el = child(root, name);
    const url = el?.attrs.DefaultValue;
    if (el && url?.startsWith("https://")) checkIconFile(url, size, pathOf(el), baseDir, problems);
  }

  const vo10 = child(root, "VersionOverrides");
  if (vo10) {
    if (vo10.ns !== NS.vo10 || vo10.attrs["xsi:type"] !== "VersionOverridesV1_0") {
      problems.push(
        `the top <VersionOverrides> at ${pathOf(vo10)} must be VersionOverridesV1_0 in ${NS.vo10}`,
      );
    }
    const vo11 = child(vo10, "VersionOverrides");
    const blocks = vo11 ? [vo10, vo11] : [vo10];
    if (!vo11 || vo11.ns !== NS.vo11 || vo11.attrs["xsi:type"] !== "VersionOverridesV1_1") {
      problems.push(
        `VersionOverrides 1.1 (xsi:type VersionOverridesV1_1 in ${NS.vo11}) must be nested in the 1.0 element; pinning and shared folders live there`,
      );
    }
    for (const vo of blocks) {
      const table = resourceTable(vo, problems);
      checkResids(vo, table, problems);
      if (vo === vo11) {
        checkCommands(vo, table, baseDir, problems);
        checkLaunchEvents(vo, table, problems);
      } else checkCommandIcons(vo, table, baseDir, problems);
      for (const kind of ["ShortStrings", "LongStrings"] as const) {
        for (const str of table.byKind[kind].values()) {
          checkLocalised(
            str,
            "Override",
            kind === "ShortStrings" ? 125 : 250,
            problems,
            `string "${str.attrs.id}"`,
          );
        }
      }
      for (const kind of Object.keys(table.byKind) as ResourceKind[]) {
        for (const [id, item] of table.byKind[kind]) {
          if (!table.used.has(`${kind}:${id}`)) {
            problems.push(`resource "${id}" at ${pathOf(item)} is never referenced`);
          }
        }
      }
    }
  }
  return problems;
}

// Validates manifest.xml offline: well-formedness (xmllint), the schema's element order, resource references,
// https everywhere, icon files, the four command surfaces with pinning and shared folders, nl-NL strings, and the
// converted unified manifest against its JSON schema. Broken copies prove each check can fail.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { ICON_SIZES, iconFileName, iconPng } from "../../scripts/manifest/make-icons";
import { checkManifest, readPngInfo } from "./manifest-checker";
import { convertAndValidate, UnifiedManifestResult } from "./unified-manifest";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const manifest = readFileSync(MANIFEST_PATH, "utf8");
const XMLLINT = "/usr/bin/xmllint";

/** Replaces the first occurrence of `from`; throws if absent so a stale mutation cannot pass vacuously. */
function mutate(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === "string" ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`mutation target not found in manifest.xml: ${String(from)}`);
  return text.replace(from, to);
}

function expectProblem(problems: string[], pattern: RegExp): void {
  const hit = problems.find((p) => pattern.test(p));
  if (!hit)
    throw new Error(`expected a problem matching ${pattern}, got:\n${problems.join("\n") || "(none)"}`);
}

describe("manifest.xml", () => {
  test("is well-formed XML according to xmllint", () => {
    if (!existsSync(XMLLINT)) {
      // CI installs libxml2-utils; the checker below still rejects malformed XML with its own parser.
      console.warn(`xmllint not found at ${XMLLINT}: skipping the xmllint well-formedness check`);
      return;
    }
    const result = spawnSync(XMLLINT, ["--noout", MANIFEST_PATH], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  test("xmllint rejects a malformed copy (so the check above can fail)", () => {
    if (!existsSync(XMLLINT)) return;
    const dir = mkdtempSync(path.join(os.tmpdir(), "ilo-manifest-"));
    try {
      const broken = path.join(dir, "manifest.xml");
      writeFileSync(broken, mutate(manifest, "</ProviderName>", "</Provider>"));
      const result = spawnSync(XMLLINT, ["--noout", broken], { encoding: "utf8" });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/mismatch/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("passes every offline check", () => {
    expect(checkManifest(manifest, ROOT)).toEqual([]);
  });
});

describe("manifest checker on broken copies", () => {
  const check = (text: string): string[] => checkManifest(text, ROOT);

  test("malformed XML", () => {
    expectProblem(
      check(mutate(manifest, "</ProviderName>", "</Provider>")),
      /not well-formed XML: line \d+: <\/Provider> does not close <ProviderName>/,
    );
  });

  test("a missing required element", () => {
    const problems = check(mutate(manifest, /\s*<ProviderName>[^<]*<\/ProviderName>/, ""));
    expectProblem(problems, /missing required <ProviderName> in OfficeApp\[MailApp\]/);
  });

  test("elements out of schema order", () => {
    const supportUrl = '<SupportUrl DefaultValue="https://localhost:3000/assets/support.html"/>';
    const withoutSupport = mutate(manifest, `  ${supportUrl}\n`, "");
    const moved = mutate(
      withoutSupport,
      "  <Requirements>\n    <Sets>",
      `  ${supportUrl}\n  <Requirements>\n    <Sets>`,
    );
    expectProblem(
      check(moved),
      /element order: <SupportUrl> at OfficeApp\[MailApp\]\/SupportUrl \(line \d+\) is out of order/,
    );
  });

  test("SupportsSharedFolders after an ExtensionPoint is out of order", () => {
    const removed = mutate(
      manifest,
      /\s*<!--[^>]*-->\s*<SupportsSharedFolders>true<\/SupportsSharedFolders>/,
      "",
    );
    const problems = check(
      mutate(
        removed,
        "</ExtensionPoint>\n          </DesktopFormFactor>",
        "</ExtensionPoint>\n<SupportsSharedFolders>true</SupportsSharedFolders>\n          </DesktopFormFactor>",
      ),
    );
    expectProblem(problems, /element order: <SupportsSharedFolders>/);
  });

  test("a resid that resolves to nothing", () => {
    const problems = check(
      mutate(manifest, '<Label resid="LogButton.Label"/>', '<Label resid="Nope.Label"/>'),
    );
    expectProblem(
      problems,
      /resid "Nope\.Label" on <Label> at .* does not resolve: no bt:String with id "Nope\.Label" in <bt:ShortStrings>/,
    );
  });

  test("a resid that points at the wrong kind of resource", () => {
    const problems = check(
      mutate(manifest, '<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Group.Label"/>'),
    );
    expectProblem(
      problems,
      /resid "Group\.Label" on <SourceLocation> .* names a resource in <bt:ShortStrings>, but <SourceLocation> needs one in <bt:Urls>/,
    );
  });

  test("an http URL", () => {
    const problems = check(
      mutate(
        manifest,
        '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>',
        '<bt:Url id="Taskpane.Url" DefaultValue="http://localhost:3000/taskpane.html"/>',
      ),
    );
    expectProblem(
      problems,
      /http URL not allowed: DefaultValue="http:\/\/localhost:3000\/taskpane\.html" on <bt:Url>/,
    );
  });

  test("the three defects together are all reported", () => {
    let broken = mutate(manifest, /\s*<DefaultLocale>[^<]*<\/DefaultLocale>/, "");
    broken = mutate(
      broken,
      '<Description resid="LogButton.Tooltip"/>',
      '<Description resid="Missing.Tooltip"/>',
    );
    broken = mutate(
      broken,
      "https://localhost:3000/assets/support.html",
      "http://localhost:3000/assets/support.html",
    );
    const problems = check(broken);
    expectProblem(problems, /missing required <DefaultLocale>/);
    expectProblem(problems, /resid "Missing\.Tooltip" on <Description>/);
    expectProblem(
      problems,
      /http URL not allowed: DefaultValue="http:\/\/localhost:3000\/assets\/support\.html" on <SupportUrl>/,
    );
  });

  test("an icon file whose pixels do not match the declared size", () => {
    const problems = check(
      mutate(
        manifest,
        '<bt:Image id="Icon.16" DefaultValue="https://localhost:3000/assets/icon-16.png"/>',
        '<bt:Image id="Icon.16" DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
      ),
    );
    expectProblem(problems, /icon assets\/icon-32\.png at .* is 32x32 px, but is declared as 16x16/);
  });

  test("a missing icon file", () => {
    const problems = check(mutate(manifest, "assets/icon-128.png", "assets/icon-256.png"));
    expectProblem(problems, /icon file assets\/icon-256\.png .* does not exist/);
  });

  test("message read without pinning", () => {
    const problems = check(mutate(manifest, /\s*<SupportsPinning>true<\/SupportsPinning>/, ""));
    expectProblem(
      problems,
      /pinning: the MessageReadCommandSurface button's Action must declare <SupportsPinning>/,
    );
  });

  test("pinning declared in a VersionOverrides 1.0 action is rejected", () => {
    const withV10Button = mutate(
      manifest,
      '<VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides" xsi:type="VersionOverridesV1_0">',
      `<VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts><Host xsi:type="MailHost"><DesktopFormFactor><ExtensionPoint xsi:type="MessageReadCommandSurface"><OfficeTab id="TabDefault"><Group id="g"><Label resid="G"/>
    <Control xsi:type="Button" id="b"><Label resid="G"/><Supertip><Title resid="G"/><Description resid="G"/></Supertip>
    <Icon><bt:Image size="16" resid="I"/></Icon><Action xsi:type="ShowTaskpane"><SourceLocation resid="U"/><SupportsPinning>true</SupportsPinning></Action></Control>
    </Group></OfficeTab></ExtensionPoint></DesktopFormFactor></Host></Hosts>`,
    );
    expectProblem(
      check(withV10Button),
      /<SupportsPinning> at .*VersionOverridesV1_0.* is not a valid child of <Action>/,
    );
  });

  test("a missing command surface", () => {
    const problems = check(
      mutate(
        manifest,
        /\s*<ExtensionPoint xsi:type="AppointmentOrganizerCommandSurface">[\s\S]*?<\/ExtensionPoint>/,
        "",
      ),
    );
    expectProblem(problems, /command surface AppointmentOrganizerCommandSurface is missing/);
  });

  test("shared folders not enabled", () => {
    const problems = check(
      mutate(
        manifest,
        "<SupportsSharedFolders>true</SupportsSharedFolders>",
        "<SupportsSharedFolders>false</SupportsSharedFolders>",
      ),
    );
    expectProblem(problems, /<SupportsSharedFolders> at .* must be true/);
  });

  test("a string without its nl-NL override", () => {
    const problems = check(
      mutate(manifest, /\s*<bt:Override Locale="nl-NL" Value="Interactie vastleggen"\/>/, ""),
    );
    expectProblem(problems, /string "LogButton\.Label" at .* has no nl-NL override/);
  });

  test("DisplayName without its nl-NL override", () => {
    const problems = check(mutate(manifest, /\s*<Override Locale="nl-NL" Value="Interactielogboek"\/>/, ""));
    expectProblem(problems, /<DisplayName> at .* has no nl-NL override/);
  });

  test("a Mailbox requirement below 1.8", () => {
    const problems = check(
      mutate(manifest, '<Set Name="Mailbox" MinVersion="1.8"/>', '<Set Name="Mailbox" MinVersion="1.5"/>'),
    );
    expectProblem(problems, /must require Mailbox 1\.8 or later, found 1\.5/);
  });

  test("VersionOverrides 1.1 not nested in 1.0", () => {
    const flattened = mutate(
      manifest,
      '<VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides" xsi:type="VersionOverridesV1_0">\n',
      "",
    ).replace(/<\/VersionOverrides>\s*<\/VersionOverrides>/, "</VersionOverrides>");
    expectProblem(
      check(flattened),
      /VersionOverrides 1\.1 .* must be nested in the 1\.0 element|top <VersionOverrides> .* must be VersionOverridesV1_0/,
    );
  });

  test("log on send: a send mode that can block sending", () => {
    const problems = check(
      mutate(
        manifest,
        'FunctionName="onMessageSendHandler" SendMode="PromptUser"',
        'FunctionName="onMessageSendHandler" SendMode="SoftBlock"',
      ),
    );
    expectProblem(problems, /log on send: OnMessageSend SendMode is "SoftBlock"; it must be PromptUser/);
  });

  test("log on send: a missing OnAppointmentSend event", () => {
    const problems = check(mutate(manifest, /\s*<LaunchEvent Type="OnAppointmentSend"[^>]*\/>/, ""));
    expectProblem(problems, /log on send: no <LaunchEvent Type="OnAppointmentSend">/);
  });

  test("log on send: the LaunchEvent's SourceLocation must name the runtime", () => {
    const problems = check(
      mutate(
        manifest,
        '<SourceLocation resid="LaunchEvent.Page"/>',
        '<SourceLocation resid="Taskpane.Url"/>',
      ),
    );
    expectProblem(
      problems,
      /SourceLocation resid "Taskpane\.Url" must be the Runtime's resid "LaunchEvent\.Page"/,
    );
  });

  test("log on send: no JavaScript file for classic Outlook on Windows", () => {
    const problems = check(
      mutate(manifest, /\s*<Override type="javascript" resid="LaunchEvent\.Script"\/>/, ""),
    );
    expectProblem(problems, /the runtime needs <Override type="javascript">/);
  });

  test("raising the 1.1 block's requirement to 1.12 would hide the buttons from older clients", () => {
    const problems = check(
      mutate(manifest, '<bt:Sets DefaultMinVersion="1.8">', '<bt:Sets DefaultMinVersion="1.12">'),
    );
    expectProblem(
      problems,
      /VersionOverrides 1\.1 requires Mailbox 1\.12: clients below it would lose every button/,
    );
  });

  test("an unreferenced resource", () => {
    const problems = check(
      mutate(
        manifest,
        "<bt:Urls>",
        '<bt:Urls>\n<bt:Url id="Unused.Url" DefaultValue="https://localhost:3000/unused.html"/>',
      ),
    );
    expectProblem(problems, /resource "Unused\.Url" at .* is never referenced/);
  });
});

describe("icons", () => {
  test.each(ICON_SIZES.map((s) => [s]))("assets/icon-%i.png is a real PNG of that size", (size) => {
    const bytes = readFileSync(path.join(ROOT, "assets", iconFileName(size)));
    expect(readPngInfo(bytes)).toEqual({ width: size, height: size });
    // Decode the pixel data: 8-bit RGBA, one filter byte per row.
    expect(bytes[24]).toBe(8);
    expect(bytes[25]).toBe(6);
    const idat: Buffer[] = [];
    for (let at = 8; at < bytes.length;) {
      const length = bytes.readUInt32BE(at);
      if (bytes.toString("ascii", at + 4, at + 8) === "IDAT")
        idat.push(bytes.subarray(at + 8, at + 8 + length));
      at += 12 + length;
    }
    const raw = inflateSync(Buffer.concat(idat));
    expect(raw.length).toBe(size * (size * 4 + 1));
    // The corner is transparent (rounded square) and the centre is opaque: an actual drawing, not a blank image.
    const alphaAt = (x: number, y: number): number => raw[y * (size * 4 + 1) + 1 + x * 4 + 3]!;
    expect(alphaAt(0, 0)).toBe(0);
    expect(alphaAt(size >> 1, size >> 1)).toBe(255);
  });

  test("the committed icons are exactly what scripts/manifest/make-icons.ts renders", () => {
    for (const size of ICON_SIZES) {
      const committed = readFileSync(path.join(ROOT, "assets", iconFileName(size)));
      expect({ size, same: committed.equals(iconPng(size)) }).toEqual({ size, same: true });
    }
  });

  test("readPngInfo rejects a file that is not a PNG", () => {
    expect(() => readPngInfo(Buffer.from("GIF89a........................................"))).toThrow(
      /not a PNG/,
    );
  });
});

describe("unified manifest (office-addin-manifest-converter + office-addin-manifest validate, offline)", () => {
  let dir: string;
  let result: UnifiedManifestResult;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "ilo-unified-"));
    result = convertAndValidate(MANIFEST_PATH, dir);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("converts and passes JSON schema validation", () => {
    expect(result.problems).toEqual([]);
    expect(result.validatorOutput).not.toMatch(/Error/);
  });

  test("keeps the four surfaces, pinning on mail read/compose, shared folders and the nl-NL strings", () => {
    const m = result.manifest as {
      id: string;
      authorization: { permissions: { resourceSpecific: Array<{ name: string }> } };
      extensions: Array<{
        runtimes: Array<{ actions: Array<{ id: string; pinnable: boolean }> }>;
        ribbons: Array<{
          contexts: string[];
          tabs: Array<{ groups: Array<{ controls: Array<{ actionId: string }> }> }>;
        }>;
      }>;
    };
    expect(m.id).toBe("27dead0c-4c29-4374-837a-170c5e0b3fea");
    const ext = m.extensions[0]!;
    const actions = new Map(ext.runtimes.flatMap((r) => r.actions).map((a) => [a.id, a]));
    const pinnableByContext = Object.fromEntries(
      ext.ribbons.map((r) => [
        r.contexts.join(","),
        actions.get(r.tabs[0]!.groups[0]!.controls[0]!.actionId)?.pinnable,
      ]),
    );
    expect(pinnableByContext).toEqual({
      mailRead: true,
      mailCompose: true,
      meetingDetailsAttendee: false,
      meetingDetailsOrganizer: false,
    });
    expect(m.authorization.permissions.resourceSpecific.map((p) => p.name).sort()).toEqual([
      "Mailbox.AccessSharedFolders.User",
      "MailboxItem.ReadWrite.User",
    ]);
    const nl = result.localizations["nl-nl.json"];
    expect(nl?.["name.short"]).toBe("Interactielogboek");
    expect(nl?.["extensions[0].ribbons[0].tabs[0].groups[0].controls[0].label"]).toBe(
      "Interactie vastleggen",
    );
  });

  test("keeps log on send: both events with PromptUser on the runtime with page and script", () => {
    const m = result.manifest as {
      extensions: Array<{
        runtimes: Array<{ code: { page: string; script?: string }; actions: Array<{ id: string }> }>;
        autoRunEvents?: Array<{
          events: Array<{ type: string; actionId: string; options?: { sendMode?: string } }>;
        }>;
        ribbons: unknown[];
      }>;
    };
    const ext = m.extensions[0]!;
    const events = (ext.autoRunEvents ?? []).flatMap((a) => a.events);
    expect(events.map((e) => [e.type, e.actionId, e.options?.sendMode]).sort()).toEqual([
      ["appointmentSending", "onAppointmentSendHandler", "promptUser"],
      ["messageSending", "onMessageSendHandler", "promptUser"],
    ]);
    const runtime = ext.runtimes.find((r) => r.actions.some((a) => a.id === "onMessageSendHandler"));
    expect(runtime?.code).toEqual({
      page: "https://localhost:3000/launchevent.html",
      script: "https://localhost:3000/launchevent.js",
    });
    // The buttons are still there for every client the base manifest admits.
    expect(ext.ribbons).toHaveLength(4);
  });

  test("the validator rejects a converted manifest with an invalid icon size (so the check above can fail)", () => {
    const brokenDir = mkdtempSync(path.join(os.tmpdir(), "ilo-unified-broken-"));
    try {
      const broken = path.join(brokenDir, "manifest.xml");
      writeFileSync(broken, manifest.replace(/<bt:Image size="80" /g, '<bt:Image size="128" '));
      const bad = convertAndValidate(broken, path.join(brokenDir, "out"));
      expect(bad.problems.join("\n")).toMatch(
        /fails schema validation[\s\S]*icons\/2\/size must be equal to one of the allowed values/,
      );
    } finally {
      rmSync(brokenDir, { recursive: true, force: true });
    }
  }, 60_000);
});

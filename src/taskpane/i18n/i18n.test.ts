import { en as enFirst } from "./en";
import { enViews } from "./en-views";
import { createTranslator, formatLocaleFor, languageFor } from "./i18n";
import { nl as nlFirst } from "./nl";
import { nlViews } from "./nl-views";

const en = { ...enFirst, ...enViews };
const nl = { ...nlFirst, ...nlViews };
const TABLES = { en, nl };

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("string tables", () => {
  it.each(Object.keys(TABLES))("%s has exactly the English keys, each non-empty", (lang) => {
    const table = TABLES[lang as keyof typeof TABLES] as Record<string, string>;
    expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(table)) {
      expect([key, typeof value === "string" && value.trim().length > 0]).toEqual([key, true]);
    }
  });

  it.each(Object.keys(TABLES))("%s uses the same placeholders as English", (lang) => {
    const table = TABLES[lang as keyof typeof TABLES] as Record<string, string>;
    for (const [key, value] of Object.entries(en)) {
      expect([key, placeholders(table[key]!)]).toEqual([key, placeholders(value)]);
    }
  });

  it("puts no key in both the first-screen and the on-demand table", () => {
    expect(Object.keys(enFirst).filter((k) => k in enViews)).toEqual([]);
    expect(Object.keys(nlFirst).sort()).toEqual(Object.keys(enFirst).sort());
    expect(Object.keys(nlViews).sort()).toEqual(Object.keys(enViews).sort());
  });

  it("gives every plural key both forms", () => {
    for (const key of Object.keys(en).filter((k) => k.endsWith("_other"))) {
      expect(Object.keys(en)).toContain(key.replace(/_other$/, "_one"));
    }
  });
});

describe("language choice", () => {
  it.each([
    ["nl-NL", "nl"],
    ["nl-BE", "nl"],
    ["NL", "nl"],
    ["en-US", "en"],
    ["de-DE", "en"],
    ["", "en"],
  ])("%s → %s", (display, lang) => expect(languageFor(display)).toBe(lang));

  it("formats with the display language when Intl knows it", () => {
    expect(formatLocaleFor("nl-BE", "nl")).toBe("nl-BE");
    expect(formatLocaleFor(undefined, "nl")).toBe("nl-NL");
    expect(formatLocaleFor("not a tag!", "en")).toBe("en-US");
  });
});

describe("translator", () => {
  it("interpolates and picks plural forms by count", () => {
    const t = createTranslator("en-US");
    expect(t.plural("logButtonFor", 1)).toBe("Log for 1 contact");
    expect(t.plural("logButtonFor", 3)).toBe("Log for 3 contacts");
    expect(t.t("contactCreated", { name: "Ann" })).toBe("Contact Ann created.");
    const nl = createTranslator("nl-NL");
    expect(nl.plural("logButtonFor", 3)).toBe("Registreren voor 3 contacten");
    expect(nl.plural("pendingCount", 1)).toBe("1 interactie wacht op verzending");
  });

  it("formats numbers and dates for the locale", () => {
    expect(createTranslator("nl-NL").formatNumber(1234.5, 2)).toBe("1.234,50");
    expect(createTranslator("en-US").formatNumber(1234.5, 2)).toBe("1,234.50");
    const iso = "2024-05-02T09:30:00.000Z";
    expect(createTranslator("nl-NL").formatDateTime(iso)).toBe(
      new Intl.DateTimeFormat("nl-NL", { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)),
    );
    expect(createTranslator("nl-NL").formatDateTime(iso)).toMatch(/mei 2024/);
    expect(createTranslator("en-US").formatDateTime("not a date")).toBe("not a date");
  });

  it("translates every validation message and store error kind", () => {
    const nl = createTranslator("nl-NL");
    expect(nl.validation("required")).toBe("Dit veld is verplicht.");
    expect(nl.storeError("offline")).toMatch(/SharePoint is niet bereikbaar/);
    expect(createTranslator("en").storeError("forbidden")).toMatch(/ask your administrator/);
  });
});

describe("loading a language on demand", () => {
  it("reads English until the Dutch table is loaded, Dutch after loadMessages", async () => {
    // A module registry of its own: the jsdom setup has already registered Dutch in the shared one.
    const fresh = jest.requireActual<typeof import("./i18n")>("./i18n");
    let isolated!: typeof import("./i18n");
    jest.isolateModules(() => {
      isolated = jest.requireActual<typeof import("./i18n")>("./i18n");
    });
    expect(isolated).not.toBe(fresh);
    // Nothing is loaded up front: a key reads as itself until its table arrives (the pane awaits it).
    expect(isolated.createTranslator("nl-NL").t("appTitle")).toBe("appTitle");
    await isolated.loadMessages("nl-NL");
    expect(isolated.createTranslator("nl-NL").t("appTitle")).toBe(nl.appTitle);
    expect(nl.appTitle).not.toBe(en.appTitle);
    // A Dutch user does not carry English.
    expect(isolated.createTranslator("en-US").t("appTitle")).toBe("appTitle");
    // An unknown language loads English and falls back to it.
    await isolated.loadMessages("fr-FR");
    expect(isolated.createTranslator("fr-FR").t("appTitle")).toBe(en.appTitle);
  });

  it("reads a view's strings once loadViewMessages resolves, in English and in the language loaded", async () => {
    let isolated!: typeof import("./i18n");
    jest.isolateModules(() => {
      isolated = jest.requireActual<typeof import("./i18n")>("./i18n");
    });
    // Before the view strings arrive a key reads as itself: lazyView awaits them so a view never shows that.
    expect(isolated.createTranslator("en-US").t("entriesHeading")).toBe("entriesHeading");
    await isolated.loadMessages("nl-NL");
    await isolated.loadViewMessages();
    expect(isolated.createTranslator("en-US").t("entriesHeading")).toBe(enViews.entriesHeading);
    expect(isolated.createTranslator("nl-NL").t("entriesHeading")).toBe(nlViews.entriesHeading);
    expect(nlViews.entriesHeading).not.toBe(enViews.entriesHeading);
    // First-screen strings are still there after the merge.
    expect(isolated.createTranslator("nl-NL").t("appTitle")).toBe(nl.appTitle);
  });
});

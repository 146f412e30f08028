// Language choice, message lookup and Intl formatting for the pane. Office's display language picks the table;
// the same language tag drives date and number formats.
import type { StoreErrorKind } from "../../domain/errors";
import type { ValidationMessage } from "../../domain/validation";
import type { MessageKey, Messages } from "./en";

export type Language = "en" | "nl";
export type Params = Record<string, string | number>;
/** Keys that have _one/_other forms, without the suffix. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;

// Every first-screen table is complete (typed) and loads on demand (`loadMessages`, awaited before the pane
// renders): a user carries the one language Office asks for, English or Dutch, not both. English is the fallback
// for a language we do not have. Strings of the views loaded on demand come with those views (`loadViewMessages`,
// awaited by `lazyView`), English always among them.
const tables: Partial<Record<Language, Partial<Messages>>> = {};

export function registerMessages(language: Language, table: Partial<Messages>): void {
  tables[language] = { ...tables[language], ...table };
}

/** Loads the table Office's display language picks; resolves when `createTranslator` can use it. */
export async function loadMessages(displayLanguage: string | undefined): Promise<void> {
  const language = languageFor(displayLanguage);
  if (tables[language]) return;
  if (language === "nl") registerMessages("nl", (await import(/* webpackChunkName: "i18n-nl" */ "./nl")).nl);
  else registerMessages("en", (await import(/* webpackChunkName: "i18n-en" */ "./en")).en);
}

const viewLoads: Partial<Record<Language, Promise<void>>> = {};

async function importViewMessages(language: Language): Promise<Partial<Messages>> {
  if (language === "nl") return (await import(/* webpackChunkName: "i18n-nl-views" */ "./nl-views")).nlViews;
  return (await import(/* webpackChunkName: "i18n-views" */ "./en-views")).enViews;
}

/** Loads the strings of the on-demand views, in English and in every language already loaded. */
export async function loadViewMessages(): Promise<void> {
  const languages = ["en", ...(Object.keys(tables) as Language[]).filter((l) => l !== "en")] as Language[];
  await Promise.all(
    languages.map((language) => {
      viewLoads[language] ??= importViewMessages(language).then(
        (table) => registerMessages(language, table),
        (error: unknown) => {
          delete viewLoads[language];
          throw error;
        },
      );
      return viewLoads[language];
    }),
  );
}

export function languageFor(displayLanguage: string | undefined): Language {
  return (displayLanguage ?? "").trim().toLowerCase().split(/[-_]/)[0] === "nl" ? "nl" : "en";
}

/** The BCP 47 tag for Intl: the display language when Intl knows it, else a default for the chosen table. */
export function formatLocaleFor(displayLanguage: string | undefined, language: Language): string {
  const fallback = language === "nl" ? "nl-NL" : "en-US";
  if (!displayLanguage) return fallback;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([displayLanguage]).length ? displayLanguage : fallback;
  } catch {
    return fallback;
  }
}

function interpolate(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export interface Translator {
  readonly language: Language;
  readonly locale: string;
  t(key: MessageKey, params?: Params): string;
  plural(key: PluralKey, count: number, params?: Params): string;
  formatDateTime(iso: string): string;
  formatNumber(value: number, fractionDigits?: number): string;
  validation(message: ValidationMessage): string;
  storeError(kind: StoreErrorKind): string;
}

const VALIDATION_KEYS: Record<ValidationMessage, MessageKey> = {
  required: "validationRequired",
  tooLong: "validationTooLong",
  negative: "validationNegative",
  notANumber: "validationNotANumber",
  invalidDate: "validationInvalidDate",
  invalidEmail: "validationInvalidEmail",
  noContact: "validationNoContact",
  unknownTemplate: "validationUnknownTemplate",
  blockedTemplate: "validationBlockedTemplate",
  duplicateEmail: "validationDuplicateEmail",
};

const STORE_ERROR_KEYS: Record<StoreErrorKind, MessageKey> = {
  offline: "errorOffline",
  forbidden: "errorForbidden",
  unauthenticated: "errorUnauthenticated",
  notProvisioned: "errorNotProvisioned",
  conflict: "errorConflict",
  duplicate: "errorDuplicate",
  notFound: "errorNotFound",
  invalid: "errorInvalid",
  unknown: "errorUnknown",
};

export function createTranslator(displayLanguage: string | undefined): Translator {
  const language = languageFor(displayLanguage);
  const locale = formatLocaleFor(displayLanguage, language);
  const rules = new Intl.PluralRules(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  // Read at call time: view strings register after the translator exists. A string not loaded (yet) reads as
  // English, and as its key only if English lacks it too.
  const t = (key: MessageKey, params?: Params): string =>
    interpolate(tables[language]?.[key] ?? tables.en?.[key] ?? key, params);
  return {
    language,
    locale,
    t,
    plural(key, count, params) {
      // en and nl only distinguish one/other; any other category falls back to _other.
      const form = rules.select(count) === "one" ? "one" : "other";
      return t(`${key}_${form}` as MessageKey, { count: this.formatNumber(count), ...params });
    },
    formatDateTime(iso) {
      const ms = Date.parse(iso);
      return Number.isNaN(ms) ? iso : dateFormat.format(new Date(ms));
    },
    formatNumber(value, fractionDigits = 0) {
      return new Intl.NumberFormat(locale, {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: Math.max(fractionDigits, 2),
      }).format(value);
    },
    validation: (message) => t(VALIDATION_KEYS[message]),
    storeError: (kind) => t(STORE_ERROR_KEYS[kind] ?? "errorUnknown"),
  };
}

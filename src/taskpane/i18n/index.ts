export {
  createTranslator,
  languageFor,
  formatLocaleFor,
  loadMessages,
  loadViewMessages,
  registerMessages,
  type Translator,
  type Language,
} from "./i18n";
export { I18nProvider, useI18n } from "./I18nContext";
export type { MessageKey, Messages } from "./en";

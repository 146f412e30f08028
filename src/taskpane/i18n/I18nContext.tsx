// Makes the pane's translator available to every component without threading it through props.
import { createContext, useContext, type ReactNode } from "react";
import { createTranslator, type Translator } from "./i18n";

const I18nContext = createContext<Translator>(createTranslator("en-US"));

export function I18nProvider({ translator, children }: { translator: Translator; children: ReactNode }) {
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

export function useI18n(): Translator {
  return useContext(I18nContext);
}

// Shown when the pane cannot start at all (bad configuration, not Outlook): the message as given, as text.
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  webLightTheme,
} from "@fluentui/react-components";
import { createTranslator, I18nProvider, useI18n } from "../i18n";
import { usePaneStyles } from "./Pane.styles";

function StartupMessage({ message }: { message: string }) {
  const i18n = useI18n();
  const styles = usePaneStyles();
  return (
    <main className={styles.root}>
      <h1 className={styles.title}>{i18n.t("appTitle")}</h1>
      <div role="alert">
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{i18n.t("startupFailed")}</MessageBarTitle>
            <pre className={styles.preformatted}>{message}</pre>
          </MessageBarBody>
        </MessageBar>
      </div>
    </main>
  );
}

export function StartupError({ message, displayLanguage }: { message: string; displayLanguage?: string }) {
  const translator = createTranslator(displayLanguage);
  return (
    <FluentProvider theme={webLightTheme} lang={translator.locale}>
      <I18nProvider translator={translator}>
        <StartupMessage message={message} />
      </I18nProvider>
    </FluentProvider>
  );
}

// Theme and language for the whole pane, both taken from Outlook through the mailbox port.
import { FluentProvider } from "@fluentui/react-components";
import { useEffect, useMemo } from "react";
import type { MatchingPolicy } from "../../domain/matching";
import type { InteractionStorePort, MailboxPort } from "../../domain/ports";
import type { ComposeLoggingPort } from "../../domain/send-log";
import { createTranslator, I18nProvider } from "../i18n";
import type { ContentKeeping } from "../hooks/useKeepContent";
import { themeFor } from "../theme";
import { App } from "./App";

export interface PaneRootProps {
  mailbox: MailboxPort;
  store: InteractionStorePort;
  policy: MatchingPolicy;
  composeLogging?: ComposeLoggingPort;
  /** Whether this user sees "Delete canceled entries" (configuration; everyone when absent). */
  canDeleteCanceled?: boolean;
  /** Keeping the mail with the entry (issue 15). */
  keeping?: ContentKeeping;
}

export function PaneRoot({
  mailbox,
  store,
  policy,
  composeLogging,
  canDeleteCanceled,
  keeping,
}: PaneRootProps) {
  const translator = useMemo(() => createTranslator(mailbox.displayLanguage), [mailbox.displayLanguage]);
  useEffect(() => {
    // Screen readers pick the voice from the document's language, not only the provider's.
    document.documentElement.lang = translator.locale;
  }, [translator.locale]);
  return (
    <FluentProvider theme={themeFor(mailbox.theme)} lang={translator.locale}>
      <I18nProvider translator={translator}>
        <App
          mailbox={mailbox}
          store={store}
          policy={policy}
          {...(composeLogging ? { composeLogging } : {})}
          {...(canDeleteCanceled !== undefined ? { canDeleteCanceled } : {})}
          {...(keeping ? { keeping } : {})}
        />
      </I18nProvider>
    </FluentProvider>
  );
}

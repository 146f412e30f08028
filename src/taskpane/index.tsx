// Composition root: Office → mailbox port, configuration → storage port, then the React pane. Kept tiny on
// purpose; everything with logic lives in components and hooks, tested against fake ports.
import { createRoot } from "react-dom/client";
import { loadAppConfig } from "../config/app-config";
import type { MailboxPort } from "../domain/ports";
import { createInteractionStore } from "../graph";
import { createOfficeMailbox } from "../office";
import { PaneRoot } from "./components/PaneRoot";
import { StartupError } from "./components/StartupError";

async function start(root: ReturnType<typeof createRoot>): Promise<void> {
  let mailbox: MailboxPort | undefined;
  try {
    const config = loadAppConfig();
    mailbox = await createOfficeMailbox();
    // MSAL is only needed with a tenant; a dynamic import keeps it out of the initial bundle.
    const authProvider =
      config.mode === "tenant"
        ? await import("../graph/auth").then(({ createAuthProvider, officeAuthHostFrom }) =>
            createAuthProvider(config, officeAuthHostFrom(Office)),
          )
        : undefined;
    const store = createInteractionStore({
      config,
      user: mailbox.user,
      ...(authProvider ? { authProvider } : {}),
    });
    const policy = { ownDomains: config.ownDomains, neverLog: config.neverLog };
    root.render(<PaneRoot mailbox={mailbox} store={store} policy={policy} />);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    root.render(
      <StartupError message={message} {...(mailbox ? { displayLanguage: mailbox.displayLanguage } : {})} />,
    );
  }
}

const container = document.getElementById("root");
if (container) void start(createRoot(container));

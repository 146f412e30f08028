// Composition root: Office → mailbox port, configuration → storage port, then the React pane. Kept tiny on
// purpose; everything with logic lives in components and hooks, tested against fake ports.
import { createRoot } from "react-dom/client";
import { loadAppConfig } from "../config/app-config";
import { DEFAULT_CONTENT_LIMIT_BYTES } from "../domain/content-choice";
import { canDeleteCanceled } from "../domain/delete-rights";
import type { MailboxPort } from "../domain/ports";
import { createInteractionStore } from "../graph";
import { createMeetingUidResolver } from "../graph/meeting-uid";
import { IndexedDbKeyValue, SendLogQueue, withSendQueue } from "../graph/send-queue";
import { createOfficeMailbox } from "../office";
import { createComposeLogging } from "../office/compose-logging";
import { lazyMailContentSource } from "../office/content-source-lazy";
import { officeRuntimeStorage } from "../office/runtime-storage";
import { PaneRoot } from "./components/PaneRoot";
import { loadMessages } from "./i18n";
import { loadTheme } from "./theme";

async function start(root: ReturnType<typeof createRoot>): Promise<void> {
  let mailbox: MailboxPort | undefined;
  try {
    const config = loadAppConfig();
    // Meetings are known by their iCalUId (shared by organiser and attendees), looked up through Graph once the
    // sign-in below exists; until then (and when it fails) the reader falls back to the REST id.
    const meetingUid: { resolve?: (restId: string) => Promise<string | undefined> } = {};
    mailbox = await createOfficeMailbox(undefined, {
      resolveMeetingUid: (restId) =>
        meetingUid.resolve ? meetingUid.resolve(restId) : Promise.resolve(undefined),
    });
    // MSAL is only needed with a tenant; a dynamic import keeps it out of the initial bundle.
    const authProvider =
      config.mode === "tenant"
        ? await import("../graph/auth").then(({ createAuthProvider, officeAuthHostFrom }) =>
            createAuthProvider(config, officeAuthHostFrom(Office)),
          )
        : undefined;
    const messages = Promise.all([loadMessages(mailbox.displayLanguage), loadTheme(mailbox.theme)]);
    const auth = authProvider ? { authProvider } : {};
    meetingUid.resolve = createMeetingUidResolver({ config, user: mailbox.user, ...auth });
    const policy = { ownDomains: config.ownDomains, neverLog: config.neverLog };
    // Send-time logs the send handler could not write in time: kept in IndexedDB (browser runtime, same origin)
    // or OfficeRuntime.storage (classic Outlook's runtime); written here before the outbox is replayed. Only the
    // signed-in user's are written (as the outbox's account); another user's are only counted.
    const queues = [new SendLogQueue(new IndexedDbKeyValue())];
    const runtimeStorage = officeRuntimeStorage();
    if (runtimeStorage) queues.push(new SendLogQueue(runtimeStorage));
    const store = withSendQueue(createInteractionStore({ config, user: mailbox.user, ...auth }), {
      queues,
      policy,
      user: mailbox.user.emailAddress,
    });
    await messages;
    root.render(
      <PaneRoot
        mailbox={mailbox}
        store={store}
        policy={policy}
        composeLogging={createComposeLogging()}
        canDeleteCanceled={canDeleteCanceled(mailbox.user.emailAddress, config.deleteCanceled)}
        keeping={{
          source: lazyMailContentSource(),
          cap: config.keepContentMax ?? "full",
          limitBytes: config.contentLimitBytes ?? DEFAULT_CONTENT_LIMIT_BYTES,
        }}
      />,
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (mailbox) await loadMessages(mailbox.displayLanguage).catch(() => undefined);
    const props = { message, ...(mailbox ? { displayLanguage: mailbox.displayLanguage } : {}) };
    // The start-up error screen loads only when start-up fails; should even that fail, the message shows plain.
    const { StartupError } = await import(
      /* webpackChunkName: "startup-error" */ "./components/StartupError"
    ).catch(() => ({ StartupError: ({ message: text }: typeof props) => <p role="alert">{text}</p> }));
    root.render(<StartupError {...props} />);
  }
}

const container = document.getElementById("root");
if (container) void start(createRoot(container));

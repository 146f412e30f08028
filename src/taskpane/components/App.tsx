// The pane: follows the selected item and shows its state (loading, nothing selected, failure, or the item).
import { Button, Spinner } from "@fluentui/react-components";
import { Suspense, useEffect, useState } from "react";
import type { StoreError } from "../../domain/errors";
import type { MatchingPolicy } from "../../domain/matching";
import type { InteractionStorePort, MailboxPort, ProvisionSummary } from "../../domain/ports";
import type { ComposeLoggingPort } from "../../domain/send-log";
import { canAdoptSendLogs } from "../../domain/send-log";
import { useItemContext } from "../hooks/useItemContext";
import { useI18n } from "../i18n";
import { FormMemory } from "../model/form-memory";
import { LogGate } from "../model/log-gate";
import { asStoreError } from "../model/store-error";
import { ErrorState } from "./ErrorState";
import { useContactsPanel } from "./contacts/useContactsPanel";
import type { ContentKeeping } from "../hooks/useKeepContent";
import { ItemView } from "./ItemView";
import { usePaneStyles } from "./Pane.styles";
import { ListCheck } from "./ListCheck";
import { PendingOutbox } from "./PendingOutbox";
import { lazyView } from "./lazy-view";

// Log on send (the compose switch, "log pending" on a sent copy): loaded with the item, not with the first paint.
const LogOnSend = lazyView(() =>
  import(/* webpackChunkName: "log-on-send" */ "./LogOnSend").then((m) => m.LogOnSend),
);

export interface AppProps {
  mailbox: MailboxPort;
  store: InteractionStorePort;
  policy: MatchingPolicy;
  /** How often the outbox is retried while something is pending; defaults to a minute. */
  outboxIntervalMs?: number;
  /** Log on send (the user's setting, this mail's switch, the sent copy's marker); absent where unsupported. */
  composeLogging?: ComposeLoggingPort;
  /** Whether this user sees "Delete canceled entries"; everyone by default. */
  canDeleteCanceled?: boolean;
  /** Keeping the mail with the entry (issue 15); absent where the host cannot read mail content. */
  keeping?: ContentKeeping;
}

export function App({
  mailbox,
  store,
  policy,
  outboxIntervalMs,
  composeLogging,
  canDeleteCanceled = true,
  keeping,
}: AppProps) {
  const i18n = useI18n();
  const styles = usePaneStyles();
  const [logGate] = useState(() => new LogGate());
  const [formMemory] = useState(() => new FormMemory());
  const { state, reload } = useItemContext(mailbox, store, policy, logGate);
  const contacts = useContactsPanel({
    store,
    user: mailbox.user,
    itemKey: state.status === "ready" ? state.loadId : undefined,
    onLogged: () => setOutboxKey((k) => k + 1),
  });
  const [outboxKey, setOutboxKey] = useState(0);
  // Bumped when the outbox sent something: the shown history may have new entries.
  const [sentKey, setSentKey] = useState(0);
  const [provisioning, setProvisioning] = useState(false);
  // The item read, also when only its context failed (SharePoint unreachable): log on send needs no network.
  const readItem =
    state.status === "ready"
      ? { correspondence: state.context.correspondence, loadId: state.loadId }
      : state.status === "error" && state.item
        ? { correspondence: state.item, loadId: state.loadId }
        : undefined;
  // A send handler (another runtime) may have left a log for the pane to write: look again at every item read.
  const loadedId = readItem?.loadId;
  useEffect(() => {
    if (loadedId !== undefined) setOutboxKey((k) => k + 1);
  }, [loadedId]);
  const [provisionError, setProvisionError] = useState<StoreError | undefined>();
  const [provisionReport, setProvisionReport] = useState<ProvisionSummary | undefined>();

  const provision = async () => {
    setProvisioning(true);
    setProvisionError(undefined);
    try {
      // The report names what could not be done (e.g. DedupeKey left without unique values): shown, not dropped.
      setProvisionReport(await store.provisionLists());
      reload();
    } catch (e) {
      setProvisionError(asStoreError(e));
    } finally {
      setProvisioning(false);
    }
  };

  const retry = () => {
    setProvisionError(undefined);
    reload();
  };

  // Log on send: the compose switch and the user's setting, or "log pending" on a sent copy. Shown with the item,
  // and also beside the error when only the item's context failed: the item and its marker are read offline.
  const logOnSend = composeLogging && readItem && (
    <Suspense fallback={null}>
      <LogOnSend
        key={`log-on-send-${readItem.loadId}`}
        port={composeLogging}
        mode={readItem.correspondence.mode}
        loggedCount={
          state.status === "ready" ? state.context.alreadyLogged.filter((e) => !e.canceled).length : 0
        }
        onPending={(marker) => {
          // The send-time log may have been kept on another device: the sent copy is enough to write it.
          if (!canAdoptSendLogs(store)) return;
          const intent = {
            id: marker.id,
            correspondence: readItem.correspondence,
            user: mailbox.user,
            queuedAt: marker.at,
            attempts: 0,
          };
          store.adoptSendLog(intent).then(
            (taken) => taken && setOutboxKey((k) => k + 1),
            () => undefined,
          );
        }}
      />
    </Suspense>
  );

  let body;
  if (provisionError) body = <ErrorState error={provisionError} onRetry={retry} />;
  else if (state.status === "loading")
    body = (
      <div className={styles.centered}>
        <Spinner label={i18n.t("loadingItem")} />
      </div>
    );
  else if (state.status === "empty")
    body = (
      <section className={styles.section} aria-labelledby="no-item-heading">
        <h2 id="no-item-heading" className={styles.heading}>
          {i18n.t("noItemTitle")}
        </h2>
        <p className={styles.muted}>{i18n.t("noItem")}</p>
      </section>
    );
  else if (state.status === "error")
    body = (
      <>
        <ErrorState
          error={state.error}
          onRetry={retry}
          provisioning={provisioning}
          {...(state.error.kind === "notProvisioned" ? { onProvision: () => void provision() } : {})}
        />
        {logOnSend}
      </>
    );
  else
    body = (
      <>
        <ItemView
          key={state.loadId}
          context={state.context}
          store={store}
          logGate={logGate}
          formMemory={formMemory}
          user={mailbox.user}
          refreshKey={sentKey}
          canDeleteCanceled={canDeleteCanceled}
          onLogged={() => setOutboxKey((k) => k + 1)}
          mailbox={mailbox}
          onOpenContact={contacts.openContact}
          {...(keeping ? { keeping } : {})}
          {...(contacts.addRequest ? { addRequest: contacts.addRequest } : {})}
          {...(state.context.correspondence.mode === "compose"
            ? {
                // Outlook tells a pinned pane when the selection changes, not when a draft is edited. Below the
                // contact card: the top of the narrow pane says who the item is about.
                afterCard: (
                  <section className={styles.section} aria-label={i18n.t("rereadDraft")}>
                    <p id="reread-draft-hint" className={styles.muted}>
                      {i18n.t("rereadDraftHint")}
                    </p>
                    <Button aria-describedby="reread-draft-hint" onClick={reload}>
                      {i18n.t("rereadDraft")}
                    </Button>
                  </section>
                ),
              }
            : {})}
        />
        {logOnSend}
      </>
    );

  return (
    <main className={styles.root} aria-labelledby="app-title" aria-busy={state.status === "loading"}>
      <h1 id="app-title" className={styles.title}>
        {i18n.t("appTitle")}
      </h1>
      <PendingOutbox
        store={store}
        refreshKey={outboxKey}
        started={state.status !== "loading"}
        onSent={() => {
          setSentKey((k) => k + 1);
          // SharePoint answers (and the user is signed in) again: an item whose context could not be read for that
          // reason is read again, so a sent copy no longer says "Log pending" once its log is written.
          if (
            state.status === "error" &&
            (state.error.kind === "offline" || state.error.kind === "unauthenticated") &&
            !provisionError
          )
            reload();
        }}
        {...(outboxIntervalMs !== undefined ? { intervalMs: outboxIntervalMs } : {})}
      />
      <ListCheck
        store={store}
        started={state.status !== "loading"}
        {...(provisionReport ? { report: provisionReport } : {})}
        onDismissReport={() => setProvisionReport(undefined)}
        onProvision={() => void provision()}
        provisioning={provisioning}
      />
      <div className={styles.actions}>{contacts.button}</div>
      {contacts.panel}
      {/* Hidden, not unmounted, while a contact is open: the item's form keeps what was typed. */}
      <div className={contacts.isOpen ? undefined : styles.section} hidden={contacts.isOpen}>
        {body}
      </div>
    </main>
  );
}

// Logs kept on this device until SharePoint can be reached. They are sent automatically (see usePendingLogs);
// "Send now" is there for the impatient and also retries the logs that failed for good. Those are listed with their
// error and can be discarded (after a confirmation): nothing else ever removes a pending log. Failures stay in this
// indicator: no dialog, no alert. When a background run needs the user to sign in, the button says so ("Sign in
// to send N pending logs") and nothing pops up until it is clicked. Logs of other accounts are only counted.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { Suspense } from "react";
import type { InteractionStorePort } from "../../domain/ports";
import { usePendingLogs } from "../hooks/usePendingLogs";
import { useI18n } from "../i18n";
import { lazyView } from "./lazy-view";
import { usePaneStyles } from "./Pane.styles";

// Logs SharePoint refused for good are rare: the list that lets the user send them again or discard them loads
// when there is one.
const PendingFailedLogs = lazyView(() =>
  import(/* webpackChunkName: "pending-failed" */ "./PendingFailedLogs").then((m) => m.PendingFailedLogs),
);

export interface PendingOutboxProps {
  store: InteractionStorePort;
  refreshKey: number;
  /** True once the pane finished its first item load: automatic sending starts then. */
  started: boolean;
  /** After a run that sent something. */
  onSent?: (sent: number) => void;
  intervalMs?: number;
}

export function PendingOutbox({ store, refreshKey, started, onSent, intervalMs }: PendingOutboxProps) {
  const i18n = useI18n();
  const styles = usePaneStyles();
  const pending = usePendingLogs(store, refreshKey, {
    started,
    ...(onSent ? { onSent } : {}),
    ...(intervalMs !== undefined ? { intervalMs } : {}),
  });
  return (
    <div role="status" aria-live="polite" data-testid="pending-outbox">
      {pending.count > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <div>
              {i18n.plural("pendingCount", pending.count)}
              {pending.error && !pending.signInNeeded && ` — ${i18n.storeError(pending.error.kind)}`}
            </div>
            {pending.signInNeeded ? (
              <div className={styles.details}>{i18n.t("signInToSendHint")}</div>
            ) : (
              pending.lastError && (
                <div className={styles.details}>
                  {i18n.t("pendingLastError", { message: pending.lastError })}
                </div>
              )
            )}
          </MessageBarBody>
          <MessageBarActions>
            {pending.signInNeeded && !pending.sending ? (
              <Button appearance="primary" onClick={() => void pending.sendNow()}>
                {i18n.plural("signInToSend", pending.count)}
              </Button>
            ) : (
              <Button onClick={() => void pending.sendNow()} disabled={pending.sending}>
                {pending.sending ? i18n.t("sending") : i18n.t("sendNow")}
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}
      {pending.elsewhere > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{i18n.plural("pendingElsewhere", pending.elsewhere)}</MessageBarBody>
        </MessageBar>
      )}
      {pending.failed.length > 0 && (
        <Suspense fallback={null}>
          <PendingFailedLogs failed={pending.failed} sending={pending.sending} discard={pending.discard} />
        </Suspense>
      )}
      {pending.count === 0 && pending.lastSent !== undefined && pending.lastSent > 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{i18n.plural("sentCount", pending.lastSent)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

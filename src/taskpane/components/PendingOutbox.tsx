// Logs kept on this device until SharePoint can be reached. They are sent automatically (see usePendingLogs);
// "Send now" is there for the impatient and also retries the logs that failed for good. Those are listed with their
// error and can be discarded (after a confirmation): nothing else ever removes a pending log. Failures stay in this
// indicator: no dialog, no alert. When a background run needs the user to sign in, the button says so ("Sign in
// to send N pending logs") and nothing pops up until it is clicked. Logs of other accounts are only counted.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { InteractionStorePort, PendingLog } from "../../domain/ports";
import { usePendingLogs } from "../hooks/usePendingLogs";
import { useI18n } from "../i18n";
import { asStoreError } from "../model/store-error";
import { usePaneStyles } from "./Pane.styles";

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
        <section aria-labelledby="pending-failed-heading" className={styles.section}>
          <h2 id="pending-failed-heading" className={styles.heading}>
            {i18n.t("pendingFailedHeading")}
          </h2>
          <div className={styles.details}>{i18n.t("pendingFailedHint")}</div>
          <ul className={styles.list} data-testid="pending-failed">
            {pending.failed.map((log) => (
              <FailedLog key={log.id} log={log} disabled={pending.sending} discard={pending.discard} />
            ))}
          </ul>
        </section>
      )}
      {pending.count === 0 && pending.lastSent !== undefined && pending.lastSent > 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{i18n.plural("sentCount", pending.lastSent)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** "Jane Doe, Acme — Quote": who and what, for the eye and for the buttons' accessible names. */
function describe(log: PendingLog): string {
  const who = log.request.contacts.map((c) => c.name || c.contactNo).join(", ");
  const what = log.request.draft.description.trim();
  return what ? `${who} — ${what}` : who;
}

function FailedLog({
  log,
  disabled,
  discard,
}: {
  log: PendingLog;
  disabled: boolean;
  discard: (id: string) => Promise<void>;
}) {
  const i18n = useI18n();
  const styles = usePaneStyles();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const discardRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const what = describe(log);

  // Focus follows the step: onto "Yes, discard" when asked, back onto "Discard" when kept.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) discardRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await discard(log.id);
    } catch (e) {
      setError(asStoreError(e).message);
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <li data-testid="pending-failed-log">
      <div>{what}</div>
      {log.lastError && (
        <div className={styles.details}>{i18n.t("pendingFailedError", { message: log.lastError })}</div>
      )}
      {error && <div className={styles.details}>{i18n.t("pendingDiscardFailed", { message: error })}</div>}
      {confirming ? (
        <div className={styles.actions}>
          <span>{i18n.t("pendingDiscardConfirm")}</span>
          <Button
            ref={confirmRef}
            appearance="primary"
            disabled={busy}
            aria-label={i18n.t("pendingDiscardYesLabel", { what })}
            onClick={() => void confirm()}
          >
            {i18n.t("pendingDiscardYes")}
          </Button>
          <Button disabled={busy} onClick={() => setConfirming(false)}>
            {i18n.t("pendingDiscardKeep")}
          </Button>
        </div>
      ) : (
        <div className={styles.actions}>
          <Button
            ref={discardRef}
            disabled={disabled}
            aria-label={i18n.t("pendingDiscardLabel", { what })}
            onClick={() => setConfirming(true)}
          >
            {i18n.t("pendingDiscard")}
          </Button>
        </div>
      )}
    </li>
  );
}

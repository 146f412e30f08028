// The logs SharePoint refused for good (template deleted, no right, …): each can be discarded after a confirmation;
// "Send now" above retries them.
import { Button } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { PendingLog } from "../../domain/ports";
import { useI18n } from "../i18n";
import { asStoreError } from "../model/store-error";
import { usePaneStyles } from "./Pane.styles";

export interface PendingFailedLogsProps {
  failed: PendingLog[];
  sending: boolean;
  discard: (id: string) => Promise<void>;
}

export function PendingFailedLogs({ failed, sending, discard }: PendingFailedLogsProps) {
  const i18n = useI18n();
  const styles = usePaneStyles();
  return (
    <section aria-labelledby="pending-failed-heading" className={styles.section}>
      <h2 id="pending-failed-heading" className={styles.heading}>
        {i18n.t("pendingFailedHeading")}
      </h2>
      <div className={styles.details}>{i18n.t("pendingFailedHint")}</div>
      <ul className={styles.list} data-testid="pending-failed">
        {failed.map((log) => (
          <FailedLog key={log.id} log={log} disabled={sending} discard={discard} />
        ))}
      </ul>
    </section>
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

// The logs SharePoint refused for good (template deleted, no right, …): each can be discarded after a confirmation;
// "Send now" above retries them. A change to logged entries kept offline (cancel, un-cancel, edit) says which, in
// the user's language.
import { Button } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { changeDescription } from "../../domain/entry-changes";
import type { PendingChange, PendingLog } from "../../domain/ports";
import { useI18n, type MessageKey, type Translator } from "../i18n";
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

const CHANGE_KEYS: Record<PendingChange["kind"], MessageKey> = {
  cancel: "pendingChangeCancel",
  uncancel: "pendingChangeUncancel",
  edit: "pendingChangeEdit",
};

/**
 * "Jane Doe, Acme — Quote" (a log) or "Jane Doe — Cancel: Quote" (a change): who and what, for the eye and for
 * the buttons' accessible names.
 */
function describe(log: PendingLog, i18n: Translator): string {
  const who = log.request.contacts.map((c) => c.name || c.contactNo).join(", ");
  let what = log.request.draft.description.trim();
  const change = log.change;
  if (change) {
    const segments = change.segmentIds?.length
      ? i18n.t("pendingChangeSegment", { ids: change.segmentIds.join(", ") })
      : "";
    const subject = [changeDescription(what), segments && (what ? `(${segments})` : segments)]
      .filter(Boolean)
      .join(" ");
    what = i18n.t(CHANGE_KEYS[change.kind], { what: subject });
  } else if (log.content) {
    what = i18n.t("pendingContent", { what });
  }
  return what && who ? `${who} — ${what}` : what || who;
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
  const what = describe(log, i18n);

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

// Logs kept on this device until SharePoint can be reached. They are sent automatically (see usePendingLogs);
// "Send now" is there for the impatient. Failures stay in this indicator: no dialog, no alert.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { InteractionStorePort } from "../../domain/ports";
import { usePendingLogs } from "../hooks/usePendingLogs";
import { useI18n } from "../i18n";
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
              {pending.error && ` — ${i18n.storeError(pending.error.kind)}`}
            </div>
            {pending.lastError && (
              <div className={styles.details}>
                {i18n.t("pendingLastError", { message: pending.lastError })}
              </div>
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void pending.sendNow()} disabled={pending.sending}>
              {pending.sending ? i18n.t("sending") : i18n.t("sendNow")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {pending.count === 0 && pending.lastSent !== undefined && pending.lastSent > 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{i18n.plural("sentCount", pending.lastSent)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

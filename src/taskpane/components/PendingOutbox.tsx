// Logs kept on this device until SharePoint can be reached, with a way to send them now.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { InteractionStorePort } from "../../domain/ports";
import { usePendingLogs } from "../hooks/usePendingLogs";
import { useI18n } from "../i18n";

export function PendingOutbox({ store, refreshKey }: { store: InteractionStorePort; refreshKey: number }) {
  const i18n = useI18n();
  const pending = usePendingLogs(store, refreshKey);
  return (
    <div role="status" aria-live="polite">
      {pending.count > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {i18n.plural("pendingCount", pending.count)}
            {pending.error && ` — ${i18n.storeError(pending.error.kind)}`}
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

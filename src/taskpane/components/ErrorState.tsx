// Explains a failure by its kind, in the user's language, with the action that can fix it.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { StoreError } from "../../domain/errors";
import { useI18n } from "../i18n";
import { errorDetails } from "../model/store-error";
import { usePaneStyles } from "./Pane.styles";

export interface ErrorStateProps {
  error: StoreError;
  onRetry?: () => void;
  /** Offered when the lists are missing; only an administrator's account will succeed. */
  onProvision?: () => void;
  provisioning?: boolean;
}

export function ErrorState({ error, onRetry, onProvision, provisioning = false }: ErrorStateProps) {
  const i18n = useI18n();
  const styles = usePaneStyles();
  const showDetails = error.kind === "unknown" || error.kind === "invalid";
  return (
    <div role="alert">
      <MessageBar intent={error.kind === "notProvisioned" ? "warning" : "error"} layout="multiline">
        <MessageBarBody>
          <div>{i18n.storeError(error.kind)}</div>
          {error.kind === "notProvisioned" && onProvision && <div>{i18n.t("errorNotProvisionedAdmin")}</div>}
          {showDetails && (
            <div className={styles.details}>{i18n.t("errorDetails", { details: errorDetails(error) })}</div>
          )}
        </MessageBarBody>
        <MessageBarActions>
          {error.kind === "notProvisioned" && onProvision && (
            <Button appearance="primary" onClick={onProvision} disabled={provisioning}>
              {provisioning ? i18n.t("provisioning") : i18n.t("provisionLists")}
            </Button>
          )}
          {onRetry && <Button onClick={onRetry}>{i18n.t("retry")}</Button>}
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}

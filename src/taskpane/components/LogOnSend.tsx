// Who decides about logging on send: the user's setting (roaming, off by default) and, while composing, this
// mail's own "Log when sent" switch, which starts from the setting. On a sent item, what the send did.
import { Checkbox, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ComposeLoggingPort, SendLogMarker } from "../../domain/send-log";
import { shouldLogOnSend } from "../../domain/send-log";
import { useI18n } from "../i18n";
import { usePaneStyles } from "./Pane.styles";

export interface LogOnSendProps {
  port: ComposeLoggingPort;
  mode: "read" | "compose";
  /** Entries already logged for the item: a pending marker with entries is no longer pending. */
  loggedCount: number;
  /** A sent item still pending: the pane makes sure the log is kept here (it may come from another device). */
  onPending?(marker: SendLogMarker): void;
}

export function LogOnSend({ port, mode, loggedCount, onPending }: LogOnSendProps) {
  const i18n = useI18n();
  const styles = usePaneStyles();
  const [userDefault, setUserDefault] = useState(() => port.logOnSendDefault());
  const [perMail, setPerMail] = useState<boolean | undefined>();
  const [marker, setMarker] = useState<SendLogMarker | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    if (mode === "compose")
      port.readLogOnSend().then(
        (v) => live && setPerMail(v),
        () => undefined,
      );
    else
      port.readSendLog().then(
        (m) => {
          if (!live) return;
          setMarker(m);
          if (m?.state === "pending" && loggedCount === 0) onPending?.(m);
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
    // Read once per item: the component is keyed by the item load.
  }, [port, mode]);

  const fail = (e: unknown) =>
    setError(i18n.t("logOnSendSaveFailed", { message: e instanceof Error ? e.message : String(e) }));

  const changeDefault = (on: boolean) => {
    setError(undefined);
    setUserDefault(on);
    port.setLogOnSendDefault(on).catch((e: unknown) => {
      setUserDefault(!on);
      fail(e);
    });
  };

  const changePerMail = (on: boolean) => {
    setError(undefined);
    setPerMail(on);
    port.writeLogOnSend(on).catch(fail);
  };

  return (
    <section className={styles.section} aria-label={i18n.t("logOnSendSetting")}>
      {mode === "compose" && (
        <Checkbox
          label={i18n.t("logWhenSent")}
          checked={shouldLogOnSend(perMail, userDefault)}
          onChange={(_, d) => changePerMail(d.checked === true)}
          aria-describedby="log-when-sent-hint"
        />
      )}
      {mode === "compose" && (
        <p id="log-when-sent-hint" className={styles.muted}>
          {i18n.t("logWhenSentHint")}
        </p>
      )}
      {mode === "read" && marker?.state === "pending" && loggedCount === 0 && (
        <MessageBar intent="warning" data-testid="send-log-pending">
          <MessageBarBody>{i18n.t("sendLogPending")}</MessageBarBody>
        </MessageBar>
      )}
      {mode === "read" && marker?.state === "nothing" && loggedCount === 0 && (
        <p className={styles.muted}>{i18n.t("sendLogNothing")}</p>
      )}
      <Checkbox
        label={i18n.t("logOnSendSetting")}
        checked={userDefault}
        onChange={(_, d) => changeDefault(d.checked === true)}
        aria-describedby="log-on-send-setting-hint"
      />
      <p id="log-on-send-setting-hint" className={styles.muted}>
        {i18n.t("logOnSendSettingHint")}
      </p>
      {error && (
        <div role="alert" className={styles.muted}>
          {error}
        </div>
      )}
    </section>
  );
}

// "Keep with the entry": nothing, an excerpt or the whole mail (issue 15), the attachments to keep, and a size
// warning before anything is logged. Part of the log form (locked with it while sending); loaded on demand.
import { Button, Checkbox, Field, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import { useId, useState } from "react";
import { allowedContentChoices, type ContentChoice } from "../../../domain/content-choice";
import { checkContentSize } from "../../../domain/mail-content";
import type { KeepContentState } from "../../hooks/useKeepContent";
import { knownParts } from "../../model/keep-run";
import { useI18n, type MessageKey } from "../../i18n";
import { usePaneStyles } from "../Pane.styles";
import { useContentStyles } from "./content.styles";
import { formatSize } from "./size";

const LABELS: Record<ContentChoice, MessageKey> = {
  none: "keepNone",
  excerpt: "keepExcerpt",
  full: "keepFull",
};

export interface KeepContentFieldProps {
  keep: KeepContentState;
}

export function KeepContentField({ keep }: KeepContentFieldProps) {
  const i18n = useI18n();
  const styles = useContentStyles();
  const pane = usePaneStyles();
  const legendId = useId();
  const [saveError, setSaveError] = useState<string | undefined>();
  const { info, choice } = keep;
  const choices = allowedContentChoices(keep.cap);
  const capped = keep.cap !== "full";
  // The ticked files, or (an .eml, Mailbox 1.14) every attachment: the .eml carries them all.
  const check = checkContentSize(knownParts(info, keep.keepIds), keep.limitBytes);
  const whole = choice === "full";

  return (
    <div className={pane.section}>
      <Field label={i18n.t("keepHeading")} hint={capped ? i18n.t("keepCapped") : undefined}>
        <Select value={choice} onChange={(_, d) => keep.setChoice(d.value as ContentChoice)}>
          {choices.map((c) => (
            <option key={c} value={c}>
              {i18n.t(LABELS[c])}
            </option>
          ))}
        </Select>
      </Field>
      {whole && info?.protected && (
        <MessageBar intent="warning">
          <MessageBarBody>{i18n.t("keepProtected")}</MessageBarBody>
        </MessageBar>
      )}
      {whole && !info?.protected && info?.whole === "eml" && (
        <p className={pane.muted}>{i18n.t("keepEml")}</p>
      )}
      {whole && !info?.protected && info?.whole === "html" && info.attachments.length > 0 && (
        <fieldset className={styles.group} aria-labelledby={legendId}>
          <legend id={legendId} className={styles.legend}>
            {i18n.t("keepAttachments")}
          </legend>
          {info.attachments.map((a) => (
            <Checkbox
              key={a.id}
              checked={keep.keepIds.has(a.id)}
              onChange={(_, d) => keep.toggleAttachment(a.id, d.checked === true)}
              label={
                a.cloud
                  ? i18n.t("keepAttachmentCloud", { name: a.name })
                  : i18n.t("keepAttachmentFile", { name: a.name, size: formatSize(i18n, a.size) })
              }
            />
          ))}
        </fieldset>
      )}
      {whole && !info?.protected && !check.ok && (
        <div role="alert">
          <MessageBar intent="warning">
            <MessageBarBody>
              {i18n.t(info?.whole === "eml" ? "keepTooLargeEml" : "keepTooLarge", {
                size: formatSize(i18n, check.totalBytes),
                limit: formatSize(i18n, check.limitBytes),
              })}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
      <div className={pane.actions}>
        {keep.isDefault ? (
          <span className={pane.muted}>{i18n.t("keepIsDefault")}</span>
        ) : (
          <Button
            size="small"
            onClick={() => {
              setSaveError(undefined);
              keep
                .saveDefault()
                .catch((e: unknown) =>
                  setSaveError(
                    i18n.t("keepDefaultFailed", { message: e instanceof Error ? e.message : String(e) }),
                  ),
                );
            }}
          >
            {i18n.t("keepMakeDefault")}
          </Button>
        )}
        {saveError && <span role="alert">{saveError}</span>}
      </div>
    </div>
  );
}

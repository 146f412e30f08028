// What happened to the mail's content after a log (issue 15): reading, upload progress, what was kept and where,
// or why not. Loaded on demand with the "Keep with the entry" field.
import { Link, MessageBar, MessageBarBody, ProgressBar, Spinner } from "@fluentui/react-components";
import type { KeepRun } from "../../hooks/useKeepContent";
import { useI18n } from "../../i18n";
import { safeWebLink } from "../../model/web-link";
import { ErrorState } from "../ErrorState";
import { formatSize } from "./size";

export interface KeepContentStatusProps {
  run: KeepRun;
  onRetry(): void;
}

export function KeepContentStatus({ run, onRetry }: KeepContentStatusProps) {
  const i18n = useI18n();
  if (run.phase === "reading") return <Spinner size="tiny" label={i18n.t("keepReading")} />;
  if (run.phase === "uploading") {
    const label = i18n.t("keepUploading", {
      sent: formatSize(i18n, run.sent),
      total: formatSize(i18n, run.total),
    });
    return (
      <div data-testid="keep-progress">
        <div>{label}</div>
        <ProgressBar
          value={run.total > 0 ? run.sent / run.total : 0}
          max={1}
          aria-label={i18n.t("keepUploadingLabel")}
          aria-valuetext={label}
        />
      </div>
    );
  }
  if (run.phase === "failed" && run.error)
    return (
      <>
        <div>{i18n.t("keepFailed", { message: i18n.storeError(run.error.kind) })}</div>
        <ErrorState error={run.error} onRetry={onRetry} />
      </>
    );
  const result = run.result;
  if (!result) return null;
  const message = (() => {
    if (result.queued) return { intent: "warning" as const, text: i18n.t("keepQueued") };
    if (result.notCopied) return { intent: "warning" as const, text: i18n.t("keepNotCopied") };
    if (result.refusedSize)
      return {
        intent: "warning" as const,
        text: i18n.t("keepRefused", {
          size: formatSize(i18n, result.refusedSize.totalBytes),
          limit: formatSize(i18n, result.refusedSize.limitBytes),
        }),
      };
    if (result.kept === "full" && result.documentUrl)
      return {
        intent: "success" as const,
        text: i18n.plural("keepDoneFull", result.uploaded.length + result.reused.length),
      };
    if (result.kept !== "none" && result.bodyExcerpt)
      return { intent: "success" as const, text: i18n.t("keepDoneExcerpt") };
    return undefined;
  })();
  if (!message) return null;
  return (
    <MessageBar intent={message.intent} layout="multiline" data-testid="keep-result">
      <MessageBarBody>
        <div>{message.text}</div>
        {result.unreadable?.length ? (
          <div>{i18n.t("keepUnreadable", { names: result.unreadable.join(", ") })}</div>
        ) : null}
        {safeWebLink(result.documentUrl) && (
          <Link href={safeWebLink(result.documentUrl)} target="_blank" rel="noopener noreferrer">
            {i18n.t("keepOpenFolder")}
          </Link>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

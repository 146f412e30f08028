// Keeping a mail's content (issue 15), loaded on demand with the first log that keeps something: the keeper over
// the store's own site, and what the outbox replays when an upload could not finish.
import type { KeepContentRequest, KeepContentResult } from "../../domain/content-ports";
import { effectiveContentChoice, type ContentChoice } from "../../domain/mail-content";
import { ContentKeeper } from "./content-keeper";
import type { StoreCore } from "./store-core";

export interface ContentSettings {
  /** ILO_KEEP_CONTENT_MAX. */
  cap?: ContentChoice;
  /** ILO_KEEP_CONTENT_LIMIT_MB in bytes. */
  limitBytes?: number;
  /** Deadline of one upload request. */
  timeoutMs?: number;
}

export function keepContent(
  core: StoreCore,
  settings: ContentSettings,
  request: KeepContentRequest,
  onProgress?: (sent: number, total: number) => void,
  /** An outbox run's signal: its uploads stop when the run is aborted (its deadline), like its Graph requests. */
  signal?: AbortSignal,
): Promise<KeepContentResult> {
  const keeper = new ContentKeeper({
    ...(signal ? { signal } : {}),
    site: core.deps.site,
    ...(settings.cap ? { cap: settings.cap } : {}),
    ...(settings.limitBytes ? { limitBytes: settings.limitBytes } : {}),
    ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  return keeper.keep(request);
}

/** What the pane hears when the content waits in the outbox. */
export function queuedResult(settings: ContentSettings, request: KeepContentRequest): KeepContentResult {
  return {
    kept: effectiveContentChoice(request.choice, settings.cap ?? "full"),
    uploaded: [],
    reused: [],
    queued: true,
    ...(request.notCopied ? { notCopied: request.notCopied } : {}),
  };
}

// Keeping the mail with the entry (issue 15): the user's choice for this log (nothing, an excerpt, the whole mail)
// and the attachments to keep; once the log is written, the content is read and kept (model/keep-run.ts, loaded
// on demand with the first log that keeps something).
import { useCallback, useEffect, useRef, useState } from "react";
import type {
  ContentStorePort,
  KeepContentResult,
  MailContentInfo,
  MailContentPort,
} from "../../domain/content-ports";
import { effectiveContentChoice, type ContentChoice } from "../../domain/content-choice";
import type { StoreError } from "../../domain/errors";
import type { LogRequest, LogResult } from "../../domain/ports";
import type { Correspondence } from "../../domain/types";
import { asStoreError } from "../model/store-error";

/** What the composition root gives the pane for keeping content; absent where the host cannot read mail. */
export interface ContentKeeping {
  source: MailContentPort;
  /** The administrator's cap (ILO_KEEP_CONTENT_MAX). */
  cap: ContentChoice;
  /** Per source item (ILO_KEEP_CONTENT_LIMIT_MB). */
  limitBytes: number;
}

/** Without a saved default, a log keeps the excerpt: useful in history, and no files leave the mailbox. */
export const FALLBACK_CHOICE: ContentChoice = "excerpt";

export interface KeepRun {
  phase: "reading" | "uploading" | "done" | "failed";
  /** Bytes sent and to send while uploading. */
  sent: number;
  total: number;
  result?: KeepContentResult;
  error?: StoreError;
}

export interface KeepContentState {
  /** A mail in read mode, and keeping is possible here. */
  applicable: boolean;
  info?: MailContentInfo;
  cap: ContentChoice;
  choice: ContentChoice;
  setChoice(choice: ContentChoice): void;
  /** Attachments (ids) kept with "the whole mail". */
  keepIds: ReadonlySet<string>;
  toggleAttachment(id: string, keep: boolean): void;
  limitBytes: number;
  /** The choice is the user's saved default. */
  isDefault: boolean;
  saveDefault(): Promise<void>;
  run?: KeepRun;
  /** When the user presses Log (validation passed): reads the mail while it is the selected item. */
  beforeLog(): void;
  /** After a log: keeps the content with the entries it wrote (or will write, when it waits in the outbox). */
  keepAfterLog(result: LogResult, request: LogRequest): Promise<void>;
  retry(): void;
}

export function useKeepContent(
  correspondence: Correspondence,
  keeping: ContentKeeping | undefined,
  store: ContentStorePort,
): KeepContentState {
  const applicable = !!keeping && correspondence.kind === "email" && correspondence.mode === "read";
  const cap = keeping?.cap ?? "none";
  const [saved, setSaved] = useState<ContentChoice | undefined>();
  const [choice, setChoice] = useState<ContentChoice>(() => effectiveContentChoice(FALLBACK_CHOICE, cap));
  const touched = useRef(false);
  const [info, setInfo] = useState<MailContentInfo | undefined>();
  const [keepIds, setKeepIds] = useState<ReadonlySet<string>>(new Set());
  const [run, setRun] = useState<KeepRun | undefined>();
  const last = useRef<{ result: LogResult; request: LogRequest } | undefined>(undefined);

  useEffect(() => {
    if (!applicable || !keeping) return;
    let live = true;
    keeping.source.defaultChoice().then(
      (value) => {
        if (!live || !value) return;
        setSaved(value);
        if (!touched.current) setChoice(effectiveContentChoice(value, cap));
      },
      () => undefined,
    );
    keeping.source.describe().then(
      (described) => {
        if (!live || !described) return;
        setInfo(described);
        setKeepIds(new Set(described.attachments.map((a) => a.id)));
      },
      // Without the description the attachments cannot be listed; the whole mail is still read at log time.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [applicable, keeping, cap]);

  const choose = useCallback((value: ContentChoice) => {
    touched.current = true;
    setChoice(value);
  }, []);

  const toggleAttachment = useCallback((id: string, keep: boolean) => {
    setKeepIds((ids) => {
      const next = new Set(ids);
      if (keep) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const saveDefault = useCallback(async () => {
    if (!keeping) return;
    await keeping.source.setDefaultChoice(choice);
    setSaved(choice);
  }, [keeping, choice]);

  const prepared = useRef<Promise<import("../model/keep-run").PreparedRead> | undefined>(undefined);
  const loadRun = () => import(/* webpackChunkName: "keep-content" */ "../model/keep-run");

  /** When the user presses Log: the mail is read now, while it is still the selected item. */
  const beforeLog = useCallback(() => {
    prepared.current = undefined;
    if (!applicable || !keeping || choice === "none") return;
    prepared.current = loadRun().then((m) =>
      m.readForKeep({
        source: keeping.source,
        choice,
        limitBytes: keeping.limitBytes,
        ...(info ? { info } : {}),
        keepIds,
        ...(correspondence.itemId ? { itemId: correspondence.itemId } : {}),
      }),
    );
    // Failures come back inside the result; this only keeps an early rejection from going unhandled.
    prepared.current.catch(() => undefined);
  }, [applicable, keeping, choice, info, keepIds, correspondence.itemId]);

  const keepAfterLog = useCallback(
    async (result: LogResult, request: LogRequest) => {
      const sourceId = correspondence.sourceId;
      if (!applicable || !keeping || choice === "none" || !sourceId) return;
      last.current = { result, request };
      try {
        if (!prepared.current) beforeLog();
        const { finishKeep } = await loadRun();
        await finishKeep({ store, sourceId, choice, result, request }, prepared.current!, setRun);
      } catch (e) {
        setRun({ phase: "failed", sent: 0, total: 0, error: asStoreError(e) });
      }
    },
    [applicable, keeping, choice, correspondence.sourceId, store, beforeLog],
  );

  // Retry keeps what was read (the mail may not be selected any more); a read that failed is tried again.
  const retry = useCallback(() => {
    const again = last.current;
    if (!again) return;
    void prepared.current?.then((p) => {
      if (p.error) prepared.current = undefined;
      void keepAfterLog(again.result, again.request);
    });
  }, [keepAfterLog]);

  return {
    applicable,
    ...(info ? { info } : {}),
    cap,
    choice,
    setChoice: choose,
    keepIds,
    toggleAttachment,
    limitBytes: keeping?.limitBytes ?? 0,
    isDefault: saved === choice,
    saveDefault,
    ...(run ? { run } : {}),
    beforeLog,
    keepAfterLog,
    retry,
  };
}

// Which entries have a change waiting in the device's outbox (cancel, un-cancel, edit), so that the entries view
// says so on their rows. Read from the outbox (on the device, no network) when the view opens, after every change
// made in it, and every few seconds while something waits; when a waiting change has left the outbox (sent, or
// discarded), the view is told, so it reads the entries again as stored now.
import { useCallback, useEffect, useRef, useState } from "react";
import type { InteractionStorePort, PendingChange, PendingLog } from "../../domain/ports";
import type { InteractionLogEntry } from "../../domain/types";

export const PENDING_POLL_MS = 5_000;

export type WaitingKind = PendingChange["kind"];

export interface WaitingChange {
  kinds: WaitingKind[];
  /** SharePoint refused one of them for good (a conflict, say): it waits for the user in the pending list. */
  failed: boolean;
}

export interface PendingEntryChanges {
  /** The changes waiting for this entry (its own, or its logged segment's); undefined when none. */
  waitingFor(entry: InteractionLogEntry): WaitingChange | undefined;
}

interface Waiting {
  byEntry: Map<string, WaitingChange>;
  bySegment: Map<string, WaitingChange>;
  /** Ids of the pending logs read, to notice the ones sent since. */
  logIds: Set<string>;
}

const EMPTY: Waiting = { byEntry: new Map(), bySegment: new Map(), logIds: new Set() };

function add(map: Map<string, WaitingChange>, key: string, log: PendingLog, kind: WaitingKind): void {
  const w = map.get(key) ?? { kinds: [], failed: false };
  if (!w.kinds.includes(kind)) w.kinds.push(kind);
  if (log.failed) w.failed = true;
  map.set(key, w);
}

function waitingOf(logs: PendingLog[]): Waiting {
  const out: Waiting = { byEntry: new Map(), bySegment: new Map(), logIds: new Set() };
  for (const log of logs) {
    const change = log.change;
    if (!change) continue;
    out.logIds.add(log.id);
    for (const e of change.entries) if (e.id) add(out.byEntry, e.id, log, change.kind);
    for (const s of change.segmentIds ?? []) add(out.bySegment, s, log, change.kind);
  }
  return out;
}

export function usePendingEntryChanges(
  store: InteractionStorePort,
  refreshKey: number,
  options: { intervalMs?: number; onSent?: () => void } = {},
): PendingEntryChanges {
  const { intervalMs = PENDING_POLL_MS } = options;
  const [waiting, setWaiting] = useState<Waiting>(EMPTY);
  const onSent = useRef(options.onSent);
  onSent.current = options.onSent;
  const last = useRef<Waiting>(EMPTY);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const read = useCallback(async () => {
    let logs: PendingLog[];
    try {
      logs = await store.pendingLogs();
    } catch {
      return; // the outbox could not be read: the rows keep what they showed
    }
    if (!mounted.current) return;
    const next = waitingOf(logs);
    const sent = [...last.current.logIds].some((id) => !next.logIds.has(id));
    last.current = next;
    setWaiting(next);
    if (sent) onSent.current?.();
  }, [store]);

  useEffect(() => {
    void read();
  }, [read, refreshKey]);

  const anything = waiting.logIds.size > 0;
  useEffect(() => {
    if (!anything) return;
    const timer = setInterval(() => void read(), intervalMs);
    return () => clearInterval(timer);
  }, [anything, read, intervalMs]);

  const waitingFor = useCallback(
    (entry: InteractionLogEntry): WaitingChange | undefined => {
      const own = entry.id ? waiting.byEntry.get(entry.id) : undefined;
      const seg = entry.loggedSegmentId ? waiting.bySegment.get(entry.loggedSegmentId) : undefined;
      if (!own || !seg) return own ?? seg;
      return { kinds: [...new Set([...own.kinds, ...seg.kinds])], failed: own.failed || seg.failed };
    },
    [waiting],
  );
  return { waitingFor };
}

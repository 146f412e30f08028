// Loads the selected item's context on start and on every selection change. A pinned pane can see several
// changes in quick succession; only the newest load may update the state.
import { useCallback, useEffect, useRef, useState } from "react";
import type { StoreError } from "../../domain/errors";
import type { MatchingPolicy } from "../../domain/matching";
import type { InteractionStorePort, ItemContext, MailboxPort } from "../../domain/ports";
import type { Correspondence } from "../../domain/types";
import { readWhenIdle, type LogGate } from "../model/log-gate";
import { asStoreError } from "../model/store-error";

/** How long recipient changes must settle before the draft is read again. */
export const RECIPIENTS_SETTLE_MS = 300;

export type ItemState =
  | { status: "loading" }
  | { status: "empty" }
  /**
   * `item`: the item itself when it was read and only its context failed (SharePoint unreachable): what needs no
   * network (log on send) can still be shown. `loadId` identifies the load, as in "ready".
   */
  | { status: "error"; error: StoreError; loadId: number; item?: Correspondence }
  | { status: "ready"; context: ItemContext; loadId: number };

/** `gate`: the logs of the shown item; reading the same item again waits for them (see LogGate). */
export function useItemContext(
  mailbox: MailboxPort,
  store: InteractionStorePort,
  policy: MatchingPolicy,
  gate?: LogGate,
): { state: ItemState; reload: () => void } {
  const [state, setState] = useState<ItemState>({ status: "loading" });
  const latest = useRef(0);
  // The policy is configuration: a new object with the same content must not reload the item.
  const policyRef = useRef(policy);
  policyRef.current = policy;

  /**
   * `again`: the same item read again ("soft": its recipients changed, and the current view stays until the new
   * one is ready); a log still running for it finishes first, so the new view shows it as logged.
   */
  const load = useCallback(
    async (again?: "soft" | "hard") => {
      const loadId = ++latest.current;
      // The item as last read by this load, kept for the error state when its context fails.
      let readItem: Correspondence | undefined;
      try {
        if (again && gate) await gate.idle();
        if (loadId !== latest.current) return;
        if (again !== "soft") setState({ status: "loading" });
        const read = async () => {
          readItem = undefined;
          const item = await mailbox.readCurrentItem();
          readItem = item ?? undefined;
          if (!item || loadId !== latest.current) return { item };
          return { item, context: await store.loadItemContext(item, policyRef.current) };
        };
        const { item, context } = again && gate ? await readWhenIdle(gate, read) : await read();
        if (loadId !== latest.current) return;
        if (!item || !context) {
          setState({ status: "empty" });
          return;
        }
        setState({ status: "ready", context, loadId });
      } catch (e) {
        if (loadId === latest.current)
          setState({
            status: "error",
            error: asStoreError(e),
            loadId,
            ...(readItem ? { item: readItem } : {}),
          });
      }
    },
    [mailbox, store, gate],
  );

  useEffect(() => {
    void load();
    const unsubscribe = mailbox.onItemChanged(() => void load());
    // Compose mode: a recipient added or removed (Outlook's RecipientsChanged) updates the pane by itself. Several
    // changes in a burst (a pasted list) read the draft once.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribeRecipients = mailbox.onRecipientsChanged(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void load("soft"), RECIPIENTS_SETTLE_MS);
    });
    return () => {
      unsubscribe();
      unsubscribeRecipients();
      clearTimeout(timer);
      // Anything still in flight belongs to an unmounted pane.
      latest.current++;
    };
  }, [load, mailbox]);

  const reload = useCallback(() => void load("hard"), [load]);
  return { state, reload };
}

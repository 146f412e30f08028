// One interaction log entry: date, template, direction, description, evaluation, attempt failed, cost,
// duration, with whom, who logged it, canceled, a change of it still waiting in the outbox; "Open in Outlook" for
// a stored https WebLink; the kept mail (issue 15: its excerpt and folder) when there is one; its actions. An
// entry whose logged segment is canceled offers "Un-cancel the logged segment"; an entry whose edit waits to be sent is not edited again until it was (a second edit would meet the
// first one's new eTag and be refused as a conflict).
import { Badge, Button, Link, mergeClasses } from "@fluentui/react-components";
import {
  ArrowDownLeft16Regular,
  ArrowUpRight16Regular,
  ChevronDown16Regular,
  ChevronUp16Regular,
  Open16Regular,
} from "@fluentui/react-icons";
import { Suspense, useId, useState } from "react";
import type { EntryEdit } from "../../../domain/ports";
import type { InteractionLogEntry, InteractionTemplate } from "../../../domain/types";
import type { WaitingChange, WaitingKind } from "../../hooks/usePendingEntryChanges";
import { useI18n, type MessageKey } from "../../i18n";
import { safeWebLink } from "../../model/web-link";
import { KeptToggle } from "../content/lazy";
import { EVALUATION_KEYS } from "../LogForm";
import { usePaneStyles } from "../Pane.styles";
import { useEntriesStyles } from "./EntriesView.styles";
import { EntryEditForm } from "./EntryEditForm";

export interface EntryRowProps {
  entry: InteractionLogEntry;
  templates: InteractionTemplate[];
  /** Say with whom (a company's, a segment's or a user's entries). */
  showContact: boolean;
  /** The segment's own entries are shown: no "show segment". */
  inSegment: boolean;
  busy: boolean;
  editing: boolean;
  /** Whether the entry's logged segment is canceled, once known. */
  segmentCanceled?: boolean;
  /** Changes of this entry still waiting in the outbox. */
  waiting?: WaitingChange;
  onEdit(open: boolean): void;
  onSave(edit: EntryEdit): Promise<boolean>;
  onCancel(): void;
  onUncancel(): void;
  onCancelSegment(): void;
  onUncancelSegment(): void;
  onShowSegment(): void;
  onFollowUp(): void;
  /** The actions were opened (the row may learn its segment's state then). */
  onOpenActions?(): void;
}

const WAITING_KEYS: Record<WaitingKind, MessageKey> = {
  cancel: "waitingCancel",
  uncancel: "waitingUncancel",
  edit: "waitingEdit",
};

export function EntryRow(props: EntryRowProps) {
  const { entry, templates, showContact, inSegment, busy, editing, segmentCanceled, waiting } = props;
  const editWaiting = Boolean(waiting && !waiting.failed && waiting.kinds.includes("edit"));
  const i18n = useI18n();
  const styles = useEntriesStyles();
  const pane = usePaneStyles();
  const template = templates.find((t) => t.code === entry.templateCode);
  const link = safeWebLink(entry.webLink);
  const direction =
    entry.informationFlow === "Outbound"
      ? { icon: <ArrowUpRight16Regular aria-hidden />, text: i18n.t("directionOutbound") }
      : entry.informationFlow === "Inbound"
        ? { icon: <ArrowDownLeft16Regular aria-hidden />, text: i18n.t("directionInbound") }
        : { icon: null, text: i18n.t("directionNone") };
  const title = entry.description || entry.templateCode;
  const actionsId = useId();
  const [open, setOpen] = useState(false);
  const run = (action: () => void) => {
    setOpen(false);
    action();
  };
  return (
    <li className={styles.row} data-testid="entry-row" data-entry-id={entry.id}>
      <div className={styles.line}>
        {direction.icon}
        <span className={pane.visuallyHidden}>{direction.text}</span>
        <span className={mergeClasses(styles.description, entry.canceled && styles.canceled)}>{title}</span>
        {entry.canceled && (
          <Badge appearance="filled" color="danger">
            {i18n.t("canceled")}
          </Badge>
        )}
        {entry.attemptFailed && (
          <Badge appearance="tint" color="warning">
            {i18n.t("attemptFailedShort")}
          </Badge>
        )}
        {waiting &&
          (waiting.failed ? (
            <Badge appearance="tint" color="danger">
              {i18n.t("waitingFailed")}
            </Badge>
          ) : (
            waiting.kinds.map((kind) => (
              <Badge key={kind} appearance="tint" color="informative" data-testid="entry-waiting">
                {i18n.t(WAITING_KEYS[kind])}
              </Badge>
            ))
          ))}
      </div>
      <div className={styles.meta}>
        {[
          i18n.formatDateTime(entry.interactionDate),
          template?.description ? `${template.description} (${entry.templateCode})` : entry.templateCode,
          showContact ? i18n.t("withContact", { name: entry.contactName || entry.contactNo }) : "",
        ]
          .filter(Boolean)
          .join(" · ")}
      </div>
      <div className={styles.meta}>
        {[
          entry.evaluation ? `${i18n.t("evaluation")}: ${i18n.t(EVALUATION_KEYS[entry.evaluation])}` : "",
          `${i18n.t("cost")}: ${i18n.formatNumber(entry.costLCY, 2)}`,
          i18n.t("minutes", { count: i18n.formatNumber(entry.durationMin) }),
          i18n.t("byUser", { user: entry.userId }),
        ]
          .filter(Boolean)
          .join(" · ")}
      </div>
      {entry.comment && <p className={styles.comment}>{entry.comment}</p>}
      {(entry.documentUrl || entry.bodyExcerpt) && (
        <Suspense fallback={null}>
          <KeptToggle entry={entry} />
        </Suspense>
      )}
      {editing ? (
        <EntryEditForm entry={entry} busy={busy} onSave={props.onSave} onClose={() => props.onEdit(false)} />
      ) : (
        <div className={styles.actions}>
          {link && (
            <Link href={link} target="_blank" rel="noopener noreferrer">
              <Open16Regular aria-hidden /> {i18n.t("openInOutlook")}
            </Link>
          )}
          <Button
            size="small"
            icon={open ? <ChevronUp16Regular /> : <ChevronDown16Regular />}
            disabled={busy}
            aria-expanded={open}
            aria-controls={actionsId}
            aria-label={i18n.t("entryActionsFor", { description: title })}
            onClick={() => {
              if (!open) props.onOpenActions?.();
              setOpen(!open);
            }}
          >
            {i18n.t("entryActions")}
          </Button>
        </div>
      )}
      {!editing && open && (
        // A disclosure rather than a menu: plain buttons in the row, reachable with Tab, no popup layer.
        <div
          id={actionsId}
          role="group"
          aria-label={i18n.t("entryActionsFor", { description: title })}
          className={styles.actions}
        >
          {entry.canceled ? (
            <Button size="small" disabled={busy} onClick={() => run(props.onUncancel)}>
              {i18n.t("uncancelEntry")}
            </Button>
          ) : (
            <Button size="small" disabled={busy} onClick={() => run(props.onCancel)}>
              {i18n.t("cancelEntry")}
            </Button>
          )}
          {entry.loggedSegmentId &&
            (segmentCanceled ? (
              <Button size="small" disabled={busy} onClick={() => run(props.onUncancelSegment)}>
                {i18n.t("uncancelSegmentAction")}
              </Button>
            ) : (
              <Button size="small" disabled={busy} onClick={() => run(props.onCancelSegment)}>
                {i18n.t("cancelSegment")}
              </Button>
            ))}
          {entry.loggedSegmentId && !inSegment && (
            <Button size="small" onClick={() => run(props.onShowSegment)}>
              {i18n.t("showSegment")}
            </Button>
          )}
          {!editWaiting && (
            <Button size="small" onClick={() => run(() => props.onEdit(true))}>
              {i18n.t("editEntry")}
            </Button>
          )}
          <Button size="small" onClick={() => run(props.onFollowUp)}>
            {i18n.t("logFollowUp")}
          </Button>
        </div>
      )}
    </li>
  );
}

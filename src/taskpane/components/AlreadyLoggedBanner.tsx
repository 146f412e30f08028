// "Logged for X, Y on <date> by <user>": one line per logging action found for this item.
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { InteractionLogEntry } from "../../domain/types";
import { useI18n } from "../i18n";

interface LogAction {
  names: string[];
  date: string;
  user: string;
}

/** Entries of one segment, or of one user at one moment, were one action. */
export function groupLogActions(entries: InteractionLogEntry[]): LogAction[] {
  const groups = new Map<string, LogAction>();
  for (const e of entries) {
    if (e.canceled) continue;
    const key = e.loggedSegmentId ? `s:${e.loggedSegmentId}` : `u:${e.userId}|${e.interactionDate}`;
    const group = groups.get(key) ?? { names: [], date: e.interactionDate, user: e.userId };
    const name = e.contactName || e.contactNo;
    if (!group.names.includes(name)) group.names.push(name);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function AlreadyLoggedBanner({ entries }: { entries: InteractionLogEntry[] }) {
  const i18n = useI18n();
  const actions = groupLogActions(entries);
  if (!actions.length) return null;
  const list = new Intl.ListFormat(i18n.locale, { type: "conjunction" });
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        {actions.map((a, i) => (
          <div key={i}>
            {i18n.t("alreadyLogged", {
              names: list.format(a.names),
              date: i18n.formatDateTime(a.date),
              user: a.user,
            })}
          </div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

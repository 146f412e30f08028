// The Interaction Log Entries window, in the pane: whose entries (the contact in view — a company's with its
// persons' —, a logged segment, or "logged by me"), filters, exact statistics once the first page is on screen,
// the entries newest first with "Load more", their actions, and Delete canceled entries for those allowed.
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
} from "@fluentui/react-components";
import { ArrowLeft16Regular, Delete16Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { EntryScope, InteractionStorePort } from "../../../domain/ports";
import type {
  Contact,
  InteractionGroup,
  InteractionLogEntry,
  InteractionTemplate,
  UserProfile,
} from "../../../domain/types";
import { useEntries } from "../../hooks/useEntries";
import { useEntryActions } from "../../hooks/useEntryActions";
import { useEntryTotals } from "../../hooks/useEntryTotals";
import { usePendingEntryChanges } from "../../hooks/usePendingEntryChanges";
import { useI18n } from "../../i18n";
import { EMPTY_FILTER, toEntryFilter, type FilterValues } from "../../model/entry-filter-values";
import { ErrorState } from "../ErrorState";
import { usePaneStyles } from "../Pane.styles";
import { TotalsLine } from "../TotalsLine";
import { DeleteCanceledPanel } from "./DeleteCanceledPanel";
import { EntryFilters } from "./EntryFilters";
import { EntryRow } from "./EntryRow";
import { FollowUpForm } from "./FollowUpForm";

export interface EntriesViewProps {
  store: InteractionStorePort;
  user: UserProfile;
  initialScope: EntryScope;
  /** The contact in view: its name labels the contact scope. */
  contact: Contact;
  templates: InteractionTemplate[];
  groups: InteractionGroup[];
  /** Whether this user may delete canceled entries (everyone by default). */
  canDeleteCanceled?: boolean;
  /** Back to the item; with the entries this view changed (canceled, un-canceled, edited). */
  onBack(changed: InteractionLogEntry[]): void;
  /** How often the outbox is read again while a change of a shown entry waits in it (tests shorten it). */
  pendingPollMs?: number;
}

type ScopeChoice = "contact" | "me" | "segment";

/** An optional prop only when it has a value (exactOptionalPropertyTypes). */
const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

export function EntriesView(props: EntriesViewProps) {
  const { store, user, contact, templates, groups, canDeleteCanceled = true, onBack } = props;
  const i18n = useI18n();
  const pane = usePaneStyles();
  const headingId = useId();
  const listHeadingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [scope, setScope] = useState<EntryScope>(props.initialScope);
  const [values, setValues] = useState<FilterValues>(EMPTY_FILTER);
  const filter = useMemo(() => toEntryFilter(scope, values), [scope, values]);
  const list = useEntries(store, filter);
  const [changes, setChanges] = useState(0);
  const totals = useEntryTotals(store, filter, list.firstPageDone, changes);
  const [editingId, setEditingId] = useState<string | undefined>();
  const [followUp, setFollowUp] = useState<InteractionLogEntry | undefined>();
  const [deleting, setDeleting] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();

  useEffect(() => heading.current?.focus(), [followUp]);

  const { replace, reload: reloadList } = list;
  const changedById = useRef(new Map<string, InteractionLogEntry>());
  const changed = useCallback(
    (entries: InteractionLogEntry[]) => {
      for (const e of entries) if (e.id) changedById.current.set(e.id, e);
      replace(entries);
      setChanges((c) => c + 1);
    },
    [replace],
  );
  const reload = useCallback(() => {
    // A reload (after a conflict, say) shows entries as stored now: an open editor would start from old values.
    setEditingId(undefined);
    reloadList();
    setChanges((c) => c + 1);
  }, [reloadList]);
  const actions = useEntryActions(store, { onChanged: changed, onReload: reload });
  // A change sent from the outbox meanwhile: the rows are read again as stored now.
  const pending = usePendingEntryChanges(store, changes, {
    onSent: reload,
    ...(props.pendingPollMs !== undefined ? { intervalMs: props.pendingPollMs } : {}),
  });

  const scopeChoice: ScopeChoice =
    scope.kind === "contact" ? "contact" : scope.kind === "user" ? "me" : "segment";
  const chooseScope = (choice: ScopeChoice) => {
    if (choice === "contact") setScope(props.initialScope);
    else if (choice === "me") setScope({ kind: "user", userId: user.emailAddress.toLowerCase() });
  };
  const showContact = !(scope.kind === "contact" && !scope.isCompany);

  if (followUp)
    return (
      <section className={pane.section} aria-labelledby={headingId}>
        <h2 id={headingId} ref={heading} tabIndex={-1} className={pane.heading}>
          {i18n.t("followUpFor", { name: followUp.contactName || followUp.contactNo })}
        </h2>
        <FollowUpForm
          store={store}
          user={user}
          entry={followUp}
          templates={templates}
          groups={groups}
          onClose={() => setFollowUp(undefined)}
          onLogged={(name) => {
            setFollowUp(undefined);
            setNotice(i18n.t("followUpLogged", { name }));
            reload();
          }}
        />
      </section>
    );

  return (
    <section className={pane.section} aria-labelledby={headingId}>
      <div className={pane.oneLine}>
        <h2 id={headingId} ref={heading} tabIndex={-1} className={pane.heading}>
          {i18n.t("entriesHeading")}
        </h2>
        <Button
          size="small"
          icon={<ArrowLeft16Regular />}
          onClick={() => onBack([...changedById.current.values()])}
        >
          {i18n.t("backToItem")}
        </Button>
      </div>
      <Field label={i18n.t("entriesScope")}>
        <Select value={scopeChoice} onChange={(_, d) => chooseScope(d.value as ScopeChoice)}>
          <option value="contact">{contact.name}</option>
          <option value="me">{i18n.t("scopeMine")}</option>
          {scope.kind === "segment" && (
            <option value="segment">{i18n.t("scopeSegment", { id: scope.segmentId })}</option>
          )}
        </Select>
      </Field>
      <EntryFilters values={values} templates={templates} groups={groups} onChange={setValues} />
      <TotalsLine state={totals.state} onRetry={totals.retry} label={i18n.t("entriesTotalsLabel")} />
      <div role="status" aria-live="polite">
        {notice && (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => setNotice(undefined)}>
                {i18n.t("dismiss")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {actions.message && actions.message.intent !== "error" && (
          <MessageBar intent={actions.message.intent}>
            <MessageBarBody>{actions.message.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div role="alert">
        {actions.message?.intent === "error" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{actions.message.text}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={actions.dismiss}>
                {i18n.t("dismiss")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      <h3 id={listHeadingId} className={pane.visuallyHidden}>
        {i18n.t("entriesListLabel")}
      </h3>
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      {!list.loading && !list.error && list.entries.length === 0 && (
        <p className={pane.muted}>{i18n.t("entriesEmpty")}</p>
      )}
      {list.entries.length > 0 && (
        <ul className={pane.list} aria-labelledby={listHeadingId}>
          {list.entries.map((e, i) => (
            <EntryRow
              key={e.id ?? `${e.dedupeKey}-${i}`}
              entry={e}
              templates={templates}
              showContact={showContact}
              inSegment={scope.kind === "segment"}
              busy={actions.busyId === e.id}
              editing={editingId !== undefined && editingId === e.id}
              {...optional("segmentCanceled", actions.segmentCanceled(e.loggedSegmentId))}
              {...optional("waiting", pending.waitingFor(e))}
              onEdit={(open) => setEditingId(open ? e.id : undefined)}
              onSave={(edit) => actions.edit(e, edit)}
              onCancel={() => void actions.cancel(e)}
              onUncancel={() => void actions.uncancel(e)}
              onCancelSegment={() => void actions.cancelSegment(e)}
              onUncancelSegment={() => void actions.uncancelSegment(e)}
              onOpenActions={() => actions.checkSegment(e)}
              onShowSegment={() =>
                e.loggedSegmentId && setScope({ kind: "segment", segmentId: e.loggedSegmentId })
              }
              onFollowUp={() => setFollowUp(e)}
            />
          ))}
        </ul>
      )}
      {list.loading && <Spinner size="tiny" label={i18n.t("loading")} />}
      {list.hasMore && !list.loading && <Button onClick={list.loadMore}>{i18n.t("loadMore")}</Button>}
      {canDeleteCanceled &&
        (deleting ? (
          <DeleteCanceledPanel
            store={store}
            contactNo={contact.contactNo}
            {...(contact.type === "Company"
              ? { company: { contactNo: contact.contactNo, name: contact.name } }
              : {})}
            templates={templates}
            groups={groups}
            onDeleted={reload}
            onClose={() => setDeleting(false)}
          />
        ) : (
          <div className={pane.actions}>
            <Button icon={<Delete16Regular />} onClick={() => setDeleting(true)}>
              {i18n.t("deleteCanceledOpen")}
            </Button>
          </div>
        ))}
    </section>
  );
}

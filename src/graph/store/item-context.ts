// Everything the pane shows for an Outlook item, in one $batch: the participants' contacts (by Email, Email2 and
// domain), the entries already logged from the item (a meeting: under its draft id too, moved to its iCalUId when
// found), and — on the first item of a session — the reference data.
import { lookupKeys, resolveMatches, type MatchingPolicy } from "../../domain/matching";
import type { ItemContext } from "../../domain/ports";
import type { Contact, Correspondence, InteractionLogEntry } from "../../domain/types";
import type { BatchStep, StepResult } from "../batch";
import { contactsWhereChunks } from "../repositories/contacts";
import { entriesBySource } from "../repositories/entries";
import type { StoreCore } from "./store-core";

export async function loadItemContext(
  core: StoreCore,
  c: Correspondence,
  policy: MatchingPolicy,
): Promise<ItemContext> {
  const { emails, domains } = lookupKeys(c.participants, policy, c.mailboxOwner);
  const steps: BatchStep[] = [];
  const contactSteps: string[] = [];
  for (const [column, values] of [
    ["Email", emails],
    ["Email2", emails],
    ["Domain", domains],
  ] as const)
    for (const [i, q] of contactsWhereChunks(column, values).entries()) {
      const id = `${column}-${i}`;
      contactSteps.push(id);
      steps.push(await core.contacts.listStep(id, q));
    }
  if (c.sourceId) steps.push(await core.entries.listStep("logged", entriesBySource(c.sourceId)));
  // A meeting logged while it was an unsaved draft: its entries under the draft id, in the same $batch.
  const draftId =
    c.kind === "meeting" && c.sourceId && c.draftSourceId && c.draftSourceId !== c.sourceId
      ? c.draftSourceId
      : undefined;
  if (draftId) steps.push(await core.entries.listStep("logged-draft", entriesBySource(draftId)));
  const cached = core.cachedReference;
  if (!cached) steps.push(...(await core.referenceSteps()));
  const answers = steps.length ? await core.run(steps, true) : new Map<string, StepResult>();
  const reference = cached ?? core.rememberReference(answers);
  const found: Contact[] = [];
  for (const id of contactSteps) found.push(...core.contacts.pageFromStep(answers.get(id)).items);
  const alreadyLogged = answers.has("logged") ? core.entries.pageFromStep(answers.get("logged")).items : [];
  if (draftId) alreadyLogged.push(...(await underDraft(core, answers.get("logged-draft"), c.sourceId!)));
  return {
    correspondence: c,
    matches: resolveMatches(c.participants, c.mailboxOwner, policy, found),
    ...reference,
    alreadyLogged,
  };
}

/**
 * Entries found under a meeting's draft id are moved to its iCalUId (only then, so an item with nothing to move
 * costs no second request) and count as already logged either way: a move that fails now is done on a later open.
 */
async function underDraft(
  core: StoreCore,
  answer: StepResult | undefined,
  sourceId: string,
): Promise<InteractionLogEntry[]> {
  const found = core.entries.pageFromStep(answer).items;
  if (!found.length) return [];
  try {
    const move =
      core.deps.moveSource ??
      (await import(/* webpackChunkName: "source-move" */ "./source-move")).moveEntriesToSource;
    return (await move(core, found, sourceId)).entries;
  } catch {
    return found;
  }
}

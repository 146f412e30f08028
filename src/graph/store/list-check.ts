// The once-per-start check that the lists still protect against duplicates: DedupeKey must enforce unique values
// on Interaction Log Entries and Logged Segments. Set-up falls back to "indexed only" when existing duplicates block
// the constraint, and lists built by hand or from an older template may never have had it; without it a lost
// answer or an outbox replay writes a second entry. One $batch reads both lists' column definitions.
import type { ListWarning } from "../../domain/ports";
import { StoreError } from "../../domain/errors";
import { isSuccess, type BatchStep } from "../batch";
import { COL, LIST_NAMES } from "../schema";
import type { StoreCore } from "./store-core";

interface ColumnInfo {
  name?: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
}

const CHECKED = ["entries", "segments"] as const;

export async function checkDedupeKeys(core: StoreCore): Promise<ListWarning[]> {
  const site = core.deps.site;
  // No `list` on the steps: a missing list must not turn the whole check into "not provisioned" and hide what the
  // other list says (missing lists are reported by the item itself, and set up in emulator mode).
  const steps: BatchStep[] = CHECKED.map((key) => ({
    id: key,
    method: "GET",
    url: `${site.itemsUrl(key).replace(/\/items$/, "")}/columns?$select=name,enforceUniqueValues,indexed`,
  }));
  let answers;
  try {
    answers = await core.run(steps, true);
  } catch (e) {
    // Missing lists are reported by the item itself (and set up in emulator mode); nothing to add here.
    if (e instanceof StoreError && e.kind === "notProvisioned") return [];
    throw e;
  }
  const warnings: ListWarning[] = [];
  for (const key of CHECKED) {
    const answer = answers.get(key);
    if (!isSuccess(answer)) continue;
    const columns = ((answer!.body as { value?: ColumnInfo[] } | undefined)?.value ?? []) as ColumnInfo[];
    const column = COL[key].dedupeKey;
    const found = columns.find((c) => c.name === column);
    const list = LIST_NAMES[key];
    if (!found) warnings.push({ list, column, problem: "missing" });
    else if (found.enforceUniqueValues !== true) warnings.push({ list, column, problem: "notUnique" });
  }
  return warnings;
}

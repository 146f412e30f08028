// Administrator set-up: creates the six lists and the Interaction Documents library, and upgrades existing ones in place (adds missing columns,
// turns on indexes and unique values) without ever dropping a list, a column or an item. Every call here
// asks for Sites.Manage.All; everyday reads and writes never do.
import { StoreError } from "../domain/errors";
import type { ListWarning } from "../domain/ports";
import type { InteractionGroup, InteractionTemplate, SetupPurpose } from "../domain/types";
import { toStoreError } from "./errors";
import { groupToFields, setupToFields, templateToFields } from "./mapping";
import { groupsRepository, allGroups } from "./repositories/groups";
import { templateSetupRepository, allSetup } from "./repositories/template-setup";
import { templatesRepository, allTemplates } from "./repositories/templates";
import { COL, DOCUMENT_LIBRARY, LIST_ORDER, type ListKey } from "./schema";
import { columnDefinition, LISTS } from "./schema-lists";
import type { Page, SharePointSite } from "./site";

export interface ProvisionReport {
  createdLists: string[];
  /** "List/Column" */
  addedColumns: string[];
  indexedColumns: string[];
  /** Columns whose unique constraint could not be turned on (e.g. existing duplicate values): data kept as is. */
  warnings: string[];
  /** The same, for the administrator: which list, which column, what is wrong (shown by the pane). */
  listWarnings: ListWarning[];
}

interface ColumnInfo {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
}

export async function provisionLists(site: SharePointSite): Promise<ProvisionReport> {
  const report: ProvisionReport = {
    createdLists: [],
    addedColumns: [],
    indexedColumns: [],
    warnings: [],
    listWarnings: [],
  };
  const siteId = await site.siteId();
  const existing = await site.allLists(true);
  try {
    for (const key of LIST_ORDER) {
      const spec = LISTS[key];
      const found = existing.get(spec.displayName);
      if (!found) {
        await site.manage(`/sites/${siteId}/lists`).post({
          displayName: spec.displayName,
          columns: spec.columns.map(columnDefinition),
          list: { template: "genericList" },
        });
        report.createdLists.push(spec.displayName);
        if (spec.indexTitle)
          await upgradeColumns(site, siteId, key, await listIdAfterCreate(site, spec.displayName), report);
        continue;
      }
      await upgradeColumns(site, siteId, key, found.id, report);
    }
    // Issue 15: the document library that keeps logged content (created once; nothing in it is ever changed here).
    if (!existing.get(DOCUMENT_LIBRARY.displayName)) {
      await site.manage(`/sites/${siteId}/lists`).post({
        displayName: DOCUMENT_LIBRARY.displayName,
        list: { template: DOCUMENT_LIBRARY.template },
      });
      report.createdLists.push(DOCUMENT_LIBRARY.displayName);
    }
  } catch (e) {
    throw toStoreError(e, "Setting up the SharePoint lists failed");
  } finally {
    site.forget();
  }
  return report;
}

async function listIdAfterCreate(site: SharePointSite, displayName: string): Promise<string> {
  const info = (await site.allLists(true)).get(displayName);
  if (!info) throw new StoreError("unknown", `The list "${displayName}" was created but cannot be found`);
  return info.id;
}

async function upgradeColumns(
  site: SharePointSite,
  siteId: string,
  key: ListKey,
  listId: string,
  report: ProvisionReport,
): Promise<void> {
  const spec = LISTS[key];
  const base = `/sites/${siteId}/lists/${listId}/columns`;
  const columns: ColumnInfo[] = [];
  let page = (await site.manage(base).get()) as Page<ColumnInfo>;
  for (;;) {
    columns.push(...(page.value ?? []));
    const next = page["@odata.nextLink"];
    if (!next) break;
    page = (await site.manage(next).get()) as Page<ColumnInfo>;
  }
  const byName = new Map(columns.map((c) => [c.name, c]));
  const wanted = [
    ...spec.columns,
    ...(spec.indexTitle ? [{ name: COL.title, kind: "text" as const, indexed: true }] : []),
  ];
  for (const col of wanted) {
    const have = byName.get(col.name);
    if (!have) {
      await site.manage(base).post(columnDefinition(col));
      report.addedColumns.push(`${spec.displayName}/${col.name}`);
      continue;
    }
    const patch: Record<string, boolean> = {};
    if (col.indexed && !have.indexed) patch.indexed = true;
    if ("unique" in col && col.unique && !have.enforceUniqueValues) patch.enforceUniqueValues = true;
    if (!Object.keys(patch).length) continue;
    try {
      await site.manage(`${base}/${have.id}`).patch(patch);
      report.indexedColumns.push(`${spec.displayName}/${col.name}`);
    } catch (e) {
      const err = toStoreError(e);
      if (col.name === COL.title) {
        // Our own extra index on a built-in column: without it, name search is refused on big lists, nothing else.
        report.warnings.push(`${spec.displayName}/Title: not indexed (${err.message})`);
        report.listWarnings.push({
          list: spec.displayName,
          column: COL.title,
          problem: "notIndexed",
          detail: err.message,
        });
        continue;
      }
      if (!patch.enforceUniqueValues || (err.kind !== "invalid" && err.kind !== "duplicate")) throw e;
      // Existing duplicates block the unique constraint; index alone still keeps queries working.
      await site.manage(`${base}/${have.id}`).patch({ indexed: true });
      report.indexedColumns.push(`${spec.displayName}/${col.name}`);
      report.warnings.push(`${spec.displayName}/${col.name}: unique values not enforced (${err.message})`);
      report.listWarnings.push({
        list: spec.displayName,
        column: col.name,
        problem: "notUnique",
        detail: err.message,
      });
    }
  }
}

// ---- reference data, Business Central style

export const DEFAULT_GROUPS: InteractionGroup[] = [
  { code: "EMAIL", description: "E-mail correspondence" },
  { code: "MEETING", description: "Meetings" },
  { code: "PHONE", description: "Telephone conversations" },
  { code: "LETTER", description: "Letters" },
];

export const DEFAULT_TEMPLATES: InteractionTemplate[] = [
  {
    code: "EMAIL",
    description: "E-mail",
    groupCode: "EMAIL",
    unitCostLCY: 0.5,
    unitDurationMin: 5,
    correspondenceType: "Email",
    blocked: false,
  },
  {
    code: "MEETING",
    description: "Meeting",
    groupCode: "MEETING",
    unitCostLCY: 25,
    unitDurationMin: 60,
    correspondenceType: "Meeting",
    blocked: false,
  },
  {
    code: "PHONE",
    description: "Outgoing phone call",
    groupCode: "PHONE",
    informationFlow: "Outbound",
    initiatedBy: "Us",
    unitCostLCY: 1.5,
    unitDurationMin: 10,
    correspondenceType: "Phone Call",
    blocked: false,
  },
  {
    code: "PHONE-IN",
    description: "Incoming phone call",
    groupCode: "PHONE",
    informationFlow: "Inbound",
    initiatedBy: "Them",
    unitCostLCY: 0,
    unitDurationMin: 10,
    correspondenceType: "Phone Call",
    blocked: false,
  },
  {
    code: "LETTER",
    description: "Letter",
    groupCode: "LETTER",
    informationFlow: "Outbound",
    initiatedBy: "Us",
    unitCostLCY: 2.5,
    unitDurationMin: 15,
    correspondenceType: "Hard Copy",
    blocked: false,
  },
];

export const DEFAULT_SETUP: Record<SetupPurpose, string> = {
  Emails: "EMAIL",
  "Meeting Invitation": "MEETING",
  "Outgoing Calls": "PHONE",
  "E-Mail Draft": "EMAIL",
};

export interface SeedReport {
  groups: number;
  templates: number;
  setup: number;
}

/** Adds the reference data that is missing; what an administrator changed is left alone. */
export async function seedReferenceData(site: SharePointSite): Promise<SeedReport> {
  const groups = groupsRepository(site);
  const templates = templatesRepository(site);
  const setup = templateSetupRepository(site);
  const report: SeedReport = { groups: 0, templates: 0, setup: 0 };
  const haveGroups = new Set((await groups.listAll(allGroups)).map((g) => g.code.toUpperCase()));
  for (const g of DEFAULT_GROUPS)
    if (!haveGroups.has(g.code))
      report.groups += await addIgnoringDuplicate(() => groups.add(groupToFields(g)));
  const haveTemplates = new Set((await templates.listAll(allTemplates)).map((t) => t.code.toUpperCase()));
  for (const t of DEFAULT_TEMPLATES)
    if (!haveTemplates.has(t.code))
      report.templates += await addIgnoringDuplicate(() => templates.add(templateToFields(t)));
  // Title is the purpose; not unique in SharePoint, so only add purposes that have no item at all.
  const setupItems = await setup.listAll(allSetup);
  const purposesWithItem = new Set(setupItems.map((i) => String(i.fields?.[COL.title] ?? "")));
  for (const [purpose, code] of Object.entries(DEFAULT_SETUP))
    if (!purposesWithItem.has(purpose)) {
      await setup.add(setupToFields(purpose, code));
      report.setup++;
    }
  return report;
}

/** A 409 means another set-up run added the same Code first: that is the idempotent outcome. */
async function addIgnoringDuplicate(add: () => Promise<unknown>): Promise<number> {
  try {
    await add();
    return 1;
  } catch (e) {
    if (e instanceof StoreError && e.kind === "duplicate") return 0;
    throw e;
  }
}

// What every part of the store shares: the repositories, the $batch runner that turns a missing list into
// `notProvisioned`, emulator-mode self-provisioning, and the session's cache of reference data (templates, groups,
// template setup), which rides along in the first item's $batch.
import { StoreError } from "../../domain/errors";
import type { InteractionGroup, InteractionTemplate, TemplateSetup } from "../../domain/types";
import { BatchExecutor, stepError, type BatchOptions, type BatchStep, type StepResult } from "../batch";
import { toStoreError } from "../errors";
import { setupFromItems, type ListItem } from "../mapping";
import { provisionLists, seedReferenceData, type ProvisionReport } from "../provisioning";
import { contactsRepository } from "../repositories/contacts";
import { entriesRepository } from "../repositories/entries";
import { allGroups, groupsRepository } from "../repositories/groups";
import { segmentsRepository } from "../repositories/segments";
import { allSetup, templateSetupRepository } from "../repositories/template-setup";
import { allTemplates, templatesRepository } from "../repositories/templates";
import type { OutboxStorage } from "../outbox";
import type { SharePointSite } from "../site";

export interface InteractionStoreDeps {
  site: SharePointSite;
  batch: BatchExecutor;
  /** Graph root without version: history cursors must point there. */
  baseUrl: string;
  mode: "emulator" | "tenant";
  outbox: OutboxStorage;
  newId?: () => string;
  now?: () => Date;
  /** How many times a lost $batch answer is re-sent at once before the log goes to the outbox. */
  networkRetries?: number;
  batchOptions?: BatchOptions;
}

export interface ReferenceData {
  templates: InteractionTemplate[];
  groups: InteractionGroup[];
  setup: TemplateSetup;
}

export class StoreCore {
  readonly contacts;
  readonly entries;
  readonly segments;
  readonly groups;
  readonly templates;
  readonly setup;
  readonly newId: () => string;
  readonly now: () => Date;
  private reference?: ReferenceData;

  constructor(readonly deps: InteractionStoreDeps) {
    this.contacts = contactsRepository(deps.site);
    this.entries = entriesRepository(deps.site);
    this.segments = segmentsRepository(deps.site);
    this.groups = groupsRepository(deps.site);
    this.templates = templatesRepository(deps.site);
    this.setup = templateSetupRepository(deps.site);
    this.newId = deps.newId ?? (() => globalThis.crypto.randomUUID());
    this.now = deps.now ?? (() => new Date());
  }

  // ---------------------------------------------------------------- reference data

  /** The cached reference data, or undefined when the next $batch has to fetch it. */
  get cachedReference(): ReferenceData | undefined {
    return this.reference;
  }

  async referenceSteps(): Promise<BatchStep[]> {
    return [
      await this.templates.listStep("templates", allTemplates),
      await this.groups.listStep("groups", allGroups),
      await this.setup.listStep("setup", allSetup),
    ];
  }

  /** Reads the reference data out of a $batch that carried `referenceSteps()`, and caches it. */
  rememberReference(answers: Map<string, StepResult>): ReferenceData {
    this.reference = {
      templates: this.templates.pageFromStep(answers.get("templates")).items,
      groups: this.groups.pageFromStep(answers.get("groups")).items,
      setup: setupFromItems(this.setup.pageFromStep(answers.get("setup")).items as ListItem[]),
    };
    return this.reference;
  }

  async referenceData(): Promise<ReferenceData> {
    return this.reference ?? this.rememberReference(await this.run(await this.referenceSteps(), true));
  }

  // ---------------------------------------------------------------- provisioning

  async provision(): Promise<ProvisionReport> {
    const report = await provisionLists(this.deps.site);
    await seedReferenceData(this.deps.site);
    this.reference = undefined;
    return report;
  }

  /** In emulator mode a missing list is set up on the spot; a tenant needs its administrator. */
  async provisionedOr<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (e) {
      if (!(e instanceof StoreError && e.kind === "notProvisioned")) throw e;
      if (this.deps.mode !== "emulator") throw e;
      await this.provision();
      return op();
    }
  }

  // ---------------------------------------------------------------- $batch

  /** Runs steps as $batch(es). `idempotent` steps may be re-sent when an answer is lost on the network. */
  async run(steps: BatchStep[], idempotent: boolean): Promise<Map<string, StepResult>> {
    try {
      const answers = await this.deps.batch.execute(steps, {
        ...this.deps.batchOptions,
        networkRetries: idempotent ? (this.deps.networkRetries ?? 2) : 0,
      });
      // Lists are addressed by title: a 404 on a collection step means that list (or the site) is missing.
      const missing = [
        ...new Set(steps.filter((s) => s.list && answers.get(s.id)?.status === 404).map((s) => s.list!)),
      ];
      if (missing.length) {
        this.deps.site.forget();
        this.reference = undefined;
        const first = answers.get(steps.find((s) => s.list === missing[0])!.id)!;
        throw new StoreError(
          "notProvisioned",
          `The SharePoint lists are not set up: missing ${missing.map((m) => `"${m}"`).join(", ")}`,
          { ...stepError(first) },
        );
      }
      return answers;
    } catch (e) {
      throw toStoreError(e);
    }
  }
}

export function describeErrors(errors: object): string {
  return Object.entries(errors)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(", ");
}

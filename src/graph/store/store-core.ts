// What every part of the store shares: the repositories, the $batch runner that turns a missing list into
// `notProvisioned`, emulator-mode self-provisioning, and the session's cache of reference data (templates, groups,
// template setup), which rides along in the first item's $batch.
import { StoreError } from "../../domain/errors";
import type { InteractionGroup, InteractionTemplate, TemplateSetup } from "../../domain/types";
import { BatchExecutor, stepError, type BatchOptions, type BatchStep, type StepResult } from "../batch";
import { toStoreError } from "../errors";
import { setupFromItems, type ListItem } from "../mapping";
import type { ProvisionReport } from "../provisioning";
import { contactsRepository } from "../repositories/contacts";
import { entriesRepository } from "../repositories/entries";
import { allGroups, groupsRepository } from "../repositories/groups";
import { segmentsRepository } from "../repositories/segments";
import { allSetup, templateSetupRepository } from "../repositories/template-setup";
import { allTemplates, templatesRepository } from "../repositories/templates";
import type { OutboxAccount } from "../../domain/ports";
import type { OutboxStorage } from "../outbox";
import type { ContentSettings } from "./content-later";
import type { ReplayContext } from "./outbox-replay";
import type { SharePointSite } from "../site";
import type { moveEntriesToSource } from "./source-move";

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
  /** This pane's tenant and user: the outbox replays only their logs. */
  account?: Omit<OutboxAccount, "mailbox">;
  /**
   * The site and $batch runner for one outbox run, on a Graph client of its own: silent sign-in for background
   * runs, every request aborted when the run times out. Without it runs use the pane's own client.
   */
  forRun?: (run: ReplayContext) => Pick<InteractionStoreDeps, "site" | "batch">;
  /** How long one outbox run may take before it is aborted (default 2 minutes). */
  outboxRunDeadlineMs?: number;
  /** Keeping a mail's content (issue 15): the administrator's cap, the size limit, an upload's deadline. */
  content?: ContentSettings;
  /**
   * Moves a meeting's draft-time entries to its iCalUId (rarely needed: loaded on demand when absent). The send
   * handler passes it, so its one file never loads a chunk.
   */
  moveSource?: typeof moveEntriesToSource;
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

  /** `parent`: the pane's core, whose reference data a derived (outbox run) core shares. */
  constructor(
    readonly deps: InteractionStoreDeps,
    private readonly parent?: StoreCore,
  ) {
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
    return this.reference ?? this.parent?.cachedReference;
  }

  /** The same store over another client (an outbox run's), sharing this core's reference data. */
  derive(parts: Pick<InteractionStoreDeps, "site" | "batch">): StoreCore {
    return new StoreCore({ ...this.deps, ...parts }, this);
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
    if (this.parent) this.parent.reference = this.reference;
    return this.reference;
  }

  async referenceData(): Promise<ReferenceData> {
    return this.cachedReference ?? this.rememberReference(await this.run(await this.referenceSteps(), true));
  }

  // ---------------------------------------------------------------- provisioning

  async provision(): Promise<ProvisionReport> {
    // Set-up runs once (administrator, or emulator mode's first start): loaded when it is needed.
    const { provisionLists, seedReferenceData } = await import(
      /* webpackChunkName: "provisioning" */ "../provisioning"
    );
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

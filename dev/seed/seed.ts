// Seeds the emulator through the real storage layer (Graph SDK, provisioning, repositories): the lists, the
// reference data and the sample contacts of dev/fixtures/contacts.json. Safe on every start: only adds what
// is missing. CLI: `npx tsx dev/seed/seed.ts` (EMULATOR_URL, SITE_URL; trust the CA via NODE_EXTRA_CA_CERTS).
import path from "node:path";
import { readFileSync } from "node:fs";
import { ensureDevCaTrusted } from "./trust-dev-ca";
import { DEFAULT_EMULATOR_SITE_URL } from "../../src/config/app-config";
import type { Contact, UserProfile } from "../../src/domain/types";
import { DevTokenProvider } from "../../src/graph/auth/dev-token";
import { BatchExecutor } from "../../src/graph/batch";
import { createGraphClient, normalizeBaseUrl } from "../../src/graph/client";
import { fromHttpFailure } from "../../src/graph/errors";
import { contactToFields } from "../../src/graph/mapping";
import {
  provisionLists,
  seedReferenceData,
  type ProvisionReport,
  type SeedReport,
} from "../../src/graph/provisioning";
import { contactsRepository } from "../../src/graph/repositories/contacts";
import { SharePointSite } from "../../src/graph/site";
import { stepError } from "../../src/graph/batch";

export interface SeedOptions {
  baseUrl: string;
  siteUrl?: string;
  user?: UserProfile;
  /** Defaults to dev/fixtures/contacts.json. */
  contacts?: Contact[];
}

export interface SeedResult {
  provision: ProvisionReport;
  reference: SeedReport;
  contactsAdded: number;
  contactsExisting: number;
}

interface Fixture {
  organisation: { user: UserProfile };
  contacts: Contact[];
}

export function loadFixture(): Fixture {
  return JSON.parse(
    readFileSync(path.resolve(__dirname, "..", "fixtures", "contacts.json"), "utf8"),
  ) as Fixture;
}

export async function seedEmulator(options: SeedOptions): Promise<SeedResult> {
  const fixture = loadFixture();
  const user = options.user ?? fixture.organisation.user;
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const client = createGraphClient({
    baseUrl,
    authProvider: new DevTokenProvider(user.emailAddress, user.displayName),
  });
  const site = new SharePointSite(client, options.siteUrl ?? DEFAULT_EMULATOR_SITE_URL);
  const provision = await provisionLists(site);
  const reference = await seedReferenceData(site);
  const contacts = contactsRepository(site);
  const batch = new BatchExecutor(client, baseUrl);
  const list = options.contacts ?? fixture.contacts;
  // Creates guarded by the unique ContactNo: a 409 means the contact is already there, which is the goal.
  const steps = await Promise.all(list.map((c, i) => contacts.addStep(`c${i}`, contactToFields(c))));
  const answers = await batch.execute(steps, { networkRetries: 2 });
  let contactsAdded = 0;
  let contactsExisting = 0;
  for (const s of steps) {
    const a = answers.get(s.id)!;
    if (a.status === 201 || a.status === 200) contactsAdded++;
    else if (a.status === 409) contactsExisting++;
    else throw fromHttpFailure(stepError(a), `Seeding contact ${s.id} failed`);
  }
  return { provision, reference, contactsAdded, contactsExisting };
}

async function cli(): Promise<void> {
  await ensureDevCaTrusted();
  const baseUrl = process.env.EMULATOR_URL ?? "https://127.0.0.1:4443";
  const r = await seedEmulator({
    baseUrl,
    ...(process.env.SITE_URL ? { siteUrl: process.env.SITE_URL } : {}),
  });
  console.log(
    `Seeded ${baseUrl}: lists created ${r.provision.createdLists.length}, columns added ${r.provision.addedColumns.length}, ` +
      `groups +${r.reference.groups}, templates +${r.reference.templates}, setup +${r.reference.setup}, ` +
      `contacts +${r.contactsAdded} (${r.contactsExisting} already there)`,
  );
  for (const w of r.provision.warnings) console.warn(`warning: ${w}`);
}

if (require.main === module) {
  cli().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

// Tenant-mode behaviour, scopes and permissions against the emulator.
import type {
  AuthenticationProvider,
  AuthenticationProviderOptions,
} from "@microsoft/microsoft-graph-client";
import { seedEmulator } from "../../dev/seed/seed";
import { StoreError } from "../../src/domain/errors";
import { mintDevToken } from "../../src/graph/auth/dev-token";
import { SCOPES } from "../../src/graph/auth/scopes";
import { createInteractionStore } from "../../src/graph";
import { MemoryOutbox } from "../../src/graph/outbox";
import { emulatorConfig, startTestEmulator, USER, type TestEmulator } from "./harness";

/** Records the scopes each token request asked for. */
class RecordingProvider implements AuthenticationProvider {
  readonly asked: (readonly string[] | undefined)[] = [];
  async getAccessToken(options?: AuthenticationProviderOptions): Promise<string> {
    this.asked.push(options?.scopes);
    return mintDevToken(USER.emailAddress, USER.displayName);
  }
}

function tenantStore(url: string, authProvider: AuthenticationProvider) {
  return createInteractionStore({
    config: { ...emulatorConfig(url), mode: "tenant" },
    user: USER,
    authProvider,
    outbox: new MemoryOutbox(),
    retry: { delaySeconds: 0.2 },
  });
}

const someMail = {
  kind: "email" as const,
  mode: "read" as const,
  sourceId: "<p@x.example>",
  subject: "S",
  date: "2024-01-01T00:00:00Z",
  direction: "inbound" as const,
  participants: [{ role: "from" as const, displayName: "Robin", address: "robin.danielsen@adatum.example" }],
  mailboxOwner: { displayName: USER.displayName, address: USER.emailAddress },
};

describe("tenant mode", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => emu?.dispose());

  it("says notProvisioned on an empty site instead of creating lists", async () => {
    const store = tenantStore(emu.url, new RecordingProvider());
    const err = await store.loadItemContext(someMail, { ownDomains: [], neverLog: [] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).kind).toBe("notProvisioned");
    expect((err as StoreError).message).toContain("Interaction Log Entries");
  });

  it("asks for Sites.Manage.All only for the set-up calls", async () => {
    const auth = new RecordingProvider();
    const store = tenantStore(emu.url, auth);
    await store.provisionLists();
    const manage = auth.asked.filter((s) => s?.includes(SCOPES.manage[0]));
    expect(manage.length).toBeGreaterThanOrEqual(6);
    auth.asked.length = 0;
    await seedEmulator({ baseUrl: emu.url, user: USER });
    const ctx = await store.loadItemContext(someMail, { ownDomains: [], neverLog: [] });
    expect(ctx.matches[0]!.status).toBe("person");
    expect(auth.asked.length).toBeGreaterThan(0);
    expect(auth.asked.every((s) => s === undefined)).toBe(true);
  });

  it("reports a refused write per contact as failed/forbidden, not queued", async () => {
    const store = tenantStore(emu.url, new RecordingProvider());
    const ctx = await store.loadItemContext(someMail, { ownDomains: [], neverLog: [] });
    emu.setReadonlyUsers([USER.emailAddress]);
    try {
      const result = await store.logInteraction({
        correspondence: someMail,
        contacts: [ctx.matches[0]!.contact!],
        user: USER,
        draft: {
          templateCode: "EMAIL",
          description: "x",
          interactionDate: someMail.date,
          attemptFailed: false,
          costLCY: 0,
          durationMin: 0,
        },
      });
      expect(result.results[0]).toMatchObject({ status: "failed", error: { kind: "forbidden" } });
      expect(await store.pendingLogs()).toEqual([]);
    } finally {
      emu.setReadonlyUsers([]);
    }
  });
});

// Send-time logs kept by the handler are written by the pane: listed as pending, matched and written under their
// own id (one segment, one entry per contact however often it is drained), or dropped by the user.
import { seedEmulator } from "../../dev/seed/seed";
import { DEFAULT_EMULATOR_SITE_URL } from "../../src/config/app-config";
import type { SendLogIntent } from "../../src/domain/send-log";
import { SendLogQueue, withSendQueue, MemoryKeyValue } from "../../src/graph/send-queue";
import { startTestEmulator, storeFor, USER, type TestEmulator } from "./harness";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  await seedEmulator({ baseUrl: emu.url, siteUrl: DEFAULT_EMULATOR_SITE_URL, user: USER });
});
afterAll(async () => emu?.dispose());

const policy = { ownDomains: ["cronus.example"], neverLog: [] };

function intent(id: string, subject: string): SendLogIntent {
  return {
    id,
    correspondence: {
      kind: "email",
      mode: "compose",
      sourceId: `draft:${id}`,
      subject,
      date: "2026-05-01T10:00:00.000Z",
      direction: "outbound",
      participants: [
        { role: "from", displayName: USER.displayName, address: USER.emailAddress },
        { role: "to", displayName: "Robin", address: "robin.danielsen@adatum.example" },
        { role: "to", displayName: "Jesse", address: "jesse.ulrich@adatum.example" },
        { role: "to", displayName: "Sam", address: "sam.taylor@northwind.example" },
      ],
      mailboxOwner: { displayName: USER.displayName, address: USER.emailAddress },
    },
    user: USER,
    queuedAt: "2026-05-01T10:00:01.000Z",
    attempts: 1,
  };
}

it("lists a kept send-time log as pending and writes it once, as one segment, however often it is drained", async () => {
  const queue = new SendLogQueue(new MemoryKeyValue());
  const store = withSendQueue(storeFor(emu.url), { queues: [queue], policy });
  const kept = intent("5b2c1d0e-1111-4222-8333-444455556666", "Sent while offline");
  await queue.put(kept);
  const pending = await store.pendingLogs();
  expect(pending.map((p) => [p.id, p.request.draft.description])).toContainEqual([
    kept.id,
    "Sent while offline",
  ]);

  await expect(store.flushPending()).resolves.toBeGreaterThanOrEqual(1);
  await expect(queue.list()).resolves.toEqual([]);
  // The same intent kept twice (another device, or the sent copy) changes nothing.
  await queue.put(kept);
  await store.flushPending();

  const context = await store.loadItemContext(kept.correspondence, policy);
  expect(context.alreadyLogged.map((e) => e.contactNo).sort()).toEqual(["CT000010", "CT000011"]);
  expect(new Set(context.alreadyLogged.map((e) => e.loggedSegmentId)).size).toBe(1);
});

it("keeps the intent, with the reason, while SharePoint cannot be reached; the user may discard it", async () => {
  const queue = new SendLogQueue(new MemoryKeyValue());
  const store = withSendQueue(storeFor(emu.url), { queues: [queue], policy });
  const kept = intent("6c3d2e1f-1111-4222-8333-444455556666", "Still offline");
  await queue.put(kept);
  await emu.close();
  try {
    await store.flushPending();
    const [still] = await queue.list();
    expect(still).toMatchObject({ id: kept.id, attempts: 2 });
    expect(still?.lastError).toBeTruthy();
  } finally {
    await emu.restart();
  }
  await store.discardPending(kept.id);
  await expect(queue.list()).resolves.toEqual([]);
});

it("takes over a pending sent copy's log that no runtime here kept, once, and writes it from the sent copy", async () => {
  const queue = new SendLogQueue(new MemoryKeyValue());
  const store = withSendQueue(storeFor(emu.url), { queues: [queue], policy });
  // The sent copy as the pane reads it: read mode, known by its draft's id.
  const fromSentCopy = intent("7d4e3f20-1111-4222-8333-444455556666", "Sent from another device");
  const sentCopy = {
    ...fromSentCopy,
    correspondence: { ...fromSentCopy.correspondence, mode: "read" as const },
  };
  await expect(store.adoptSendLog(sentCopy)).resolves.toBe(true);
  await expect(store.adoptSendLog(sentCopy)).resolves.toBe(false);
  await store.flushPending();
  const context = await store.loadItemContext(sentCopy.correspondence, policy);
  expect(context.alreadyLogged.map((e) => e.contactNo).sort()).toEqual(["CT000010", "CT000011"]);
});

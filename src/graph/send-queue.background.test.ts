// An automatic flush (timer, back online, pane start) drains the kept send-time logs with silent sign-in only, as
// the outbox's background run does: when signing in needs the user it stops, keeps the intent and rejects with
// "interactionRequired" so the pane can ask; no sign-in window opens without the user's click.
import "fake-indexeddb/auto";
import { StoreError } from "../domain/errors";
import type { SendLogIntent } from "../domain/send-log";
import { ladderThatNeedsTheUser, TENANT_CONFIG, USER } from "./test-support/signin-fakes";
import { createInteractionStore } from "./index";
import { MemoryOutbox } from "./outbox";
import { SendLogQueue, withSendQueue, MemoryKeyValue } from "./send-queue";

const kept: SendLogIntent = {
  id: "5b2c1d0e-1111-4222-8333-444455556666",
  correspondence: {
    kind: "email",
    mode: "compose",
    sourceId: "draft:1",
    subject: "Quote",
    date: "2024-05-01T10:00:00.000Z",
    direction: "outbound",
    participants: [
      { role: "from", displayName: USER.displayName, address: USER.emailAddress },
      { role: "to", displayName: "Jane", address: "jane@acme.com" },
    ],
    mailboxOwner: { displayName: USER.displayName, address: USER.emailAddress },
  },
  user: USER,
  queuedAt: "2024-05-01T10:00:01.000Z",
  attempts: 1,
};

const realFetch = globalThis.fetch;
afterEach(() => void (globalThis.fetch = realFetch));

it("an automatic flush drains kept send-time logs with silent sign-in only and asks instead of opening a window", async () => {
  let fetched = 0;
  globalThis.fetch = (async () => (fetched++, new Response("{}", { status: 500 }))) as typeof fetch;
  const { msal, dialog, authProvider } = ladderThatNeedsTheUser();
  const queue = new SendLogQueue(new MemoryKeyValue());
  await queue.put(kept);
  const store = withSendQueue(
    createInteractionStore({ config: TENANT_CONFIG, user: USER, authProvider, outbox: new MemoryOutbox() }),
    {
      queues: [queue],
      policy: { ownDomains: ["contoso.com"], neverLog: [] },
      user: USER.emailAddress,
      locks: null,
    },
  );

  const background = await store.flushPending({ background: true }).catch((e: unknown) => e);
  expect(background).toBeInstanceOf(StoreError);
  expect(background).toMatchObject({ kind: "unauthenticated", details: { code: "interactionRequired" } });
  expect(msal.silent).toBeGreaterThan(0);
  expect(msal.interactive).toBe(0);
  expect(dialog.interactive).toBe(0);
  expect(fetched).toBe(0);
  const [still] = await queue.list();
  expect(still).toMatchObject({ id: kept.id, attempts: 2 });
  expect((await store.pendingLogs()).map((p) => p.id)).toEqual([kept.id]);

  // The user's click: now the popup may open.
  await store.flushPending({ includeFailed: true });
  expect(msal.interactive).toBe(1);
  expect((await queue.list()).map((i) => i.id)).toEqual([kept.id]);
});

// Background sends (the outbox timer, the online event, pane start) never pop up a sign-in window: they use silent
// token acquisition only and, when that needs the user, stop with "interactionRequired" so the pane can ask.
// Send now (a click) may still sign in interactively.
import "fake-indexeddb/auto";
import { StoreError } from "../../domain/errors";
import type { LogRequest, PendingLog } from "../../domain/ports";
import { ladderThatNeedsTheUser, TENANT_CONFIG, USER } from "../test-support/signin-fakes";
import { createInteractionStore } from "../index";
import { MemoryOutbox } from "../outbox";

function queued(id: string): PendingLog {
  const request: LogRequest = {
    contacts: [{ contactNo: "CT000010", type: "Person", name: "Jane" }],
    user: USER,
    draft: {
      templateCode: "EMAIL",
      description: "Quote",
      interactionDate: "2024-05-01T00:00:00Z",
      attemptFailed: false,
      costLCY: 0,
      durationMin: 0,
    },
  };
  return { id, request, queuedAt: "2024-05-01T00:00:00Z", attempts: 1 };
}

const realFetch = globalThis.fetch;
afterEach(() => void (globalThis.fetch = realFetch));

it("an automatic run signs in silently only and asks for the user instead of opening a window", async () => {
  let fetched = 0;
  globalThis.fetch = (async () => (fetched++, new Response("{}", { status: 500 }))) as typeof fetch;
  const { msal, dialog, authProvider } = ladderThatNeedsTheUser();
  const outbox = new MemoryOutbox();
  await outbox.put(queued("p1"));
  const store = createInteractionStore({ config: TENANT_CONFIG, user: USER, authProvider, outbox });

  const background = await store.flushPending({ background: true }).catch((e: unknown) => e);
  expect(background).toBeInstanceOf(StoreError);
  expect(background).toMatchObject({ kind: "unauthenticated", details: { code: "interactionRequired" } });
  expect(msal.silent).toBeGreaterThan(0);
  expect(msal.interactive).toBe(0);
  expect(dialog.interactive).toBe(0);
  expect(fetched).toBe(0);
  expect((await store.pendingLogs()).map((p) => p.id)).toEqual(["p1"]);

  // The user's click: now the popup may open.
  await store.flushPending({ includeFailed: true });
  expect(msal.interactive).toBe(1);
});

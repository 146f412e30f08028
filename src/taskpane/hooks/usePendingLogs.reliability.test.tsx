// Issue 12 for the outbox hook: Send now during an automatic run still retries the failed logs (6/8), automatic
// runs are background runs (silent sign-in only) and a sign-in that needs the user waits for a click, and logs of
// other accounts are only counted.
import { act, renderHook } from "@testing-library/react";
import { StoreError } from "../../domain/errors";
import { FakeStore, gate } from "../test-support/fake-store";
import { queuedForJane } from "../test-support/fixtures";
import { OUTBOX_RETRY_MS, PANE_RUN_DEADLINE_MS, usePendingLogs, type PendingOptions } from "./usePendingLogs";

function setup(store: FakeStore, options: Partial<PendingOptions> = {}) {
  return renderHook((props: PendingOptions) => usePendingLogs(store, 0, props), {
    initialProps: { started: true, ...options },
  });
}

const settle = () => act(async () => jest.advanceTimersByTimeAsync(0));
const tick = (ms = OUTBOX_RETRY_MS) => act(async () => jest.advanceTimersByTimeAsync(ms));

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it("Send now during an automatic run: the failed logs are retried right after it, not skipped", async () => {
  const store = new FakeStore();
  store.pending = [queuedForJane("a", "p1"), { ...queuedForJane("b", "p2"), failed: true, lastError: "403" }];
  const slow = gate();
  store.flushGate = slow;
  const { result } = setup(store);
  await settle();
  expect(result.current.sending).toBe(true);
  let sendNow!: Promise<void>;
  act(() => void (sendNow = result.current.sendNow()));
  await settle();
  store.flushGate = undefined;
  slow.open();
  await act(async () => {
    await sendNow;
  });
  const calls = store.callsOf("flushPending").map(([o]) => o as { includeFailed?: boolean });
  expect(calls.some((o) => o.includeFailed === true)).toBe(true);
  expect(store.pending).toEqual([]);
  expect(result.current.failed).toEqual([]);
});

it("automatic runs are background runs; Send now is not", async () => {
  const store = new FakeStore();
  store.pending = [queuedForJane()];
  store.flushOffline = "offline";
  const { result } = setup(store);
  await settle();
  await tick();
  act(() => void window.dispatchEvent(new Event("online")));
  await settle();
  await act(() => result.current.sendNow());
  const calls = store.callsOf("flushPending").map(([o]) => o);
  expect(calls).toEqual([
    { background: true },
    { background: true },
    { background: true },
    { includeFailed: true },
  ]);
});

it("a background run that needs sign-in waits for the user's click, which sends", async () => {
  const store = new FakeStore();
  store.pending = [queuedForJane("a", "p1"), queuedForJane("b", "p2")];
  const needsUser = new StoreError("unauthenticated", "Signing in needs you", {
    code: "interactionRequired",
  });
  const original = store.flushPending.bind(store);
  let first = true;
  store.flushPending = async (o) => {
    if (first) {
      first = false;
      store.calls.push({ method: "flushPending", args: [o] });
      throw needsUser;
    }
    return original(o);
  };
  const { result } = setup(store);
  await settle();
  expect(result.current.signInNeeded).toBe(true);
  expect(result.current.count).toBe(2);
  await act(() => result.current.sendNow());
  expect(result.current.signInNeeded).toBe(false);
  expect(result.current.count).toBe(0);
});

it("counts the logs waiting under another account, and never sends them", async () => {
  const store = new FakeStore();
  store.elsewhere = 3;
  const { result } = setup(store);
  await settle();
  expect(result.current.elsewhere).toBe(3);
  expect(result.current.count).toBe(0);
});

it("gives up a run the store never ends after the pane's own deadline: Send now starts a new run", async () => {
  const store = new FakeStore();
  store.pending = [queuedForJane("a", "p1")];
  store.flushGate = gate(); // never opened: this store's run never settles
  const { result } = setup(store);
  await settle();
  expect(result.current.sending).toBe(true);
  await tick(PANE_RUN_DEADLINE_MS - 1);
  expect(result.current.sending).toBe(true);
  await tick(1);
  expect(result.current.sending).toBe(false);
  expect(result.current.error).toMatchObject({ kind: "offline", details: { code: "timeout" } });

  // Send now is not joined to the stuck run: it starts one of its own, which sends.
  store.flushGate = undefined;
  const before = store.callsOf("flushPending").length;
  await act(async () => {
    await result.current.sendNow();
  });
  expect(store.callsOf("flushPending").length).toBe(before + 1);
  expect(store.pending).toEqual([]);
});

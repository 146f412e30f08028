// The outbox hook's automatic sending, with Jest's fake clock: start, the retry timer, no overlapping runs,
// online events, and nothing left running after unmount.
import { act, renderHook } from "@testing-library/react";
import { FakeStore, gate } from "../test-support/fake-store";
import { queuedForJane } from "../test-support/fixtures";
import { OUTBOX_RETRY_MS, usePendingLogs, type PendingOptions } from "./usePendingLogs";

function setup(store: FakeStore, options: Partial<PendingOptions> = {}) {
  const onSent = jest.fn();
  const view = renderHook((props: PendingOptions) => usePendingLogs(store, 0, props), {
    initialProps: { started: true, onSent, ...options },
  });
  return { ...view, onSent };
}

const flushes = (store: FakeStore) => store.callsOf("flushPending").length;
const settle = () => act(async () => jest.advanceTimersByTimeAsync(0));
const tick = (ms = OUTBOX_RETRY_MS) => act(async () => jest.advanceTimersByTimeAsync(ms));

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe("usePendingLogs automatic sending", () => {
  it("sends once on start and reports what was sent", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane("a", "p1"), queuedForJane("b", "p2")];
    const { result, onSent } = setup(store);
    await settle();
    expect(flushes(store)).toBe(1);
    expect(result.current.count).toBe(0);
    expect(result.current.lastSent).toBe(2);
    expect(onSent).toHaveBeenCalledWith(2);
    // Nothing pending any more: the timer is off.
    await tick(5 * OUTBOX_RETRY_MS);
    expect(flushes(store)).toBe(1);
  });

  it("waits for the pane to start", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane()];
    const { rerender, onSent } = setup(store, { started: false });
    await settle();
    await tick();
    expect(flushes(store)).toBe(0);
    rerender({ started: true, onSent });
    await settle();
    expect(flushes(store)).toBe(1);
  });

  it("retries on the timer while something is pending, quietly keeping the store's last error", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane()];
    store.flushOffline = "Failed to fetch";
    const { result, onSent } = setup(store);
    await settle();
    expect(flushes(store)).toBe(1);
    expect(result.current).toMatchObject({ count: 1, sending: false, lastError: "Failed to fetch" });
    await tick(OUTBOX_RETRY_MS - 1);
    expect(flushes(store)).toBe(1);
    await tick(1);
    expect(flushes(store)).toBe(2);
    store.flushOffline = undefined;
    await tick();
    expect(flushes(store)).toBe(3);
    expect(result.current.count).toBe(0);
    expect(onSent).toHaveBeenCalledWith(1);
    await tick(3 * OUTBOX_RETRY_MS);
    expect(flushes(store)).toBe(3);
  });

  it("keeps a thrown failure as the error and goes on retrying", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane()];
    store.fail("flushPending", "offline", "down", 2);
    const { result } = setup(store);
    await settle();
    expect(result.current.error?.kind).toBe("offline");
    expect(result.current.count).toBe(1);
    await tick();
    await tick();
    expect(flushes(store)).toBe(3);
    expect(result.current.error).toBeUndefined();
    expect(result.current.count).toBe(0);
  });

  it("never overlaps runs: ticks and online events join the run in progress, Send now follows it", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane()];
    store.flushOffline = "offline";
    const slow = gate();
    store.flushGate = slow;
    const { result } = setup(store);
    await settle();
    expect(flushes(store)).toBe(1);
    expect(result.current.sending).toBe(true);
    await tick(3 * OUTBOX_RETRY_MS);
    act(() => void window.dispatchEvent(new Event("online")));
    void result.current.sendNow();
    await settle();
    expect(flushes(store)).toBe(1);
    store.flushGate = undefined;
    slow.open();
    await settle();
    // Send now wanted the failed logs too, which the automatic run skips: its own run follows, never overlapping.
    expect(flushes(store)).toBe(2);
    expect(store.callsOf("flushPending")[1]).toEqual([{ includeFailed: true }]);
    expect(result.current.sending).toBe(false);
    await tick();
    expect(flushes(store)).toBe(3);
  });

  it("sends when the browser comes back online", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane()];
    store.flushOffline = "offline";
    const { result } = setup(store);
    await settle();
    store.flushOffline = undefined;
    await act(async () => {
      window.dispatchEvent(new Event("online"));
      await jest.advanceTimersByTimeAsync(0);
    });
    expect(flushes(store)).toBe(2);
    expect(result.current.count).toBe(0);
  });

  it("stops the timer and the online listener on unmount", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane()];
    store.flushOffline = "offline";
    const { unmount } = setup(store);
    await settle();
    expect(flushes(store)).toBe(1);
    unmount();
    await tick(10 * OUTBOX_RETRY_MS);
    window.dispatchEvent(new Event("online"));
    await settle();
    expect(flushes(store)).toBe(1);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe("usePendingLogs and logs that failed for good", () => {
  it("leaves failed logs to the user: no automatic run or timer for them, Send now retries them", async () => {
    const store = new FakeStore();
    store.pending = [queuedForJane("a", "p1")];
    store.flushRefused = "The template is blocked";
    const { result } = setup(store);
    await settle();
    expect(flushes(store)).toBe(1);
    expect(result.current.count).toBe(1);
    expect(result.current.failed.map((l) => l.id)).toEqual(["p1"]);
    expect(result.current.lastError).toBeUndefined();
    await tick(5 * OUTBOX_RETRY_MS);
    act(() => void window.dispatchEvent(new Event("online")));
    await settle();
    expect(flushes(store)).toBe(1);

    store.flushRefused = undefined;
    await act(() => result.current.sendNow());
    expect(store.callsOf("flushPending")[1]).toEqual([{ includeFailed: true }]);
    expect(result.current.count).toBe(0);
  });

  it("discards a log and re-reads the outbox", async () => {
    const store = new FakeStore();
    store.pending = [
      { ...queuedForJane("a", "p1"), failed: true, lastError: "403" },
      queuedForJane("b", "p2"),
    ];
    store.flushOffline = "offline";
    const { result } = setup(store);
    await settle();
    await act(() => result.current.discard("p1"));
    expect(store.pending.map((p) => p.id)).toEqual(["p2"]);
    expect(result.current.failed).toEqual([]);
    expect(result.current.count).toBe(1);
  });
});

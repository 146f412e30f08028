// Two panes (a pinned pane and a pop-out, two windows) share one IndexedDB outbox: each log is replayed by one pane
// at a time, and a discard wins — a discarded log is never sent, or put back, by the other pane. Run against the
// IndexedDB claim records (no Web Locks here, as in older hosts) and against the Web Locks API.
import "fake-indexeddb/auto";
import { StoreError } from "../../domain/errors";
import type { LogResult, PendingLog } from "../../domain/ports";
import { IndexedDbOutbox } from "../outbox";
import { OutboxReplay, type Replay } from "./outbox-replay";
import { FakeLockManager } from "./test-locks";

const USER = { displayName: "Annette Hill", emailAddress: "annette.hill@cronus.example" };

function log(id: string, at = "2024-05-01T00:00:00.000Z"): PendingLog {
  return {
    id,
    queuedAt: at,
    attempts: 0,
    request: {
      contacts: [{ contactNo: `CT-${id}`, type: "Person", name: id }],
      user: USER,
      draft: {
        templateCode: "EMAIL",
        description: id,
        interactionDate: "2024-05-01T00:00:00Z",
        attemptFailed: false,
        costLCY: 0,
        durationMin: 0,
      },
    },
  };
}

const sent = (p: PendingLog): LogResult => ({
  results: p.request.contacts.map((c) => ({ contactNo: c.contactNo, status: "logged" })),
});
const offline = (p: PendingLog): LogResult => ({
  results: p.request.contacts.map((c) => ({
    contactNo: c.contactNo,
    status: "queued",
    error: new StoreError("offline", "Graph could not be reached"),
  })),
});

function gate() {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

const waitFor = async (cond: () => boolean) => {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!cond()) throw new Error("condition not reached");
};

describe.each([
  ["IndexedDB claim records", () => undefined],
  ["Web Locks", () => new FakeLockManager()],
])("two panes on one outbox (%s)", (_name, makeLocks) => {
  let db: string;
  let panes: { box: IndexedDbOutbox; replay: OutboxReplay }[];
  beforeEach(() => {
    db = `panes-${Math.random()}`;
    const locks = makeLocks();
    panes = [0, 1].map(() => {
      const box = new IndexedDbOutbox(db, indexedDB, locks === undefined ? null : locks);
      return { box, replay: new OutboxReplay(box, () => new Date()) };
    });
  });
  afterEach(() => panes.forEach((p) => p.box.close()));

  it("replays each log in one pane only when both send at once", async () => {
    for (let i = 0; i < 12; i++) await panes[0]!.box.put(log(`p${String(i).padStart(2, "0")}`));
    const calls: string[] = [];
    const replay: Replay = async (p) => {
      calls.push(p.id);
      await new Promise((r) => setTimeout(r, 3));
      return sent(p);
    };
    const [a, b] = await Promise.all(panes.map((p) => p.replay.flush(replay)));
    expect(a! + b!).toBe(12);
    expect(calls.sort()).toEqual([...new Set(calls)].sort());
    expect(calls).toHaveLength(12);
    expect(await panes[1]!.box.list()).toEqual([]);
  });

  it("a discard wins over the other pane's replay in progress: the log is not put back", async () => {
    await panes[0]!.box.put(log("x"));
    const inFlight = gate();
    let started = false;
    const slowOffline: Replay = async (p) => {
      started = true;
      await inFlight.promise;
      return offline(p);
    };
    const flushing = panes[1]!.replay.flush(slowOffline);
    await waitFor(() => started);
    const discarding = panes[0]!.replay.discard("x");
    inFlight.open();
    await Promise.all([flushing, discarding]);
    expect(await panes[0]!.box.list()).toEqual([]);
    expect(await panes[1]!.box.list()).toEqual([]);
  });

  it("a log discarded in one pane is never sent by the other, even from a list it read before", async () => {
    await panes[0]!.box.put(log("w", "2024-05-01T00:00:00.000Z"));
    await panes[0]!.box.put(log("x", "2024-05-02T00:00:00.000Z"));
    const first = gate();
    const replayed: string[] = [];
    const replay: Replay = async (p) => {
      replayed.push(p.id);
      if (p.id === "w") await first.promise;
      return sent(p);
    };
    const flushing = panes[1]!.replay.flush(replay);
    await waitFor(() => replayed.length === 1);
    await panes[0]!.replay.discard("x");
    first.open();
    expect(await flushing).toBe(1);
    expect(replayed).toEqual(["w"]);
    expect(await panes[1]!.box.list()).toEqual([]);
  });
});

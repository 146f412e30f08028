import "fake-indexeddb/auto";
import type { PendingLog } from "../domain/ports";
import { IndexedDbOutbox, MemoryOutbox, type OutboxStorage } from "./outbox";

function pending(id: string, queuedAt: string): PendingLog {
  return {
    id,
    queuedAt,
    attempts: 0,
    request: {
      contacts: [{ contactNo: "CT000010", type: "Person", name: "Robin" }],
      draft: {
        templateCode: "EMAIL",
        description: "x",
        interactionDate: "2024-01-01T00:00:00.000Z",
        attemptFailed: false,
        costLCY: 0,
        durationMin: 0,
      },
      user: { displayName: "A", emailAddress: "a@x.example" },
    },
  };
}

describe.each<[string, () => OutboxStorage]>([
  ["MemoryOutbox", () => new MemoryOutbox()],
  ["IndexedDbOutbox", () => new IndexedDbOutbox(`outbox-test-${Math.random()}`)],
])("%s", (_name, make) => {
  it("keeps logs oldest first, replaces by id and removes only what is asked", async () => {
    const box = make();
    await box.put(pending("b", "2024-01-02T00:00:00.000Z"));
    await box.put(pending("a", "2024-01-01T00:00:00.000Z"));
    expect((await box.list()).map((p) => p.id)).toEqual(["a", "b"]);
    await box.put({ ...pending("a", "2024-01-01T00:00:00.000Z"), attempts: 3, lastError: "offline" });
    const [first] = await box.list();
    expect(first).toMatchObject({ id: "a", attempts: 3, lastError: "offline" });
    expect(first!.request.contacts[0]!.contactNo).toBe("CT000010");
    await box.remove("a");
    expect((await box.list()).map((p) => p.id)).toEqual(["b"]);
  });
});

describe("IndexedDbOutbox", () => {
  it("survives closing the pane: a new instance on the same database sees the logs", async () => {
    const name = `outbox-persist-${Math.random()}`;
    const first = new IndexedDbOutbox(name);
    await first.put(pending("x", "2024-01-01T00:00:00.000Z"));
    first.close();
    const second = new IndexedDbOutbox(name);
    expect((await second.list()).map((p) => p.id)).toEqual(["x"]);
    second.close();
  });

  it("says so when the host has no IndexedDB", async () => {
    await expect(new IndexedDbOutbox("none", null).list()).rejects.toThrow(/not available/);
  });
});

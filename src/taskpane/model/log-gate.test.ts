import { LogGate, readWhenIdle } from "./log-gate";

function held<T>(value: T) {
  let release!: () => void;
  const promise = new Promise<T>((resolve) => (release = () => resolve(value)));
  return { promise, release };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

it("is idle at once when no log runs, and busy while one does", async () => {
  const gate = new LogGate();
  expect(gate.busy).toBe(false);
  await expect(gate.idle()).resolves.toBeUndefined();
  const log = held("done");
  const run = gate.run(() => log.promise);
  expect(gate.busy).toBe(true);
  expect(gate.generation).toBe(1);
  log.release();
  await expect(run).resolves.toBe("done");
  expect(gate.busy).toBe(false);
});

it("wakes the waiting reads only when the last of two logs ends, also when a log fails", async () => {
  const gate = new LogGate();
  const first = held(1);
  let failSecond!: (e: Error) => void;
  const a = gate.run(() => first.promise);
  const b = gate.run(() => new Promise<number>((_, reject) => (failSecond = reject)));
  let woke = false;
  void gate.idle().then(() => (woke = true));
  first.release();
  await a;
  await tick();
  expect(woke).toBe(false);
  failSecond(new Error("network"));
  await expect(b).rejects.toThrow("network");
  await tick();
  expect(woke).toBe(true);
  expect(gate.busy).toBe(false);
});

it("reads after the running log, and again when a log started during the read", async () => {
  const gate = new LogGate();
  const order: string[] = [];
  const log = held(undefined);
  void gate.run(async () => {
    await log.promise;
    order.push("log 1");
  });
  let reads = 0;
  const second = held(undefined);
  const result = readWhenIdle(gate, async () => {
    reads++;
    order.push(`read ${reads}`);
    // A second log starts while the first read is on its way.
    if (reads === 1) {
      void gate.run(async () => {
        await second.promise;
        order.push("log 2");
      });
      second.release();
    }
    return reads;
  });
  await tick();
  expect(reads).toBe(0);
  log.release();
  await expect(result).resolves.toBe(2);
  expect(order).toEqual(["log 1", "read 1", "log 2", "read 2"]);
});

it("gives up after the given number of reads when logs never stop starting", async () => {
  const gate = new LogGate();
  let reads = 0;
  const value = await readWhenIdle(
    gate,
    async () => {
      reads++;
      void gate.run(async () => undefined);
      return reads;
    },
    3,
  );
  expect(value).toBe(3);
  expect(reads).toBe(3);
});

import { MIN_UPLOAD_BYTES_PER_SECOND, RANGE_UNIT, uploadInSession } from "./content-upload";

/** A session endpoint whose PUTs take `ms` to answer, honouring the caller's abort signal like fetch does. */
function slowSession(ms: number) {
  const seen: { range: string | null; aborted: boolean }[] = [];
  const fetch = ((_url: string, init: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const record = { range: new Headers(init.headers).get("Content-Range"), aborted: false };
      seen.push(record);
      const timer = setTimeout(() => {
        const [, , end, total] = /bytes (\d+)-(\d+)\/(\d+)/.exec(record.range ?? "") ?? [];
        const done = Number(end) + 1 === Number(total);
        resolve(
          done
            ? new Response(JSON.stringify({ id: "f1", name: "big.bin", size: Number(total) }), {
                status: 201,
              })
            : new Response(JSON.stringify({ nextExpectedRanges: [`${Number(end) + 1}-`] }), { status: 202 }),
        );
      }, ms);
      init.signal?.addEventListener("abort", () => {
        clearTimeout(timer);
        record.aborted = true;
        reject(new DOMException("The operation was aborted", "AbortError"));
      });
    })) as unknown as typeof globalThis.fetch;
  return { fetch, seen };
}

it("gives each range time by its size, so a slow link that keeps sending gets through", async () => {
  // 320 KiB at the slowest rate is 5 s on top of the request deadline (50 ms here); this link needs 300 ms a range.
  expect(RANGE_UNIT / MIN_UPLOAD_BYTES_PER_SECOND).toBe(5);
  const { fetch, seen } = slowSession(300);
  const item = await uploadInSession("https://upload.example/s1", new Uint8Array(2 * RANGE_UNIT), {
    fetch,
    rangeBytes: RANGE_UNIT,
    timeoutMs: 50,
  });
  expect(item).toMatchObject({ id: "f1", size: 2 * RANGE_UNIT });
  expect(seen.map((s) => [s.range, s.aborted])).toEqual([
    [`bytes 0-${RANGE_UNIT - 1}/${2 * RANGE_UNIT}`, false],
    [`bytes ${RANGE_UNIT}-${2 * RANGE_UNIT - 1}/${2 * RANGE_UNIT}`, false],
  ]);
});

it("still ends a range that stalls: at the request deadline plus its bytes' time, then gives up as offline", async () => {
  const { fetch, seen } = slowSession(10 * 60_000);
  const started = Date.now();
  const outcome = await uploadInSession("https://upload.example/s2", new Uint8Array(RANGE_UNIT), {
    fetch,
    rangeBytes: RANGE_UNIT,
    timeoutMs: 100,
    maxResumes: 0,
  }).then(
    () => "uploaded",
    (e: { kind?: string }) => e.kind,
  );
  const elapsed = Date.now() - started;
  expect(outcome).toBe("offline");
  expect(seen[0]!.aborted).toBe(true);
  // 100 ms + 320 KiB at 64 KiB/s = 5.1 s.
  expect(elapsed).toBeGreaterThanOrEqual(5_050);
  expect(elapsed).toBeLessThan(7_000);
});

// Issue 12, item 14: the emulator's pipeline is one ordered list of named steps, shared by top-level requests and
// $batch parts; the store is injected through IEmulatorStore (read-only list views, no ListState); every error leaves
// through the one error factory in Graph's wire shape.
import { EmulatorStore } from "../../dev/emulator/persistence/emulator-store";
import type { IEmulatorStore, ListView } from "../../dev/emulator/persistence/store-interface";
import type { Mutation } from "../../dev/emulator/persistence/mutations";
import { PIPELINE, type PipelineStep } from "../../dev/emulator/pipeline";
import { createList, HOST, raw, sdk, SITE_PATH, start, type GraphJson } from "./helpers";

/** An IEmulatorStore that records commits and can be told to fail, around a real in-memory store. */
class RecordingStore implements IEmulatorStore {
  readonly inner = new EmulatorStore({});
  readonly commits: Mutation[][] = [];
  failLists = false;
  site: IEmulatorStore["site"] = (id) => this.inner.site(id);
  siteByPath: IEmulatorStore["siteByPath"] = (h, p) => this.inner.siteByPath(h, p);
  sites: IEmulatorStore["sites"] = () => this.inner.sites();
  list(siteId: string, idOrName: string): ListView | undefined {
    if (this.failLists) throw new Error("disk on fire");
    return this.inner.list(siteId, idOrName);
  }
  lists: IEmulatorStore["lists"] = (siteId) => this.inner.lists(siteId);
  commit(muts: Mutation[]): void {
    this.commits.push(muts);
    this.inner.commit(muts);
  }
  group: IEmulatorStore["group"] = (fn) => this.inner.group(fn);
  journalStats: IEmulatorStore["journalStats"] = () => this.inner.journalStats();
  close: IEmulatorStore["close"] = () => this.inner.close();
}

function post(id: string, url: string, fields: Record<string, unknown>) {
  return { id, method: "POST", url, headers: { "Content-Type": "application/json" }, body: { fields } };
}

describe("emulator pipeline (issue 12, item 14)", () => {
  it("is one ordered list of named steps: context, cors, admin, version, auth, body, faults, route", () => {
    expect(PIPELINE.map((s) => s.name)).toEqual([
      "context",
      "cors",
      "admin",
      "version",
      "auth",
      "body",
      "faults",
      "route",
    ]);
    // Steps that belong to the HTTP exchange do not run for $batch parts; every other step serves both.
    expect(PIPELINE.filter((s) => s.scope === "request").map((s) => s.name)).toEqual(["cors", "admin"]);
    expect(PIPELINE.filter((s) => s.scope === "both")).toHaveLength(6);
  });

  it("runs top-level requests and every $batch part through the same (injected) list of steps", async () => {
    const trace: string[] = [];
    const traced: PipelineStep[] = PIPELINE.map((s) => ({
      ...s,
      run: (ctx, deps) => {
        trace.push(`${ctx.scope}:${s.name}`);
        return s.run(ctx, deps);
      },
    }));
    const emulator = await start({ pipeline: traced });
    try {
      const siteId = (await sdk(emulator).api(`/sites/${HOST}:${SITE_PATH}`).get()).id as string;
      const list = await createList(sdk(emulator), siteId, [], "Traced");
      trace.length = 0;
      const items = `/sites/${siteId}/lists/${list.id}/items`;
      const res = await raw(emulator, "POST", "/v1.0/$batch", {
        body: { requests: [post("1", items, { Title: "a" }), post("2", `/v1.0${items}`, { Title: "b" })] },
      });
      expect(res.body.responses.map((r: GraphJson) => r.status)).toEqual([201, 201]);
      const request = ["context", "cors", "admin", "version", "auth", "body", "faults", "route"];
      const part = ["context", "version", "auth", "body", "faults", "route"];
      // The parts run through the injected list too, inside the top-level route step.
      expect(trace).toEqual([
        ...request.map((n) => `request:${n}`),
        ...part.map((n) => `part:${n}`),
        ...part.map((n) => `part:${n}`),
      ]);
    } finally {
      await emulator.close();
    }
  });

  it("serves Graph requests and $batch parts from an injected IEmulatorStore", async () => {
    const store = new RecordingStore();
    const emulator = await start({ store });
    try {
      const siteId = (await sdk(emulator).api(`/sites/${HOST}:${SITE_PATH}`).get()).id as string;
      expect(store.inner.site(siteId)).toBeDefined();
      const list = await createList(sdk(emulator), siteId, [], "Injected");
      const items = `/sites/${siteId}/lists/${list.id}/items`;
      await raw(emulator, "POST", "/v1.0/$batch", {
        body: { requests: [post("1", items, { Title: "x" }), post("2", items, { Title: "y" })] },
      });
      expect(store.commits.map((c) => c.map((m) => m.t).join())).toEqual(["site", "list", "put", "put"]);
      const view = store.list(siteId, list.id)!;
      expect([...view.items.values()].map((i) => i.fields.Title)).toEqual(["x", "y"]);
    } finally {
      await emulator.close();
    }
  });

  it("answers a failure anywhere, top level or inside $batch, in Graph's error shape from the factory", async () => {
    const store = new RecordingStore();
    const emulator = await start({ store });
    try {
      const siteId = (await sdk(emulator).api(`/sites/${HOST}:${SITE_PATH}`).get()).id as string;
      store.failLists = true;
      const top = await raw(emulator, "GET", `/v1.0/sites/${siteId}/lists/Anything`, {
        headers: { "client-request-id": "c-1" },
      });
      expect(top.status).toBe(500);
      expect(top.body.error).toMatchObject({
        code: "generalException",
        innerError: { "request-id": top.headers["request-id"], "client-request-id": "c-1" },
      });
      const batch = await raw(emulator, "POST", "/v1.0/$batch", {
        body: { requests: [{ id: "1", method: "GET", url: `/sites/${siteId}/lists/Anything` }] },
      });
      expect(batch.status).toBe(200);
      expect(batch.body.responses[0]).toMatchObject({
        status: 500,
        headers: { "Content-Type": "application/json" },
        body: {
          error: { code: "generalException", innerError: { "request-id": batch.headers["request-id"] } },
        },
      });
      // A wrong version segment, a method the route does not take and a nested $batch: all from the factory.
      const wrongVersion = await raw(emulator, "GET", `/v2.0/sites/${siteId}`);
      expect(wrongVersion.body.error.code).toBe("invalidRequest");
      expect(wrongVersion.body.error.innerError["request-id"]).toBe(wrongVersion.headers["request-id"]);
      const nested = await raw(emulator, "POST", "/v1.0/$batch", {
        body: {
          requests: [
            {
              id: "1",
              method: "POST",
              url: "/$batch",
              headers: { "Content-Type": "application/json" },
              body: {},
            },
          ],
        },
      });
      expect(nested.body.responses[0]?.body.error.code).toBe("invalidRequest");
    } finally {
      await emulator.close();
    }
  });

  it("hands handlers read-only list views, never the store's mutable list state", () => {
    const store: IEmulatorStore = new EmulatorStore({});
    const view = store.lists("none")[0];
    if (view) {
      // @ts-expect-error a ListView has no mutators (checked by tsc -p .)
      view.put(undefined);
      // @ts-expect-error its maps are read-only
      view.items.set(1, undefined);
    }
    expect(view).toBeUndefined();
  });
});

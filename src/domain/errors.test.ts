import { INTERACTION_REQUIRED, isStoreError, needsInteractiveSignIn, StoreError } from "./errors";

describe("StoreError", () => {
  it("carries kind, message and details and is an Error", () => {
    const cause = new Error("socket hang up");
    const e = new StoreError("offline", "Graph is unreachable", {
      status: 503,
      code: "serviceNotAvailable",
      requestId: "r-1",
      cause,
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("StoreError");
    expect(e.kind).toBe("offline");
    expect(e.message).toBe("Graph is unreachable");
    expect(e.details).toEqual({ status: 503, code: "serviceNotAvailable", requestId: "r-1", cause });
    expect(new StoreError("unknown", "x").details).toEqual({});
  });

  it.each([
    [new StoreError("conflict", "changed"), true],
    [new Error("plain"), false],
    [{ kind: "offline", message: "look-alike" }, false],
    [undefined, false],
  ])("isStoreError(%o) → %s", (value, expected) => {
    expect(isStoreError(value)).toBe(expected);
  });
});

describe("needsInteractiveSignIn", () => {
  it("is true only for an unauthenticated StoreError whose code is interactionRequired", () => {
    expect(INTERACTION_REQUIRED).toBe("interactionRequired");
    expect(
      needsInteractiveSignIn(new StoreError("unauthenticated", "x", { code: "interactionRequired" })),
    ).toBe(true);
    expect(needsInteractiveSignIn(new StoreError("unauthenticated", "x", { code: "other" }))).toBe(false);
    expect(needsInteractiveSignIn(new StoreError("unauthenticated", "x"))).toBe(false);
    expect(needsInteractiveSignIn(new StoreError("offline", "x", { code: "interactionRequired" }))).toBe(
      false,
    );
    expect(
      needsInteractiveSignIn({ kind: "unauthenticated", details: { code: "interactionRequired" } }),
    ).toBe(false);
    expect(needsInteractiveSignIn(undefined)).toBe(false);
  });
});

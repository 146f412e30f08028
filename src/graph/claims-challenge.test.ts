import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { ClaimsChallengeHandler, type ClaimsAwareProvider } from "./claims-challenge";

const CHALLENGE =
  'Bearer realm="", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZX19fQ=="';

/** Serves canned responses in order and records how often it was called. */
class CannedResponses implements Middleware {
  calls = 0;
  constructor(private readonly responses: Response[]) {}
  setNext(): void {}
  async execute(context: Context): Promise<void> {
    const r = this.responses[this.calls++];
    if (!r) throw new Error("no more canned responses");
    context.response = r;
  }
}

function provider(takesChallenge: boolean): ClaimsAwareProvider & { seen: Array<string | null | undefined> } {
  const seen: Array<string | null | undefined> = [];
  return {
    seen,
    getAccessToken: async () => "token",
    handleClaimsChallenge: (h) => {
      seen.push(h);
      return takesChallenge;
    },
  };
}

async function run(
  p: ClaimsAwareProvider,
  responses: Response[],
): Promise<{ status?: number; calls: number }> {
  const handler = new ClaimsChallengeHandler(p);
  const terminal = new CannedResponses(responses);
  handler.setNext(terminal);
  const context: Context = {
    request: "https://graph.microsoft.com/v1.0/sites/root",
    options: { method: "GET" },
  };
  await handler.execute(context);
  return { status: context.response?.status, calls: terminal.calls };
}

describe("ClaimsChallengeHandler", () => {
  it("hands a 401 claims challenge to the provider and retries exactly once", async () => {
    const p = provider(true);
    const result = await run(p, [
      new Response("{}", { status: 401, headers: { "WWW-Authenticate": CHALLENGE } }),
      new Response("{}", { status: 200 }),
    ]);
    expect(result).toEqual({ status: 200, calls: 2 });
    expect(p.seen).toEqual([CHALLENGE]);
  });

  it("does not loop when the retry is challenged again", async () => {
    const p = provider(true);
    const result = await run(p, [
      new Response("{}", { status: 401, headers: { "WWW-Authenticate": CHALLENGE } }),
      new Response("{}", { status: 401, headers: { "WWW-Authenticate": CHALLENGE } }),
    ]);
    expect(result).toEqual({ status: 401, calls: 2 });
  });

  it("passes other 401s and successes through untouched", async () => {
    const p = provider(false);
    await expect(run(p, [new Response("{}", { status: 401 })])).resolves.toEqual({ status: 401, calls: 1 });
    expect(p.seen).toEqual([null]);
    await expect(run(provider(true), [new Response("{}", { status: 200 })])).resolves.toEqual({
      status: 200,
      calls: 1,
    });
  });
});

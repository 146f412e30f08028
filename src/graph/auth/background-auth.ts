// What background work (the outbox's automatic runs) may ask of the token provider: silent acquisition only, and
// never longer than the run may take. Kept free of MSAL so the store can use it in every mode.
import type {
  AuthenticationProvider,
  AuthenticationProviderOptions,
} from "@microsoft/microsoft-graph-client";
import { StoreError } from "../../domain/errors";
import type { ClaimsAwareProvider } from "../claims-challenge";

export interface SilentTokenSource {
  /** Rejects with StoreError "unauthenticated", code `interactionRequired`, when the user has to act. */
  getAccessTokenSilently(options?: AuthenticationProviderOptions): Promise<string>;
}

function hasSilent(p: AuthenticationProvider): p is AuthenticationProvider & SilentTokenSource {
  return typeof (p as Partial<SilentTokenSource>).getAccessTokenSilently === "function";
}

/**
 * The provider for one outbox run. Background: silent only (a provider without a silent mode, such as the
 * emulator's dev token, never shows UI anyway). Either way a token still awaited when `signal` aborts is given up.
 */
export function providerForRun(
  provider: AuthenticationProvider,
  background: boolean,
  signal: AbortSignal,
): AuthenticationProvider {
  const get = (options?: AuthenticationProviderOptions) =>
    background && hasSilent(provider)
      ? provider.getAccessTokenSilently(options)
      : provider.getAccessToken(options);
  const run: AuthenticationProvider & Partial<ClaimsAwareProvider> = {
    getAccessToken: (options) => untilAborted(get(options), signal),
  };
  const claimsAware = provider as Partial<ClaimsAwareProvider>;
  if (typeof claimsAware.handleClaimsChallenge === "function")
    run.handleClaimsChallenge = (h) => claimsAware.handleClaimsChallenge!.call(provider, h);
  return run;
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  const aborted = () => new StoreError("offline", "The outbox run was cancelled", { code: "aborted" });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

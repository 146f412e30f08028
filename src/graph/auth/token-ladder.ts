// The token ladder, in one place: cached token → MSAL silent → (NAA) popup → Office dialog. Each rung is only
// tried when the previous one failed for a reason the next can fix; everything else becomes a StoreError at once.
import type {
  AuthenticationProvider,
  AuthenticationProviderOptions,
} from "@microsoft/microsoft-graph-client";
import { INTERACTION_REQUIRED, StoreError } from "../../domain/errors";
import { classifyAuthError, toAuthStoreError } from "./auth-errors";
import { SCOPES } from "./scopes";
import type { AccessToken, TokenClient, TokenRequest } from "./token-client";

export interface TokenLadderOptions {
  /** Created on first use: MSAL's start-up talks to the host or the network. */
  msal: () => Promise<TokenClient>;
  /** The Office dialog rung; absent when the host has no dialog API. */
  dialog?: TokenClient;
  /** Nested app authentication is available: try MSAL's popup before the dialog. */
  naa: boolean;
  loginHint?: string;
  /** Scopes when a request names none. Default SCOPES.items. */
  defaultScopes?: readonly string[];
  /** A cached token is renewed this long before it expires. Default 5 minutes. */
  refreshMarginMs?: number;
  now?: () => number;
}

/** Graph's Continuous Access Evaluation challenge: `Bearer …, error="insufficient_claims", claims="<base64 JSON>"`. */
export function parseClaimsChallenge(wwwAuthenticate: string | null | undefined): string | null {
  if (!wwwAuthenticate || !/insufficient_claims/i.test(wwwAuthenticate)) return null;
  const encoded = /claims="([^"]+)"/i.exec(wwwAuthenticate)?.[1];
  if (!encoded) return null;
  try {
    const json = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
    JSON.parse(json);
    return json;
  } catch {
    return null;
  }
}

function interactionRequired(cause: unknown): StoreError {
  return new StoreError("unauthenticated", "Signing in needs you: sign in to send the pending logs.", {
    code: INTERACTION_REQUIRED,
    cause,
  });
}

function normalizeScopes(scopes: readonly string[]): string[] {
  return [...new Set(scopes.map((s) => s.trim()).filter(Boolean))];
}

export class TokenLadder implements AuthenticationProvider {
  private readonly cache = new Map<string, AccessToken>();
  private readonly inflight = new Map<string, Promise<string>>();
  /** One interactive sign-in at a time: Office refuses a second dialog (12007) and stacked popups confuse users. */
  private interactiveQueue: Promise<unknown> = Promise.resolve();
  private msalClient: Promise<TokenClient> | undefined;
  private pendingClaims: string | undefined;
  private readonly now: () => number;
  private readonly margin: number;

  constructor(private readonly options: TokenLadderOptions) {
    this.now = options.now ?? Date.now;
    this.margin = options.refreshMarginMs ?? 5 * 60_000;
  }

  /** The Graph SDK's hook; `options.scopes` comes per request from AuthenticationHandlerOptions. */
  getAccessToken(options?: AuthenticationProviderOptions): Promise<string> {
    return this.token(options, true);
  }

  /**
   * For background work (the outbox's automatic runs): the cached token or MSAL's silent acquisition, never a
   * popup or dialog. When the user has to act, rejects with StoreError "unauthenticated", code
   * `interactionRequired`.
   */
  getAccessTokenSilently(options?: AuthenticationProviderOptions): Promise<string> {
    return this.token(options, false);
  }

  private token(options: AuthenticationProviderOptions | undefined, interactive: boolean): Promise<string> {
    const requested = options?.scopes?.length ? options.scopes : (this.options.defaultScopes ?? SCOPES.items);
    const scopes = normalizeScopes(requested);
    const key = scopes
      .map((s) => s.toLowerCase())
      .sort()
      .join(" ");
    const claims = this.pendingClaims;
    if (!claims) {
      const cached = this.cache.get(key);
      if (cached && cached.expiresOn - this.margin > this.now()) return Promise.resolve(cached.accessToken);
    }
    // A silent caller never joins (or is joined by) an interactive sign-in it did not ask for.
    const flight = interactive ? key : `${key}|silent`;
    const running = this.inflight.get(flight);
    if (running) return running;
    const request: TokenRequest = { scopes };
    if (this.options.loginHint) request.loginHint = this.options.loginHint;
    if (claims) request.claims = claims;
    const promise = (interactive ? this.acquire(request) : this.acquireSilently(request))
      .then((token) => {
        this.cache.set(key, token);
        if (claims && this.pendingClaims === claims) this.pendingClaims = undefined;
        return token.accessToken;
      })
      .finally(() => this.inflight.delete(flight));
    this.inflight.set(flight, promise);
    return promise;
  }

  /**
   * Call with the WWW-Authenticate header of a 401. When it is a CAE claims challenge, cached tokens are dropped
   * and the next token is fetched fresh with those claims; returns true when the request is worth retrying once.
   */
  handleClaimsChallenge(wwwAuthenticate: string | null | undefined): boolean {
    const claims = parseClaimsChallenge(wwwAuthenticate);
    if (!claims) return false;
    this.pendingClaims = claims;
    this.cache.clear();
    return true;
  }

  /** Sign-out or account switch: forget every token. */
  async clear(): Promise<void> {
    this.cache.clear();
    this.pendingClaims = undefined;
    if (this.msalClient) await (await this.msalClient).clear?.();
  }

  private async acquire(request: TokenRequest): Promise<AccessToken> {
    let msal: TokenClient;
    try {
      this.msalClient ??= this.options.msal();
      msal = await this.msalClient;
    } catch (e) {
      // MSAL could not start here (e.g. the NAA bridge failed): the dialog runs its own MSAL and may still work.
      this.msalClient = undefined;
      if (!this.options.dialog) throw toAuthStoreError(e, request.scopes);
      return this.interactively(() => this.viaDialog(request));
    }
    try {
      return await msal.acquireSilent(request);
    } catch (e) {
      if (classifyAuthError(e).kind !== "interactionRequired") throw toAuthStoreError(e, request.scopes);
    }
    return this.interactively(async () => {
      if (this.options.naa) {
        try {
          return await msal.acquireInteractive(request);
        } catch (e) {
          if (classifyAuthError(e).kind !== "useDialog" || !this.options.dialog) {
            throw toAuthStoreError(e, request.scopes);
          }
        }
      }
      return this.viaDialog(request);
    });
  }

  private async acquireSilently(request: TokenRequest): Promise<AccessToken> {
    let msal: TokenClient;
    try {
      this.msalClient ??= this.options.msal();
      msal = await this.msalClient;
    } catch (e) {
      this.msalClient = undefined;
      // Only the dialog could sign in now, and that needs the user.
      if (this.options.dialog) throw interactionRequired(e);
      throw toAuthStoreError(e, request.scopes);
    }
    try {
      return await msal.acquireSilent(request);
    } catch (e) {
      if (classifyAuthError(e).kind === "interactionRequired") throw interactionRequired(e);
      throw toAuthStoreError(e, request.scopes);
    }
  }

  private async viaDialog(request: TokenRequest): Promise<AccessToken> {
    const dialog = this.options.dialog;
    if (!dialog) {
      throw new StoreError(
        "unauthenticated",
        "This version of Outlook cannot show a sign-in window. Update Outlook, or use Outlook on the web.",
        { code: "dialog_unsupported" },
      );
    }
    try {
      return await dialog.acquireInteractive(request);
    } catch (e) {
      throw toAuthStoreError(e, request.scopes);
    }
  }

  private interactively<T>(step: () => Promise<T>): Promise<T> {
    const run = this.interactiveQueue.then(step, step);
    this.interactiveQueue = run.catch(() => undefined);
    return run;
  }
}

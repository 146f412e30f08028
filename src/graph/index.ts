// The storage layer's front door: the composition root builds the store from the app configuration.
import type { AuthenticationProvider } from "@microsoft/microsoft-graph-client";
import type { AppConfig } from "../config/app-config";
import type { InteractionStorePort } from "../domain/ports";
import type { UserProfile } from "../domain/types";
import { providerForRun } from "./auth/background-auth";
import { DevTokenProvider } from "./auth/dev-token";
import { BatchExecutor, type BatchOptions } from "./batch";
import { createGraphClient, normalizeBaseUrl, type RetryOptions } from "./client";
import { GraphInteractionStore, type InteractionStoreDeps } from "./interaction-store";
import { defaultOutbox, type OutboxStorage } from "./outbox";
import { SharePointSite } from "./site";
import { ContentKeeper, type ContentKeeperOptions } from "./store/content-keeper";

export interface CreateInteractionStoreOptions {
  config: AppConfig;
  user: UserProfile;
  /** Required in tenant mode (the auth layer's provider); the emulator's dev token otherwise. */
  authProvider?: AuthenticationProvider;
  /** IndexedDB in the browser by default. */
  outbox?: OutboxStorage;
  retry?: RetryOptions;
  batch?: BatchOptions;
  /** Deadline of one Graph request; default the configuration's, else 30 s. */
  timeoutMs?: number;
  /** How long one outbox run may take before it is aborted; default 2 minutes. */
  outboxRunDeadlineMs?: number;
  /** The send handler's: moving a meeting's draft-time entries without loading a chunk (see store-core). */
  moveSource?: InteractionStoreDeps["moveSource"];
}

/**
 * The outbox's account: the SharePoint host of the configured site (one per tenant) and the signed-in user. A
 * log queued here is never replayed by a pane of another tenant or user.
 */
export function outboxAccountFor(config: AppConfig, user: UserProfile): { tenant: string; user: string } {
  return { tenant: new URL(config.siteUrl).host.toLowerCase(), user: user.emailAddress.trim().toLowerCase() };
}

export function createInteractionStore(
  options: CreateInteractionStoreOptions,
): GraphInteractionStore & InteractionStorePort {
  const { config, user } = options;
  const authProvider =
    options.authProvider ??
    (config.mode === "emulator" ? new DevTokenProvider(user.emailAddress, user.displayName) : undefined);
  if (!authProvider) throw new TypeError("Tenant mode needs an authProvider (see src/graph/auth)");
  const baseUrl = normalizeBaseUrl(config.graphBaseUrl);
  const timeoutMs = options.timeoutMs ?? config.requestTimeoutMs;
  const clientFor = (provider: AuthenticationProvider, signal?: AbortSignal) =>
    createGraphClient({
      baseUrl,
      authProvider: provider,
      ...(options.retry ? { retry: options.retry } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(signal ? { signal } : {}),
    });
  const client = clientFor(authProvider);
  return new GraphInteractionStore({
    site: new SharePointSite(client, config.siteUrl),
    batch: new BatchExecutor(client, baseUrl, options.batch ?? {}),
    baseUrl,
    mode: config.mode,
    outbox: options.outbox ?? defaultOutbox(),
    account: outboxAccountFor(config, user),
    forRun: ({ background, signal }) => {
      const runClient = clientFor(providerForRun(authProvider, background, signal), signal);
      return {
        site: new SharePointSite(runClient, config.siteUrl),
        batch: new BatchExecutor(runClient, baseUrl, options.batch ?? {}),
      };
    },
    ...(options.outboxRunDeadlineMs !== undefined
      ? { outboxRunDeadlineMs: options.outboxRunDeadlineMs }
      : {}),
    ...(options.moveSource ? { moveSource: options.moveSource } : {}),
    content: {
      ...(config.keepContentMax ? { cap: config.keepContentMax } : {}),
      ...(config.contentLimitBytes ? { limitBytes: config.contentLimitBytes } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    },
  });
}

/**
 * Issue 15: the service that keeps a log's content (excerpt, whole mail in Interaction Documents) with the
 * configuration's cap (ILO_KEEP_CONTENT_MAX) and size limit (ILO_KEEP_CONTENT_LIMIT_MB).
 */
export function createContentKeeper(
  options: Pick<CreateInteractionStoreOptions, "config" | "user" | "authProvider" | "retry" | "timeoutMs"> & {
    onProgress?: ContentKeeperOptions["onProgress"];
  },
): ContentKeeper {
  const { config, user } = options;
  const authProvider =
    options.authProvider ??
    (config.mode === "emulator" ? new DevTokenProvider(user.emailAddress, user.displayName) : undefined);
  if (!authProvider) throw new TypeError("Tenant mode needs an authProvider (see src/graph/auth)");
  const timeoutMs = options.timeoutMs ?? config.requestTimeoutMs;
  const client = createGraphClient({
    baseUrl: normalizeBaseUrl(config.graphBaseUrl),
    authProvider,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
  return new ContentKeeper({
    site: new SharePointSite(client, config.siteUrl),
    ...(config.keepContentMax ? { cap: config.keepContentMax } : {}),
    ...(config.contentLimitBytes ? { limitBytes: config.contentLimitBytes } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

export { GraphInteractionStore } from "./interaction-store";
export { ContentKeeper, type KeepContentRequest, type KeepContentResult } from "./store/content-keeper";
export { createGraphClient, normalizeBaseUrl, customHostsFor } from "./client";
export { BatchExecutor, chunkSteps } from "./batch";
export { SharePointSite, sitePathFor } from "./site";
export {
  provisionLists,
  seedReferenceData,
  DEFAULT_GROUPS,
  DEFAULT_TEMPLATES,
  DEFAULT_SETUP,
} from "./provisioning";
export { MemoryOutbox, IndexedDbOutbox, defaultOutbox, type OutboxStorage } from "./outbox";
export { LIST_NAMES, COL } from "./schema";
export { LISTS } from "./schema-lists";
export { toStoreError } from "./errors";
export { odataString } from "./odata";

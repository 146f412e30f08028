// The storage layer's front door: the composition root builds the store from the app configuration.
import type { AuthenticationProvider } from "@microsoft/microsoft-graph-client";
import type { AppConfig } from "../config/app-config";
import type { InteractionStorePort } from "../domain/ports";
import type { UserProfile } from "../domain/types";
import { DevTokenProvider } from "./auth/dev-token";
import { BatchExecutor, type BatchOptions } from "./batch";
import { createGraphClient, normalizeBaseUrl, type RetryOptions } from "./client";
import { GraphInteractionStore } from "./interaction-store";
import { defaultOutbox, type OutboxStorage } from "./outbox";
import { SharePointSite } from "./site";

export interface CreateInteractionStoreOptions {
  config: AppConfig;
  user: UserProfile;
  /** Required in tenant mode (the auth layer's provider); the emulator's dev token otherwise. */
  authProvider?: AuthenticationProvider;
  /** IndexedDB in the browser by default. */
  outbox?: OutboxStorage;
  retry?: RetryOptions;
  batch?: BatchOptions;
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
  const client = createGraphClient({
    baseUrl,
    authProvider,
    ...(options.retry ? { retry: options.retry } : {}),
  });
  return new GraphInteractionStore({
    site: new SharePointSite(client, config.siteUrl),
    batch: new BatchExecutor(client, baseUrl, options.batch ?? {}),
    baseUrl,
    mode: config.mode,
    outbox: options.outbox ?? defaultOutbox(),
  });
}

export { GraphInteractionStore } from "./interaction-store";
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
export { LIST_NAMES, LISTS, COL } from "./schema";
export { toStoreError } from "./errors";
export { odataString } from "./odata";

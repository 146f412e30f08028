// A meeting's iCalUId from its REST id: the one id the organiser's calendar and every attendee's share (Office.js
// has none; itemId differs per mailbox). Needs Calendars.Read (see auth/scopes.ts).
import type { AuthenticationProvider } from "@microsoft/microsoft-graph-client";
import type { AppConfig } from "../config/app-config";
import type { UserProfile } from "../domain/types";
import { DevTokenProvider } from "./auth/dev-token";
import { createGraphClient, normalizeBaseUrl } from "./client";

export interface MeetingUidOptions {
  config: AppConfig;
  user: UserProfile;
  authProvider?: AuthenticationProvider;
}

/** `GET /me/events/{id}?$select=iCalUId`; undefined when the event has none. Throws on failure (callers fall back). */
export function createMeetingUidResolver(
  options: MeetingUidOptions,
): (restId: string) => Promise<string | undefined> {
  const { config, user } = options;
  const authProvider =
    options.authProvider ??
    (config.mode === "emulator" ? new DevTokenProvider(user.emailAddress, user.displayName) : undefined);
  if (!authProvider) throw new TypeError("Tenant mode needs an authProvider (see src/graph/auth)");
  // One quick try: an item that cannot be resolved falls back to a mailbox-local id rather than waiting.
  const client = createGraphClient({
    baseUrl: normalizeBaseUrl(config.graphBaseUrl),
    authProvider,
    retry: { maxRetries: 0 },
    // The same deadline as every other request (ILO_REQUEST_TIMEOUT_SECONDS).
    ...(config.requestTimeoutMs !== undefined ? { timeoutMs: config.requestTimeoutMs } : {}),
  });
  const cache = new Map<string, Promise<string | undefined>>();
  return (restId) => {
    let found = cache.get(restId);
    if (!found) {
      found = (
        client
          .api(`/me/events/${encodeURIComponent(restId)}`)
          .select("iCalUId")
          .get() as Promise<{
          iCalUId?: unknown;
        }>
      ).then((e) => (typeof e?.iCalUId === "string" && e.iCalUId ? e.iCalUId : undefined));
      found.catch(() => cache.delete(restId));
      cache.set(restId, found);
    }
    return found;
  };
}

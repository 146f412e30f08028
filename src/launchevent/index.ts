// The send handler's entry: one bundle for both runtimes. launchevent.html loads it after Office.js in the browser
// runtime (Outlook on the web, new Outlook, Mac); classic Outlook on Windows runs this file alone in its
// JavaScript-only runtime, where there is no DOM, no localStorage, no IndexedDB and Office.onReady does not run, so
// the handlers are associated at load. No React, no Fluent: only the domain, office and graph code the pane uses.
import { loadAppConfig, type AppConfig } from "../config/app-config";
import type { UserProfile } from "../domain/types";
import { createInteractionStore, MemoryOutbox } from "../graph";
import { createSilentAuthProvider } from "../graph/auth/silent-naa";
import { createMeetingUidResolver } from "../graph/meeting-uid";
import { moveEntriesToSource } from "../graph/store/source-move";
import { IndexedDbKeyValue, SendLogQueue } from "../graph/send-queue";
import type { ComposeLoggingHost } from "../office/compose-logging";
import type { HostOffice } from "../office/host-shapes";
import { officeRuntimeStorage } from "../office/runtime-storage";
import { createSendHandler } from "./send-handler";

interface OfficeActions {
  actions?: { associate(name: string, handler: (event: unknown) => void): void };
}

function newId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === "function") c.getRandomValues(bytes);
  // A runtime without Web Crypto: the id only has to be unique among this user's logs.
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function durableQueue(): SendLogQueue | undefined {
  // The browser runtime shares IndexedDB with the pane (same origin); the JavaScript-only runtime has
  // OfficeRuntime.storage instead.
  if (typeof globalThis.indexedDB !== "undefined") return new SendLogQueue(new IndexedDbKeyValue());
  const runtime = officeRuntimeStorage();
  return runtime ? new SendLogQueue(runtime) : undefined;
}

function origin(): string {
  return typeof location !== "undefined" && location.origin ? location.origin : "https://localhost";
}

async function authFor(config: AppConfig, user: UserProfile) {
  // One file for classic Outlook: MSAL is bundled in, not loaded later (no second request from that runtime).
  if (config.mode !== "tenant") return undefined;
  return createSilentAuthProvider(config, user.emailAddress, origin());
}

function register(): void {
  const office = (globalThis as { Office?: HostOffice & ComposeLoggingHost & OfficeActions }).Office;
  if (!office?.actions) return;
  let config: AppConfig | undefined;
  try {
    config = loadAppConfig();
  } catch (e) {
    console.error(`Interaction Log: log on send is off, the configuration is invalid: ${String(e)}`);
  }
  const queue = durableQueue();
  const handler = !config
    ? (event: unknown) => (event as { completed(o: object): void }).completed({ allowEvent: true })
    : createSendHandler({
        office,
        policy: { ownDomains: config.ownDomains, neverLog: config.neverLog },
        newId,
        ...(queue ? { queue } : {}),
        async store(user) {
          const authProvider = await authFor(config, user);
          return createInteractionStore({
            config,
            user,
            // Nothing durable here: a log not written in time lives on as the kept intent.
            outbox: new MemoryOutbox(),
            retry: { maxRetries: 1, delaySeconds: 1 },
            // Static here: classic Outlook loads this one file and no chunk.
            moveSource: moveEntriesToSource,
            ...(authProvider ? { authProvider } : {}),
          });
        },
        resolveMeetingUid: async (restId) => {
          const profile = office.context.mailbox.userProfile ?? {};
          const user = { displayName: profile.displayName ?? "", emailAddress: profile.emailAddress ?? "" };
          const authProvider = await authFor(config, user);
          return createMeetingUidResolver({ config, user, ...(authProvider ? { authProvider } : {}) })(
            restId,
          );
        },
        report: (m) => console.warn(`Interaction Log: ${m}`),
      });
  const dispatch = (event: unknown) => handler(event as Parameters<typeof handler>[0]);
  office.actions.associate("onMessageSendHandler", dispatch);
  office.actions.associate("onAppointmentSendHandler", dispatch);
}

register();

// Issue 15 figure for `npm run bench`: the time to keep a 10 MB mail (one .eml through an upload session in 5 MiB
// ranges, the folder created, both entries given DocumentUrl and BodyExcerpt) against the local emulator.
import { performance } from "node:perf_hooks";
import type { RunningEmulator } from "../dev/emulator/index";
import { DEFAULT_EMULATOR_SITE_URL } from "../src/config/app-config";
import type { InteractionStorePort, LogRequest } from "../src/domain/ports";
import type { UserProfile } from "../src/domain/types";
import { DevTokenProvider } from "../src/graph/auth/dev-token";
import { createGraphClient, normalizeBaseUrl } from "../src/graph/client";
import { SharePointSite } from "../src/graph/site";
import { ContentKeeper } from "../src/graph/store/content-keeper";

export async function keepTenMegabyteMail(
  emu: RunningEmulator,
  store: Pick<InteractionStorePort, "logInteraction">,
  request: LogRequest,
  user: UserProfile,
): Promise<{ ms: number; requests: number; bytes: number }> {
  const logged = await store.logInteraction(request);
  const entryIds = logged.results.map((r) => r.entry?.id).filter((id): id is string => !!id);
  const client = createGraphClient({
    baseUrl: normalizeBaseUrl(emu.url),
    authProvider: new DevTokenProvider(user.emailAddress),
  });
  const keeper = new ContentKeeper({ site: new SharePointSite(client, DEFAULT_EMULATOR_SITE_URL) });
  const eml = new Uint8Array(10 * 1024 * 1024);
  for (let i = 0; i < eml.length; i++) eml[i] = 32 + ((i * 7) % 90);
  emu.resetStats();
  const t = performance.now();
  await keeper.keep({
    sourceId: request.correspondence!.sourceId!,
    choice: "full",
    plainBody: "Hello,\n\nthe 10 MB mail.\n-- \nBench",
    files: [{ name: "mail.eml", bytes: eml }],
    entryIds,
  });
  const ms = performance.now() - t;
  return { ms, requests: emu.stats().http.total, bytes: eml.length };
}

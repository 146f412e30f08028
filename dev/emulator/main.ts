// CLI: `npx tsx dev/emulator/main.ts`. Settings come from EMULATOR_* variables (see dev/emulator/README.md). Prints
// the URL on the first line and this run's admin secret (for /_emulator/*) on the second.
import path from "node:path";
import { optionsFromEnv } from "./config";
import { startEmulator } from "./index";

async function main(): Promise<void> {
  const options = optionsFromEnv(process.env, path.resolve(__dirname, "..", "..", ".data", "emulator"));
  const emulator = await startEmulator(options);
  process.stdout.write(`Graph emulator listening on ${emulator.url}/v1.0\n`);
  // Its own line, after the first (which scripts wait for and must stay as it is).
  process.stdout.write(`Emulator admin secret: ${emulator.adminSecret}\n`);
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`[emulator] ${signal}: closing\n`);
    emulator.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`[emulator] close failed: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: unknown) => {
  process.stderr.write(`[emulator] failed to start: ${(e as Error).message}\n`);
  process.exit(1);
});

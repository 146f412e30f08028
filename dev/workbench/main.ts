// `npx tsx dev/workbench/main.ts`: starts the workbench on WORKBENCH_PORT (3000) against EMULATOR_URL.
import { startWorkbench } from "./server";

async function main(): Promise<void> {
  if (!process.env.EMULATOR_URL) {
    process.stderr.write(
      "EMULATOR_URL is not set: Graph calls from the pane will fail with 502 until it is.\n",
    );
  }
  const workbench = await startWorkbench({ emulatorUrl: process.env.EMULATOR_URL });
  process.stdout.write(`Workbench: ${workbench.url}\n`);
  const stop = (): void => void workbench.close().finally(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`Workbench failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

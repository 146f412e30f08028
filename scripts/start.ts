// `npm start`: build the pane, start the Graph emulator (data persists in .data/emulator), seed it on first run,
// start the Outlook workbench, and print the URL to open. Ctrl+C stops everything.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ensureDevCerts } from "../dev/shared/certs";

const root = path.resolve(__dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const children: ChildProcess[] = [];

function stopAll(): void {
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
}

/** Starts the emulator; resolves with its URL and this run's admin secret (its first two lines of output). */
function startEmulator(env: NodeJS.ProcessEnv): Promise<{ url: string; adminSecret: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin("tsx"), [path.join(root, "dev/emulator/main.ts")], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    let buffered = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      process.stdout.write(text);
      buffered += text;
      const m = /Graph emulator listening on (https:\/\/\S+)\/v1\.0/.exec(buffered);
      const secret = /^Emulator admin secret: (\S+)$/m.exec(buffered);
      if (m?.[1] && secret?.[1]) resolve({ url: m[1], adminSecret: secret[1] });
    });
    child.on("exit", (code) => reject(new Error(`the emulator exited (code ${code}) before it was ready`)));
  });
}

async function main(): Promise<void> {
  const certs = await ensureDevCerts();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_EXTRA_CA_CERTS: certs.caPath,
    EMULATOR_PORT: process.env.EMULATOR_PORT ?? "4443",
    EMULATOR_DATA: process.env.EMULATOR_DATA ?? path.join(root, ".data", "emulator"),
  };

  if (process.env.SKIP_BUILD !== "1") {
    process.stdout.write("Building the task pane (webpack, production)…\n");
    // The workbench build: emulator mode, whatever tenant settings the shell holds.
    const build = spawnSync(bin("webpack"), ["--mode", "production", "--stats", "errors-warnings"], {
      cwd: root,
      stdio: "inherit",
      env: { ...env, ILO_TARGET: "workbench" },
    });
    if (build.status !== 0) throw new Error("the build failed");
  }

  const { url: emulatorUrl, adminSecret } = await startEmulator(env);
  const seed = spawnSync(bin("tsx"), [path.join(root, "dev/seed/seed.ts")], {
    cwd: root,
    stdio: "inherit",
    env: { ...env, EMULATOR_URL: emulatorUrl },
  });
  if (seed.status !== 0) throw new Error("seeding the emulator failed");

  const { startWorkbench } = await import("../dev/workbench/server");
  const workbench = await startWorkbench({
    port: Number(process.env.WORKBENCH_PORT ?? 3000),
    paneDir: path.join(root, "dist"),
    emulatorUrl,
    // The workbench registers the meetings it saves and sends in the emulator's calendar (/me/events).
    emulatorAdminSecret: adminSecret,
  });
  process.stdout.write(
    `\nInteraction Log for Outlook is running.\n  Open the workbench: ${workbench.url}\n` +
      `  Graph emulator:     ${emulatorUrl}/v1.0 (data in ${env.EMULATOR_DATA})\n` +
      `  Emulator admin:     ${emulatorUrl}/_emulator/* with header X-Emulator-Secret: ${adminSecret}\n` +
      `  Your browser will warn about the local certificate unless you trust ${certs.caPath}.\n` +
      `Press Ctrl+C to stop.\n`,
  );
  const shutdown = () => {
    stopAll();
    void workbench.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((e: unknown) => {
  process.stderr.write(`npm start failed: ${e instanceof Error ? e.message : String(e)}\n`);
  stopAll();
  process.exit(1);
});

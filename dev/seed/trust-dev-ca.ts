// Node reads NODE_EXTRA_CA_CERTS only at start-up, and takes one file. A CLI that talks to the emulator re-runs
// itself once with a bundle of the CAs already configured plus the dev CA, so `npx tsx <script>` just works.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureDevCerts } from "../shared/certs";

const MARKER = "ILO_DEV_CA_TRUSTED";

/** Returns when the dev CA is trusted by this process; otherwise re-runs the script and exits with its status. */
export async function ensureDevCaTrusted(): Promise<void> {
  const certs = await ensureDevCerts();
  const current = process.env.NODE_EXTRA_CA_CERTS;
  if (process.env[MARKER] === "1" || current === certs.caPath) return;
  let bundle = certs.caPath;
  if (current && existsSync(current)) {
    bundle = path.join(tmpdir(), `ilo-dev-ca-bundle-${process.pid}.crt`);
    writeFileSync(bundle, `${readFileSync(current, "utf8").trimEnd()}\n${certs.ca.toString("utf8")}`);
  }
  const r = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, NODE_EXTRA_CA_CERTS: bundle, [MARKER]: "1" },
  });
  process.exit(r.status ?? 1);
}

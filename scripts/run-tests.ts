// `npm test`: static checks, then every jest project (unit, ui, integration against the emulator, end to end in
// Chromium). Prints `N passed, N failed` last, from the real counts (static checks count as one test each).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureDevCerts } from "../dev/shared/certs";

const root = path.resolve(__dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const results = path.join(root, "test-results");

interface Step {
  name: string;
  ok: boolean;
}

function run(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Step {
  const started = Date.now();
  process.stdout.write(`\n▶ ${name}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  const ok = r.status === 0;
  process.stdout.write(`${ok ? "✔" : "✘"} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return { name, ok };
}

async function main(): Promise<number> {
  mkdirSync(results, { recursive: true });
  const certs = await ensureDevCerts();
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: certs.caPath, ILO_TEST_CERTS: certs.dir };
  const projects = process.argv.slice(2);

  const checks: Step[] = [];
  if (projects.length === 0) {
    checks.push(run("typecheck (tsc)", bin("tsc"), ["-p", "."]));
    checks.push(run("lint (eslint)", bin("eslint"), ["."]));
  }
  // The end-to-end tests drive the production build of the pane.
  const build = run(
    "build (webpack, production)",
    bin("webpack"),
    ["--mode", "production", "--stats", "errors-warnings"],
    {
      ...process.env,
      // A test build is for the workbench (emulator mode), whatever the developer's shell holds.
      ILO_TARGET: "workbench",
      ILO_CLIENT_ID: "",
      ILO_SITE_URL: "",
    },
  );
  checks.push(build);

  const jsonFile = path.join(results, "jest.json");
  const jestArgs = ["--json", `--outputFile=${jsonFile}`, "--ci"];
  for (const p of projects) jestArgs.push("--selectProjects", p);
  run("jest", bin("jest"), jestArgs, env);

  let passed = checks.filter((c) => c.ok).length;
  let failed = checks.length - passed;
  let skipped = 0;
  try {
    const report = JSON.parse(readFileSync(jsonFile, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numRuntimeErrorTestSuites: number;
    };
    passed += report.numPassedTests;
    // A suite that fails to load runs no tests; count it as a failure rather than hide it.
    failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
    skipped += report.numPendingTests + report.numTodoTests;
  } catch {
    failed += 1;
    process.stdout.write("jest wrote no report: counted as one failure\n");
  }
  const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
  writeFileSync(path.join(results, "summary.txt"), summary + "\n");
  process.stdout.write(`\n${summary}\n`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stdout.write(`test runner failed: ${String(e)}\n0 passed, 1 failed\n`);
    process.exit(1);
  },
);

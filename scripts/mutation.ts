// `npm run mutation [-- domain|graph|emulator ...] [--force]`: Stryker once per area (all three when none is named),
// one after the other, then a summary of the scores read back from each area's JSON report. Runs are incremental
// (only mutants whose code or tests changed are tested again); `--force` (or any other `--` option) goes to Stryker.
// Exits 1 when an area misses its target or its run failed. Configuration: stryker.config.mjs; reports:
// reports/mutation/<area>/index.html.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");

/** Kept in step with AREAS in stryker.config.mjs (which enforces the same targets as Stryker's break threshold). */
const TARGETS: Record<string, number> = { domain: 90, graph: 85, emulator: 80 };

interface Counts {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  ignored: number;
  errors: number;
}

interface Row {
  area: string;
  exit: number | null;
  seconds: number;
  counts?: Counts;
}

function countStatuses(reportFile: string): Counts {
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as {
    files: Record<string, { mutants: { status: string }[] }>;
  };
  const c: Counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
  for (const file of Object.values(report.files))
    for (const m of file.mutants) {
      if (m.status === "Killed") c.killed++;
      else if (m.status === "Timeout") c.timeout++;
      else if (m.status === "Survived") c.survived++;
      else if (m.status === "NoCoverage") c.noCoverage++;
      else if (m.status === "Ignored") c.ignored++;
      else c.errors++; // CompileError, RuntimeError, Pending: not counted in the score, as Stryker does
    }
  return c;
}

/** Stryker's mutation score: detected (killed or timed out) over valid mutants (detected, survived, no coverage). */
function score(c: Counts, coveredOnly = false): number {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + (coveredOnly ? 0 : c.noCoverage);
  return valid === 0 ? 100 : (100 * detected) / valid;
}

function main(): number {
  const requested = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const strykerOptions = process.argv.slice(2).filter((a) => a.startsWith("--"));
  const unknown = requested.filter((a) => !(a in TARGETS));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown area ${unknown.join(", ")}: use ${Object.keys(TARGETS).join(", ")}\n`);
    return 2;
  }
  const areas = requested.length > 0 ? requested : Object.keys(TARGETS);
  const rows: Row[] = [];
  for (const area of areas) {
    const report = path.join(root, "reports", "mutation", area, "mutation.json");
    rmSync(report, { force: true });
    const started = Date.now();
    process.stdout.write(`\n▶ mutation testing: ${area}\n`);
    const r = spawnSync(
      process.execPath,
      [
        path.join(root, "node_modules", "@stryker-mutator", "core", "bin", "stryker.js"),
        "run",
        "stryker.config.mjs",
        ...strykerOptions,
      ],
      { cwd: root, stdio: "inherit", env: { ...process.env, MUTATION_AREA: area } },
    );
    const seconds = (Date.now() - started) / 1000;
    rows.push({
      area,
      exit: r.status,
      seconds,
      ...(existsSync(report) ? { counts: countStatuses(report) } : {}),
    });
  }

  process.stdout.write("\nMutation scores (unit tests)\n");
  process.stdout.write(
    pad([
      "area",
      "score",
      "covered",
      "target",
      "killed",
      "timeout",
      "survived",
      "no cov.",
      "ignored",
      "time",
    ]) + "\n",
  );
  let ok = true;
  for (const row of rows) {
    const target = TARGETS[row.area]!;
    if (!row.counts) {
      ok = false;
      process.stdout.write(`${row.area}: Stryker failed (exit ${row.exit}) before writing a report\n`);
      continue;
    }
    const c = row.counts;
    const s = score(c);
    if (s < target) ok = false;
    process.stdout.write(
      pad([
        row.area,
        `${s.toFixed(2)} %`,
        `${score(c, true).toFixed(2)} %`,
        `${s >= target ? "≥" : "<"} ${target} %`,
        String(c.killed),
        String(c.timeout),
        String(c.survived),
        String(c.noCoverage),
        String(c.ignored),
        `${Math.round(row.seconds)} s`,
      ]) + "\n",
    );
  }
  process.stdout.write(`Reports: reports/mutation/<area>/index.html\n`);
  return ok ? 0 : 1;
}

function pad(cells: string[]): string {
  const widths = [9, 9, 9, 8, 7, 8, 9, 8, 8, 7];
  return cells.map((c, i) => c.padEnd(widths[i] ?? 8)).join(" ");
}

process.exit(main());

// Mutation testing (`npm run mutation`, see scripts/mutation.ts and the README). One Stryker run per area, chosen by
// MUTATION_AREA, so that each finishes in minutes and reports its own score. The tests are the jest "unit" project,
// narrowed to the area's own test files (stryker.jest.config.js).
//
// No TypeScript checker: with it, src/domain alone took 26 minutes. Without it, ts-jest transpiles each mutant
// without type checking (diagnostics: false) and Stryker puts `// @ts-nocheck` on mutated files, so a mutant that
// would not compile still runs as JavaScript and must be killed by a test. Survivors that only a type error would
// have caught are marked in the source with `// Stryker disable next-line <mutator>: <reason>`.
import os from "node:os";
import path from "node:path";

/** What each area mutates and the score it must reach (the run fails below it). */
export const AREAS = {
  domain: {
    mutate: ["src/domain/**/*.ts", "!src/domain/**/*.test.ts", "!src/domain/test-fixtures.ts"],
    target: 90,
  },
  graph: { mutate: ["src/graph/{batch,errors,mapping,odata}.ts"], target: 85 },
  emulator: { mutate: ["dev/emulator/odata/**/*.ts", "!dev/emulator/odata/**/*.test.ts"], target: 80 },
};

const area = process.env.MUTATION_AREA ?? "domain";
const spec = AREAS[area];
if (!spec) throw new Error(`Unknown MUTATION_AREA "${area}": use one of ${Object.keys(AREAS).join(", ")}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "jest",
  jest: { projectType: "custom", configFile: "stryker.jest.config.js", enableFindRelatedTests: true },
  coverageAnalysis: "perTest",
  concurrency: 2,
  mutate: spec.mutate,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${area}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${area}/mutation.json` },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true },
  thresholds: { high: spec.target, low: spec.target - 10, break: spec.target },
  // Reruns test only the mutants whose code or covering tests changed (`-- --force` for a full run).
  incremental: true,
  incrementalFile: `reports/mutation/${area}/stryker-incremental.json`,
  // The sandbox copy lives outside the work tree, so that nobody's `eslint .` or jest run picks it up.
  tempDirName: path.join(os.tmpdir(), `interaction-log-stryker-${area}`),
  cleanTempDir: "always",
  ignorePatterns: ["dist", "dist-dev", ".data", ".dev-certs", "test-results", "coverage", "reports"],
  timeoutMS: 10000,
};

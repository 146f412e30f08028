// The "unit" project of jest.config.js on its own, for Stryker (`npm run mutation`): Stryker's jest runner runs one
// config, not one project of a multi-project config, and the UI, integration and end-to-end projects are far too
// slow to run once per mutant. Within it, each area is judged by its own tests only (MUTATION_AREA, set by
// stryker.config.mjs's caller): a domain rule that only a store test happens to catch is a gap in the domain's tests,
// and loading a third of the test files per mutant keeps each run to minutes.
const { projects, testTimeout } = require("./jest.config");

const unit = projects.find((p) => p.displayName === "unit");
if (!unit) throw new Error('jest.config.js has no "unit" project');

const AREA_TESTS = {
  domain: ["<rootDir>/src/domain/**/*.test.ts"],
  graph: ["<rootDir>/src/graph/**/*.test.ts"],
  emulator: ["<rootDir>/dev/emulator/**/*.test.ts"],
};
const area = process.env.MUTATION_AREA;

module.exports = { ...unit, testTimeout, ...(AREA_TESTS[area] ? { testMatch: AREA_TESTS[area] } : {}) };

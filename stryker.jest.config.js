// The "unit" project of jest.config.js on its own, for Stryker (`npm run mutation`). Stryker's jest runner runs a
// config, not one project of a multi-project config, and mutants are only judged by the unit tests: the UI,
// integration and end-to-end projects are too slow to run once per mutant.
const { projects, testTimeout } = require("./jest.config");

const unit = projects.find((p) => p.displayName === "unit");
if (!unit) throw new Error('jest.config.js has no "unit" project');

module.exports = { ...unit, testTimeout };

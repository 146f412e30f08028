// Four projects, one run: pure units (node), UI and Office adapter units (jsdom), integration against the
// emulator (node, real Graph SDK over HTTPS), and end-to-end in Chromium against the workbench.
const tsJest = ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json", diagnostics: false }];
const common = {
  transform: { "^.+\\.(ts|tsx)$": tsJest, "^.+\\.m?js$": ["ts-jest", { tsconfig: { allowJs: true }, diagnostics: false }] },
  transformIgnorePatterns: ["/node_modules/(?!(.*/)?(uuid|strip-bom)/)"],
  moduleFileExtensions: ["ts", "tsx", "js", "mjs", "json"],
};
module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["<rootDir>/src/{domain,graph,config}/**/*.test.ts", "<rootDir>/dev/**/*.test.ts", "<rootDir>/test/unit/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "ui",
      testEnvironment: "jsdom",
      setupFilesAfterEnv: ["<rootDir>/test/setup/jsdom.ts"],
      testMatch: ["<rootDir>/src/{taskpane,office}/**/*.test.{ts,tsx}", "<rootDir>/test/ui/**/*.test.{ts,tsx}"],
    },
    {
      ...common,
      displayName: "integration",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/{integration,emulator,manifest}/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "e2e",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
    },
  ],
};

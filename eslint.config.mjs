import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "dist-dev/**", "node_modules/**", "coverage/**", ".data/**", "*.config.js", "*.config.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": "off",
    },
  },
  {
    // Layering: the domain is pure; the UI reaches Graph and Office only through ports.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/office/**", "**/graph/**", "**/taskpane/**", "react", "@microsoft/*", "@azure/*", "@fluentui/*"] }],
    },
  },
  {
    files: ["src/taskpane/components/**/*.{ts,tsx}", "src/taskpane/hooks/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/graph/**", "**/office/**", "@microsoft/microsoft-graph-client", "@azure/*"] }],
    },
  },
  {
    files: ["dev/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/src/taskpane/**"] }] },
  },
);

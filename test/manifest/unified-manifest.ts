// Converts the XML manifest to the unified (JSON) manifest with office-addin-manifest-converter and validates the
// result with office-addin-manifest, both offline: the converter needs no network, and `validate` checks a JSON
// manifest against the schemas bundled in @microsoft/app-manifest. (Validating the XML itself with
// office-addin-manifest posts it to a Microsoft service, which is why that step is not used.)
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "node_modules/.bin");

/** Output that means a tool tried to reach the network, which this check must never depend on. */
const NETWORK_FAILURE =
  /Unable to contact|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo|fetch failed|network/i;

export interface UnifiedManifestResult {
  /** Empty when conversion and schema validation both passed. */
  readonly problems: string[];
  /** The converted manifest.json, when conversion produced one. */
  readonly manifest: Record<string, unknown> | undefined;
  /** Converted localisation files by name (e.g. "nl-nl.json"). */
  readonly localizations: Record<string, Record<string, string>>;
  readonly validatorOutput: string;
}

function run(tool: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(path.join(BIN, tool), args, {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    // No stdin: should a tool ever prompt, it reads end-of-file and moves on instead of hanging the test.
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.error) return { status: null, output: `${tool} could not run: ${result.error.message}` };
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

export function convertAndValidate(manifestPath: string, outDir: string): UnifiedManifestResult {
  const problems: string[] = [];
  const convert = run("office-addin-manifest-converter", ["convert", manifestPath, "--output", outDir]);
  const jsonPath = path.join(outDir, "manifest.json");
  if (convert.status !== 0 || !existsSync(jsonPath)) {
    problems.push(
      NETWORK_FAILURE.test(convert.output)
        ? `offline limitation: the converter tried to use the network: ${convert.output.trim()}`
        : `conversion to the unified manifest failed (exit ${convert.status}): ${convert.output.trim()}`,
    );
    return { problems, manifest: undefined, localizations: {}, validatorOutput: "" };
  }
  const manifest = JSON.parse(readFileSync(jsonPath, "utf8")) as Record<string, unknown>;
  const localizations: Record<string, Record<string, string>> = {};
  for (const file of readdirSync(outDir).filter((f) => f.endsWith(".json") && f !== "manifest.json")) {
    localizations[file] = JSON.parse(readFileSync(path.join(outDir, file), "utf8")) as Record<string, string>;
  }
  // For a JSON manifest a valid result prints nothing and exits 0; schema errors print "Error: <json path> ...".
  const validate = run("office-addin-manifest", ["validate", jsonPath]);
  if (validate.status !== 0 || /\bError\b|not valid/i.test(validate.output)) {
    problems.push(
      NETWORK_FAILURE.test(validate.output)
        ? `offline limitation: validating manifest.json needed the network: ${validate.output.trim()}`
        : `the unified manifest fails schema validation (exit ${validate.status}):\n${validate.output.trim()}`,
    );
  }
  // The converter marks text it had to cut to fit the JSON schema; that is a lossy conversion.
  const truncated = JSON.stringify([manifest, localizations]).match(/"[^"]*<TRUNCATED>[^"]*"/g);
  if (truncated) problems.push(`the converter truncated text: ${truncated.join(", ")}`);
  return { problems, manifest, localizations, validatorOutput: validate.output };
}

// The first screen carries its language's table (en.ts or nl.ts, loaded before it renders); en-views.ts comes with
// the views loaded on demand (lazyView). A first-screen
// module naming a view string would show its key, so this walks the pane's static imports from its entry point
// (dynamic imports are where the on-demand views begin) and looks for any view key among their string literals.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { en } from "./en";
import { enViews } from "./en-views";

const root = path.resolve(__dirname, "../../..");
const entry = path.join(root, "src/taskpane/index.tsx");

function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ];
  return candidates.find((c) => existsSync(c) && /\.tsx?$/.test(c));
}

function staticImports(file: string, source: string): string[] {
  // `import type` and `export type` vanish at compile time; `import(` is a dynamic import.
  const specs = [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+"([^"]+)"/gms)].map(
    (m) => m[1]!,
  );
  specs.push(...[...source.matchAll(/^import\s+"([^"]+)"/gm)].map((m) => m[1]!));
  return specs.flatMap((s) => resolve(file, s) ?? []);
}

function firstScreenModules(): Map<string, string> {
  const seen = new Map<string, string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const source = readFileSync(file, "utf8");
    seen.set(file, source);
    queue.push(...staticImports(file, source));
  }
  return seen;
}

describe("strings of the first screen", () => {
  const modules = firstScreenModules();

  it("walks the pane's first screen (not the on-demand views)", () => {
    const names = [...modules.keys()].map((f) => path.relative(root, f));
    expect(names).toEqual(expect.arrayContaining(["src/taskpane/components/App.tsx"]));
    // Each language's table is a chunk of its own, loaded before the first render.
    expect(names).not.toContain("src/taskpane/i18n/en.ts");
    expect(names).not.toContain("src/taskpane/i18n/nl.ts");
    expect(names).not.toContain("src/taskpane/i18n/en-views.ts");
    expect(names).not.toContain("src/taskpane/components/entries/EntriesView.tsx");
    expect(names).not.toContain("src/taskpane/components/LogResults.tsx");
  });

  it("names no string of the on-demand table", () => {
    const viewKeys = new Set(Object.keys(enViews));
    const bases = new Set([...viewKeys].map((k) => k.replace(/_(one|other)$/, "")));
    const offenders: string[] = [];
    for (const [file, source] of modules) {
      if (file.endsWith(`${path.sep}en.ts`)) continue;
      for (const m of source.matchAll(/["'`]([A-Za-z][A-Za-z0-9_]*)["'`]/g)) {
        const literal = m[1]!;
        if (viewKeys.has(literal) || bases.has(literal))
          offenders.push(`${path.relative(root, file)}: ${literal}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("keeps every key the first screen names in the first-screen table", () => {
    const firstKeys = new Set(Object.keys(en));
    const used = new Set<string>();
    for (const source of modules.values())
      for (const m of source.matchAll(/\b(?:t|plural)\(\s*"([A-Za-z0-9_]+)"/g)) used.add(m[1]!);
    const missing = [...used].filter((k) => !firstKeys.has(k) && !firstKeys.has(`${k}_one`));
    expect(used.size).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});

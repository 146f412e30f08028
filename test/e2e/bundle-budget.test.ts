// Budget users feel: the pane's initial JS+CSS stays within 170 KB gzip, and MSAL is not part of it. "Initial" is
// what a user's first screen waits for: the page's own assets plus the language table and the Fluent theme Office
// asks for (each a chunk, loaded before the first render), counted for every language and theme.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const dist = path.resolve(__dirname, "../../dist");
const BUDGET = 170 * 1024;

function initialAssets(html: string): string[] {
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="?([^"\s>]+\.(?:js|css))"?/g)].map(
    (m) => m[1] ?? "",
  );
  return refs.filter((r) => !/^https?:\/\//.test(r)).map((r) => path.join(dist, r.replace(/^\//, "")));
}

describe("production build of the pane", () => {
  const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const assets = initialAssets(html);

  it("loads Office.js from Microsoft's CDN and at least one bundle of its own", () => {
    expect(html).toMatch(
      /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/,
    );
    expect(assets.length).toBeGreaterThan(0);
  });

  const gzip = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
  const chunk = (name: string) => {
    const file = readdirSync(dist).find((f) => f.startsWith(`${name}.`) && f.endsWith(".js"));
    if (!file) throw new Error(`no ${name} chunk in dist/`);
    return { file, gzip: gzip(path.join(dist, file)) };
  };

  it(`keeps the initial JS+CSS within ${BUDGET / 1024} KB gzip in every language and theme`, () => {
    const sizes = assets.map((file) => ({ file: path.basename(file), gzip: gzip(file) }));
    const page = sizes.reduce((sum, s) => sum + s.gzip, 0);
    const languages = [chunk("i18n-en"), chunk("i18n-nl")];
    const themes = [chunk("theme-light"), chunk("theme-dark")];
    const totals: string[] = [];
    for (const language of languages)
      for (const theme of themes) {
        const total = page + language.gzip + theme.gzip;
        totals.push(`${language.file} + ${theme.file}: ${(total / 1024).toFixed(1)} KB`);
        expect(total).toBeLessThanOrEqual(BUDGET);
      }
    process.stdout.write(
      `initial pane assets: ${JSON.stringify(sizes)} = ${(page / 1024).toFixed(1)} KB gzip; with language and theme: ${totals.join("; ")}\n`,
    );
  });

  it("keeps MSAL out of the initial bundle (loaded only in tenant mode)", () => {
    const initial = assets.map((f) => readFileSync(f, "utf8")).join("\n");
    // MSAL's own error-namespace strings survive minification; class names do not.
    const msalMarker = /msal\.js\./;
    expect(initial).not.toMatch(msalMarker);
    const lazyChunks = readdirSync(dist).filter(
      (f) => f.endsWith(".js") && !assets.some((a) => a.endsWith(f)),
    );
    const msalChunk = lazyChunks.find(
      (f) => msalMarker.test(readFileSync(path.join(dist, f), "utf8")) && !f.startsWith("auth-dialog"),
    );
    expect(msalChunk).toBeDefined();
  });
});

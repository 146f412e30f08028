// Budget users feel: the pane's initial JS+CSS stays within 170 KB gzip, and MSAL is not part of it.
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

  it(`keeps the initial JS+CSS within ${BUDGET / 1024} KB gzip`, () => {
    const sizes = assets.map((file) => ({
      file: path.basename(file),
      gzip: gzipSync(readFileSync(file), { level: 9 }).length,
    }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    process.stdout.write(
      `initial pane assets: ${JSON.stringify(sizes)} total ${(total / 1024).toFixed(1)} KB gzip\n`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET);
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

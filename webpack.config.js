// Builds the pane (dist/taskpane.html), the sign-in dialog page (dist/auth-dialog.html), and copies the manifest
// and icons. Tenant configuration is read from ILO_* environment variables at build time. A build is for a tenant
// unless ILO_TARGET=workbench: a tenant build refuses to start without ILO_CLIENT_ID and ILO_SITE_URL (it would
// otherwise run in emulator mode, sending unsigned dev tokens to its own origin); a workbench build is always in
// emulator mode, whatever tenant settings the shell holds.
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");
const { gzipSync } = require("node:zlib");

const DEV_ORIGIN = "https://localhost:3000";

const TARGETS = ["tenant", "workbench"];

/** The build's target, checked: throws naming every missing setting. */
function buildTarget(env) {
  const target = (env.ILO_TARGET || "tenant").trim().toLowerCase();
  if (!TARGETS.includes(target))
    throw new Error(`ILO_TARGET must be "tenant" (default) or "workbench", got "${env.ILO_TARGET}"`);
  if (target === "workbench") return target;
  const missing = ["ILO_CLIENT_ID", "ILO_SITE_URL"].filter((name) => !(env[name] && env[name].trim()));
  if (missing.length)
    throw new Error(
      `A tenant build needs ${missing.join(" and ")} (docs/tenant-setup.md). ` +
        "To build for the local workbench and emulator instead, set ILO_TARGET=workbench.",
    );
  return target;
}

function iloConfigFromEnv(env, target) {
  const pick = (name) => (env[name] && env[name].trim() ? env[name].trim() : undefined);
  if (target === "workbench")
    return {
      target,
      graphBaseUrl: pick("ILO_GRAPH_BASE_URL"),
      ownDomains: pick("ILO_OWN_DOMAINS"),
      neverLog: pick("ILO_NEVER_LOG"),
      deleteCanceled: pick("ILO_DELETE_CANCELED"),
      requestTimeoutSeconds: pick("ILO_REQUEST_TIMEOUT_SECONDS"),
      keepContentMax: pick("ILO_KEEP_CONTENT_MAX"),
      keepContentLimitMb: pick("ILO_KEEP_CONTENT_LIMIT_MB"),
    };
  return {
    target,
    clientId: pick("ILO_CLIENT_ID"),
    authority: pick("ILO_AUTHORITY"),
    tenantId: pick("ILO_TENANT_ID"),
    siteUrl: pick("ILO_SITE_URL"),
    graphBaseUrl: pick("ILO_GRAPH_BASE_URL"),
    ownDomains: pick("ILO_OWN_DOMAINS"),
    neverLog: pick("ILO_NEVER_LOG"),
    deleteCanceled: pick("ILO_DELETE_CANCELED"),
    requestTimeoutSeconds: pick("ILO_REQUEST_TIMEOUT_SECONDS"),
    keepContentMax: pick("ILO_KEEP_CONTENT_MAX"),
    keepContentLimitMb: pick("ILO_KEEP_CONTENT_LIMIT_MB"),
  };
}

/** Prints the send handler's size: it loads on every send, so it has to stay small (no React, no Fluent). */
class LaunchEventSizePlugin {
  apply(compiler) {
    compiler.hooks.afterCompile.tap("LaunchEventSizePlugin", (compilation) => {
      const asset = compilation.getAsset("launchevent.js");
      if (!asset) return;
      const bytes = asset.source.buffer();
      const gzip = gzipSync(bytes, { level: 9 }).length;
      const chunk = [...compilation.chunks].find((c) => c.name === "launchevent");
      const files = chunk ? [...chunk.files].filter((f) => f.endsWith(".js")) : [];
      const ui = chunk
        ? [...compilation.chunkGraph.getChunkModulesIterable(chunk)]
            .map((m) => m.resource || "")
            .filter((r) => /node_modules[\\/](react|react-dom|@fluentui)[\\/]/.test(r))
        : [];
      if (ui.length) compilation.errors.push(new Error(`launchevent.js must not bundle UI code: ${ui[0]}`));
      if (files.length !== 1)
        compilation.errors.push(
          new Error(`launchevent must be one file for classic Outlook, got ${files.join(", ")}`),
        );
      console.log(
        `launchevent.js (send handler): ${(bytes.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip, ${files.length} file(s)`,
      );
    });
  }
}

module.exports = (_env, argv) => {
  const production = argv.mode !== "development";
  const target = buildTarget(process.env);
  // Where the pane is hosted in production; the manifest copied to dist/ points there.
  const publicOrigin = (process.env.ILO_PUBLIC_URL || DEV_ORIGIN).replace(/\/+$/, "");
  return {
    mode: production ? "production" : "development",
    // Maps are written for debugging but not named in the shipped files (fewer bytes in the first download).
    devtool: production ? "hidden-source-map" : "eval-cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      "auth-dialog": "./src/dialog/auth-dialog.ts",
      // Log on send: the manifest names launchevent.js (classic Outlook's JavaScript-only runtime) and
      // launchevent.html (the browser runtime), so neither file may carry a content hash.
      launchevent: "./src/launchevent/index.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: (data) =>
        data.chunk && data.chunk.name === "launchevent"
          ? "launchevent.js"
          : production
            ? "[name].[contenthash:8].js"
            : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "/",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          // The Graph SDK declares no `sideEffects`, so every module its index re-exports (upload tasks, chaos
          // handler, …) would stay in the pane's bundle; its modules only define classes.
          test: /[\\/]node_modules[\\/]@microsoft[\\/]microsoft-graph-client[\\/]/,
          sideEffects: false,
        },
        {
          // Our own modules have no import-time side effects (the entries' bootstraps run from their entry
          // files), so a re-export nobody uses — provisioning from src/graph/index.ts, say — stays out.
          test: /[\\/]src[\\/]/,
          sideEffects: false,
        },
        {
          // Griffel's CSS leaves the JavaScript for one stylesheet (Fluent's precompiled styles and ours), so the
          // pane does not carry every rule twice (as a string to insert and as the inserted rule).
          test: /\.(js|ts|tsx)$/,
          include: [path.resolve(__dirname, "src"), /[\\/]node_modules[\\/]@fluentui[\\/]/],
          use: { loader: GriffelCSSExtractionPlugin.loader },
        },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
        {
          // Griffel ahead of time: our makeStyles calls become precomputed class maps at build time, so Fluent's
          // `tokens` object is not needed at run time (lazy chunks that read it would otherwise keep all of it in
          // the first screen's bundle).
          test: /\.styles\.ts$/,
          exclude: /node_modules/,
          enforce: "pre",
          use: {
            loader: "@griffel/webpack-loader",
            options: { babelOptions: { presets: ["@babel/preset-typescript"] } },
          },
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run typecheck`; the bundle build only transpiles.
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: true } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      // Griffel orders its rules itself (README of @griffel/webpack-extraction-plugin): no chunk-order warnings.
      new MiniCssExtractPlugin({
        filename: production ? "[name].[contenthash:8].css" : "[name].css",
        ignoreOrder: true,
      }),
      new GriffelCSSExtractionPlugin(),
      new webpack.DefinePlugin({ __ILO_CONFIG__: JSON.stringify(iloConfigFromEnv(process.env, target)) }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "launchevent.html",
        template: "./src/launchevent/launchevent.html",
        chunks: ["launchevent"],
        scriptLoading: "blocking",
      }),
      new LaunchEventSizePlugin(),
      new HtmlWebpackPlugin({
        filename: "auth-dialog.html",
        template: "./src/dialog/auth-dialog.html",
        chunks: ["auth-dialog"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              production ? content.toString().split(DEV_ORIGIN).join(publicOrigin) : content,
          },
        ],
      }),
    ],
  };
};

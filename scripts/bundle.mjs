// Bundles the CLI into build/yusuan.mjs (run by `npm ci` through the prepare script), so that the command starts
// without compiling TypeScript; bin/yusuan.mjs falls back to the sources whenever the bundle is older than them.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/main.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  // Split at dynamic imports, so that validating never loads the PDF, workbook and chart libraries.
  splitting: true,
  outdir: "build",
  entryNames: "yusuan",
  chunkNames: "chunks/[name]-[hash]",
  outExtension: { ".js": ".mjs" },
  logLevel: "warning",
});

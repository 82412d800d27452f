#!/usr/bin/env node
// The `stave` command. Runs the bundle `npm run build` makes (dist/stave.mjs) when it is at
// least as new as every source file, else the TypeScript sources through tsx's loader. The
// bundle starts faster and holds ~30 MB less: no TypeScript transform, no source maps.
import "./supported-node.mjs";
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const serverRoot = fileURLToPath(new URL("../", import.meta.url));
const bundle = `${serverRoot}dist/stave.mjs`;
const sources = [`${serverRoot}src`, `${serverRoot}../../packages/contracts/src`, `${serverRoot}package.json`];

// Tests are not in the bundle: editing one must not send the next start through tsx.
const isBundled = (file) => !file.endsWith(".test.ts") && !file.endsWith(".test.tsx");

function newestChange(entry) {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const file of readdirSync(entry, { recursive: true })) {
    const fileStats = statSync(`${entry}/${file}`);
    if (fileStats.isFile() && isBundled(file)) newest = Math.max(newest, fileStats.mtimeMs);
  }
  return newest;
}

const bundleIsCurrent =
  existsSync(bundle) && statSync(bundle).mtimeMs >= Math.max(...sources.filter(existsSync).map(newestChange));

if (bundleIsCurrent) {
  await import(bundle);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/main.ts");
}

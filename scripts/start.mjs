// `npm start`: builds the web app the first time, then runs `stave start`
// (API + worker + web, on the embedded PostgreSQL unless DATABASE_URL is set).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
if (!existsSync(`${root}apps/web/dist/index.html`)) {
  console.log("Building the web app (first start only)…");
  const build = spawnSync("npm", ["run", "build", "-w", "apps/web"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
process.argv.splice(2, 0, ...(process.argv.length > 2 ? [] : ["start"]));
await import("../apps/server/bin/stave.mjs");

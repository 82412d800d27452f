// `npm start`: builds the web app and the server bundle the first time, then runs `stave start`
// (API + worker + web, on the embedded PostgreSQL unless DATABASE_URL is set).
import "../apps/server/bin/supported-node.mjs";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
for (const [workspace, output, what] of [
  ["apps/web", "apps/web/dist/index.html", "the web app"],
  ["apps/server", "apps/server/dist/stave.mjs", "the server"],
]) {
  if (existsSync(`${root}${output}`)) continue;
  console.log(`Building ${what} (first start only)…`);
  const build = spawnSync("npm", ["run", "build", "-w", workspace], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
process.argv.splice(2, 0, ...(process.argv.length > 2 ? [] : ["start"]));
await import("../apps/server/bin/stave.mjs");

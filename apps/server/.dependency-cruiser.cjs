/**
 * The server's module boundaries (issue 14), checked by `npm run deps`.
 * The rules it shares with the other app are built in ../../dependency-cruiser.base.cjs.
 *
 * The structure reads top-down: the composition root (src/*.ts) -> modules -> platform.
 * - Each module under src/modules/<name> owns its tables and files; other modules and the
 *   composition root reach it only through its `index.ts`.
 * - platform/ is infrastructure: it knows no module and no composition root.
 * - No cycles, between modules or inside one.
 * Tests (*.test.ts) are outside these rules: they may reach into their own module's files and,
 * to set up fixtures (rows another module owns, a job to run), into other modules' internals;
 * no production file may. Their imports are not followed (doNotFollow below), so the module
 * cycles are those of the production code: the test helpers in test/ import the whole app. A
 * test stays a leaf: nothing imports one.
 */
const { noCycles, units, noImportingTests, notToUnresolvable, options } = require("../../dependency-cruiser.base.cjs");

const test = "\\.test\\.ts$";
const moduleIndex = "^src/modules/[^/]+/index\\.ts$";
const compositionRoot = "^src/(app|services|main|jobs|runtime)\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    noCycles("platform/"),
    ...units({ unit: "module", units: "Modules", folder: "src/modules", entries: moduleIndex, exempt: test }),
    {
      name: "composition-root-through-index",
      severity: "error",
      comment: "The composition root (app, services, main, jobs, runtime) wires modules by their index.ts only.",
      from: { path: compositionRoot },
      to: { path: "^src/modules/", pathNot: moduleIndex },
    },
    {
      name: "no-arrow-up-to-composition-root",
      severity: "error",
      comment: "Modules and platform/ are wired by the composition root; they never import it.",
      from: { path: "^src/(modules|platform)/", pathNot: test },
      to: { path: compositionRoot },
    },
    {
      name: "platform-knows-no-module",
      severity: "error",
      comment: "platform/ is infrastructure below every module: it must not import one.",
      from: { path: "^src/platform/" },
      to: { path: "^src/modules/" },
    },
    noImportingTests(test, "test/"),
    {
      name: "no-routes-imports",
      severity: "error",
      comment:
        "Routes are the top of a module: only its index.ts (for the composition root), its other routes and tests import them.",
      from: { pathNot: [moduleIndex, test, "\\.routes\\.ts$"] },
      to: { path: "\\.routes\\.ts$" },
    },
    {
      name: "repos-below-services",
      severity: "error",
      comment: "routes -> services -> repos -> platform: a repository never calls up into a service or a route.",
      from: { path: "\\.repo\\.ts$" },
      to: { path: "\\.(service|routes)\\.ts$" },
    },
    notToUnresolvable,
  ],
  // Tests: see the top of this file.
  options: options({ doNotFollow: [test], extensions: [".ts", ".js", ".mjs", ".cjs", ".json"] }),
};

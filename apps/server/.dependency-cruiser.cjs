/**
 * The server's module boundaries (issue 14), checked by `npm run deps`.
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
const test = "\\.test\\.ts$";
const moduleIndex = "^src/modules/[^/]+/index\\.ts$";
const compositionRoot = "^src/(app|services|main|jobs|runtime)\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment:
        "A cycle means two pieces belong together or a shared piece lives in the wrong place: move it to its owner or down to platform/.",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-module-cycles",
      severity: "error",
      comment: "Modules form a hierarchy: if A uses B, B never uses A, not even through a third module.",
      scope: "folder",
      from: { path: "^src/modules/[^/]+" },
      to: { path: "^src/modules/[^/]+", circular: true },
    },
    {
      name: "module-internals",
      severity: "error",
      comment: "Another module's files are its own: import what it exports from its index.ts.",
      from: { path: "^src/modules/([^/]+)/", pathNot: test },
      to: { path: "^src/modules/[^/]+/", pathNot: ["^src/modules/$1/", moduleIndex] },
    },
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
    {
      name: "no-importing-tests",
      severity: "error",
      comment: "Test files are leaves: share fixtures through test/ instead.",
      from: {},
      to: { path: test },
    },
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
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that does not resolve is a broken build.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Tests: see the top of this file.
    doNotFollow: { path: ["node_modules", test] },
    exclude: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};

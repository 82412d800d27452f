/**
 * The web app's boundaries (issue 14), checked by `npm run deps`.
 *
 * The structure reads top-down, with no arrow up:
 *   main.tsx -> app/ (routes, layout, home page, the player's wiring)
 *            -> features/<name> (each a folder with a public index.ts)
 *            -> player/, components/, lib/ (shared pieces that know no feature)
 * - A feature reaches another only through its index.ts; app/ and test/ do the same.
 * - player/, components/ and lib/ import no feature and not app/.
 * - Features do not import app/.
 * - No cycles, between features or inside one.
 * Tests and stories may reach into their own feature's files, render the whole app
 * (app/AppRoutes) and use another feature's story fixtures (*StoryMocks.ts); no
 * production file may do that. src/mocks (MSW) and src/test (test support) sit beside
 * the app, for tests and stories only.
 */
const testOrStory = "(\\.(test|stories)\\.tsx?|StoryMocks\\.ts)$";
const testSupport = ["^src/(test|mocks)/", testOrStory];
const featureIndex = "^src/features/[^/]+/index\\.ts$";
const storyFixtures = "^src/features/[^/]+/[^/]+StoryMocks\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment:
        "A cycle means two pieces belong together or a shared piece lives in the wrong place: move it to its owner or down to player/, components/ or lib/.",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-feature-cycles",
      severity: "error",
      comment: "Features form a hierarchy: if A uses B, B never uses A, not even through a third feature.",
      scope: "folder",
      from: { path: "^src/features/[^/]+" },
      to: { path: "^src/features/[^/]+", circular: true },
    },
    {
      name: "feature-internals",
      severity: "error",
      comment: "Another feature's files are its own: import what it exports from its index.ts.",
      from: { path: "^src/features/([^/]+)/" },
      to: {
        path: "^src/features/[^/]+/",
        pathNot: ["^src/features/$1/", featureIndex, storyFixtures],
      },
    },
    {
      name: "outside-features-through-index",
      severity: "error",
      comment: "app/, test/ and the shared layers reach a feature through its index.ts only.",
      from: { path: "^src/", pathNot: ["^src/features/", "^src/mocks/"] },
      to: { path: "^src/features/", pathNot: [featureIndex, storyFixtures] },
    },
    {
      name: "story-fixtures-for-tests-only",
      severity: "error",
      comment: "A feature's *StoryMocks.ts are fixtures for stories and tests, never shipped code.",
      from: { pathNot: testSupport },
      to: { path: storyFixtures },
    },
    {
      name: "shared-knows-no-feature",
      severity: "error",
      comment: "player/, components/ and lib/ sit below the features: they import no feature and not app/.",
      from: { path: "^src/(player|components|lib)/", pathNot: testSupport },
      to: { path: "^src/(features|app)/" },
    },
    {
      name: "features-below-app",
      severity: "error",
      comment: "app/ composes the features; a feature never imports it (its tests may render the whole app).",
      from: { path: "^src/features/", pathNot: testSupport },
      to: { path: "^src/app/" },
    },
    {
      name: "no-test-support-in-the-app",
      severity: "error",
      comment: "MSW mocks and test helpers are for tests and stories; the shipped app never imports them.",
      from: { path: "^src/", pathNot: testSupport },
      to: { path: "^src/(test|mocks)/" },
    },
    {
      name: "no-importing-tests",
      severity: "error",
      comment: "Test files are leaves: share fixtures through test/ or *StoryMocks.ts instead.",
      from: {},
      to: { path: "\\.test\\.tsx?$" },
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
    // Tests and stories are leaves that may render the whole app: what they import is not
    // part of the app's structure (folder cycles would otherwise run through them).
    doNotFollow: { path: ["node_modules", ...testSupport] },
    exclude: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};

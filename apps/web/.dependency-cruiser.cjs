/**
 * The web app's boundaries (issue 14), checked by `npm run deps`.
 * The rules it shares with the other app are built in ../../dependency-cruiser.base.cjs.
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
const { noCycles, units, noImportingTests, notToUnresolvable, options } = require("../../dependency-cruiser.base.cjs");

const testOrStory = "(\\.(test|stories)\\.tsx?|StoryMocks\\.ts)$";
const testSupport = ["^src/(test|mocks)/", testOrStory];
const featureIndex = "^src/features/[^/]+/index\\.ts$";
const storyFixtures = "^src/features/[^/]+/[^/]+StoryMocks\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    noCycles("player/, components/ or lib/"),
    ...units({
      unit: "feature",
      units: "Features",
      folder: "src/features",
      entries: featureIndex,
      alsoOpen: [storyFixtures],
    }),
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
    noImportingTests("\\.test\\.tsx?$", "test/ or *StoryMocks.ts"),
    notToUnresolvable,
  ],
  // Tests and stories are leaves that may render the whole app: what they import is not
  // part of the app's structure (folder cycles would otherwise run through them).
  options: options({ doNotFollow: testSupport, extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] }),
};

/**
 * The dependency rules the server and the web app share, each app's .dependency-cruiser.cjs
 * naming its own units (the server's modules, the web app's features) and what its tests may do:
 * no cycles, units in a hierarchy, a unit's files reached only through its index.ts, tests as
 * leaves, every import resolvable; and the options they are checked with.
 */

/** No cycles at all; `sharedPlace` is where a piece two parts share belongs instead. */
const noCycles = (sharedPlace) => ({
  name: "no-cycles",
  severity: "error",
  comment: `A cycle means two pieces belong together or a shared piece lives in the wrong place: move it to its owner or down to ${sharedPlace}.`,
  from: {},
  to: { circular: true },
});

/**
 * The units under `folder` (one folder each) form a hierarchy, and a unit's files are its own:
 * from outside, only `entries` (its index.ts) and `alsoOpen` may be imported. Files matching
 * `exempt` (tests) may reach into other units.
 */
const units = ({ unit, units: plural, folder, entries, alsoOpen = [], exempt }) => [
  {
    name: `no-${unit}-cycles`,
    severity: "error",
    comment: `${plural} form a hierarchy: if A uses B, B never uses A, not even through a third ${unit}.`,
    scope: "folder",
    from: { path: `^${folder}/[^/]+` },
    to: { path: `^${folder}/[^/]+`, circular: true },
  },
  {
    name: `${unit}-internals`,
    severity: "error",
    comment: `Another ${unit}'s files are its own: import what it exports from its index.ts.`,
    from: { path: `^${folder}/([^/]+)/`, ...(exempt && { pathNot: exempt }) },
    to: { path: `^${folder}/[^/]+/`, pathNot: [`^${folder}/$1/`, entries, ...alsoOpen] },
  },
];

/** Tests are leaves: nothing imports one; fixtures are shared through `fixturesIn`. */
const noImportingTests = (tests, fixturesIn) => ({
  name: "no-importing-tests",
  severity: "error",
  comment: `Test files are leaves: share fixtures through ${fixturesIn} instead.`,
  from: {},
  to: { path: tests },
});

const notToUnresolvable = {
  name: "not-to-unresolvable",
  severity: "error",
  comment: "An import that does not resolve is a broken build.",
  from: {},
  to: { couldNotResolve: true },
};

/** TypeScript sources resolved as the app's tsconfig.json does; `doNotFollow` adds to node_modules. */
const options = ({ doNotFollow, extensions }) => ({
  doNotFollow: { path: ["node_modules", ...doNotFollow] },
  exclude: { path: "node_modules" },
  tsPreCompilationDeps: true,
  tsConfig: { fileName: "tsconfig.json" },
  enhancedResolveOptions: {
    exportsFields: ["exports"],
    conditionNames: ["import", "require", "node", "default", "types"],
    extensions,
  },
});

module.exports = { noCycles, units, noImportingTests, notToUnresolvable, options };

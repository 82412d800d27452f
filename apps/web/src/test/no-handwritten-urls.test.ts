import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The web client calls the API through the contracts' operations (callApi, operationPath),
// so a hand-written "/api/v1" path in the app's code is a route the contracts do not check.
const apiPrefix = "/api/v1";
const srcDir = join(import.meta.dirname, "..");

/**
 * Tests and the MSW mocks' prose may name paths; the code that ships and the stories (whose
 * MSW overrides use the operations' paths) are held to the rule.
 */
const isMockOrTest = (path: string) => /^(mocks|test)\//.test(path) || /\.test\.tsx?$/.test(path);

function checkedSourceFiles(): string[] {
  return readdirSync(srcDir, { recursive: true, encoding: "utf8" })
    .map((path) => path.split("\\").join("/"))
    .filter((path) => /\.tsx?$/.test(path) && !isMockOrTest(path))
    .sort();
}

describe("API paths", () => {
  it("finds the app's source files", () => {
    expect(checkedSourceFiles()).toContain("lib/api.ts");
  });

  it(`are never hand-written: no shipped file or story contains "${apiPrefix}"`, () => {
    const offenders = checkedSourceFiles().filter((path) =>
      readFileSync(join(srcDir, path), "utf8").includes(apiPrefix),
    );
    expect(offenders).toEqual([]);
  });
});

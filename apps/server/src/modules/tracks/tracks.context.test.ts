import { describe, expect, it } from "vitest";
import { assertSafeKey } from "../../platform/storage/index.ts";
import { splitSignedPath } from "../streaming/signing.ts";
import { newMediaVersion, trackKeys } from "./tracks.context.ts";

describe("newMediaVersion", () => {
  it("always names a directory storage accepts and a signed media URL can carry", () => {
    const trackId = "6bb6e6d8-d161-4076-a724-c6c5427ccfde";
    const versions = new Set<string>();
    // One random base64url token in 32 starts with - or _; 2,000 draws would all but surely meet one.
    for (let draw = 0; draw < 2000; draw += 1) {
      const prefix = `${trackKeys.hlsRoot(trackId)}${newMediaVersion()}/`;
      expect(() => assertSafeKey(prefix, { allowPrefix: true })).not.toThrow();
      expect(splitSignedPath(`${prefix}master.m3u8`)).toEqual({ prefix, file: "master.m3u8" });
      versions.add(prefix);
    }
    expect(versions.size).toBe(2000);
  });
});

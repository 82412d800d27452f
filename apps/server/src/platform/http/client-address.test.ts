import { describe, expect, it } from "vitest";
import { countedAddress } from "./client-address.ts";

describe("the address a per-address limit counts", () => {
  it("is an IPv6 address's /64, however the address is spelled", () => {
    for (const address of [
      "2001:db8:7:8::1",
      "2001:db8:7:8:ffff::2",
      "2001:0DB8:0007:0008:0000:0000:0000:0001",
      "2001:db8:7:8:1:2:3:4",
      "2001:db8:7:8::192.0.2.1",
    ]) {
      expect(countedAddress(address)).toBe("2001:db8:7:8::/64");
    }
    expect(countedAddress("2001:db8:7:9::1")).toBe("2001:db8:7:9::/64");
    expect(countedAddress("::1")).toBe("0:0:0:0::/64");
    expect(countedAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("is the IPv4 address an IPv4-mapped address maps, in either spelling", () => {
    expect(countedAddress("::ffff:203.0.113.61")).toBe("203.0.113.61");
    expect(countedAddress("::FFFF:cb00:713d")).toBe("203.0.113.61");
    expect(countedAddress("0:0:0:0:0:ffff:203.0.113.61")).toBe("203.0.113.61");
    expect(countedAddress("203.0.113.61")).toBe("203.0.113.61");
  });

  it("is one shared subject without an address, and anything else as given", () => {
    expect(countedAddress(null)).toBe("unknown");
    expect(countedAddress(undefined)).toBe("unknown");
    expect(countedAddress("not-an-address")).toBe("not-an-address");
  });
});

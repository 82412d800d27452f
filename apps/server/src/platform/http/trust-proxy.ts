import { isIP } from "node:net";

/**
 * Which peers may tell Stave a client's address and scheme through `X-Forwarded-*`:
 * nobody (`false`), the first `hops` peers counted from Stave's own socket, or the peers
 * at the given addresses and networks.
 *
 * `true` ("trust any peer") is not a value: with it, the left-most `X-Forwarded-For`
 * entry (which the client writes) became the address, so every client could choose its
 * own and walk past every per-address limit.
 */
export type TrustProxy = false | { hops: number } | { addresses: string[] };

/** The names proxy-addr (Fastify's trustProxy) knows for common private ranges. */
const namedRanges = new Set(["loopback", "linklocal", "uniquelocal"]);

const isAddressOrNetwork = (entry: string) => {
  if (namedRanges.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
};

const example =
  "the number of proxies in front of Stave (TRUST_PROXY=1) or their addresses (TRUST_PROXY=127.0.0.1,10.0.0.0/8)";

/** Parses TRUST_PROXY; a string result is the reason the value is refused. */
export function parseTrustProxy(value: string): TrustProxy | string {
  const text = value.trim();
  if (text === "" || text === "false" || text === "0") return false;
  if (text === "true") return `"true" would let any client choose its address with X-Forwarded-For: set ${example}`;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? { hops } : `${hops} proxies is not plausible: set ${example}`;
  }
  const addresses = text.split(",").map((entry) => entry.trim());
  const bad = addresses.find((entry) => !isAddressOrNetwork(entry));
  if (bad !== undefined) return `"${bad}" is not an IP address or network: set ${example}`;
  return { addresses };
}

/**
 * The setting as Fastify's `trustProxy` option. A hop count is given as a function:
 * Fastify 5.12 reads a bare number as "trust nobody", which would put every client
 * behind the proxy at the proxy's address (one shared login limit for everyone).
 * proxy-addr numbers the hops from Stave's socket peer (0) outwards.
 */
export function fastifyTrustProxy(
  setting: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (setting === false) return false;
  if ("hops" in setting) {
    const { hops } = setting;
    return (_address, hop) => hop < hops;
  }
  return setting.addresses;
}

const loopbackHosts = new Set(["127.0.0.1", "::1", "localhost"]);

/**
 * Why a hop count is risky where Stave listens: any client that reaches the port directly,
 * past the proxy, can then choose its address. Null when the setting is safe as it is.
 */
export function trustProxyWarning(setting: TrustProxy, host: string): string | null {
  if (setting === false || !("hops" in setting) || loopbackHosts.has(host)) return null;
  return (
    `TRUST_PROXY=${setting.hops} trusts X-Forwarded-For from any peer while Stave listens on ${host}: ` +
    "a client that reaches Stave directly, past the proxy, chooses its own address. " +
    "List the proxies' addresses instead (TRUST_PROXY=10.0.0.5), or listen on 127.0.0.1"
  );
}

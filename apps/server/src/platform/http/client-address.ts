import { isIP } from "node:net";

/**
 * The address a per-address limit counts (sign-in, registration, mails, confirmations,
 * anonymous plays): every such limit must go through this one function, or a client walks
 * past the limits that count its address more finely.
 *
 * - An IPv6 client usually holds a whole /64 and picks addresses in it at will, so it is its
 *   /64 (`2001:db8:0:1::/64`).
 * - An IPv4-mapped IPv6 address (`::ffff:203.0.113.5`, as a dual-stack socket reports an
 *   IPv4 peer) is the IPv4 address it maps, so one client is one subject on either socket.
 * - No address at all (`null`) is one shared subject, `unknown`.
 *
 * Only for counting: sessions and the audit log keep the client's full address.
 */
export function countedAddress(ip: string | null | undefined): string {
  if (!ip) return "unknown";
  const address = ip.split("%")[0] ?? ip; // a zone (`fe80::1%eth0`) names our interface, not the client
  if (isIP(address) !== 6) return ip;
  const groups = ipv6Groups(address);
  if (!groups) return ip;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail as two groups). */
function ipv6Groups(address: string): number[] | null {
  const parse = (part: string) =>
    part === ""
      ? []
      : part.split(":").flatMap((group) => {
          if (!group.includes(".")) return [Number.parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head = "", tail] = address.toLowerCase().split("::");
  const headGroups = parse(head);
  const tailGroups = tail === undefined ? [] : parse(tail);
  const missing = 8 - headGroups.length - tailGroups.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  return [...headGroups, ...Array<number>(missing).fill(0), ...tailGroups];
}

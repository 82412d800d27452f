import { isIP } from "node:net";
import type { FastifyRequest } from "fastify";
import type { Secrets } from "../../platform/crypto.ts";
import type { Principal } from "../../platform/http/access.ts";

/** Who is listening: a signed-in user, or an anonymous client known only by a keyed hash. */
export interface Listener {
  /** The signed-in user, whose plays also go into their history; null when anonymous. */
  userId: string | null;
  /**
   * Stable per listener and unlinkable to them without SECRET_KEY: an HMAC of the user id,
   * or of the client's address for anonymous listeners (a changed address is a new listener).
   */
  key: string;
}

export function listenerOf(secrets: Secrets, request: FastifyRequest): Listener {
  return listenerFrom(secrets, request.principal, request.ip);
}

/**
 * An anonymous listener is their network address, nothing they send: a user agent is
 * whatever the client writes, so keying on it let one address count as many listeners by
 * rotating it. An IPv6 client usually holds a whole /64 (and picks addresses in it at will),
 * so it is its /64; an IPv4-mapped IPv6 address is the IPv4 address it maps.
 */
export function anonymousListenerAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (isIP(ip) !== 6) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("%")[0]?.split("::") ?? [];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = ip.includes("::") ? (tail ? tail.split(":") : []) : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill("0"), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

export function listenerFrom(secrets: Secrets, principal: Principal | null, ip: string): Listener {
  if (principal) return { userId: principal.userId, key: secrets.hmac("listener", `user\n${principal.userId}`) };
  return { userId: null, key: secrets.hmac("listener", `anonymous\n${anonymousListenerAddress(ip)}`) };
}

import type { FastifyRequest } from "fastify";
import type { Secrets } from "../../platform/crypto.ts";
import type { Principal } from "../../platform/http/access.ts";
import { countedAddress } from "../../platform/http/client-address.ts";

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
 * rotating it. The address is counted as every per-address limit counts it (an IPv6
 * client's /64, an IPv4-mapped address's IPv4), so rotating inside a /64 gains nothing.
 */
export function listenerFrom(secrets: Secrets, principal: Principal | null, ip: string): Listener {
  if (principal) return { userId: principal.userId, key: secrets.hmac("listener", `user\n${principal.userId}`) };
  return { userId: null, key: secrets.hmac("listener", `anonymous\n${countedAddress(ip)}`) };
}

import type { FastifyRequest } from "fastify";
import type { Secrets } from "../../platform/crypto.ts";
import type { Principal } from "../../platform/http/access.ts";

/** Who is listening: a signed-in user, or an anonymous browser known only by a keyed hash. */
export interface Listener {
  /** The signed-in user, whose plays also go into their history; null when anonymous. */
  userId: string | null;
  /**
   * Stable per listener and unlinkable to them without SECRET_KEY: an HMAC of the user id,
   * or of IP + user agent for anonymous listeners (a changed address is a new listener).
   */
  key: string;
}

export function listenerOf(secrets: Secrets, request: FastifyRequest): Listener {
  return listenerFrom(secrets, request.principal, request.ip, request.headers["user-agent"] ?? "");
}

export function listenerFrom(secrets: Secrets, principal: Principal | null, ip: string, userAgent: string): Listener {
  if (principal) return { userId: principal.userId, key: secrets.hmac("listener", `user\n${principal.userId}`) };
  return { userId: null, key: secrets.hmac("listener", `anonymous\n${ip}\n${userAgent.slice(0, 512)}`) };
}

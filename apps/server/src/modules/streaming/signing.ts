import { createHash } from "node:crypto";
import { constantTimeEqual } from "../../platform/crypto.ts";

/**
 * Signed media URLs in the form nginx's `secure_link` module verifies:
 *
 *   /media/<md5>/<expires>/<prefix><file>
 *   md5 = base64url(MD5("<expires><prefix> <secret>"))
 *
 * The signature covers a directory prefix (one track's published HLS), so the relative
 * URLs inside playlists (renditions, init segments, segments) carry it along unchanged.
 */
export const MEDIA_ROUTE = "/media";

export function signPrefix(prefix: string, expires: number, secret: string): string {
  return createHash("md5").update(`${expires}${prefix} ${secret}`).digest("base64url");
}

export function signedMediaUrl(baseUrl: string, prefix: string, file: string, expires: number, secret: string): string {
  return `${baseUrl}${MEDIA_ROUTE}/${signPrefix(prefix, expires, secret)}/${expires}/${prefix}${file}`;
}

export type SignatureCheck = "valid" | "invalid" | "expired";

export function checkSignature(
  signature: string,
  expires: number,
  prefix: string,
  secret: string,
  now = Date.now(),
): SignatureCheck {
  if (!constantTimeEqual(signature, signPrefix(prefix, expires, secret))) return "invalid";
  return expires * 1000 > now ? "valid" : "expired";
}

/** `tracks/<uuid>/hls/<version>/` and the file under it, from what follows the expiry in the URL. */
const signedPathPattern = /^(tracks\/[0-9a-f-]{36}\/hls\/[A-Za-z0-9_-]+\/)((?:[A-Za-z0-9_-]+\/)?[A-Za-z0-9_.-]+)$/;

export function splitSignedPath(path: string): { prefix: string; file: string } | null {
  const match = signedPathPattern.exec(path);
  return match?.[1] && match[2] ? { prefix: match[1], file: match[2] } : null;
}

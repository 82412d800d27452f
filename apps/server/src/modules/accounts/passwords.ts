import { createRequire } from "node:module";
import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane).
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the same time as checking a real password, for sign-ins naming nobody: an
 * attacker cannot tell unknown accounts from wrong passwords by the clock.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
  dummyHash ??= hashPassword("stave-timing-equaliser-not-a-password");
  await verifyPassword(await dummyHash, password);
  return false;
}

let commonPasswords: { test(password: string): boolean } | null = null;

/** Mozilla's list of the most common passwords (loaded on first use: it is large). */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= createRequire(import.meta.url)("fxa-common-password-list") as { test(password: string): boolean };
  return commonPasswords.test(password.toLowerCase());
}

/** Why a password is refused, or null when it is acceptable (length is checked by the schema). */
export function passwordWeakness(password: string, context: { email?: string; username?: string }): string | null {
  if (isCommonPassword(password)) return "This password is among the most common ones; choose another.";
  const lower = password.toLowerCase();
  if (context.username && lower.includes(context.username.toLowerCase()))
    return "The password must not contain your username.";
  const mailbox = context.email?.split("@")[0]?.toLowerCase();
  if (mailbox && mailbox.length >= 4 && lower.includes(mailbox))
    return "The password must not contain your email address.";
  if (new Set(password).size < 4) return "The password needs more different characters.";
  return null;
}

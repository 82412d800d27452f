import { randomBytes } from "node:crypto";
import { type Role, roleSchema } from "@stave/contracts";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "../../platform/db/schema.ts";
import type { Logger } from "../../platform/logger.ts";
import { recordAudit } from "../audit/index.ts";
import { findUserByEmailOrUsername, insertUser } from "./accounts.repo.ts";
import { hashPassword } from "./passwords.ts";

const operatorUserSchema = z.object({
  email: z
    .email()
    .max(254)
    .transform((email) => email.toLowerCase()),
  username: z.string().regex(/^[a-z0-9_.-]{3,30}$/, "3–30 characters: lower-case letters, digits, _ . -"),
  role: roleSchema,
  password: z.string().min(10).max(256).optional(),
});

export class UserExistsError extends Error {}

/**
 * `stave admin create-user`: an operator makes an account (typically the first admin)
 * with a verified email. Without a password one is generated and returned once.
 */
export async function createUserAsOperator(
  db: Kysely<DB>,
  logger: Logger,
  input: { email: string; username: string; role: string; password?: string | undefined },
): Promise<{ id: string; role: Role; generatedPassword: string | null }> {
  const parsed = operatorUserSchema.parse(input);
  const generatedPassword = parsed.password ? null : randomBytes(18).toString("base64url");
  const password = parsed.password ?? (generatedPassword as string);
  const existing = await findUserByEmailOrUsername(db, parsed.email, parsed.username);
  if (existing) throw new UserExistsError(`A user with that email or username already exists (${existing.username})`);
  const id = await db.transaction().execute(async (trx) =>
    insertUser(trx, {
      email: parsed.email,
      username: parsed.username,
      passwordHash: await hashPassword(password),
      role: parsed.role,
      isVerified: true,
    }),
  );
  await recordAudit(db, logger, {
    actorId: null,
    action: "admin.user_create",
    targetType: "user",
    targetId: id,
    metadata: { via: "cli", role: parsed.role },
  });
  return { id, role: parsed.role, generatedPassword };
}

import { isCreatorTier, type Me, type Role } from "@stave/contracts";
import { AppError } from "../../platform/http/errors.ts";
import type { RequestMeta } from "../../platform/http/request-meta.ts";
import type { AccountsContext } from "./accounts.context.ts";
import { findCredentialsById, findMe, promoteUserToCreator } from "./accounts.repo.ts";
import { audit } from "./accounts.shared.ts";

export async function getMe(ctx: AccountsContext, userId: string): Promise<Me> {
  const me = await findMe(ctx.database.primary, userId);
  if (!me) throw new AppError("NOT_FOUND", "User not found");
  return me;
}

/**
 * The one-way, self-service upgrade from `user` to `creator`, for verified
 * emails only. Idempotent for every creator-tier role; never overwrites a role an admin
 * assigned meanwhile.
 */
export async function upgradeToCreator(ctx: AccountsContext, userId: string, meta: RequestMeta) {
  const db = ctx.database.primary;
  const user = await findCredentialsById(db, userId);
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  const elevated = (current: { role: Role; promoted_to_creator_at: Date | null }) => ({
    role: current.role,
    promoted_to_creator_at: current.promoted_to_creator_at?.toISOString() ?? null,
    already_elevated: true,
  });
  if (isCreatorTier(user.role)) return elevated(user);
  if (!user.is_verified)
    throw new AppError("EMAIL_NOT_VERIFIED", "Verify your email address before becoming a creator");
  const promoted = await promoteUserToCreator(db, userId);
  if (!promoted) {
    const reloaded = await findCredentialsById(db, userId);
    if (!reloaded) throw new AppError("NOT_FOUND", "User not found");
    if (isCreatorTier(reloaded.role)) return elevated(reloaded);
    throw new AppError("EMAIL_NOT_VERIFIED", "Verify your email address before becoming a creator");
  }
  await audit(ctx, "user.upgrade_creator", userId, meta, { from: "user", to: promoted.role });
  return {
    role: promoted.role,
    promoted_to_creator_at: promoted.promoted_to_creator_at?.toISOString() ?? null,
    already_elevated: false,
  };
}

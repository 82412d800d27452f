/**
 * Accounts: people, their credentials, sessions, access tokens, invites and one-time tokens
 * (tables `users`, `user_profiles`, `sessions`, `personal_access_tokens`, `one_time_tokens`,
 * `invite_codes`). What other modules and the composition root may use of them is below.
 */

export { findLiveAccessToken, revokeAccessTokensWithScope } from "./access-tokens.repo.ts";
export type { AccountsContext } from "./accounts.context.ts";
export {
  anonymiseAccount,
  claimAccountToPurge,
  eraseSignIns,
  findAvatarKey,
  lockAccountForDeletion,
  markHardDeleted,
} from "./accounts.erase.ts";
export { accountExporter, exportedAccount, profileExporter } from "./accounts.export.ts";
export { accountsJobs } from "./accounts.jobs.ts";
export {
  findCredentialsById,
  findMailAddress,
  findPageOwnerId,
  findShownName,
  findUserIdByLogin,
  findUserIdByUsername,
  updateUser,
} from "./accounts.repo.ts";
export { registerAuthRoutes } from "./auth.routes.ts";
export { registerInviteRoutes } from "./invites.routes.ts";
export { registerMeRoutes } from "./me.routes.ts";
export { createUserAsOperator } from "./operator.service.ts";
export { mailForcedPasswordResetLink } from "./passwords.service.ts";
export { mailVerificationLink } from "./registration.service.ts";
export { findLiveSession, listLiveSessions } from "./sessions.repo.ts";
export { createPrincipalResolver, revokeAllSignIns } from "./sessions.service.ts";
export { confirmAccountHolder } from "./two-factor.service.ts";

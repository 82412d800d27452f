import { z } from "zod";
import { roleChangeRequestSchema, roleChangeResponseSchema } from "../accounts.ts";
import {
  adminUserDetailSchema,
  adminUserPageSchema,
  adminUserQuerySchema,
  quotaOverrideRequestSchema,
  suspendRequestSchema,
} from "../admin.ts";
import { operation } from "../operation.ts";

const admins = ["admin"] as const;
const tags = ["admin"] as const;
const userParams = z.object({ id: z.uuid() });

/**
 * User administration, for admins only. Each action answers with the account as it now is,
 * so the admin's page shows the outcome without asking again.
 */
export const adminUsersOperations = {
  search: operation({
    method: "GET",
    path: "/api/v1/admin/users",
    summary: "Find accounts by email or username, role and state; newest first",
    tags,
    access: admins,
    query: adminUserQuerySchema,
    response: { 200: adminUserPageSchema },
    errors: ["FORBIDDEN", "VALIDATION_FAILED"],
  }),
  get: operation({
    method: "GET",
    path: "/api/v1/admin/users/:id",
    summary: "One account: profile, tracks, storage, quota, sessions",
    tags,
    access: admins,
    params: userParams,
    response: { 200: adminUserDetailSchema },
    errors: ["FORBIDDEN", "VALIDATION_FAILED", "NOT_FOUND"],
  }),
  changeRole: operation({
    method: "PUT",
    path: "/api/v1/admin/users/:id/role",
    summary: "Set a user's role, if it is still the role the admin saw",
    tags,
    access: admins,
    params: userParams,
    body: roleChangeRequestSchema,
    response: { 200: roleChangeResponseSchema },
    // CONFLICT: an admin's own role.
    errors: ["FORBIDDEN", "VALIDATION_FAILED", "NOT_FOUND", "CONFLICT", "ROLE_CHANGED_CONCURRENTLY"],
  }),
  suspend: operation({
    method: "POST",
    path: "/api/v1/admin/users/:id/suspend",
    summary: "Suspend an account: no sign-in, signed out everywhere, tracks hidden",
    tags,
    access: admins,
    params: userParams,
    body: suspendRequestSchema,
    response: { 200: adminUserDetailSchema },
    // CONFLICT: the admin's own account, or one already suspended.
    errors: ["FORBIDDEN", "VALIDATION_FAILED", "NOT_FOUND", "CONFLICT"],
  }),
  unsuspend: operation({
    method: "POST",
    path: "/api/v1/admin/users/:id/unsuspend",
    summary: "Lift a suspension; tracks a moderator took down stay hidden",
    tags,
    access: admins,
    params: userParams,
    response: { 200: adminUserDetailSchema },
    errors: ["FORBIDDEN", "VALIDATION_FAILED", "NOT_FOUND", "CONFLICT"],
  }),
  forcePasswordReset: operation({
    method: "POST",
    path: "/api/v1/admin/users/:id/force-password-reset",
    summary: "Make the current password stop working and mail a reset link",
    tags,
    access: admins,
    params: userParams,
    response: { 200: adminUserDetailSchema },
    errors: ["FORBIDDEN", "VALIDATION_FAILED", "NOT_FOUND"],
  }),
  resendVerification: operation({
    method: "POST",
    path: "/api/v1/admin/users/:id/resend-verification",
    summary: "Mail the verification link again",
    tags,
    access: admins,
    params: userParams,
    response: { 200: adminUserDetailSchema },
    // CONFLICT: the address is already verified.
    errors: ["FORBIDDEN", "VALIDATION_FAILED", "NOT_FOUND", "CONFLICT"],
  }),
  setQuota: operation({
    method: "PUT",
    path: "/api/v1/admin/users/:id/quota",
    summary: "Set the user's own storage quota; null returns them to the instance default",
    tags,
    access: admins,
    params: userParams,
    body: quotaOverrideRequestSchema,
    response: { 200: adminUserDetailSchema },
    errors: ["FORBIDDEN", "VALIDATION_FAILED", "NOT_FOUND"],
  }),
};

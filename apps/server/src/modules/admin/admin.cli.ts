import { roleSchema, suspendRequestSchema } from "@stave/contracts";
import { z } from "zod";
import { findUserIdByLogin } from "../accounts/index.ts";
import { type AdminDeps, CLI_OPERATOR } from "./admin.actor.ts";
import { type SuspensionDeps, suspendUser, unsuspendUser } from "./admin.suspension.service.ts";
import { changeUserRole } from "./admin.users.service.ts";

/*
 * `stave admin` commands about an existing account: the routes' own services, audited with
 * no actor and `via: "cli"`. Each returns the line to print; a refusal throws its message.
 */

async function accountId(deps: AdminDeps, login: string | undefined): Promise<string> {
  if (!login) throw new Error("--user <email or username> is required");
  const id = await findUserIdByLogin(deps.database.primary, login);
  if (!id) throw new Error(`No account with the email or username "${login}"`);
  return id;
}

const roleInput = z.object({ role: roleSchema });

export async function setRoleAsOperator(
  deps: AdminDeps,
  input: { user?: string | undefined; role?: string | undefined },
) {
  const { role } = roleInput.parse({ role: input.role });
  const id = await accountId(deps, input.user);
  const changed = await changeUserRole(deps, CLI_OPERATOR, id, { role });
  return `${input.user}: role ${changed.previousRole} → ${changed.role}`;
}

export async function suspendAsOperator(
  deps: SuspensionDeps,
  input: { user?: string | undefined; reason?: string | undefined },
) {
  const { reason } = suspendRequestSchema.parse({ reason: input.reason });
  const id = await accountId(deps, input.user);
  await suspendUser(deps, CLI_OPERATOR, id, reason);
  return `${input.user}: suspended (signed out everywhere, tracks hidden)`;
}

export async function unsuspendAsOperator(deps: AdminDeps, input: { user?: string | undefined }) {
  const id = await accountId(deps, input.user);
  await unsuspendUser(deps, CLI_OPERATOR, id);
  return `${input.user}: suspension lifted`;
}

import {
  type CreatedToken,
  type CreateTokenRequest,
  createdTokenSchema,
  type PersonalToken,
  personalTokenListSchema,
} from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

export async function fetchAccessTokens(signal?: AbortSignal): Promise<PersonalToken[]> {
  const reply = await apiRequest("/api/v1/users/me/tokens", { schema: personalTokenListSchema, signal });
  return reply.items;
}

/** The token itself is in this reply only: the server keeps a hash. */
export function createAccessToken(request: CreateTokenRequest): Promise<CreatedToken> {
  return apiRequest("/api/v1/users/me/tokens", { method: "POST", body: request, schema: createdTokenSchema });
}

export function revokeAccessToken(id: string): Promise<undefined> {
  return apiRequest(`/api/v1/users/me/tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
}

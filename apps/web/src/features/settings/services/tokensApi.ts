import { api, type CreatedToken, type CreateTokenRequest, type PersonalToken } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

export async function fetchAccessTokens(signal?: AbortSignal): Promise<PersonalToken[]> {
  const reply = await callApi(api.me.tokens, { signal });
  return reply.items;
}

/** The token itself is in this reply only: the server keeps a hash. */
export function createAccessToken(request: CreateTokenRequest): Promise<CreatedToken> {
  return callApi(api.me.createToken, { body: request });
}

export function revokeAccessToken(id: string): Promise<undefined> {
  return callApi(api.me.revokeToken, { params: { id } });
}

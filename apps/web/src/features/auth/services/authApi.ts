import { api, type LoginRequest, type LoginResponse, type Me, type RegisterRequest } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

export type SessionStarted = { user: Me; csrfToken: string };

export async function register(request: RegisterRequest): Promise<Me> {
  const reply = await callApi(api.auth.register, { body: request });
  return reply.user;
}

export function verifyEmail(token: string): Promise<{ verified: true }> {
  return callApi(api.auth.verifyEmail, { body: { token } });
}

/** The server answers the same whether or not the address has an account. */
export async function resendVerificationEmail(email: string): Promise<string> {
  const reply = await callApi(api.auth.resendVerification, { body: { email } });
  return reply.message;
}

export function login(request: LoginRequest): Promise<LoginResponse> {
  return callApi(api.auth.login, { body: request });
}

export function loginWithTwoFactor(challenge: string, code: string): Promise<SessionStarted> {
  return callApi(api.auth.loginTwoFactor, { body: { challenge, code } });
}

export function logout(): Promise<undefined> {
  return callApi(api.auth.logout);
}

export async function fetchCsrfToken(signal?: AbortSignal): Promise<string> {
  const reply = await callApi(api.auth.csrf, { signal });
  return reply.csrfToken;
}

export async function requestPasswordReset(email: string): Promise<string> {
  const reply = await callApi(api.auth.forgotPassword, { body: { email } });
  return reply.message;
}

export function resetPassword(token: string, newPassword: string): Promise<undefined> {
  return callApi(api.auth.resetPassword, { body: { token, newPassword } });
}

import {
  acceptedSchema,
  csrfResponseSchema,
  type LoginRequest,
  type LoginResponse,
  loginResponseSchema,
  type Me,
  type RegisterRequest,
  registerResponseSchema,
  sessionStartedSchema,
  verifyEmailResponseSchema,
} from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

export type SessionStarted = { user: Me; csrfToken: string };

export async function register(request: RegisterRequest): Promise<Me> {
  const reply = await apiRequest("/api/v1/auth/register", {
    method: "POST",
    body: request,
    schema: registerResponseSchema,
  });
  return reply.user;
}

export function verifyEmail(token: string): Promise<{ verified: true }> {
  return apiRequest("/api/v1/auth/verify-email", {
    method: "POST",
    body: { token },
    schema: verifyEmailResponseSchema,
  });
}

/** The server answers the same whether or not the address has an account. */
export async function resendVerificationEmail(email: string): Promise<string> {
  const reply = await apiRequest("/api/v1/auth/verify-email/resend", {
    method: "POST",
    body: { email },
    schema: acceptedSchema,
  });
  return reply.message;
}

export function login(request: LoginRequest): Promise<LoginResponse> {
  return apiRequest("/api/v1/auth/login", { method: "POST", body: request, schema: loginResponseSchema });
}

export function loginWithTwoFactor(challenge: string, code: string): Promise<SessionStarted> {
  return apiRequest("/api/v1/auth/login/2fa", {
    method: "POST",
    body: { challenge, code },
    schema: sessionStartedSchema,
  });
}

export function logout(): Promise<undefined> {
  return apiRequest("/api/v1/auth/logout", { method: "POST" });
}

export async function fetchCsrfToken(signal?: AbortSignal): Promise<string> {
  const reply = await apiRequest("/api/v1/auth/csrf", { schema: csrfResponseSchema, signal });
  return reply.csrfToken;
}

export async function requestPasswordReset(email: string): Promise<string> {
  const reply = await apiRequest("/api/v1/auth/password/forgot", {
    method: "POST",
    body: { email },
    schema: acceptedSchema,
  });
  return reply.message;
}

export function resetPassword(token: string, newPassword: string): Promise<undefined> {
  return apiRequest("/api/v1/auth/password/reset", { method: "POST", body: { token, newPassword } });
}

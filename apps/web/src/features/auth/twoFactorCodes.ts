import type { ErrorMessages } from "../../lib/errorMessage.ts";

export const wrongCodeMessages: ErrorMessages = {
  INVALID_TWO_FACTOR_CODE: "That code didn't work. Enter the code your app shows now.",
};

/** Long enough to be a TOTP or backup code; the server decides whether it is right. */
export function isCodeShaped(value: string): boolean {
  const length = value.replace(/\s+/g, "").length;
  return length >= 6 && length <= 20;
}

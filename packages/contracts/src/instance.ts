import { z } from "zod";

export const registrationModes = ["open", "closed", "invite"] as const;
export const registrationModeSchema = z.enum(registrationModes);
export type RegistrationMode = z.infer<typeof registrationModeSchema>;

/** What the web shell needs to know about the instance before anyone logs in. */
export const instanceInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  description: z.string(),
  registrationMode: registrationModeSchema,
  /** Shown at registration; empty when the operator has not written any. */
  termsText: z.string(),
  privacyText: z.string(),
});

export type InstanceInfo = z.infer<typeof instanceInfoSchema>;

import { z } from "zod";

/** What the web shell needs to know about the instance before anyone logs in. */
export const instanceInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
});

export type InstanceInfo = z.infer<typeof instanceInfoSchema>;

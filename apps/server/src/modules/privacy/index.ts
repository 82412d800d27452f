/** Privacy: data exports and account erasure (table `data_exports`). */
export type { PrivacyContext } from "./privacy.context.ts";
export { privacyJobs } from "./privacy.jobs.ts";
export { registerPrivacyRoutes } from "./privacy.routes.ts";

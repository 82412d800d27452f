import { accountsJobs } from "./modules/accounts/accounts.jobs.ts";
import { listeningJobs } from "./modules/listening/listening.jobs.ts";
import { privacyJobs } from "./modules/privacy/privacy.jobs.ts";
import { searchJobs } from "./modules/search/search.maintenance.ts";
import { socialJobs } from "./modules/social/social.jobs.ts";
import { tracksJobs } from "./modules/tracks/tracks.jobs.ts";
import type { Database } from "./platform/db/database.ts";
import type { JobRegistry } from "./platform/jobs/index.ts";
import { maintenanceJobs } from "./platform/jobs/maintenance.ts";
import { type Mailer, mailJobs } from "./platform/mail/index.ts";
import type { Services } from "./services.ts";

export interface JobDependencies {
  database: Database;
  mailer: Mailer;
  services: Services;
}

/** Every job this build can run; the type makes a missing handler a compile error. */
export function buildJobRegistry(deps: JobDependencies): JobRegistry {
  return {
    ...maintenanceJobs(deps),
    ...mailJobs(deps),
    ...accountsJobs(deps),
    ...tracksJobs(deps.services.tracks),
    ...listeningJobs(deps.services.listening),
    ...searchJobs(deps),
    ...privacyJobs(deps.services.privacy),
    ...socialJobs(deps.services.social),
  };
}

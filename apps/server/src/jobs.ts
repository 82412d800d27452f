import { accountsJobs } from "./modules/accounts/index.ts";
import { listeningJobs } from "./modules/listening/index.ts";
import { privacyJobs } from "./modules/privacy/index.ts";
import { searchJobs } from "./modules/search/index.ts";
import { socialJobs } from "./modules/social/index.ts";
import { tracksJobs } from "./modules/tracks/index.ts";
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

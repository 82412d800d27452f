import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../platform/db/database.ts";
import { principalOf } from "../../platform/http/access.ts";
import { serve } from "../../platform/http/operations.ts";
import { requestMeta } from "../../platform/http/request-meta.ts";
import type { Logger } from "../../platform/logger.ts";
import { recordAudit } from "../audit/index.ts";
import { type InstanceSettings, presentSettings } from "./instance.service.ts";

const longTexts = new Set(["siteDescription", "termsText", "privacyText"]);

export interface InstanceRoutesDeps {
  settings: InstanceSettings;
  database: Database;
  logger: Logger;
  version: string;
}

export function registerInstanceRoutes(app: FastifyInstance, deps: InstanceRoutesDeps) {
  serve(app, api.instance.info, async () => {
    const settings = await deps.settings.current();
    return {
      name: settings.siteName,
      version: deps.version,
      description: settings.siteDescription,
      registrationMode: settings.registrationMode,
      termsText: settings.termsText,
      privacyText: settings.privacyText,
    };
  });

  serve(app, api.instance.settings, async () => presentSettings(await deps.settings.current()));

  serve(app, api.instance.updateSettings, async (request) => {
    const actorId = principalOf(request).userId;
    const { settings, changed } = await deps.settings.update(request.body, actorId);
    if (changed.length > 0) {
      await recordAudit(deps.database.primary, deps.logger, {
        actorId,
        action: "admin.settings_change",
        targetType: "instance",
        ...requestMeta(request),
        // The long texts are not copied into the log; the short settings' new values are.
        metadata: {
          changed,
          to: Object.fromEntries(
            changed.filter((key) => !longTexts.has(key)).map((key) => [key, settings[key as keyof typeof settings]]),
          ),
        },
      });
    }
    return presentSettings(settings);
  });
}

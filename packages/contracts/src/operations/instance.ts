import { instanceSettingsSchema, instanceSettingsUpdateSchema } from "../admin.ts";
import { instanceInfoSchema } from "../instance.ts";
import { operation } from "../operation.ts";

const admins = ["admin"] as const;

export const instanceOperations = {
  /** Public facts about this instance, for the web shell before anyone signs in. */
  info: operation({
    method: "GET",
    path: "/api/v1/instance",
    summary: "Instance name, version, description, registration mode, terms and privacy texts",
    tags: ["instance"],
    access: "public",
    response: { 200: instanceInfoSchema },
    errors: [],
  }),
  settings: operation({
    method: "GET",
    path: "/api/v1/admin/settings",
    summary: "The instance's settings",
    tags: ["admin"],
    access: admins,
    response: { 200: instanceSettingsSchema },
    errors: ["FORBIDDEN"],
  }),
  updateSettings: operation({
    method: "PATCH",
    path: "/api/v1/admin/settings",
    summary: "Change instance settings (any subset); every process applies them without a restart",
    tags: ["admin"],
    access: admins,
    body: instanceSettingsUpdateSchema,
    response: { 200: instanceSettingsSchema },
    errors: ["FORBIDDEN", "VALIDATION_FAILED"],
  }),
};

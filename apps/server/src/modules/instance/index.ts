/** Instance: the settings an admin changes without a restart (table `instance_settings`). */
export { registerInstanceRoutes } from "./instance.routes.ts";
export { InstanceSettings } from "./instance.service.ts";

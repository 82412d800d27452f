import { api, type CreateReportRequest } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

/** 409 ALREADY_REPORTED when this person's earlier report on it is still open; 429 past ten an hour. */
export function createReport(report: CreateReportRequest) {
  return callApi(api.moderation.report, { body: report });
}

import { type CreateReportRequest, createdReportSchema } from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

/** 409 ALREADY_REPORTED when this person's earlier report on it is still open; 429 past ten an hour. */
export function createReport(report: CreateReportRequest) {
  return apiRequest("/api/v1/reports", { method: "POST", body: report, schema: createdReportSchema });
}

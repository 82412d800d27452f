import { errorStatus } from "@stave/contracts";
import { Server } from "@tus/server";
import { clientErrorCodeFor } from "../../platform/http/errors.ts";

const isEnvelope = (body: string) => body.startsWith('{"error":');

/**
 * tus answers the errors it finds itself (a missing Tus-Resumable header, an unknown upload,
 * an offset conflict) in plain text. Every one of them passes through `write`: there they
 * become our error envelope, with the status that goes with its code.
 */
export class EnvelopedTusServer extends Server {
  override write(...[context, headers, status, body = ""]: Parameters<Server["write"]>) {
    if (status < 400 || isEnvelope(body)) {
      if (isEnvelope(body)) headers.set("Content-Type", "application/json; charset=utf-8");
      return super.write(context, headers, status, body);
    }
    const code = status >= 500 ? "INTERNAL" : clientErrorCodeFor(status);
    const message =
      status >= 500 ? "Something went wrong on our side" : body.trim() || "The upload request is not valid";
    headers.set("Content-Type", "application/json; charset=utf-8");
    return super.write(context, headers, errorStatus[code], JSON.stringify({ error: { code, message } }));
  }
}

import { errorStatus } from "@stave/contracts";
import { Server } from "@tus/server";
import { clientErrorCodeFor } from "../../platform/http/errors.ts";
import type { Logger } from "../../platform/logger.ts";

const isEnvelope = (body: string) => body.startsWith('{"error":');

/**
 * tus answers 501 Not Implemented for a protocol extension our store lacks (concatenation,
 * expiration, a deferred length): the client asked for something we do not offer, which is
 * its request's fault, not a failure of ours.
 */
const unsupportedExtension = (body: string) => {
  const text = body.trim();
  if (/concatenation/i.test(text)) return "Upload-Concat is not supported";
  return text ? `Not supported: ${text}` : "This tus extension is not supported";
};

/**
 * tus answers the errors it finds itself (a missing Tus-Resumable header, an unknown upload,
 * an offset conflict) in plain text. Every one of them passes through `write`: there they
 * become our error envelope, with the status that goes with its code.
 */
export class EnvelopedTusServer extends Server {
  private readonly logger: Logger;

  constructor({ logger, ...options }: ConstructorParameters<typeof Server>[0] & { logger: Logger }) {
    super(options);
    this.logger = logger;
  }

  override write(...[context, headers, status, body = ""]: Parameters<Server["write"]>) {
    if (status < 400 || isEnvelope(body)) {
      if (isEnvelope(body)) headers.set("Content-Type", "application/json; charset=utf-8");
      return super.write(context, headers, status, body);
    }
    let code = clientErrorCodeFor(status);
    let message = body.trim() || "The upload request is not valid";
    if (status === 501) {
      code = "BAD_REQUEST";
      message = unsupportedExtension(body);
    } else if (status >= 500) {
      // tus's own text carries the cause (a full disk, a lock timeout): it goes to the log, not the client.
      this.logger.error({ status, tusError: body.trim().slice(0, 1000) }, "resumable upload request failed");
      code = "INTERNAL";
      message = "Something went wrong on our side";
    }
    headers.set("Content-Type", "application/json; charset=utf-8");
    return super.write(context, headers, errorStatus[code], JSON.stringify({ error: { code, message } }));
  }
}

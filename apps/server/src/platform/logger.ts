import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Paths pino blanks out wherever they appear, so a secret can never reach a log line
 * by accident: credentials in headers and the usual names of secrets in bodies.
 */
const redactedPaths = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  "*.password",
  "*.currentPassword",
  "*.newPassword",
  "*.token",
  "*.secret",
  "*.code",
  "*.backupCode",
];

/** What Fastify hands the request serializer: its request, or a raw Node request. */
interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
  host?: string;
  socket?: { remotePort?: number } | null;
}

/**
 * The request as its log lines show it: the path without its query string. Single-use
 * tokens, search words and cursors travel in query strings, and an access log is read by
 * more people, and kept longer, than the database. Replaces Fastify's serializer, which
 * logs the whole URL.
 */
export function requestForLog(request: LoggedRequest) {
  const url = request.url ?? "";
  const queryAt = url.indexOf("?");
  return {
    method: request.method,
    url: queryAt === -1 ? url : url.slice(0, queryAt),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactedPaths, censor: "[redacted]" },
      base: { service: "stave" },
      serializers: { req: requestForLog },
    },
    destination,
  );
}

import http from "node:http";
import { errorEnvelopeSchema, errorStatus } from "@stave/contracts";
import type { FuzzRequest, Persona } from "./generate.ts";

/** A signed-in persona's session, added to its requests. */
export interface FuzzCredentials {
  cookie: string;
  csrfToken: string;
}

export interface FuzzAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface FuzzFailure {
  request: FuzzRequest;
  answer: FuzzAnswer;
  problem: string;
}

export interface FuzzSummary {
  sent: number;
  status5xx: number;
  withoutEnvelope: number;
  byStatus: Record<number, number>;
  failures: FuzzFailure[];
}

const REQUEST_TIMEOUT_MS = 20_000;

/**
 * Sends one request over a real connection (not `inject`: what a client meets on the wire,
 * streams included). An event stream that opens is answered at its headers and closed.
 */
export function sendFuzzRequest(
  baseUrl: string,
  request: FuzzRequest,
  session: FuzzCredentials | null,
  agent: http.Agent | false = false,
): Promise<FuzzAnswer> {
  const headers: Record<string, string> = { ...request.headers };
  if (session) {
    headers.cookie = headers.cookie ? `${session.cookie}; ${headers.cookie}` : session.cookie;
    if (request.csrf && headers["x-csrf-token"] === undefined) headers["x-csrf-token"] = session.csrfToken;
  }
  // Node sends a GET or DELETE body with no framing at all unless told its length: the
  // server would then read that body as the next request on the connection.
  if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));
  const target = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers, agent },
      (incoming) => {
        const contentType = String(incoming.headers["content-type"] ?? "");
        if (contentType.startsWith("text/event-stream")) {
          incoming.destroy();
          resolve({ status: incoming.statusCode ?? 0, contentType, body: "" });
          return;
        }
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolve({ status: incoming.statusCode ?? 0, contentType, body: Buffer.concat(chunks).toString("utf8") }),
        );
        incoming.on("error", reject);
      },
    );
    outgoing.setTimeout(REQUEST_TIMEOUT_MS, () => outgoing.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)));
    outgoing.on("error", (error: NodeJS.ErrnoException) => {
      // A kept-alive connection the server closed just as we reused it: the request never
      // reached the server (Node's documented race), so send it again on a new connection.
      if (outgoing.reusedSocket && error.code === "ECONNRESET") {
        resolve(sendFuzzRequest(baseUrl, request, session, false));
        return;
      }
      reject(error);
    });
    outgoing.end(request.body);
  });
}

/** What is wrong with an answer: a 5xx, or a 4xx without the error envelope (or whose code disagrees with its status). */
export function problemWith(answer: FuzzAnswer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (answer.status < 400) return null;
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    return `${answer.status} without a JSON body`;
  }
  const envelope = errorEnvelopeSchema.safeParse(json);
  if (!envelope.success) return `${answer.status} without the error envelope`;
  const expected = errorStatus[envelope.data.error.code];
  if (expected !== answer.status) return `${answer.status} labelled ${envelope.data.error.code} (a ${expected} code)`;
  return null;
}

/** A failure as a reader needs it to reproduce: the request as sent and the answer. */
export function describeFailure({ request, answer, problem }: FuzzFailure): string {
  const body =
    request.body === undefined
      ? ""
      : `\n  body (${request.body.length} bytes): ${JSON.stringify(request.body.toString().slice(0, 300))}`;
  return (
    `${problem}: ${request.method} ${request.url.slice(0, 300)} as ${request.who}${request.csrf ? "" : " (no CSRF)"}` +
    `\n  aiming at ${request.operation}, broken: ${request.mutation}` +
    `\n  headers: ${JSON.stringify(request.headers).slice(0, 300)}${body}` +
    `\n  answer: ${answer.status} ${answer.contentType} ${answer.body.slice(0, 300)}`
  );
}

/**
 * Sends every request (`concurrency` at a time, in order within each lane) and counts the
 * answers. A request that gets no answer at all counts as a 5xx: the server hung or died.
 */
export async function runFuzzRequests(
  baseUrl: string,
  requests: FuzzRequest[],
  sessions: Partial<Record<Persona, FuzzCredentials>>,
  concurrency = 1,
  onAnswer?: (request: FuzzRequest, answer: FuzzAnswer) => void,
): Promise<FuzzSummary> {
  const summary: FuzzSummary = { sent: 0, status5xx: 0, withoutEnvelope: 0, byStatus: {}, failures: [] };
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < requests.length; index = next++) {
      const request = requests[index] as FuzzRequest;
      const answer = await sendFuzzRequest(baseUrl, request, sessions[request.who] ?? null, agent).catch(
        (error: Error): FuzzAnswer => ({ status: 599, contentType: "", body: `no answer: ${error.message}` }),
      );
      summary.sent++;
      onAnswer?.(request, answer);
      summary.byStatus[answer.status] = (summary.byStatus[answer.status] ?? 0) + 1;
      const problem = problemWith(answer);
      if (!problem) continue;
      if (answer.status >= 500) summary.status5xx++;
      else summary.withoutEnvelope++;
      summary.failures.push({ request, answer, problem });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  agent.destroy();
  return summary;
}

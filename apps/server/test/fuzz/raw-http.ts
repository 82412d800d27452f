import net from "node:net";

export interface RawResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  /** Whatever the server wrote after the first response (a second answer, say). */
  rest: string;
}

/**
 * Writes bytes to a fresh connection as they are and reads until the server closes it
 * (or `timeoutMs` passes): for requests that no HTTP client, and not `app.inject`, would send.
 */
export function rawRequest(
  address: { host: string; port: number },
  request: string | Buffer,
  timeoutMs = 5000,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(address, () => socket.end(request));
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString("utf8");
      const parsed = parseResponse(text);
      if (parsed) resolve(parsed);
      else reject(new Error(`no HTTP response to ${JSON.stringify(request.toString().slice(0, 200))}: ${text}`));
    });
  });
}

function parseResponse(text: string): RawResponse | null {
  const headEnd = text.indexOf("\r\n\r\n");
  if (headEnd < 0) return null;
  const [statusLine = "", ...headerLines] = text.slice(0, headEnd).split("\r\n");
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (!status?.[1]) return null;
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const bodyStart = headEnd + 4;
  const declared = headers["content-length"];
  // Content-Length counts bytes: measure the body as bytes, not UTF-16 units.
  const afterHead = Buffer.from(text.slice(bodyStart), "utf8");
  const length = declared === undefined ? afterHead.length : Number(declared);
  return {
    statusCode: Number(status[1]),
    headers,
    body: afterHead.subarray(0, length).toString("utf8"),
    rest: afterHead.subarray(length).toString("utf8"),
  };
}

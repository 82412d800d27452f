import { jsonBody, multipartBody, wrongContentTypes } from "./bodies.ts";
import {
  type JsonSchema,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  resolveSchema,
  sampleValue,
} from "./openapi.ts";
import { Prng } from "./prng.ts";
import { resumableOperations, resumableRequest } from "./resumable.ts";
import { garbageCursor, garbagePathValues, garbageQueryValues, nested } from "./values.ts";

/**
 * The malformed-request generator shared by the fuzz test (a few hundred requests, in
 * `npm test`) and `bench/abuse/fuzz.ts` (the long run). Pure: the same document, ids and
 * seed always give the same requests.
 */

/** Who sends a request: nobody, a verified creator, or (where a run can make one) an admin. */
export type Persona = "anonymous" | "creator" | "admin";

export interface FuzzRequest {
  /** Who sends it: the runner adds that persona's cookie (and CSRF token unless `csrf` is false). */
  who: Persona;
  csrf: boolean;
  method: string;
  /** Path and query string, percent-encoded as they go on the wire. */
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** The operation it aims at and what was broken, for a failure report. */
  operation: string;
  mutation: string;
}

/**
 * Real ids of things that exist, so that handlers go past their lookups: keyed by the
 * collection a path names (`tracks`, `playlists`, `conversations`, `comments`, `messages`,
 * `plays`, `history`, `users`, `reports`, `sessions`, `tokens`, `exports`, `invites`) and
 * `usernames`.
 */
export type FuzzIds = Record<string, string[]>;

export interface GenerateOptions {
  seed: number;
  count: number;
  ids: FuzzIds;
  /** Who may send requests; anonymous and creator unless told. */
  personas?: Persona[];
}

/**
 * Operations that end the creator's own session when they succeed: only anonymous callers
 * send them, so the signed-in half of the run stays signed in.
 */
const endsOwnSession = new Set(["POST /api/v1/auth/logout"]);

/** Operations the fuzzer leaves alone: our own spec (a large body that takes no input). */
const skipped = new Set(["GET /api/openapi.json"]);

/**
 * Percent-encodes text for a URL; a lone surrogate (which `encodeURIComponent` refuses) goes
 * out as the bytes a careless client would send for it: invalid UTF-8 the server must refuse.
 */
function encodeText(text: string): string {
  return text.replace(/[\ud800-\udfff]|[^\ud800-\udfff]+/g, (part) =>
    part.length === 1 && part.charCodeAt(0) >= 0xd800 && part.charCodeAt(0) <= 0xdfff
      ? "%ED%A0%80"
      : encodeURIComponent(part),
  );
}

/** Every real id, for the fields of bodies and queries that take one. */
const uuidsOf = (ids: FuzzIds) =>
  Object.entries(ids).flatMap(([collection, values]) => (collection === "usernames" ? [] : values));

/** Which collection a path parameter names, from its name or the path segment before it. */
function collectionOf(path: string, param: string): string {
  const named: Record<string, string> = {
    username: "usernames",
    trackId: "tracks",
    commentId: "comments",
    messageId: "messages",
    playId: "plays",
    entryId: "history",
  };
  if (named[param]) return named[param];
  const segments = path.split("/");
  const index = segments.indexOf(`{${param}}`);
  return segments[index - 1] ?? param;
}

function pathValue(random: Prng, operation: Operation, param: string, ids: FuzzIds, schema: JsonSchema | undefined) {
  const real = ids[collectionOf(operation.path, param)];
  if (schema?.enum?.length && random.chance(0.7)) return encodeURIComponent(String(random.pick(schema.enum)));
  if (real?.length && random.chance(0.65)) return encodeURIComponent(random.pick(real));
  return random.pick(garbagePathValues);
}

function buildUrl(random: Prng, document: OpenApiDocument, operation: Operation, ids: FuzzIds, breakQuery: boolean) {
  let path = operation.path;
  for (const param of operation.pathParams) {
    const value = pathValue(random, operation, param.name, ids, param.schema && resolveSchema(document, param.schema));
    path = path.replace(param.name === "*" ? "{*}" : `{${param.name}}`, value);
  }
  const query: string[] = [];
  for (const param of operation.queryParams) {
    if (!breakQuery && random.chance(0.5)) continue;
    const name = encodeURIComponent(param.name);
    if (!breakQuery || random.chance(0.4)) {
      const value = sampleValue(document, param.schema ?? {}, random, {
        edge: random.chance(0.3),
        uuids: uuidsOf(ids),
      });
      query.push(`${name}=${encodeText(typeof value === "object" ? JSON.stringify(value) : String(value))}`);
      continue;
    }
    const garbage = param.name === "cursor" ? garbageCursor(random) : random.pick(garbageQueryValues);
    switch (random.int(0, 3)) {
      case 0:
        query.push(`${name}=${garbage}`, `${name}=${random.pick(garbageQueryValues)}`);
        break;
      case 1:
        query.push(`${name}[]=${garbage}`, `${name}[x]=1`);
        break;
      default:
        query.push(`${name}=${garbage}`);
    }
  }
  if (breakQuery && random.chance(0.3)) query.push(`unknown${random.int(0, 9)}=${random.pick(garbageQueryValues)}`);
  if (breakQuery && random.chance(0.1)) query.push("&&=&=", "__proto__[admin]=1");
  return query.length ? `${path}?${query.join("&")}` : path;
}

const oddHeaders: Record<string, string>[] = [
  { range: "bytes=5-1" },
  { range: "bytes=abc" },
  { range: "bytes=0-0,1-1" },
  { range: "bytes=-0" },
  { range: "bytes=99999999999999999999-" },
  { range: "items=0-1" },
  { authorization: "Bearer not-a-token" },
  { authorization: "Bearer " },
  { authorization: "Basic Zm9vOmJhcg==" },
  { authorization: `Bearer ${"a".repeat(4000)}` },
  { cookie: "stave_session=garbage" },
  { cookie: "stave_session=" },
  { accept: "text/event-stream" },
  { accept: "application/xml" },
  { "content-encoding": "gzip" },
  { "x-forwarded-for": "1.2.3.4, 5.6.7.8" },
  { "if-none-match": "*" },
  { origin: "https://evil.example" },
];

function buildRequest(
  random: Prng,
  document: OpenApiDocument,
  operation: Operation,
  ids: FuzzIds,
  personas: Persona[],
): FuzzRequest {
  const label = `${operation.method} ${operation.path}`;
  const signedIn = personas.filter((persona) => persona !== "anonymous");
  const who: Persona =
    endsOwnSession.has(label) || !signedIn.length || random.chance(0.4) ? "anonymous" : random.pick(signedIn);
  if (operation.hidden) return resumableRequest(random, label, who, ids.uploads ?? []);
  // Most requests break one thing (the path, the query, the body, a header); some break several.
  const target = random.pick(["path", "query", "body", "body", "headers", "content-type", "auth"]);
  const mutations: string[] = [];
  const url = buildUrl(random, document, operation, ids, target === "query" || random.chance(0.15));
  if (target === "query") mutations.push("query");
  if (url.length > operation.path.length + 40 || target === "path") mutations.push("path/query values");
  const headers: Record<string, string> = {};
  let body: string | Buffer | undefined;
  let csrf = true;

  if (operation.multipart) {
    const multipart = multipartBody(random);
    headers["content-type"] = multipart.contentType;
    body = multipart.body;
    mutations.push(multipart.mutation);
  } else if (operation.jsonBody) {
    const json = jsonBody(random, document, operation.jsonBody, uuidsOf(ids));
    headers["content-type"] = "application/json";
    body = json.text;
    mutations.push(json.mutation);
  } else if (target === "body") {
    // A body where none belongs.
    headers["content-type"] = "application/json";
    body = random.pick(['{"unexpected":true}', "[]", nested(300, "array"), "not json"]);
    mutations.push("unexpected body");
  }
  if (target === "content-type" && body !== undefined) {
    headers["content-type"] = random.pick(wrongContentTypes);
    mutations.push(`content-type ${headers["content-type"]}`);
  }
  if (target === "content-type" && random.chance(0.2)) {
    delete headers["content-type"];
    mutations.push("no content-type");
  }
  if (target === "headers") {
    Object.assign(headers, random.pick(oddHeaders));
    mutations.push(`headers ${JSON.stringify(headers).slice(0, 60)}`);
  }
  if (target === "auth" && who !== "anonymous") {
    csrf = random.chance(0.5);
    if (!csrf) mutations.push("no CSRF token");
    else {
      headers["x-csrf-token"] = random.pick(["wrong", "", "a".repeat(500), "%00"]);
      mutations.push("wrong CSRF token");
    }
  }
  return {
    who,
    csrf,
    method: operation.method,
    url,
    headers,
    body,
    operation: label,
    mutation: mutations.join("; ") || "none",
  };
}

/**
 * `count` requests spread evenly over every operation of the document (each operation in
 * turn, in a seeded order), mutations chosen by the seeded PRNG. Deletions go last, so that
 * the things other requests aim at still exist when they arrive.
 */
export function generateRequests(document: OpenApiDocument, options: GenerateOptions): FuzzRequest[] {
  const random = new Prng(options.seed);
  const operations = walkedOperations(document);
  for (let i = operations.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [operations[i], operations[j]] = [operations[j] as Operation, operations[i] as Operation];
  }
  const requests: FuzzRequest[] = [];
  for (let i = 0; i < options.count; i++) {
    const operation = operations[i % operations.length] as Operation;
    requests.push(buildRequest(random, document, operation, options.ids, options.personas ?? ["anonymous", "creator"]));
  }
  return [...requests.filter((r) => r.method !== "DELETE"), ...requests.filter((r) => r.method === "DELETE")];
}

/** How many distinct operations the document has (what "every operation" means for a run). */
export const operationCount = (document: OpenApiDocument) => walkedOperations(document).length;

/** The documented operations, and the hidden resumable-upload routes beside them. */
function walkedOperations(document: OpenApiDocument): Operation[] {
  const hidden = resumableOperations.map((label): Operation => {
    const [method = "", path = ""] = label.split(" ");
    return { method, path, pathParams: [], queryParams: [], jsonBody: null, multipart: false, hidden: true };
  });
  return [...operationsOf(document).filter((op) => !skipped.has(`${op.method} ${op.path}`)), ...hidden];
}

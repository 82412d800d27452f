import type { Prng } from "./prng.ts";

/** The parts of an OpenAPI 3.1 document the fuzzer reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

interface OpenApiParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: OpenApiParameter[]; requestBody?: RequestBody; consumes?: string[] }>
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface RequestBody {
  content?: Record<string, { schema?: JsonSchema }>;
}

export interface Operation {
  method: string;
  /** The OpenAPI path, `{id}` placeholders included. */
  path: string;
  pathParams: OpenApiParameter[];
  queryParams: OpenApiParameter[];
  /** The JSON body's schema, if the operation takes JSON. */
  jsonBody: JsonSchema | null;
  multipart: boolean;
  /** A route the description hides (resumable uploads), fuzzed by its own protocol. */
  hidden?: boolean;
}

const methods = ["get", "post", "put", "patch", "delete"];

/** Every operation of the document, in a stable order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === "path"),
        queryParams: parameters.filter((p) => p.in === "query"),
        jsonBody: content["application/json"]?.schema ?? null,
        multipart: Boolean(content["multipart/form-data"]) || (path === "/api/v1/tracks" && method === "post"),
      });
    }
  }
  return operations;
}

/** Follows `$ref`s into the document's components. */
export function resolveSchema(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 10; hops++) {
    const name = current.$ref.split("/").pop() ?? "";
    current = document.components?.schemas?.[name] ?? {};
  }
  return current;
}

const typesOf = (schema: JsonSchema): string[] =>
  Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];

/**
 * How to fill a sample: `edge` keeps to the schema but goes to its edges (the longest
 * strings, in odd Unicode; the smallest and largest numbers; the oldest and latest dates),
 * which is where valid input still breaks handlers; `uuids` are real ids to use for ids.
 */
export interface SampleOptions {
  edge?: boolean;
  uuids?: string[];
}

const edgeText = [
  "\u202e\u200b",
  "e\u0301",
  "\ud83c\udfb5",
  "\u0627\u0644",
  "\ufeff",
  "'\"<>&%_\\",
  "\u00a0",
  "\ud800",
];

/** A value that plausibly satisfies `schema` (a starting point that mutations then break). */
export function sampleValue(
  document: OpenApiDocument,
  input: JsonSchema,
  random: Prng,
  options: SampleOptions = {},
  depth = 0,
): unknown {
  const schema = resolveSchema(document, input);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return random.pick(schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return sampleValue(document, random.pick(alternatives), random, options, depth + 1);
  if (schema.allOf?.length) return sampleValue(document, schema.allOf[0] as JsonSchema, random, options, depth + 1);
  const types = typesOf(schema).filter((type) => type !== "null");
  const type = types.length ? random.pick(types) : schema.properties ? "object" : "string";
  switch (type) {
    case "object": {
      const value: Record<string, unknown> = {};
      if (depth > 6) return value;
      for (const [key, inner] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || random.chance(0.6)) {
          value[key] = sampleValue(document, inner, random, options, depth + 1);
        }
      }
      return value;
    }
    case "array": {
      const wanted = options.edge ? Math.min(schema.maxItems ?? 50, 50) : random.int(0, 3);
      const length = Math.min(Math.max(schema.minItems ?? 0, wanted), schema.maxItems ?? wanted);
      return Array.from({ length }, () => sampleValue(document, schema.items ?? {}, random, options, depth + 1));
    }
    case "integer": {
      const min = schema.minimum ?? 0;
      if (options.edge) return random.pick([min, schema.maximum ?? Number.MAX_SAFE_INTEGER]);
      return random.int(min, Math.min(schema.maximum ?? 100, min + 100));
    }
    case "number":
      if (options.edge) return random.pick([schema.minimum ?? -1e300, schema.maximum ?? 1e300]);
      return (schema.minimum ?? 0) + random.next() * 10;
    case "boolean":
      return random.chance(0.5);
    default:
      return sampleString(schema, random, options);
  }
}

function sampleString(schema: JsonSchema, random: Prng, options: SampleOptions): string {
  switch (schema.format) {
    case "uuid":
      return options.uuids?.length && random.chance(0.7)
        ? random.pick(options.uuids)
        : "6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4";
    case "email":
      return `fuzz${random.int(0, 9999)}@example.com`;
    case "date-time":
      if (options.edge)
        return random.pick(["0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z"]);
      return new Date(Date.UTC(2025, random.int(0, 11), random.int(1, 28))).toISOString();
    case "date":
      return options.edge ? random.pick(["0001-01-01", "9999-12-31"]) : "2025-05-17";
    case "uri":
      return options.edge
        ? `https://example.com/${"x".repeat(Math.max(0, (schema.maxLength ?? 300) - 20))}`
        : "https://example.com/x";
    default: {
      if (options.edge) {
        const length = Math.max(schema.minLength ?? 1, Math.min(schema.maxLength ?? 300, 5000));
        // Code units, as zod counts them; a surrogate pair may be cut in half at the end.
        return random.pick(edgeText).repeat(length).slice(0, length);
      }
      const length = Math.max(schema.minLength ?? 1, Math.min(schema.maxLength ?? 12, 12));
      return "fuzz".repeat(Math.ceil(length / 4)).slice(0, length);
    }
  }
}

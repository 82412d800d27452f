import type { Operation } from "@stave/contracts";
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, RouteShorthandOptions } from "fastify";
import type { z } from "zod";

type Output<T, Key extends "params" | "query" | "body"> = T extends { [K in Key]: infer S extends z.ZodType }
  ? z.output<S>
  : unknown;

/** The request as the operation's schemas have validated and typed it. */
export type OperationRequest<T extends Operation> = FastifyRequest<{
  Params: Output<T, "params">;
  Querystring: Output<T, "query">;
  Body: Output<T, "body">;
}>;

/** What a handler may return: a reply body of one of the operation's statuses, or the reply it sent itself. */
type HandlerResult<T extends Operation> =
  | {
      [S in keyof T["response"]]: T["response"][S] extends z.ZodType ? z.input<T["response"][S]> : never;
    }[keyof T["response"]]
  | FastifyReply
  | undefined;

/**
 * The handler of an operation with a JSON reply returns a body its schemas accept; one whose
 * success is not JSON (`produces`: an event stream, a file) writes the reply itself.
 */
export type OperationHandler<T extends Operation> = (
  request: OperationRequest<T>,
  reply: FastifyReply,
) => T extends { produces: string } ? unknown : Promise<HandlerResult<T>> | HandlerResult<T>;

/** Route options an operation does not describe: transport details only the server knows. */
export type ServerRouteOptions = Pick<RouteShorthandOptions, "bodyLimit" | "logLevel"> & {
  helmet?: false;
  schema?: Pick<FastifySchema, "consumes" | "hide">;
};

/**
 * Registers the handler of one contract operation: method, path, schemas, access policy and
 * docs all come from the operation, so the server cannot drift from what the web client and
 * the mocks are compiled against.
 */
export function serve<T extends Operation>(
  app: FastifyInstance,
  operation: T,
  handler: OperationHandler<T>,
  options: ServerRouteOptions = {},
): void {
  const { schema: extraSchema, ...rest } = options;
  app.route({
    ...rest,
    method: operation.method,
    url: operation.path,
    config: {
      access: operation.access,
      credentials: operation.credentials,
      csrf: operation.csrf,
      scope: operation.scope,
    },
    schema: {
      tags: [...operation.tags],
      summary: operation.summary,
      ...(operation.description && { description: operation.description }),
      ...(operation.params && { params: operation.params }),
      ...(operation.query && { querystring: operation.query }),
      ...(operation.body && { body: operation.body }),
      ...(Object.keys(operation.response).length > 0 && { response: operation.response }),
      ...(operation.produces && { produces: [operation.produces] }),
      ...extraSchema,
    },
    handler: handler as (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  });
}

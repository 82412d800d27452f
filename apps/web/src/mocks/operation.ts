import { isCreatorTier, type Operation, type OperationResult } from "@stave/contracts";
import { type HttpHandler, HttpResponse, http } from "msw";
import type { z } from "zod";
import { csrfFailure, readJson } from "./accounts/guards.ts";
import type { MockAccountsState, MockUser } from "./accounts/state.ts";
import { errorResponse, validationFailed } from "./errors.ts";

type Parsed<T, Key extends "query" | "body"> = T extends { [K in Key]: infer S extends z.ZodType }
  ? z.output<S>
  : undefined;

/** `…/tracks/:id/comments/:commentId` → `"id" | "commentId"`: the path's parameters, each always there. */
type PathParamNames<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

/** What a mocked operation's resolver receives: the request as the server would have checked it. */
export type MockCall<T extends Operation> = {
  request: Request;
  params: Record<PathParamNames<T["path"]>, string>;
  query: Parsed<T, "query">;
  body: Parsed<T, "body">;
  /** The signed-in user; never null unless the operation is public. */
  user: T["access"] extends "public" ? MockUser | null : MockUser;
};

/** A resolver answers with the operation's success body (typed by its contract) or a whole Response. */
export type MockResolver<T extends Operation> = (
  call: MockCall<T>,
) => Response | OperationResult<T> | Promise<Response | OperationResult<T>>;

const SUCCESS = [200, 201, 202, 204] as const;

/** The status a resolver's plain body is sent with: the operation's first success status. */
function successStatus(operation: Operation): number {
  return SUCCESS.find((status) => status in operation.response) ?? 200;
}

/** The server's access rule for the operation, as the mock's accounts see the caller. */
function refusal(operation: Operation, accounts: MockAccountsState, request: Request): Response | undefined {
  const user = accounts.current;
  if (operation.access !== "public" && !user) return errorResponse("UNAUTHENTICATED", "Sign in to continue.");
  if (operation.csrf !== false) {
    const csrf = csrfFailure(accounts, request);
    if (csrf) return csrf;
  }
  if (!user) return undefined;
  if (operation.access === "creator" && !isCreatorTier(user.me.role)) {
    return errorResponse("CREATOR_ROLE_REQUIRED", "Become a creator to do this.");
  }
  if (Array.isArray(operation.access) && !operation.access.includes(user.me.role)) {
    return errorResponse("FORBIDDEN", "You are not allowed to do this.");
  }
  return undefined;
}

/** VALIDATION_FAILED for the query string, its paths starting with `querystring.` as the server's do. */
function queryValidationFailed(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  return errorResponse("VALIDATION_FAILED", "The request is not valid", {
    details: issues.map((issue) => ({
      path: ["querystring", ...issue.path.map(String)].join("."),
      message: issue.message,
    })),
  });
}

/**
 * MSW handlers declared against the contract's operations: the path and method come from the
 * operation, and the rules every route shares (sign-in, role, CSRF, body and query
 * validation) are applied here once, so each mock only answers what is particular to it.
 */
export function mockOperations(accounts: MockAccountsState) {
  return function handle<T extends Operation>(operation: T, resolve: MockResolver<T>): HttpHandler {
    const method = operation.method.toLowerCase() as Lowercase<Operation["method"]>;
    return http[method](operation.path, async ({ request, params }) => {
      const refused = refusal(operation, accounts, request);
      if (refused) return refused;

      let query: unknown;
      if (operation.query) {
        const parsed = operation.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
        if (!parsed.success) return queryValidationFailed(parsed.error.issues);
        query = parsed.data;
      }
      let body: unknown;
      if (operation.body) {
        const parsed = operation.body.safeParse(await readJson(request));
        if (!parsed.success) return validationFailed(parsed.error.issues);
        body = parsed.data;
      }

      const call = {
        request,
        params: Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)])),
        query,
        body,
        user: accounts.current,
      } as MockCall<T>;
      const answer = await resolve(call);
      if (answer instanceof Response) return answer;
      const status = successStatus(operation);
      return status === 204 ? new HttpResponse(null, { status }) : HttpResponse.json(answer as never, { status });
    });
  };
}

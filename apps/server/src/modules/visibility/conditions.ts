import type { Role } from "@stave/contracts";
import { type RawBuilder, sql } from "kysely";
import { blockedBetween } from "../blocks/index.ts";
import type { Viewer } from "./viewer.ts";

/**
 * A tiny declarative language for visibility rules. A rule is written once as a tree of
 * conditions; `compile` turns it into SQL over table aliases and `evaluate` checks it on
 * rows already loaded. Both start from the same residual tree (`resolve`: the viewer's part,
 * role and identity, is decided first, in TypeScript), so the two cannot drift apart.
 */

/** The tables a rule reads, with the columns it may read of each. */
export interface RuleTables {
  track: { owner_id: string; status: string; visibility: string; taken_down_at: Date | null };
  playlist: { owner_id: string; visibility: string; taken_down_at: Date | null };
  comment: { author_id: string; taken_down_at: Date | null };
  user: { id: string; deleted_at: Date | null; suspended_at: Date | null };
}
export type TableName = keyof RuleTables;
/** A column a rule reads: a table and one of its columns. */
export type Column = { [T in TableName]: { table: T; name: keyof RuleTables[T] & string } }[TableName];

export type Condition =
  | { kind: "constant"; value: boolean }
  | { kind: "equals"; column: Column; value: string }
  | { kind: "isNull"; column: Column }
  /** The column holds the viewer's user id (never true for an anonymous viewer). */
  | { kind: "isViewer"; column: Column }
  /** The viewer is signed in with one of these roles. */
  | { kind: "viewerRole"; roles: readonly Role[] }
  /** The viewer and the user in this column blocked each other, either way (never for anonymous). */
  | { kind: "blockedWithViewer"; column: Column }
  | { kind: "and"; of: readonly Condition[] }
  | { kind: "or"; of: readonly Condition[] }
  | { kind: "not"; of: Condition };

/** What is left of a condition once the viewer is known: only column tests remain. */
type Residual =
  | { kind: "constant"; value: boolean }
  | { kind: "equals"; column: Column; value: string }
  | { kind: "isNull"; column: Column }
  | { kind: "equalsId"; column: Column; id: string }
  | { kind: "blockedWith"; column: Column; userId: string }
  | { kind: "and"; of: readonly Residual[] }
  | { kind: "or"; of: readonly Residual[] }
  | { kind: "not"; of: Residual };

export const col = <T extends TableName>(table: T, name: keyof RuleTables[T] & string) => ({ table, name }) as Column;
export const equals = (column: Column, value: string): Condition => ({ kind: "equals", column, value });
export const notEquals = (column: Column, value: string): Condition => not(equals(column, value));
export const isNull = (column: Column): Condition => ({ kind: "isNull", column });
export const isNotNull = (column: Column): Condition => not(isNull(column));
export const isViewer = (column: Column): Condition => ({ kind: "isViewer", column });
export const viewerRole = (...roles: Role[]): Condition => ({ kind: "viewerRole", roles });
export const blockedWithViewer = (column: Column): Condition => ({ kind: "blockedWithViewer", column });
export const and = (...of: Condition[]): Condition => ({ kind: "and", of });
export const or = (...of: Condition[]): Condition => ({ kind: "or", of });
export function not(of: Condition): Condition {
  return { kind: "not", of };
}

const TRUE: Residual = { kind: "constant", value: true };
const FALSE: Residual = { kind: "constant", value: false };

/** Decides the viewer's part of the condition and folds constants away. */
export function resolve(condition: Condition, viewer: Viewer): Residual {
  switch (condition.kind) {
    case "constant":
    case "equals":
    case "isNull":
      return condition;
    case "isViewer":
      return viewer ? { kind: "equalsId", column: condition.column, id: viewer.userId } : FALSE;
    case "viewerRole":
      return viewer?.role !== undefined && condition.roles.includes(viewer.role) ? TRUE : FALSE;
    case "blockedWithViewer":
      return viewer ? { kind: "blockedWith", column: condition.column, userId: viewer.userId } : FALSE;
    case "not": {
      const inner = resolve(condition.of, viewer);
      return inner.kind === "constant" ? { kind: "constant", value: !inner.value } : { kind: "not", of: inner };
    }
    case "and":
    case "or": {
      // `and` is decided by a false part, `or` by a true one; the other constant drops out.
      const decisive = condition.kind === "or";
      const parts: Residual[] = [];
      for (const part of condition.of.map((c) => resolve(c, viewer))) {
        if (part.kind === "constant") {
          if (part.value === decisive) return part;
          continue;
        }
        parts.push(part);
      }
      if (parts.length === 0) return decisive ? FALSE : TRUE;
      return parts.length === 1 ? (parts[0] as Residual) : { kind: condition.kind, of: parts };
    }
  }
}

/** The table aliases of a query, by the rule's table names. */
export type Aliases = { [T in TableName]?: string };

const ref = (column: Column, aliases: Aliases) => {
  const alias = aliases[column.table];
  if (!alias) throw new Error(`visibility rule needs an alias for the ${column.table} table`);
  return sql.ref(`${alias}.${column.name}`);
};

/** The residual as SQL. Values are our own constants, written as literals so partial indexes match. */
export function compile(residual: Residual, aliases: Aliases): RawBuilder<boolean> {
  switch (residual.kind) {
    case "constant":
      return residual.value ? sql<boolean>`true` : sql<boolean>`false`;
    case "equals":
      return sql<boolean>`${ref(residual.column, aliases)} = ${sql.lit(residual.value)}`;
    case "isNull":
      return sql<boolean>`${ref(residual.column, aliases)} IS NULL`;
    case "equalsId":
      return sql<boolean>`${ref(residual.column, aliases)} = ${residual.id}`;
    case "blockedWith":
      return blockedBetween(residual.userId, ref(residual.column, aliases) as RawBuilder<string>);
    case "not":
      return sql<boolean>`NOT ${compile(residual.of, aliases)}`;
    case "and":
    case "or": {
      const joiner = residual.kind === "and" ? sql` AND ` : sql` OR `;
      return sql<boolean>`(${sql.join(
        residual.of.map((part) => compile(part, aliases)),
        joiner,
      )})`;
    }
  }
}

/** Loaded rows, by the rule's table names. */
export type Rows = { [T in TableName]?: RuleTables[T] };

function columnValue(column: Column, rows: Rows): unknown {
  const row = rows[column.table] as Record<string, unknown> | undefined;
  // Fail closed: a row loaded without a column the rule reads is a bug, not "null".
  if (!row || !(column.name in row)) {
    throw new Error(`visibility rule reads ${column.table}.${column.name}, which the row lacks`);
  }
  return row[column.name];
}

/**
 * The residual on loaded rows. A block test needs the ids of the users the viewer blocked or
 * was blocked by (`blockedWith`); without them it throws rather than guess.
 */
export function evaluate(residual: Residual, rows: Rows, blockedWith?: ReadonlySet<string>): boolean {
  switch (residual.kind) {
    case "constant":
      return residual.value;
    case "equals":
      return columnValue(residual.column, rows) === residual.value;
    case "isNull":
      return columnValue(residual.column, rows) == null;
    case "equalsId":
      return columnValue(residual.column, rows) === residual.id;
    case "blockedWith": {
      if (!blockedWith) throw new Error("this visibility rule needs the viewer's blocks");
      return blockedWith.has(String(columnValue(residual.column, rows)));
    }
    case "not":
      return !evaluate(residual.of, rows, blockedWith);
    case "and":
      return residual.of.every((part) => evaluate(part, rows, blockedWith));
    case "or":
      return residual.of.some((part) => evaluate(part, rows, blockedWith));
  }
}

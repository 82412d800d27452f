// EXPLAIN (not ANALYZE) of recorded search statements: does each plan use a GIN index?
import type pg from "pg";

export interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

export interface ShapeReport {
  /** "#1", "#2"… in order of first appearance. */
  label: string;
  /** The statement, whitespace collapsed. */
  sql: string;
  explained: number;
  withGin: number;
  /** Index names used across its plans. */
  indexes: string[];
  /** Relations read by a sequential scan in some plan. */
  seqScans: string[];
}

/** Tables too big to read whole on a search: a sequential scan of one is worth a look. */
const BIG_TABLES = new Set(["tracks", "users", "user_profiles", "playlists", "search_words"]);

export interface ExplainReport {
  shapes: ShapeReport[];
  /** Text plans that use no GIN index, or scan a big table sequentially (one per query and statement). */
  flagged: { label: string; query: string; reason: string; plan: string }[];
}

function walk(node: PlanNode, visit: (node: PlanNode) => void) {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

const explainable = (sql: string) => /^\s*(select|with|values)\b/i.test(sql);

const flatten = (sql: string) => sql.replace(/\s+/g, " ").trim();

export async function explainStatements(
  client: pg.Client,
  samples: { query: string; statements: Statement[] }[],
): Promise<ExplainReport> {
  const { rows: ginRows } = await client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_am am ON am.oid = c.relam WHERE c.relkind = 'i' AND am.amname = 'gin'`,
  );
  const gin = new Set(ginRows.map((row) => row.relname));
  const shapes = new Map<string, ShapeReport & { indexSet: Set<string>; seqSet: Set<string> }>();
  const flagged: ExplainReport["flagged"] = [];
  for (const sample of samples) {
    for (const statement of sample.statements.filter((s) => explainable(s.sql))) {
      const { rows } = await client.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(
        `EXPLAIN (FORMAT JSON) ${statement.sql}`,
        statement.parameters as unknown[],
      );
      const root = rows[0]?.["QUERY PLAN"][0]?.Plan as PlanNode;
      const indexes = new Set<string>();
      const seqScans = new Set<string>();
      walk(root, (node) => {
        if (node["Index Name"]) indexes.add(node["Index Name"]);
        if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) seqScans.add(node["Relation Name"]);
      });
      const usesGin = [...indexes].some((name) => gin.has(name));
      const key = statement.sql;
      const shape = shapes.get(key) ?? {
        label: `#${shapes.size + 1}`,
        sql: flatten(statement.sql),
        explained: 0,
        withGin: 0,
        indexes: [],
        seqScans: [],
        indexSet: new Set<string>(),
        seqSet: new Set<string>(),
      };
      shapes.set(key, shape);
      shape.explained += 1;
      if (usesGin) shape.withGin += 1;
      for (const name of indexes) shape.indexSet.add(name);
      for (const name of seqScans) shape.seqSet.add(name);
      const bigSeqScans = [...seqScans].filter((name) => BIG_TABLES.has(name));
      if (!usesGin || bigSeqScans.length > 0) {
        const text = await client.query(`EXPLAIN ${statement.sql}`, statement.parameters as unknown[]);
        const plan = text.rows.map((row: Record<string, string>) => row["QUERY PLAN"]).join("\n");
        const reason = [
          ...(usesGin ? [] : ["no GIN index"]),
          ...(bigSeqScans.length ? [`seq scan on ${bigSeqScans.join(", ")}`] : []),
        ].join("; ");
        flagged.push({ label: shape.label, query: sample.query, reason, plan });
      }
    }
  }
  return {
    shapes: [...shapes.values()].map(({ indexSet, seqSet, ...shape }) => ({
      ...shape,
      indexes: [...indexSet].sort(),
      seqScans: [...seqSet].sort(),
    })),
    flagged,
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) of one statement, as text: for the slowest queries, after measuring. */
export async function explainAnalyze(client: pg.Client, statement: Statement): Promise<string> {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.parameters as unknown[]);
  return rows.map((row: Record<string, string>) => row["QUERY PLAN"]).join("\n");
}

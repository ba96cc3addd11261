/**
 * Plain SQL for the few queries that run on every token request and every photo list, on SQLite
 * and on PostgreSQL alike. Everything else stays on Prisma.
 *
 * Why not Prisma for these too: Prisma 6 with `engineType = "client"` compiles every query, raw
 * ones included, in WebAssembly on the request's thread, 0.1 to 0.6 ms each on this project's
 * machine, where better-sqlite3 itself takes 0.01 to 0.03 ms (`npm run bench`, README
 * "Performance"). On PostgreSQL the same queries go through `pg`, on the pool Prisma's adapter
 * uses too (postgresql/pool.ts).
 *
 * One text per statement serves both databases. It is written in the SQL the two share, with `?`
 * for each value, and two things are translated:
 * - PostgreSQL numbers the values (`$1`, `$2`…);
 * - SQLite has no `FOR UPDATE`, and needs none: its transactions take the write lock when they
 *   begin (sqlite.ts), so every read in them is already a locked read.
 */
import { databaseProvider } from "../database-url.ts";
import { PostgresSql } from "./postgresql.ts";
import { SqliteSql } from "./sqlite.ts";

/** What a statement may bind. */
export type SqlValue = string | number | bigint | boolean | Date | null;

/** A DateTime column as plain SQL reads it: text on SQLite, a Date on PostgreSQL. */
export type SqlDate = string | Date;

/** A Boolean column as plain SQL reads it: 0 or 1 on SQLite, a boolean on PostgreSQL. */
export type SqlBoolean = number | boolean;

/** The statements of {@link Sql}, alone or inside one of its transactions. */
export interface SqlStatements {
  /** The first row of a query, or undefined. */
  one<Row>(text: string, ...values: SqlValue[]): Promise<Row | undefined>;
  /** Every row of a query. */
  all<Row>(text: string, ...values: SqlValue[]): Promise<Row[]>;
  /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
  run(text: string, ...values: SqlValue[]): Promise<number>;
}

export interface Sql extends SqlStatements {
  /**
   * Runs `work` as one transaction: all of its statements are stored, or none. `work` should run
   * statements and nothing slow (no signing, no hashing, no network): while it runs, it holds
   * locks that other requests wait for.
   */
  transaction<T>(work: (statements: SqlStatements) => Promise<T>): Promise<T>;
}

/** A DateTime column read by plain SQL. */
export function fromSqlDate(value: SqlDate): Date;
export function fromSqlDate(value: SqlDate | null): Date | null;
export function fromSqlDate(value: SqlDate | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}

/** A Boolean column read by plain SQL. */
export function fromSqlBoolean(value: SqlBoolean): boolean {
  return value === true || value === 1;
}

const globalForSql = globalThis as { sevenStepsSql?: Map<string, Sql> };
const connections = (globalForSql.sevenStepsSql ??= new Map());

/** The plain-SQL connection for a database URL, opened once per process, like `getDatabase`. */
export function getSql(url: string): Sql {
  let sql = connections.get(url);
  if (!sql) {
    sql = databaseProvider(url) === "sqlite" ? new SqliteSql(url) : new PostgresSql(url);
    connections.set(url, sql);
  }
  return sql;
}

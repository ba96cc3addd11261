import type pg from "pg";
import { postgresPool } from "../postgresql/pool.ts";
import type { Sql, SqlStatements, SqlValue } from "./sql.ts";

/**
 * Plain SQL on PostgreSQL, through `pg`, on the pool Prisma's adapter uses too (see sql.ts for
 * why plain SQL at all).
 *
 * Each transaction runs on a connection of its own, at PostgreSQL's default isolation, READ
 * COMMITTED. What SQLite gets from locking the whole database at BEGIN, PostgreSQL gets row by
 * row: a conditional `UPDATE … WHERE "consumedAt" IS NULL` waits for a concurrent one on the same
 * row and then finds the condition false, and a read that decides a write says `FOR UPDATE`.
 */

/** A Date as `timestamp(3)` takes it: UTC, as Prisma stores DateTime on PostgreSQL. */
function bindable(value: SqlValue): string | number | boolean | null {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** `?` becomes `$1`, `$2`… in order. The statements here hold no `?` inside a string literal. */
function inPostgresDialect(text: string): string {
  let position = 0;
  return text.replace(/\?/g, () => `$${++position}`);
}

export class PostgresSql implements Sql {
  readonly #url: string;
  /** Each text is prepared once per connection, under a name of its own. */
  readonly #prepared = new Map<string, { name: string; text: string }>();
  readonly #outside: SqlStatements;

  constructor(url: string) {
    this.#url = url;
    this.#outside = this.#statementsOn(() => this.#pool);
  }

  /** The pool, made on first use; it connects on the first query. */
  get #pool(): pg.Pool {
    return postgresPool(this.#url);
  }

  #query(on: pg.Pool | pg.PoolClient, text: string, values: SqlValue[]): Promise<pg.QueryResult> {
    let prepared = this.#prepared.get(text);
    if (!prepared) {
      prepared = { name: `seven-steps-${this.#prepared.size + 1}`, text: inPostgresDialect(text) };
      this.#prepared.set(text, prepared);
    }
    return on.query({ ...prepared, values: values.map(bindable) });
  }

  #statementsOn(on: () => pg.Pool | pg.PoolClient): SqlStatements {
    return {
      one: async <Row>(text: string, ...values: SqlValue[]) => (await this.#query(on(), text, values)).rows[0] as Row | undefined,
      all: async <Row>(text: string, ...values: SqlValue[]) => (await this.#query(on(), text, values)).rows as Row[],
      run: async (text: string, ...values: SqlValue[]) => (await this.#query(on(), text, values)).rowCount ?? 0,
    };
  }

  one<Row>(text: string, ...values: SqlValue[]): Promise<Row | undefined> {
    return this.#outside.one<Row>(text, ...values);
  }

  all<Row>(text: string, ...values: SqlValue[]): Promise<Row[]> {
    return this.#outside.all<Row>(text, ...values);
  }

  run(text: string, ...values: SqlValue[]): Promise<number> {
    return this.#outside.run(text, ...values);
  }

  async transaction<T>(work: (statements: SqlStatements) => Promise<T>): Promise<T> {
    const connection = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await connection.query("BEGIN");
      try {
        const result = await work(this.#statementsOn(() => connection));
        await connection.query("COMMIT");
        return result;
      } catch (error) {
        await connection.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      }
    } finally {
      // A connection whose ROLLBACK failed is closed rather than handed to the next request.
      connection.release(broken);
    }
  }
}

import Database from "better-sqlite3";

/**
 * Plain SQL on the better-sqlite3 driver itself, for the few queries that run on every token
 * request and every photo list.
 *
 * Prisma 6 with `engineType = "client"` compiles every query, raw ones included, in WebAssembly on
 * the request's thread: 0.1 to 0.6 ms each on this project's machine, where better-sqlite3 itself
 * takes 0.01 to 0.03 ms (`npm run bench`, README "Performance"). Everything else stays on Prisma.
 *
 * better-sqlite3 is synchronous. So a statement never waits for SQLite's write lock: this
 * connection's busy timeout is 0, and a statement that finds the database locked is tried again
 * after a pause that lets the event loop run. Waiting inside the driver instead would block the
 * event loop, and with it the Prisma transaction in this same process that holds the lock.
 */

/** What a statement may bind: Dates are stored as Prisma stores DateTime, booleans as 0 and 1. */
export type SqlValue = string | number | bigint | boolean | Date | null;

/** Statements inside {@link Sql.transaction}: synchronous, on the connection that holds the lock. */
export interface SqlWriter {
  /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
  run(text: string, ...values: SqlValue[]): number;
  /**
   * The first row of a query, read under the write lock the transaction already holds, so that
   * what it decides from cannot change before it writes: a check and its count in one step.
   */
  one<Row>(text: string, ...values: SqlValue[]): Row | undefined;
}

/** How long a statement keeps trying while another connection holds the write lock. */
const lockWaitMilliseconds = 5_000;

/**
 * A DateTime as Prisma's SQLite adapter writes it (ISO 8601 with `+00:00`), so that Prisma reads
 * back what plain SQL wrote, and text comparisons in SQL order dates correctly.
 */
export function toSqlDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A DateTime column read by plain SQL. */
export function fromSqlDate(value: string): Date;
export function fromSqlDate(value: string | null): Date | null;
export function fromSqlDate(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

function bindable(value: SqlValue): string | number | bigint | null {
  if (value instanceof Date) return toSqlDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

function isLocked(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

export class Sql {
  readonly #url: string;
  #opened: Database.Database | undefined;
  /** better-sqlite3's BEGIN/COMMIT wrapper, made once: making one per call costs 6 µs. */
  #inTransaction: Database.Transaction<(work: () => unknown) => unknown> | undefined;
  readonly #statements = new Map<string, Database.Statement>();
  /** Handed to the function a transaction runs: writes outside a transaction are not offered. */
  readonly #writer: SqlWriter = {
    run: (text, ...values) => this.#statement(text).run(...values.map(bindable)).changes,
    one: <Row>(text: string, ...values: SqlValue[]) => this.#statement(text).get(...values.map(bindable)) as Row | undefined,
  };

  constructor(url: string) {
    this.#url = url;
  }

  /**
   * Opened on first use, as Prisma opens its own: `next build` loads the apps' modules with no
   * database there yet. The file is the one Prisma's adapter opens for the same URL; only
   * migrations create it. Its busy timeout is 0: Sql waits for the lock itself.
   */
  get #connection(): Database.Database {
    this.#opened ??= new Database(this.#url.replace(/^file:/, ""), { fileMustExist: true, timeout: 0 });
    return this.#opened;
  }

  #statement(text: string): Database.Statement {
    let statement = this.#statements.get(text);
    if (!statement) {
      statement = this.#connection.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement;
  }

  /** Runs `work` now, or again after a short pause for as long as the database is locked. */
  async #whenUnlocked<T>(work: () => T): Promise<T> {
    const giveUpAt = Date.now() + lockWaitMilliseconds;
    for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
      try {
        return work();
      } catch (error) {
        if (!isLocked(error) || Date.now() >= giveUpAt) throw error;
      }
      await pause(delay);
    }
  }

  /** The first row of a query, or undefined. */
  one<Row>(text: string, ...values: SqlValue[]): Promise<Row | undefined> {
    return this.#whenUnlocked(() => this.#statement(text).get(...values.map(bindable)) as Row | undefined);
  }

  /** Every row of a query. */
  all<Row>(text: string, ...values: SqlValue[]): Promise<Row[]> {
    return this.#whenUnlocked(() => this.#statement(text).all(...values.map(bindable)) as Row[]);
  }

  /**
   * Runs `write` as one transaction that takes the write lock first (BEGIN IMMEDIATE): all of its
   * statements are stored, or none. `write` is synchronous, so no other request of this process
   * runs in between, and a crash leaves nothing half-written. While another connection holds the
   * lock, BEGIN fails and is tried again after a pause; `write` runs once the lock is taken.
   */
  transaction<T>(write: (writer: SqlWriter) => T): Promise<T> {
    const inTransaction = (this.#inTransaction ??= this.#connection.transaction((work: () => unknown) => work()));
    return this.#whenUnlocked(() => inTransaction.immediate(() => write(this.#writer)) as T);
  }
}

const globalForSql = globalThis as { sevenStepsSql?: Map<string, Sql> };
const connections = (globalForSql.sevenStepsSql ??= new Map());

/** The plain-SQL connection for a database URL, opened once per process, like {@link getDatabase}. */
export function getSql(url: string): Sql {
  let sql = connections.get(url);
  if (!sql) {
    sql = new Sql(url);
    connections.set(url, sql);
  }
  return sql;
}

import Database from "better-sqlite3";
import type { Sql, SqlStatements, SqlValue } from "./sql.ts";

/**
 * Plain SQL on SQLite, through better-sqlite3 (see sql.ts for why plain SQL at all).
 *
 * better-sqlite3 is synchronous, and one connection serves the whole process. Two rules follow:
 * - Statements of this process run one at a time, in order, each transaction whole: while a
 *   transaction is open on the connection, every other statement waits for it, so none slips
 *   into it by accident.
 * - A statement never waits inside the driver for another process's write lock, which would block
 *   the event loop and with it the Prisma transaction in this same process that holds the lock.
 *   This connection's busy timeout is 0; a statement that finds the database locked is tried
 *   again after a pause that lets the event loop run.
 */

/** How long a statement keeps trying while another connection holds the write lock. */
const lockWaitMilliseconds = 5_000;

/**
 * A DateTime as Prisma's SQLite adapter writes it (ISO 8601 with `+00:00`), so that Prisma reads
 * back what plain SQL wrote, and text comparisons in SQL order dates correctly.
 */
export function toSqliteDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

function bindable(value: SqlValue): string | number | bigint | null {
  if (value instanceof Date) return toSqliteDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** SQLite's transactions lock at BEGIN IMMEDIATE: a `FOR UPDATE` has nothing left to do. */
function inSqliteDialect(text: string): string {
  return text.replace(/\s+FOR UPDATE\b/gi, "");
}

function isLocked(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

export class SqliteSql implements Sql {
  readonly #url: string;
  #opened: Database.Database | undefined;
  readonly #statements = new Map<string, Database.Statement>();
  /** The end of the last statement or transaction queued: the next one starts after it. */
  #queue: Promise<unknown> = Promise.resolve();
  /** Statements inside an open transaction: they run at once, on the connection that holds it. */
  readonly #inTransaction: SqlStatements = {
    one: async <Row>(text: string, ...values: SqlValue[]) => this.#statement(text).get(...values.map(bindable)) as Row | undefined,
    all: async <Row>(text: string, ...values: SqlValue[]) => this.#statement(text).all(...values.map(bindable)) as Row[],
    run: async (text: string, ...values: SqlValue[]) => this.#statement(text).run(...values.map(bindable)).changes,
  };

  constructor(url: string) {
    this.#url = url;
  }

  /**
   * Opened on first use, as Prisma opens its own: `next build` loads the apps' modules with no
   * database there yet. The file is the one Prisma's adapter opens for the same URL; only
   * migrations create it.
   */
  get #connection(): Database.Database {
    this.#opened ??= new Database(this.#url.replace(/^file:/, ""), { fileMustExist: true, timeout: 0 });
    return this.#opened;
  }

  #statement(text: string): Database.Statement {
    let statement = this.#statements.get(text);
    if (!statement) {
      statement = this.#connection.prepare(inSqliteDialect(text));
      this.#statements.set(text, statement);
    }
    return statement;
  }

  /** Runs `work` after everything queued before it, alone on the connection. */
  #inTurn<T>(work: () => T | Promise<T>): Promise<T> {
    const result = this.#queue.then(work);
    this.#queue = result.catch(() => undefined);
    return result;
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

  one<Row>(text: string, ...values: SqlValue[]): Promise<Row | undefined> {
    return this.#inTurn(() => this.#whenUnlocked(() => this.#statement(text).get(...values.map(bindable)) as Row | undefined));
  }

  all<Row>(text: string, ...values: SqlValue[]): Promise<Row[]> {
    return this.#inTurn(() => this.#whenUnlocked(() => this.#statement(text).all(...values.map(bindable)) as Row[]));
  }

  run(text: string, ...values: SqlValue[]): Promise<number> {
    return this.#inTurn(() => this.#whenUnlocked(() => this.#statement(text).run(...values.map(bindable)).changes));
  }

  /**
   * BEGIN IMMEDIATE takes the write lock first, so what `work` reads cannot change before it
   * writes. While another connection holds the lock, BEGIN is tried again after a pause; `work`
   * runs once the lock is taken. `work` must use the statements it is given: a statement through
   * this object itself would wait for the transaction that waits for it.
   */
  transaction<T>(work: (statements: SqlStatements) => Promise<T>): Promise<T> {
    return this.#inTurn(async () => {
      await this.#whenUnlocked(() => this.#statement("BEGIN IMMEDIATE").run());
      try {
        const result = await work(this.#inTransaction);
        this.#statement("COMMIT").run();
        return result;
      } catch (error) {
        if (this.#connection.inTransaction) this.#statement("ROLLBACK").run();
        throw error;
      }
    });
  }
}

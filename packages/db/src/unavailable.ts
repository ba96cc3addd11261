/**
 * Whether an error means "the database cannot serve this request now" rather than "this request
 * is wrong": the server is down, restarting, unreachable or out of connections, or (on SQLite)
 * another process held the write lock for longer than the busy timeout. Such a request may well
 * succeed a few seconds later, unchanged: the apps answer it with 503 and `Retry-After`
 * (RFC 9110 §15.6.4), never with a 500 and a stack trace, and nothing needs restarting once the
 * database is back, since the pool opens new connections on the next query (postgresql/pool.ts).
 *
 * The same failure reaches the apps in three shapes, all recognised here, through `cause` too:
 * - from `pg` (plain SQL): Node's socket errors (`ECONNREFUSED`…), PostgreSQL's SQLSTATE codes,
 *   and the pool's own messages;
 * - from Prisma: its connection error codes (`P1001`…), or a failed raw query (`P2010`) whose
 *   driver error is one of the above, found in `meta.driverAdapterError`;
 * - from better-sqlite3: `SQLITE_BUSY` and `SQLITE_CANTOPEN`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4
 */

/** How long a client is told to wait (`Retry-After`, in seconds): a restart of the server, or the pool's connect timeout. */
export const databaseRetryAfterSeconds = 5;

/** Node's errors for a socket that cannot be opened or was cut. */
const socketErrorCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN"]);

/**
 * PostgreSQL's SQLSTATEs for a server that cannot serve now: class 08 (connection exception),
 * 53300 (too many connections), 57P01 to 57P03 (shut down by an administrator, crashed, not
 * accepting connections yet or any more).
 *
 * @see https://www.postgresql.org/docs/15/errcodes-appendix.html
 */
function isUnavailablePostgresCode(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || code === "53300" || code === "57P01" || code === "57P02" || code === "57P03";
}

/**
 * Prisma's codes for a database it cannot reach or that stopped answering: P1001 cannot reach
 * the server, P1002 the server timed out, P1008 an operation timed out (a SQLite lock held too
 * long), P1017 the server closed the connection, P2024 no connection free in time, P2037 too many
 * connections.
 *
 * @see https://www.prisma.io/docs/orm/reference/error-reference#prisma-client-query-engine
 */
const prismaCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);

/** The kinds Prisma's driver adapters give the same failures (`meta.driverAdapterError.cause.kind`). */
const driverAdapterKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** What `pg`'s pool and client say when a connection cannot be made or is lost; they set no code. */
const pgMessages = [/^Connection terminated/, /^timeout exceeded when trying to connect$/, /^Client has encountered a connection error/];

function isSqliteUnavailableCode(code: string): boolean {
  return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_CANTOPEN");
}

function isUnavailableCode(code: unknown): boolean {
  if (typeof code !== "string") return false;
  return socketErrorCodes.has(code) || prismaCodes.has(code) || isUnavailablePostgresCode(code) || isSqliteUnavailableCode(code);
}

interface ErrorFields {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: unknown } };
}

/**
 * What such an error says, in one line for a log: the whole of a `pg` error's message, the last
 * line of Prisma's, which starts with the call that failed. A database that is down is no bug,
 * and its stack says nothing more.
 */
export function unavailabilityReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split("\n").at(-1)?.trim() ?? message;
}

/** True when `error`, or what caused it, says that the database is unavailable for now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const candidate = pending.pop();
    if (typeof candidate !== "object" || candidate === null || seen.has(candidate)) continue;
    seen.add(candidate);
    const fields = candidate as ErrorFields;
    if (isUnavailableCode(fields.code) || isUnavailableCode(fields.originalCode)) return true;
    if (typeof fields.kind === "string" && driverAdapterKinds.has(fields.kind)) return true;
    if (typeof fields.message === "string" && pgMessages.some((pattern) => pattern.test(fields.message as string))) return true;
    // A pool that cannot connect to any of several addresses says so in an AggregateError.
    if (candidate instanceof AggregateError) pending.push(...candidate.errors);
    pending.push(fields.cause, fields.meta?.driverAdapterError?.cause);
  }
  return false;
}

import pg from "pg";
import { postgresConnection } from "../database-url.ts";

/**
 * How long a new connection may take. A server that is down or unreachable is reported after
 * this long, never waited on forever.
 */
const connectMilliseconds = 5_000;

/**
 * Connections per process. Two instances of each of the three apps keep at most 60 open, well
 * within PostgreSQL's default `max_connections` of 100.
 */
const connectionsPerProcess = 10;

/**
 * A `timestamp(3)` column, which is how Prisma stores a DateTime on PostgreSQL: the time in UTC,
 * without a zone. `pg` would read it in the process's local zone; this reads it as UTC.
 */
function parseTimestamp(value: string): Date {
  return new Date(`${value.replace(" ", "T")}Z`);
}

/** The types plain SQL reads differently from `pg`'s defaults; Prisma's adapter sets its own. */
function typeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === pg.types.builtins.TIMESTAMP) return parseTimestamp;
  // COUNT(*) and other bigints: the counts here fit a number.
  if (oid === pg.types.builtins.INT8) return Number;
  return pg.types.getTypeParser(oid, format as "text");
}

const globalForPools = globalThis as { sevenStepsPostgresPools?: Map<string, pg.Pool> };
const pools = (globalForPools.sevenStepsPostgresPools ??= new Map());

/**
 * The one pool of connections to a PostgreSQL database in this process, shared by Prisma's
 * adapter and by plain SQL (sql/postgresql.ts). Connections are opened on first use, as
 * `next build` loads the apps with no database there.
 */
export function postgresPool(url: string): pg.Pool {
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({
      ...postgresConnection(url),
      max: connectionsPerProcess,
      connectionTimeoutMillis: connectMilliseconds,
      // A script (the seed, client:add) ends when its work is done, not when idle connections time out.
      allowExitOnIdle: true,
      types: { getTypeParser: typeParser as typeof pg.types.getTypeParser },
    });
    // An idle connection that the server closes (a restart, a failover) must not end the process:
    // the pool drops it, and the next query opens a new one.
    pool.on("error", (error: Error) => console.warn(`PostgreSQL closed an idle connection: ${error.message}`));
    pools.set(url, pool);
  }
  return pool;
}

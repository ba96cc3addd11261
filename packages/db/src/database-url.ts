/**
 * The demo database, `prisma/dev.db` at the root of the repository.
 *
 * Every app runs from apps/<name> and the database scripts from packages/db: all sit two folders
 * below the root, so this one relative URL reaches the same file from each of them. Give an
 * absolute `file:` URL in `DATABASE_URL` to use another file.
 */
export const defaultDatabaseUrl = "file:../../prisma/dev.db";

/** The two databases the apps run on, named as Prisma names them. */
export type DatabaseProvider = "sqlite" | "postgresql";

/** Raised for a `DATABASE_URL` that names neither a SQLite file nor a PostgreSQL server. */
export class DatabaseUrlError extends Error {
  override readonly name = "DatabaseUrlError";
}

/**
 * Which database a URL names: `file:` is SQLite (the default, one file, no server), and
 * `postgresql://` or `postgres://` is a PostgreSQL server, 15 or later.
 */
export function databaseProvider(url: string): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new DatabaseUrlError(
    `DATABASE_URL must be a SQLite file: URL or a postgresql:// URL (got "${describeDatabase(url)}").`,
  );
}

/** How to reach a PostgreSQL server, as separate fields: what `pg` and Prisma's CLI both take. */
export interface PostgresConnection {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
}

/**
 * The fields of a `postgresql://user:password@host:port/database` URL. A `host` query parameter
 * (`?host=/path/to/socket/folder`) names a unix socket folder, as libpq's URLs allow.
 */
export function postgresConnection(url: string): PostgresConnection {
  const parsed = new URL(url);
  return {
    host: parsed.searchParams.get("host") ?? (decodeURIComponent(parsed.hostname) || "localhost"),
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: parsed.password === "" ? undefined : decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
  };
}

/**
 * A database URL as a message may show it: its password is never part of it. For PostgreSQL it
 * names the host and port, the first thing to check when the server cannot be reached.
 */
export function describeDatabase(url: string): string {
  if (url.startsWith("file:")) return url;
  try {
    const { host, port, user, database } = postgresConnection(url);
    return `postgresql://${user ? `${user}@` : ""}${host}:${port}/${database}`;
  } catch {
    return "(not a URL)";
  }
}

// The PostgreSQL adapter as Prisma's CLI (migrate deploy, migrate diff) needs it with Prisma
// 6.19.3's JavaScript schema engine. Two workarounds, both tried on this project's machines
// (../shared/ENVIRONMENT.md):
// - `migrate deploy` fails with "Column type 'name' could not be deserialized from the database"
//   (Prisma issue 27403): the schema engine reads PostgreSQL's catalogs, whose columns of type
//   `name` and `char` the adapter cannot read. The client below reports them as `text`, which
//   they are, as far as the engine is concerned.
// - Without a short idle timeout every command waits about 10 s for the pool before it exits.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { postgresConnection } from "../src/database-url.ts";

/** The type ids of `name` and `char` (pg-types names `char` but not `name`). */
const catalogTypes = new Set([19, 18]);

function asText(result: unknown): unknown {
  for (const field of (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields ?? []) {
    if (catalogTypes.has(field.dataTypeID)) field.dataTypeID = pg.types.builtins.TEXT;
  }
  return result;
}

/** A `pg` client whose results name catalog columns as `text`; `pg.Pool` calls it with a callback. */
class CatalogAsTextClient extends pg.Client {
  // @ts-expect-error one implementation for all of query()'s overloads
  override query(...args: unknown[]): unknown {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: Error | null, result: unknown) => callback(error, error ? result : asText(result));
      return (super.query as (...all: unknown[]) => unknown)(...args);
    }
    const answer = (super.query as (...all: unknown[]) => unknown)(...args);
    return answer instanceof Promise ? answer.then(asText) : answer;
  }
}

/**
 * Separate fields rather than a connection string: the CLI copies this configuration and changes
 * only `database` to make its throwaway database, which a connection string would override.
 */
export function cliPostgresAdapter(url: string): PrismaPg {
  return new PrismaPg({ ...postgresConnection(url), Client: CatalogAsTextClient as unknown as typeof pg.Client, idleTimeoutMillis: 100 });
}

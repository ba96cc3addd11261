import "server-only";
import { getDatabase, getSql } from "@seven-steps/db";
import { env } from "@/env";

export const db = getDatabase(env.DATABASE_URL);

/**
 * Plain SQL on the same file, for the photo list, which every visit to PrintShop's photos page
 * reads: Prisma 6 compiles each query on the main thread (packages/db/src/sql/sql.ts).
 */
export const sql = getSql(env.DATABASE_URL);

/** The tables the resource API owns. It never reads the authorization server's tables. */
export const ownTables = ["Photo", "Profile", "ApiDpopProof"] as const;

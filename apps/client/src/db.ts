import "server-only";
import { getDatabase } from "@seven-steps/db";
import { env } from "@/env";

export const db = getDatabase(env.DATABASE_URL);

/** The only table the client owns. */
export const ownTables = ["ClientSession"] as const;

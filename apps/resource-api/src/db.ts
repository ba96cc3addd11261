import { getDatabase } from "@seven-steps/db";
import { env } from "@/env";

export const db = getDatabase(env.DATABASE_URL);

/** The tables the resource API owns. It never reads the authorization server's tables. */
export const ownTables = ["Photo", "Profile"] as const;

import { getDatabase } from "@seven-steps/db";
import { env } from "@/env";

export const db = getDatabase(env.DATABASE_URL);

/** The tables the authorization server owns; it checks at start that they exist. */
export const ownTables = ["User", "Client", "ClientRedirectUri"] as const;

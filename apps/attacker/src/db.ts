import "server-only";
import { getDatabase } from "@seven-steps/db";
import { env } from "@/env";

export const db = getDatabase(env.DATABASE_URL);

/**
 * Mallory's app owns no table: it reads the inspector's records of the runs the learner started,
 * which every app writes.
 */
export const ownTables = ["ProtocolExchange", "RecordedFlow", "FlowCorrelation"] as const;

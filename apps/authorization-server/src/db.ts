import "server-only";
import { getDatabase, getSql, type Prisma } from "@seven-steps/db";
import { env } from "@/env";

export const db = getDatabase(env.DATABASE_URL);

/**
 * Plain SQL on the same file, for the queries of the token endpoint, which runs them on every
 * request: Prisma 6 compiles each query on the main thread (packages/db/src/sql/sql.ts).
 */
export const sql = getSql(env.DATABASE_URL);

/** The client the storage modules run on: the database itself, or a transaction. */
export type DatabaseClient = Prisma.TransactionClient;

/** The tables the authorization server owns; it checks at start that they exist. */
export const ownTables = [
  "User",
  "Client",
  "ClientRedirectUri",
  "Session",
  "Consent",
  "AuthorizationCode",
  "Grant",
  "RefreshToken",
  "AccessToken",
  "SigningKey",
  "RegistrationResult",
  "Throttle",
  "DpopProof",
  "PushedAuthorizationRequest",
  "WorkshopRoom",
  "WorkshopAttendee",
] as const;

export { getDatabase, type Database } from "./client.ts";
export { assertDatabaseReady, DatabaseNotReadyError } from "./readiness.ts";
export { Prisma } from "./generated/sqlite/client.ts";
export type { Client, ClientRedirectUri, FlowCorrelation, Photo, Profile, ProtocolExchange, User } from "./generated/sqlite/client.ts";
export { defaultDatabaseUrl } from "./database-url.ts";
export { fromSqlBoolean, fromSqlDate, getSql, type Sql, type SqlBoolean, type SqlDate, type SqlStatements, type SqlValue } from "./sql/sql.ts";
export { databaseProvider, describeDatabase, DatabaseUrlError, type DatabaseProvider } from "./database-url.ts";
export { newRowId } from "./row-id.ts";
export { databaseRetryAfterSeconds, isDatabaseUnavailable, unavailabilityReason } from "./unavailable.ts";

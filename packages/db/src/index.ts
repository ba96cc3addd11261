export { getDatabase, type Database } from "./client.ts";
export { assertDatabaseReady, DatabaseNotReadyError } from "./readiness.ts";
export { Prisma } from "./generated/prisma/client.ts";
export type { Client, ClientRedirectUri, FlowCorrelation, Photo, Profile, ProtocolExchange, User } from "./generated/prisma/client.ts";
export { defaultDatabaseUrl } from "./database-url.ts";
export { fromSqlDate, getSql, toSqlDate, type Sql, type SqlValue, type SqlWriter } from "./sql.ts";
export { newRowId } from "./row-id.ts";

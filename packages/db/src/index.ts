export { getDatabase, type Database } from "./client.ts";
export { assertDatabaseReady, DatabaseNotReadyError } from "./readiness.ts";
export { Prisma } from "./generated/prisma/client.ts";
export type { Client, ClientRedirectUri, Photo, Profile, User } from "./generated/prisma/client.ts";
export { defaultDatabaseUrl } from "./database-url.ts";

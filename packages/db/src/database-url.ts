/**
 * The demo database, `prisma/dev.db` at the root of the repository.
 *
 * Every app runs from apps/<name> and the database scripts from packages/db: all sit two folders
 * below the root, so this one relative URL reaches the same file from each of them. Give an
 * absolute `file:` URL in `DATABASE_URL` to use another file.
 */
export const defaultDatabaseUrl = "file:../../prisma/dev.db";

-- AlterTable
ALTER TABLE "AccessToken" ADD COLUMN "revokedAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Client" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "secretHash" TEXT,
    "tokenEndpointAuthMethod" TEXT NOT NULL DEFAULT 'client_secret_basic',
    "allowedScopes" TEXT NOT NULL,
    "allowedGrantTypes" TEXT NOT NULL,
    "canIntrospect" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Client" ("allowedGrantTypes", "allowedScopes", "createdAt", "id", "name", "secretHash", "tokenEndpointAuthMethod") SELECT "allowedGrantTypes", "allowedScopes", "createdAt", "id", "name", "secretHash", "tokenEndpointAuthMethod" FROM "Client";
DROP TABLE "Client";
ALTER TABLE "new_Client" RENAME TO "Client";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


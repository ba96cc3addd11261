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
    "selfRegistered" BOOLEAN NOT NULL DEFAULT false,
    "dpopBoundAccessTokens" BOOLEAN NOT NULL DEFAULT false,
    "requirePushedAuthorizationRequests" BOOLEAN NOT NULL DEFAULT false,
    "weakenedDefences" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Client" ("allowedGrantTypes", "allowedScopes", "canIntrospect", "createdAt", "dpopBoundAccessTokens", "id", "name", "requirePushedAuthorizationRequests", "secretHash", "selfRegistered", "tokenEndpointAuthMethod") SELECT "allowedGrantTypes", "allowedScopes", "canIntrospect", "createdAt", "dpopBoundAccessTokens", "id", "name", "requirePushedAuthorizationRequests", "secretHash", "selfRegistered", "tokenEndpointAuthMethod" FROM "Client";
DROP TABLE "Client";
ALTER TABLE "new_Client" RENAME TO "Client";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


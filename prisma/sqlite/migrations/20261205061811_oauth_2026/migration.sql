-- AlterTable
ALTER TABLE "AuthorizationCode" ADD COLUMN "dpopJkt" TEXT;
ALTER TABLE "AuthorizationCode" ADD COLUMN "resource" TEXT;

-- AlterTable
ALTER TABLE "Grant" ADD COLUMN "dpopJkt" TEXT;
ALTER TABLE "Grant" ADD COLUMN "resource" TEXT;

-- CreateTable
CREATE TABLE "ResourceServer" (
    "identifier" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "isDefault" BOOLEAN,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PushedAuthorizationRequest" (
    "referenceHash" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "parameters" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME
);

-- CreateTable
CREATE TABLE "DpopProof" (
    "jtiHash" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ApiDpopProof" (
    "jtiHash" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL
);

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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Client" ("allowedGrantTypes", "allowedScopes", "canIntrospect", "createdAt", "id", "name", "secretHash", "selfRegistered", "tokenEndpointAuthMethod") SELECT "allowedGrantTypes", "allowedScopes", "canIntrospect", "createdAt", "id", "name", "secretHash", "selfRegistered", "tokenEndpointAuthMethod" FROM "Client";
DROP TABLE "Client";
ALTER TABLE "new_Client" RENAME TO "Client";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ResourceServer_isDefault_key" ON "ResourceServer"("isDefault");

-- CreateIndex
CREATE INDEX "PushedAuthorizationRequest_expiresAt_idx" ON "PushedAuthorizationRequest"("expiresAt");

-- CreateIndex
CREATE INDEX "DpopProof_expiresAt_idx" ON "DpopProof"("expiresAt");

-- CreateIndex
CREATE INDEX "ApiDpopProof_expiresAt_idx" ON "ApiDpopProof"("expiresAt");


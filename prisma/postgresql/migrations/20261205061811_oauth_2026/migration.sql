-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "dpopBoundAccessTokens" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "requirePushedAuthorizationRequests" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "AuthorizationCode" ADD COLUMN     "dpopJkt" TEXT,
ADD COLUMN     "resource" TEXT;

-- AlterTable
ALTER TABLE "Grant" ADD COLUMN     "dpopJkt" TEXT,
ADD COLUMN     "resource" TEXT;

-- CreateTable
CREATE TABLE "ResourceServer" (
    "identifier" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "isDefault" BOOLEAN,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResourceServer_pkey" PRIMARY KEY ("identifier")
);

-- CreateTable
CREATE TABLE "PushedAuthorizationRequest" (
    "referenceHash" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "parameters" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "PushedAuthorizationRequest_pkey" PRIMARY KEY ("referenceHash")
);

-- CreateTable
CREATE TABLE "DpopProof" (
    "jtiHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DpopProof_pkey" PRIMARY KEY ("jtiHash")
);

-- CreateTable
CREATE TABLE "ApiDpopProof" (
    "jtiHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiDpopProof_pkey" PRIMARY KEY ("jtiHash")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResourceServer_isDefault_key" ON "ResourceServer"("isDefault");

-- CreateIndex
CREATE INDEX "PushedAuthorizationRequest_expiresAt_idx" ON "PushedAuthorizationRequest"("expiresAt");

-- CreateIndex
CREATE INDEX "DpopProof_expiresAt_idx" ON "DpopProof"("expiresAt");

-- CreateIndex
CREATE INDEX "ApiDpopProof_expiresAt_idx" ON "ApiDpopProof"("expiresAt");


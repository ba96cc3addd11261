-- CreateTable
CREATE TABLE "ProtocolExchange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "flowId" TEXT,
    "kind" TEXT NOT NULL,
    "steps" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "fromRole" TEXT NOT NULL,
    "toRole" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "requestHeaders" TEXT NOT NULL,
    "requestBody" TEXT,
    "status" INTEGER NOT NULL,
    "responseHeaders" TEXT NOT NULL,
    "responseBody" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "FlowCorrelation" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "flowId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ProtocolExchange_flowId_createdAt_idx" ON "ProtocolExchange"("flowId", "createdAt");

-- CreateIndex
CREATE INDEX "FlowCorrelation_flowId_idx" ON "FlowCorrelation"("flowId");


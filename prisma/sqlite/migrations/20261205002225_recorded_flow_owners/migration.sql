-- Recordings made before flows had owners could never be shown to anyone again.
DELETE FROM "ProtocolExchange";
DELETE FROM "FlowCorrelation";

-- CreateTable
CREATE TABLE "RecordedFlow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subject" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FlowCorrelation" (
    "key" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("key", "flowId")
);
INSERT INTO "new_FlowCorrelation" ("createdAt", "flowId", "key") SELECT "createdAt", "flowId", "key" FROM "FlowCorrelation";
DROP TABLE "FlowCorrelation";
ALTER TABLE "new_FlowCorrelation" RENAME TO "FlowCorrelation";
CREATE INDEX "FlowCorrelation_flowId_idx" ON "FlowCorrelation"("flowId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

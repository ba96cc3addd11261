-- AlterTable
ALTER TABLE "ProtocolExchange" ADD COLUMN     "clientId" TEXT,
ADD COLUMN     "subject" TEXT;

-- AlterTable
ALTER TABLE "RecordedFlow" ADD COLUMN     "viewedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "WorkshopRoom" (
    "id" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "instructorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resetAt" TIMESTAMP(3),

    CONSTRAINT "WorkshopRoom_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopAttendee" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "displayNameKey" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkshopAttendee_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopAttendee_userId_key" ON "WorkshopAttendee"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopAttendee_clientId_key" ON "WorkshopAttendee"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopAttendee_roomId_displayNameKey_key" ON "WorkshopAttendee"("roomId", "displayNameKey");

-- CreateIndex
CREATE INDEX "ProtocolExchange_clientId_createdAt_idx" ON "ProtocolExchange"("clientId", "createdAt");

-- CreateIndex
CREATE INDEX "ProtocolExchange_subject_createdAt_idx" ON "ProtocolExchange"("subject", "createdAt");

-- CreateIndex
CREATE INDEX "RecordedFlow_subject_idx" ON "RecordedFlow"("subject");

-- AddForeignKey
ALTER TABLE "WorkshopAttendee" ADD CONSTRAINT "WorkshopAttendee_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "WorkshopRoom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopAttendee" ADD CONSTRAINT "WorkshopAttendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopAttendee" ADD CONSTRAINT "WorkshopAttendee_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AlterTable
ALTER TABLE "ProtocolExchange" ADD COLUMN "checks" TEXT;


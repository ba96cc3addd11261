-- AlterTable
ALTER TABLE "ClientSession" ADD COLUMN "refreshingUntil" DATETIME;


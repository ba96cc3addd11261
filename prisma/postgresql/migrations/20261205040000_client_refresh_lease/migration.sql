-- AlterTable
ALTER TABLE "ClientSession" ADD COLUMN     "refreshingUntil" TIMESTAMP(3);


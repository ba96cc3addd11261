-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "weakenedDefences" TEXT NOT NULL DEFAULT '';


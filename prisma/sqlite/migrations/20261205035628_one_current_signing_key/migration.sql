-- AlterTable
ALTER TABLE "SigningKey" ADD COLUMN "isCurrent" BOOLEAN;

-- The newest key not retired is the current one. Any other key not retired (two instances that
-- generated a first key at once could leave two) is retired when that one was made.
UPDATE "SigningKey" SET "isCurrent" = true
WHERE "kid" = (SELECT "kid" FROM "SigningKey" WHERE "retiredAt" IS NULL ORDER BY "createdAt" DESC LIMIT 1);
UPDATE "SigningKey" SET "retiredAt" = (SELECT "createdAt" FROM "SigningKey" WHERE "isCurrent" = true)
WHERE "retiredAt" IS NULL AND "isCurrent" IS NULL;

-- CreateIndex
CREATE UNIQUE INDEX "SigningKey_isCurrent_key" ON "SigningKey"("isCurrent");


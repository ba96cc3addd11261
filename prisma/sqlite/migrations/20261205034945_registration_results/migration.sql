-- CreateTable
CREATE TABLE "RegistrationResult" (
    "idHash" TEXT NOT NULL PRIMARY KEY,
    "sealed" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);


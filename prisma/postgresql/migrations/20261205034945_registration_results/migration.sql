-- CreateTable
CREATE TABLE "RegistrationResult" (
    "idHash" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegistrationResult_pkey" PRIMARY KEY ("idHash")
);


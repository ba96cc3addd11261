import type { DatabaseClient } from "@/db";

export async function saveAccessToken(
  data: {
    jti: string;
    grantId: string | null;
    clientId: string;
    subject: string;
    scope: string;
    issuedAt: Date;
    expiresAt: Date;
  },
  database: DatabaseClient,
): Promise<void> {
  await database.accessToken.create({ data });
}

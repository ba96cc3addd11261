import type { SqlStatements } from "@seven-steps/db";
import { formatScope } from "@seven-steps/protocol";
import { env } from "@/env";
import { generateSecret, hashSecret } from "@/secrets/secret-hash";
import { saveRefreshToken } from "@/storage/refresh-tokens";

/**
 * Issues a new opaque refresh token for a grant: 256 random bits, of which only the hash is kept.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
export async function issueRefreshToken(
  grant: { id: string; clientId: string },
  scopes: string[],
  now: Date,
  statements: SqlStatements,
): Promise<string> {
  const token = generateSecret();
  await saveRefreshToken(
    {
      tokenHash: hashSecret(token),
      grantId: grant.id,
      clientId: grant.clientId,
      scope: formatScope(scopes),
      expiresAt: new Date(now.getTime() + env.REFRESH_TOKEN_TTL_SECONDS * 1000),
    },
    statements,
    now,
  );
  return token;
}

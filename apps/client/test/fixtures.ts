// What the client app's tests need: a signed-in PrintShop session holding tokens.
import { db } from "@/db";
import { seal } from "@/tokens/vault";

/** A signed-in session whose access token is valid for ten more minutes. */
export async function signedInSession(): Promise<string> {
  const row = await db.clientSession.create({
    data: {
      subject: "alice-sub",
      accessToken: await seal("the-access-token"),
      accessTokenExpiresAt: new Date(Date.now() + 600_000),
      refreshToken: await seal("the-refresh-token"),
      scope: "profile photos:read",
    },
  });
  return row.id;
}

import { cachedUntilFailure, discoverAuthorizationServer } from "@seven-steps/protocol";
import { env } from "@/env";

/**
 * PhotoCloud's metadata (RFC 8414): where its token and revocation endpoints are. Fetched once; a
 * failed fetch is tried again next time.
 */
export const authorizationServer = cachedUntilFailure(() => discoverAuthorizationServer(env.AUTHORIZATION_SERVER_ISSUER));

/** PrintShop's credentials at PhotoCloud: a confidential client using client_secret_basic. */
export const printShopCredentials = {
  method: "client_secret_basic",
  clientId: env.CLIENT_ID,
  clientSecret: env.CLIENT_SECRET,
} as const;

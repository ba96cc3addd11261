import {
  cachedUntilFailure,
  defineCheck,
  discoverAuthorizationServer,
  introspectAccessToken,
  IntrospectionUnavailable,
  issuerKeys,
  readBearerToken,
  rfcSection,
  VerifiedTokens,
  verifyAccessToken,
  type AccessTokenClaims,
  type CheckTrail,
} from "@seven-steps/protocol";
import { env } from "@/env";

/** The authorization server's keys, found through its metadata and cached (RFC 8414, RFC 9068 §4). */
const keys = issuerKeys(env.AUTHORIZATION_SERVER_ISSUER, {
  cooldownMilliseconds: env.JWKS_REFETCH_COOLDOWN_SECONDS * 1000,
});

/**
 * Tokens verified in the last minute: PrintShop sends the same token with every request, and its
 * signature need not be checked each time (packages/protocol/src/resource-server/verified-tokens.ts).
 */
const verified = new VerifiedTokens({ maxAgeMilliseconds: 60_000 });

/** A request with no Bearer credentials at all: refused with the realm only, and no error code (RFC 6750 §3.1). */
export class NoCredentials extends Error {
  override readonly name = "NoCredentials";

  constructor(readonly description: string) {
    super(description);
  }
}

/**
 * The access token comes in the `Authorization: Bearer` header, and only there.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
export const checkBearerToken = defineCheck(
  {
    checkedBy: "resource-server",
    rule: "the access token comes in the Authorization: Bearer header, never in the URL or a form",
    why: "A token in a URL is kept by logs, histories and Referer headers.",
    see: rfcSection(6750, "2.1"),
    source: "apps/resource-api/src/auth/access-token.ts",
  },
  async (request: Request): Promise<string> => {
    const token = await readBearerToken(request);
    if (token === null) throw new NoCredentials("This request needs an access token in an Authorization: Bearer header.");
    return token;
  },
);

/** The authorization server's metadata (RFC 8414), fetched once; a failed fetch is tried again next time. */
const metadata = cachedUntilFailure(() =>
  discoverAuthorizationServer(env.AUTHORIZATION_SERVER_ISSUER).catch((error: unknown) => {
    throw new IntrospectionUnavailable("The authorization server's metadata could not be fetched.", { cause: error });
  }),
);

/** The introspection endpoint, from the authorization server's metadata. */
async function introspectionEndpoint(): Promise<string> {
  const endpoint = (await metadata()).introspection_endpoint;
  if (!endpoint) throw new IntrospectionUnavailable("The authorization server offers no introspection endpoint.");
  return endpoint;
}

/**
 * Steps 6 and 7, on this side: the access token of the request, validated strictly, with the
 * scopes this route needs. Its `sub` decides whose data the request may touch.
 *
 * By default the JWT is checked here (RFC 9068 §4), with no call to the authorization server;
 * TOKEN_VALIDATION=introspection asks the authorization server instead (RFC 7662).
 *
 * Each check records itself in `trail`, for the inspector.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
export async function authenticate(request: Request, requiredScopes: readonly string[], trail: CheckTrail): Promise<AccessTokenClaims> {
  const token = await checkBearerToken(trail, request);
  if (env.TOKEN_VALIDATION === "introspection") {
    return introspectAccessToken(token, {
      introspectionEndpoint: await introspectionEndpoint(),
      client: { method: "client_secret_basic", clientId: env.INTROSPECTION_CLIENT_ID, clientSecret: env.INTROSPECTION_CLIENT_SECRET },
      audience: env.RESOURCE_API_URL,
      requiredScopes,
      trail,
    });
  }
  return verifyAccessToken(token, {
    issuer: env.AUTHORIZATION_SERVER_ISSUER,
    audience: env.RESOURCE_API_URL,
    keys,
    verified,
    requiredScopes,
    trail,
  });
}

import { accessTokenType, checkClaimTypes, defineCheck, rfcSection, type CheckTrail, type IntrospectionResponse } from "@seven-steps/protocol";
import { createLocalJWKSet, jwtVerify } from "jose";
import { env } from "@/env";
import { hashSecret } from "@/secrets/secret-hash";
import { findAccessToken } from "@/storage/access-tokens";
import type { RegisteredClient } from "@/storage/clients";
import { findRefreshToken } from "@/storage/refresh-tokens";
import { authenticateClient } from "./client-authentication.ts";
import { InvalidClient } from "./errors.ts";
import type { RequestParameters } from "./parameters.ts";
import { publishedPublicKeys, signingAlgorithm } from "./tokens/signing-keys.ts";

const inactive: IntrospectionResponse = { active: false };
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * An access token is active when it is this server's (its signature checks out with a published
 * key), has not expired, and neither it nor its grant was revoked. Its claims are checked for type
 * and size before any is used, as every token's are (packages/protocol/src/jwt/unverified.ts).
 * A token bound to a DPoP key is reported as a DPoP token, with its `cnf`, so that the resource
 * server can check the proof's key (RFC 9449 §6.2).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-6.2
 */
async function asAccessToken(token: string, now: Date): Promise<IntrospectionResponse | null> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, createLocalJWKSet({ keys: await publishedPublicKeys(now) }), {
      algorithms: [signingAlgorithm],
      typ: accessTokenType,
      issuer: env.ISSUER,
      currentDate: now,
    }));
  } catch {
    return null;
  }
  const claims = checkClaimTypes(payload);
  if (!claims) return null;
  const stored = claims.jti ? await findAccessToken(claims.jti) : null;
  if (!stored || stored.revokedAt || stored.grant?.revokedAt) return inactive;
  return {
    active: true,
    token_type: claims.cnf ? "DPoP" : "Bearer",
    scope: stored.scope,
    client_id: stored.clientId,
    sub: stored.subject,
    aud: claims.aud,
    iss: claims.iss,
    jti: stored.jti,
    iat: claims.iat,
    exp: claims.exp,
    ...(claims.cnf ? { cnf: { jkt: claims.cnf.jkt } } : {}),
  };
}

/** A refresh token is active until it is rotated, expires, or its grant is revoked. */
async function asRefreshToken(token: string, now: Date): Promise<IntrospectionResponse | null> {
  const stored = await findRefreshToken(hashSecret(token));
  if (!stored) return null;
  if (stored.rotatedAt || stored.expiresAt <= now || stored.grant.revokedAt) return inactive;
  return {
    active: true,
    token_type: "refresh_token",
    scope: stored.scope,
    client_id: stored.clientId,
    sub: stored.grant.userId,
    iss: env.ISSUER,
    iat: seconds(stored.createdAt),
    exp: seconds(stored.expiresAt),
  };
}

/**
 * Only resource servers may introspect: anyone else could use the endpoint to test stolen tokens.
 * Credentials that are not a resource server's get a 401, like bad ones.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-4
 */
export const checkClientMayIntrospect = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "the client that authenticated is a resource server, allowed to introspect",
    why: "Anyone else could use introspection to find out whether a stolen token still works.",
    see: rfcSection(7662, "4"),
    source: "apps/authorization-server/src/oauth/introspection.ts",
  },
  (client: RegisteredClient): void => {
    if (!client.canIntrospect) {
      throw new InvalidClient("Only resource servers may introspect tokens; these credentials are not one's.", true);
    }
  },
);

/**
 * The resource server asking: a client that authenticates and may introspect. A resource server
 * authenticates with Basic here, so every failure asks for Basic (RFC 6749 §5.2); a throttled one
 * keeps its Retry-After.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.1
 */
export async function authenticateResourceServer(trail: CheckTrail, request: Request, parameters: RequestParameters): Promise<RegisteredClient> {
  const client = await authenticateClient(trail, request, parameters).catch((error: unknown) => {
    if (!(error instanceof InvalidClient)) throw error;
    throw new InvalidClient(error.description, true, { cause: error, retryAfterSeconds: error.retryAfterSeconds });
  });
  checkClientMayIntrospect(trail, client);
  return client;
}

/**
 * Tells a resource server whether a token is active and what it allows. Anything inactive,
 * whatever the reason, is `{ "active": false }` and nothing more.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.2
 */
export async function introspectToken(parameters: RequestParameters, now = new Date()): Promise<IntrospectionResponse> {
  const token = parameters.require("token");
  const lookups = parameters.get("token_type_hint") === "refresh_token" ? [asRefreshToken, asAccessToken] : [asAccessToken, asRefreshToken];
  for (const lookup of lookups) {
    const answer = await lookup(token, now);
    if (answer) return answer;
  }
  return inactive;
}

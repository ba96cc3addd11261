import {
  cachedUntilFailure,
  checkDpopBinding,
  checkRequiredScopes,
  defineCheck,
  discoverAuthorizationServer,
  DpopNonces,
  introspectAccessToken,
  IntrospectionUnavailable,
  issuerKeys,
  parseScope,
  readAccessTokenCredentials,
  rfcSection,
  VerifiedTokens,
  verifyAccessToken,
  verifyDpopProof,
  type AccessTokenClaims,
  type AccessTokenCredentials,
  type AccessTokenScheme,
  type CheckTrail,
} from "@seven-steps/protocol";
import { randomBytes } from "node:crypto";
import { env } from "@/env";
import { publicUrlOf } from "@/http/public-url";
import { rememberDpopProof } from "@/storage/dpop-proofs";
import { isWeakenedForRequest } from "./weakened-defences.ts";

/** The authorization server's keys, found through its metadata and cached (RFC 8414, RFC 9068 §4). */
const keys = issuerKeys(env.AUTHORIZATION_SERVER_ISSUER, {
  cooldownMilliseconds: env.JWKS_REFETCH_COOLDOWN_SECONDS * 1000,
});

/**
 * Tokens verified in the last minute: PrintShop sends the same token with every request, and its
 * signature need not be checked each time (packages/protocol/src/resource-server/verified-tokens.ts).
 */
const verified = new VerifiedTokens({ maxAgeMilliseconds: 60_000 });

/** A request with no credentials at all: refused with the realm only, and no error code (RFC 6750 §3.1). */
export class NoCredentials extends Error {
  override readonly name = "NoCredentials";

  constructor(readonly description: string) {
    super(description);
  }
}

const generated = globalThis as { sevenStepsApiDpopNonceSecret?: string };
if (!env.DPOP_NONCE_SECRET && !generated.sevenStepsApiDpopNonceSecret) {
  generated.sevenStepsApiDpopNonceSecret = randomBytes(32).toString("base64url");
  console.info(
    "resource-api: DPOP_NONCE_SECRET is not set; using a random key, so another instance would refuse this one's DPoP nonces. Set it, the same for every instance, to run more than one.",
  );
}

/**
 * The API's DPoP nonces (RFC 9449 §9), demanded in every proof: stateless, so every instance
 * that shares DPOP_NONCE_SECRET accepts the others' (packages/protocol/src/dpop/nonce.ts).
 */
export const dpopNonces = new DpopNonces(env.DPOP_NONCE_SECRET ?? generated.sevenStepsApiDpopNonceSecret!);

/**
 * The access token comes in the `Authorization` header, as `Bearer` (RFC 6750 §2.1) or `DPoP`
 * (RFC 9449 §7.1), and only there.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 */
export const checkAuthorizationHeader = defineCheck(
  {
    checkedBy: "resource-server",
    rule: "the access token comes in the Authorization header, as Bearer or DPoP, never in the URL or a form",
    why: "A token in a URL is kept by logs, histories and Referer headers.",
    see: rfcSection(6750, "2.1"),
    source: "apps/resource-api/src/auth/access-token.ts",
  },
  async (request: Request): Promise<AccessTokenCredentials> => {
    const credentials = await readAccessTokenCredentials(request);
    if (credentials === null) {
      throw new NoCredentials("This request needs an access token in an Authorization: Bearer or Authorization: DPoP header.");
    }
    return credentials;
  },
);

/**
 * How a refusal of this request is to be worded: in the scheme the request used, or in DPoP's
 * when a token bound to a key came as Bearer (RFC 9449 §7.1). Filled in as the checks run.
 */
export interface ChallengeScheme {
  scheme: AccessTokenScheme | undefined;
}

/**
 * The DPoP proof of a request that sent its token as `DPoP`: checked as RFC 9449 §4.3 says, with
 * `ath` (§7.1), the API's nonce (§9), and `htu` at the API's configured address plus the path,
 * never the request's Host. Returns the thumbprint of the proof's key.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 */
async function verifyRequestProof(request: Request, accessToken: string, trail: CheckTrail): Promise<string> {
  const { jkt } = await verifyDpopProof({
    checkedBy: "resource-server",
    // A missing header fails the first check, as a header without a proof does.
    proof: request.headers.get("dpop") ?? "",
    request: { method: request.method, url: publicUrlOf(request) },
    accessToken,
    nonces: dpopNonces,
    requireNonce: true,
    isFirstUse: rememberDpopProof,
    trail,
  });
  return jkt;
}

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
 * The token's claims, from its signature here or from the authorization server; no scope checked
 * yet. The audience check asks whether the attack lab switched it off for this request
 * (./weakened-defences.ts): never, unless the API was started for the lab.
 */
function validateToken(request: Request, token: string, trail: CheckTrail): Promise<AccessTokenClaims> {
  const isWeakened = (defence: "audience") => isWeakenedForRequest(defence, request);
  if (env.TOKEN_VALIDATION === "introspection") {
    return introspectionEndpoint().then((endpoint) =>
      introspectAccessToken(token, {
        introspectionEndpoint: endpoint,
        client: { method: "client_secret_basic", clientId: env.INTROSPECTION_CLIENT_ID, clientSecret: env.INTROSPECTION_CLIENT_SECRET },
        audience: env.RESOURCE_API_URL,
        trail,
        isWeakened,
      }),
    );
  }
  return verifyAccessToken(token, { issuer: env.AUTHORIZATION_SERVER_ISSUER, audience: env.RESOURCE_API_URL, keys, verified, trail, isWeakened });
}

/**
 * Steps 6 and 7, on this side: the access token of the request, validated strictly, with the
 * scopes this route needs. Its `sub` decides whose data the request may touch. In order:
 *
 * 1. the token, from the Authorization header, as Bearer or DPoP;
 * 2. with DPoP, the proof (RFC 9449 §4.3, §7.1, §9);
 * 3. the token itself: by default the JWT is checked here (RFC 9068 §4), with no call to the
 *    authorization server; TOKEN_VALIDATION=introspection asks the authorization server instead
 *    (RFC 7662), which reports the key a token is bound to in `cnf` (RFC 9449 §6.2);
 * 4. the binding: a token bound to a key comes as DPoP with a proof of that key, an unbound one
 *    as Bearer;
 * 5. the scopes.
 *
 * Each check records itself in `trail`, for the inspector; `challenge` says in which scheme a
 * refusal is to be answered.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7
 */
export async function authenticate(
  request: Request,
  requiredScopes: readonly string[],
  trail: CheckTrail,
  challenge: ChallengeScheme = { scheme: undefined },
): Promise<AccessTokenClaims> {
  const { scheme, token } = await checkAuthorizationHeader(trail, request);
  challenge.scheme = scheme;
  const proofJkt = scheme === "dpop" ? await verifyRequestProof(request, token, trail) : undefined;
  const claims = await validateToken(request, token, trail);
  const boundJkt = claims.cnf?.jkt;
  // A bound token is refused in the scheme it needs, whichever it came with.
  if (boundJkt !== undefined) challenge.scheme = "dpop";
  checkDpopBinding(trail, { scheme, ...(boundJkt === undefined ? {} : { boundJkt }), ...(proofJkt === undefined ? {} : { proofJkt }) });
  checkRequiredScopes(trail, parseScope(claims.scope ?? ""), requiredScopes);
  return claims;
}

import { tokenErrorResponse } from "@/oauth/responses";
import { publishedPublicKeys } from "@/oauth/tokens/signing-keys";

/**
 * The JWK Set of the keys that sign access tokens (the `jwks_uri` of RFC 8414). Resource servers
 * fetch it to check signatures, and fetch it again when they meet an unknown `kid`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-5
 */
export async function GET() {
  try {
    return Response.json(
      { keys: await publishedPublicKeys() },
      { headers: { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" } },
    );
  } catch (error) {
    return tokenErrorResponse(error, "JWKS");
  }
}

import { authorizationServerMetadata } from "@/oauth/metadata";

/**
 * Authorization server metadata (RFC 8414). Public, so any origin may read it.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3
 */
export async function GET() {
  return Response.json(authorizationServerMetadata(), {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}

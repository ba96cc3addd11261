import { recordServerMetadata } from "@/inspector";
import { authorizationServerMetadata } from "@/oauth/metadata";

/**
 * Authorization server metadata (RFC 8414). Public, so any origin may read it.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3
 */
export async function GET(request: Request) {
  const response = Response.json(authorizationServerMetadata(), {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
  await recordServerMetadata(request, response);
  return response;
}

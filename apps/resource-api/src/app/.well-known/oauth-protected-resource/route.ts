import { protectedResourceMetadata } from "@/discovery/protected-resource-metadata";

/**
 * Protected resource metadata (RFC 9728), step 0. Public, so any origin may read it.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-3
 */
export function GET() {
  return Response.json(protectedResourceMetadata(), {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}

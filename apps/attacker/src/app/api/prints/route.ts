import { BearerTokenError } from "@seven-steps/protocol";
import { attackLab } from "@/mallory/attack-lab-pages";
import { acceptToken, keepReceivedToken } from "@/mallory/prints-api";

/**
 * Mallory's Prints API: alice's app sends it the access token it got for it, as it should, to
 * order prints. It checks the token like any resource server, and answers; then, unlike any
 * honest one, it keeps the token for Mallory to replay elsewhere (attack 8).
 */
export async function GET(request: Request) {
  let accepted;
  try {
    accepted = await acceptToken(request);
  } catch (error) {
    const description = error instanceof BearerTokenError ? error.description : "This API needs a PhotoCloud access token meant for it.";
    return Response.json(
      { error: "invalid_token", error_description: description },
      { status: 401, headers: { "WWW-Authenticate": `Bearer realm="Mallory's Prints API", error="invalid_token"`, "Cache-Control": "no-store" } },
    );
  }
  const runId = attackLab.runOf(request);
  if (runId) keepReceivedToken(runId, accepted.token);
  return Response.json(
    { prints: [], message: `Mallory's Prints API accepted a token of client ${accepted.claims.client_id} for it: your order is (not really) on its way.` },
    { headers: { "Cache-Control": "no-store" } },
  );
}

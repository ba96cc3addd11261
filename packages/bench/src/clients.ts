// The benchmark's clients, registered through the authorization server's own registration
// endpoint (RFC 7591), as any new client would be.
import type { FlowClient } from "@seven-steps/http-flow";
import { apps } from "./apps.ts";

async function register(metadata: Record<string, unknown>): Promise<{ client_id: string; client_secret: string }> {
  const response = await fetch(`${apps.authorizationServer.url}/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token_endpoint_auth_method: "client_secret_basic", ...metadata }),
  });
  if (response.status !== 201) throw new Error(`client registration failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { client_id: string; client_secret: string };
}

/** A service that asks for tokens on its own behalf: `client_credentials` only. */
export async function registerServiceClient(): Promise<FlowClient> {
  const registered = await register({ client_name: "Bench Service", grant_types: ["client_credentials"], scope: "photos:read" });
  return { id: registered.client_id, secret: registered.client_secret, redirectUri: "" };
}

/**
 * A web app that signs members in: codes and refresh tokens. Its redirect URI is never followed;
 * the benchmark reads the code from the authorization server's redirect.
 */
export async function registerWebClient(): Promise<FlowClient> {
  const redirectUri = `${apps.client.url}/bench/callback`;
  const registered = await register({
    client_name: "Bench Web App",
    grant_types: ["authorization_code", "refresh_token"],
    redirect_uris: [redirectUri],
    scope: "profile photos:read",
  });
  return { id: registered.client_id, secret: registered.client_secret, redirectUri };
}

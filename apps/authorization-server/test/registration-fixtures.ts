// What the tests of client registration (RFC 7591) share: the endpoint called as a client would
// call it, the checks every answer must pass, and a registered client turned into a TestClient.
import { isValidErrorDescription } from "@seven-steps/protocol";
import { expect } from "vitest";
import { POST as registrationEndpoint } from "@/app/register/route";
import { db } from "@/db";
import type { ClientInformationResponse } from "@/oauth/registration/client-metadata";
import { issuer, type TestClient } from "./fixtures.ts";

/** POSTs a body to /register: JSON unless it is already a string, `application/json` unless told otherwise. */
export function register(
  body: unknown,
  { headers = {}, contentType = "application/json" }: { headers?: Record<string, string>; contentType?: string } = {},
): Promise<Response> {
  return registrationEndpoint(
    new Request(`${issuer}/register`, {
      method: "POST",
      headers: { "content-type": contentType, ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

/** RFC 7591 §3.2.1: 201, JSON, never cached. Returns the client information. */
export async function expectRegistered(response: Response): Promise<ClientInformationResponse> {
  expect(response.status).toBe(201);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return (await response.json()) as ClientInformationResponse;
}

/**
 * RFC 7591 §3.2.2: an error is a JSON `{ error, error_description }`, never cached, whose
 * description holds only the characters RFC 6749 §5.2 allows. Returns the description.
 */
export async function expectRegistrationError(response: Response, error: string, status = 400): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const body = (await response.json()) as { error: string; error_description: string };
  expect(body).toEqual({ error, error_description: expect.any(String) });
  expect(isValidErrorDescription(body.error_description)).toBe(true);
  return body.error_description;
}

/** How many clients and redirect URIs are stored: a refused registration must change neither. */
export async function storedClientCounts(): Promise<{ clients: number; redirectUris: number }> {
  return { clients: await db.client.count(), redirectUris: await db.clientRedirectUri.count() };
}

/** A registered client as the fixtures of the other tests use it, to run a flow with it. */
export function asTestClient(registered: ClientInformationResponse): TestClient {
  return {
    id: registered.client_id,
    secret: registered.client_secret,
    redirectUri: registered.redirect_uris[0] ?? "",
    redirectUris: registered.redirect_uris,
    authMethod: registered.token_endpoint_auth_method,
  };
}

// Assertions on the token endpoint's responses, shared by the tests of each grant and of client
// authentication. RFC 6749 §5.1 (success) and §5.2 (errors).
import type { TokenErrorCode, TokenErrorResponse, TokenResponse } from "@seven-steps/protocol";
import { expect } from "vitest";
import { db } from "@/db";
import type { TestClient } from "./fixtures.ts";

/** RFC 6749 §5.1 and §5.2: every token response, success or error, forbids caching. */
export function expectNoStore(response: Response): void {
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("pragma")).toBe("no-cache");
}

/**
 * A successful token response (RFC 6749 §5.1): 200, JSON, never cached, with a Bearer access
 * token and whatever else `expected` names. Returns its body.
 */
export async function expectTokens(response: Response, expected: Partial<TokenResponse> = {}): Promise<TokenResponse> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expectNoStore(response);
  const body = (await response.json()) as TokenResponse;
  expect(body).toMatchObject({ access_token: expect.any(String), token_type: "Bearer", ...expected });
  return body;
}

/** An error response (RFC 6749 §5.2): JSON, never cached, with the given `error` code and status. */
export async function expectTokenError(response: Response, error: TokenErrorCode, status = 400): Promise<TokenErrorResponse> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expectNoStore(response);
  const body = (await response.json()) as TokenErrorResponse;
  expect(body.error).toBe(error);
  return body;
}

/** How many access tokens have been issued to a client. */
export function countTokensOf(client: TestClient): Promise<number> {
  return db.accessToken.count({ where: { clientId: client.id } });
}

// Resource indicators (RFC 8707): a client names the resource server its tokens are for, and the
// access token's `aud` is exactly that one. This server keeps a registry of resource servers; the
// PhotoCloud API is the default, for requests that name none.
import { randomUUID } from "node:crypto";
import { decodeJwt } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { hashSecret } from "@/secrets/secret-hash";
import {
  authorizationRequest,
  authorize,
  issuer,
  obtainCode,
  obtainTokens,
  pkce,
  redirectParameters,
  registerClient,
  registerServiceClient,
  signIn,
  token,
} from "./fixtures.ts";
import { expectTokenError, expectTokens } from "./token-assertions.ts";

const photoCloudApi = "http://localhost:3002";
/** A second resource server, registered for these tests: it accepts photos:read only. */
const printApi = `https://print-${randomUUID()}.example/api`;

beforeAll(async () => {
  await db.resourceServer.create({ data: { identifier: printApi, name: "Print API", scopes: "photos:read" } });
});

/** Steps 1 to 3 with these extra parameters, signed in as alice: where the browser is sent. */
async function authorizeAs(extra: Record<string, string>, scope?: string): Promise<URLSearchParams> {
  const client = await registerClient();
  const { challenge } = await pkce();
  const cookie = await signIn();
  const request = authorizationRequest(client, challenge, { ...(scope ? { scope } : {}), ...extra });
  return redirectParameters(await authorize(request, cookie));
}

/** An authorization request whose query repeats `resource`, which only this parameter may do. */
async function authorizeWithResources(resources: string[]): Promise<Response> {
  const client = await registerClient();
  const { challenge } = await pkce();
  const query = new URLSearchParams(authorizationRequest(client, challenge));
  for (const resource of resources) query.append("resource", resource);
  const { GET } = await import("@/app/authorize/route");
  return GET(new Request(`${issuer}/authorize?${query.toString()}`, { headers: { cookie: await signIn() } }));
}

describe("resource at the authorization endpoint (RFC 8707 §2)", () => {
  it("binds the code to the named resource server, and the token's aud is exactly it", async () => {
    const client = await registerClient();
    const issued = await obtainCode(client, { extra: { resource: photoCloudApi } });
    expect((await db.authorizationCode.findUniqueOrThrow({ where: { codeHash: hashSecret(issued.code) } })).resource).toBe(photoCloudApi);

    const tokens = await obtainTokens(client, { extra: { resource: photoCloudApi } });
    expect(decodeJwt(tokens.access_token).aud).toBe(photoCloudApi);
  });

  it("without resource, issues tokens for the default resource server, the PhotoCloud API", async () => {
    const tokens = await obtainTokens(await registerClient());
    expect(decodeJwt(tokens.access_token).aud).toBe(photoCloudApi);
    expect(await db.resourceServer.findUniqueOrThrow({ where: { identifier: photoCloudApi } })).toMatchObject({
      name: "PhotoCloud API",
      isDefault: true,
    });
  });

  it("issues a token for another registered resource server, with aud naming it alone", async () => {
    const client = await registerClient();
    const tokens = await obtainTokens(client, { scope: "photos:read", extra: { resource: printApi } });
    expect(decodeJwt(tokens.access_token).aud).toBe(printApi);
    const grant = await db.grant.findFirstOrThrow({ where: { clientId: client.id } });
    expect(grant.resource).toBe(printApi);
  });

  it.each([
    ["an unknown resource server", "https://unknown.example/api", /issues no tokens for the resource/],
    ["a relative reference", "/photos", /absolute URI/],
    ["a resource with a fragment", `${photoCloudApi}/#photos`, /fragment/],
  ])("refuses %s with invalid_target, sent back to the client with state and iss", async (_name, resource, description) => {
    const parameters = await authorizeAs({ resource });
    expect(parameters.get("error")).toBe("invalid_target");
    expect(parameters.get("error_description")).toMatch(description);
    expect(parameters.get("state")).toMatch(/^state-/);
    expect(parameters.get("iss")).toBe(issuer);
    expect(parameters.has("code")).toBe(false);
  });

  it("refuses two resource servers in one request with invalid_target: this server issues one audience per grant", async () => {
    const parameters = redirectParameters(await authorizeWithResources([photoCloudApi, printApi]));
    expect(parameters.get("error")).toBe("invalid_target");
    expect(parameters.get("error_description")).toMatch(/one resource server at a time/);
  });

  it("accepts the same resource sent twice, and carries it on to the consent screen", async () => {
    const response = await authorizeWithResources([photoCloudApi, photoCloudApi]);
    const location = new URL(response.headers.get("location")!, issuer);
    expect(location.pathname).toBe("/consent");
    expect(location.searchParams.getAll("resource")).toEqual([photoCloudApi, photoCloudApi]);
  });

  it("refuses a scope the resource server does not accept with invalid_scope, rather than leaving it out", async () => {
    const parameters = await authorizeAs({ resource: printApi }, "profile photos:read");
    expect(parameters.get("error")).toBe("invalid_scope");
    expect(parameters.get("error_description")).toContain("has no scope profile");
  });
});

describe("resource at the token endpoint (RFC 8707 §2.2)", () => {
  it("accepts the resource the code was issued for", async () => {
    const client = await registerClient();
    const issued = await obtainCode(client, { extra: { resource: photoCloudApi } });
    const body = await expectTokens(
      await token(client, { grant_type: "authorization_code", code: issued.code, redirect_uri: client.redirectUri, code_verifier: issued.verifier, resource: photoCloudApi }),
    );
    expect(decodeJwt(body.access_token).aud).toBe(photoCloudApi);
  });

  it("refuses a resource the user did not authorize with invalid_target, and issues nothing", async () => {
    const client = await registerClient();
    const issued = await obtainCode(client, { scope: "photos:read", extra: { resource: printApi } });
    const response = await token(client, {
      grant_type: "authorization_code",
      code: issued.code,
      redirect_uri: client.redirectUri,
      code_verifier: issued.verifier,
      resource: photoCloudApi,
    });
    const body = await expectTokenError(response, "invalid_target");
    expect(body.error_description).toContain(`this grant is for ${printApi}`);
    expect(await db.grant.count({ where: { clientId: client.id } })).toBe(0);
    // The code was not spent: the client may correct its request.
    expect((await db.authorizationCode.findUniqueOrThrow({ where: { codeHash: hashSecret(issued.code) } })).consumedAt).toBeNull();
  });

  it("keeps the grant's resource on refresh, and refuses another one", async () => {
    const client = await registerClient();
    const tokens = await obtainTokens(client, { scope: "photos:read", extra: { resource: printApi } });
    await expectTokenError(
      await token(client, { grant_type: "refresh_token", refresh_token: tokens.refresh_token!, resource: photoCloudApi }),
      "invalid_target",
    );
    const refreshed = await expectTokens(await token(client, { grant_type: "refresh_token", refresh_token: tokens.refresh_token! }));
    expect(decodeJwt(refreshed.access_token).aud).toBe(printApi);
  });

  it("names the resource in client_credentials, and refuses an unknown or malformed one", async () => {
    const client = await registerServiceClient();
    const body = await expectTokens(await token(client, { grant_type: "client_credentials", scope: "photos:read", resource: printApi }));
    expect(decodeJwt(body.access_token).aud).toBe(printApi);
    await expectTokenError(
      await token(client, { grant_type: "client_credentials", scope: "photos:read", resource: "https://unknown.example" }),
      "invalid_target",
    );
    await expectTokenError(await token(client, { grant_type: "client_credentials", scope: "photos:read", resource: "photos" }), "invalid_target");
    expect(await db.accessToken.count({ where: { clientId: client.id, expiresAt: { gt: new Date() } } })).toBe(1);
  });
});

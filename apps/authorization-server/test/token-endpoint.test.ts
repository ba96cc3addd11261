import { isValidErrorDescription, type TokenErrorResponse } from "@seven-steps/protocol";
import { describe, expect, it } from "vitest";
import { POST as tokenEndpoint } from "@/app/token/route";
import { db } from "@/db";
import { basic, issuer, obtainCode, registerClient, registerServiceClient, type TestClient } from "./fixtures.ts";
import { countTokensOf, expectNoStore, expectTokenError, expectTokens } from "./token-assertions.ts";

const formType = "application/x-www-form-urlencoded";
/** The largest body the token endpoint reads, and the longest value of one parameter. */
const maxBodyBytes = 16 * 1024;
const maxParameterLength = 2048;

const clientCredentials = { grant_type: "client_credentials", scope: "photos:read" };

function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** A token request with exactly this body and these headers, built by hand. */
function rawTokenRequest(body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string>): Promise<Response> {
  return tokenEndpoint(new Request(`${issuer}/token`, { method: "POST", headers, body }));
}

/** A form-encoded token request from a client authenticating with client_secret_basic. */
function formTokenRequest(client: TestClient, body: string): Promise<Response> {
  return rawTokenRequest(body, { "content-type": formType, authorization: basic(client.id, client.secret!) });
}

/** A valid form body, padded with parameters this server ignores to exactly `length` bytes. */
function paddedFormBody(fields: Record<string, string>, length: number): string {
  let body = formBody(fields);
  let index = 0;
  while (length - body.length > 2000) body += `&padding${index++}=${"a".repeat(1000)}`;
  const last = `&padding${index}=`;
  return body + last + "a".repeat(length - body.length - last.length);
}

describe("the body of a token request (RFC 6749 §3.2)", () => {
  it("refuses a JSON body", async () => {
    // RFC 6749 §3.2 and §4.1.3: parameters are sent as application/x-www-form-urlencoded.
    const client = await registerServiceClient();
    const response = await rawTokenRequest(JSON.stringify(clientCredentials), {
      "content-type": "application/json",
      authorization: basic(client.id, client.secret!),
    });

    await expectTokenError(response, "invalid_request");
    expect(await countTokensOf(client)).toBe(0);
  });

  it("refuses a body without a content type", async () => {
    const client = await registerServiceClient();
    const request = new Request(`${issuer}/token`, {
      method: "POST",
      headers: { authorization: basic(client.id, client.secret!) },
      body: new TextEncoder().encode(formBody(clientCredentials)),
    });
    expect(request.headers.get("content-type")).toBeNull();

    await expectTokenError(await tokenEndpoint(request), "invalid_request");
    expect(await countTokensOf(client)).toBe(0);
  });

  it("accepts the form media type with a charset parameter", async () => {
    const client = await registerServiceClient();
    const response = await rawTokenRequest(formBody(clientCredentials), {
      "content-type": `${formType}; charset=UTF-8`,
      authorization: basic(client.id, client.secret!),
    });

    await expectTokens(response);
  });

  it("reads a body of 16 KiB, and refuses a body one byte larger", async () => {
    const client = await registerServiceClient();
    const atTheLimit = paddedFormBody(clientCredentials, maxBodyBytes);
    const overTheLimit = paddedFormBody(clientCredentials, maxBodyBytes + 1);
    expect(Buffer.byteLength(atTheLimit)).toBe(maxBodyBytes);
    expect(Buffer.byteLength(overTheLimit)).toBe(maxBodyBytes + 1);

    await expectTokens(await formTokenRequest(client, atTheLimit));
    await expectTokenError(await formTokenRequest(client, overTheLimit), "invalid_request");
    expect(await countTokensOf(client)).toBe(1);
  });

  it("refuses a parameter value longer than 2048 characters", async () => {
    const client = await registerClient();
    const redeem = (code: string) =>
      formTokenRequest(client, formBody({ grant_type: "authorization_code", code, redirect_uri: client.redirectUri, code_verifier: "x".repeat(43) }));

    // 2048 characters are read (and are no valid code); 2049 are refused before they are looked at.
    await expectTokenError(await redeem("a".repeat(maxParameterLength)), "invalid_grant");
    await expectTokenError(await redeem("a".repeat(maxParameterLength + 1)), "invalid_request");
  });

  it("refuses a body that is not valid UTF-8", async () => {
    const client = await registerServiceClient();
    const bytes = new Uint8Array([...new TextEncoder().encode(`${formBody(clientCredentials)}&note=`), 0xff, 0xfe]);
    const response = await rawTokenRequest(bytes, { "content-type": formType, authorization: basic(client.id, client.secret!) });

    await expectTokenError(response, "invalid_request");
    expect(await countTokensOf(client)).toBe(0);
  });

  it("refuses a broken percent-encoding", async () => {
    const client = await registerClient();
    const body = `grant_type=authorization_code&code=%E0%A4%A&redirect_uri=${encodeURIComponent(client.redirectUri)}`;

    await expectTokenError(await formTokenRequest(client, body), "invalid_request");
  });
});

describe("the parameters of a token request (RFC 6749 §3.1, §3.2)", () => {
  it("ignores parameters it does not know", async () => {
    // RFC 6749 §3.2: "The authorization server MUST ignore unrecognized request parameters."
    const client = await registerServiceClient();
    await expectTokens(await formTokenRequest(client, formBody({ ...clientCredentials, foo: "bar" })));
  });

  it("requires grant_type", async () => {
    const client = await registerServiceClient();
    const body = await expectTokenError(await formTokenRequest(client, formBody({ scope: "photos:read" })), "invalid_request");
    expect(body.error_description).toMatch(/grant_type/);
  });

  it("treats a parameter sent without a value as missing", async () => {
    // RFC 6749 §3.1: "Parameters sent without a value MUST be treated as if they were omitted."
    const client = await registerServiceClient();
    const body = await expectTokenError(await formTokenRequest(client, "grant_type=&scope=photos%3Aread"), "invalid_request");
    expect(body.error_description).toMatch(/grant_type/);
    expect(body.error_description).toMatch(/required/);
  });

  it("refuses grant_type sent twice, naming it", async () => {
    // RFC 6749 §3.1: "Request and response parameters MUST NOT be included more than once."
    const client = await registerServiceClient();
    const body = await expectTokenError(
      await formTokenRequest(client, `${formBody(clientCredentials)}&grant_type=client_credentials`),
      "invalid_request",
    );
    expect(body.error_description).toMatch(/grant_type/);
    expect(await countTokensOf(client)).toBe(0);
  });

  it.each(["password", "implicit", "urn:example:params:oauth:grant-type:unknown"])(
    "refuses grant_type=%s as unsupported",
    async (grantType) => {
      // RFC 6749 §5.2: unsupported_grant_type, for a grant type this server does not support.
      const client = await registerServiceClient();
      const response = await formTokenRequest(client, formBody({ grant_type: grantType, username: "alice", password: "wonderland" }));

      await expectTokenError(response, "unsupported_grant_type");
      expect(await countTokensOf(client)).toBe(0);
    },
  );
});

describe("error responses of the token endpoint (RFC 6749 §5.2)", () => {
  it("carry error and error_description only, in the characters RFC 6749 §5.2 allows", async () => {
    const client = await registerServiceClient();
    const authorization = basic(client.id, client.secret!);
    const badRequests: Array<[string | Uint8Array<ArrayBuffer>, Record<string, string>]> = [
      [JSON.stringify(clientCredentials), { "content-type": "application/json", authorization }],
      [formBody({ scope: "photos:read" }), { "content-type": formType, authorization }],
      // A grant type with a double quote, a backslash, a non-ASCII letter and a line break, which
      // error_description must not carry.
      [formBody({ grant_type: 'my"grant\\é\ntype' }), { "content-type": formType, authorization }],
      [`${formBody(clientCredentials)}&grant_type=password`, { "content-type": formType, authorization }],
      ["grant_type=client_credentials&scope=%E0%A4%A", { "content-type": formType, authorization }],
      [new Uint8Array([0xff, 0xfe]), { "content-type": formType, authorization }],
      [formBody(clientCredentials), { "content-type": formType, authorization: basic(client.id, "wrong") }],
      [formBody({ ...clientCredentials, scope: "photos:write" }), { "content-type": formType, authorization }],
    ];

    for (const [body, headers] of badRequests) {
      const response = await rawTokenRequest(body, headers);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expectNoStore(response);
      const error = (await response.json()) as TokenErrorResponse;
      expect(Object.keys(error).sort()).toEqual(["error", "error_description"]);
      expect(isValidErrorDescription(error.error_description!)).toBe(true);
    }
  });

  it("leave the database as it was", async () => {
    const client = await registerClient();
    const { code, verifier } = await obtainCode(client);
    const redemption = { grant_type: "authorization_code", code, redirect_uri: client.redirectUri, code_verifier: verifier };
    const authorization = basic(client.id, client.secret!);
    const countRows = async () => ({
      accessTokens: await db.accessToken.count(),
      grants: await db.grant.count(),
      refreshTokens: await db.refreshToken.count(),
    });
    const before = await countRows();

    const rejected: Array<[string | Uint8Array<ArrayBuffer>, Record<string, string>]> = [
      [JSON.stringify(redemption), { "content-type": "application/json", authorization }],
      [`${formBody(redemption)}&code_verifier=${verifier}`, { "content-type": formType, authorization }],
      [`${formBody(redemption)}&state=%E0%A4%A`, { "content-type": formType, authorization }],
      [new Uint8Array([...new TextEncoder().encode(`${formBody(redemption)}&note=`), 0xff, 0xfe]), { "content-type": formType, authorization }],
      [paddedFormBody(redemption, maxBodyBytes + 1), { "content-type": formType, authorization }],
      [formBody(redemption), { "content-type": formType, authorization: basic(client.id, "wrong") }],
      [formBody({ ...redemption, grant_type: "password" }), { "content-type": formType, authorization }],
    ];
    for (const [body, headers] of rejected) {
      const response = await rawTokenRequest(body, headers);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expectNoStore(response);
    }

    expect(await countRows()).toEqual(before);
    const stored = await db.authorizationCode.findMany({ where: { clientId: client.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.consumedAt).toBeNull();
    // The code is still good: none of the rejected requests spent it.
    await expectTokens(await formTokenRequest(client, formBody(redemption)));
  });
});

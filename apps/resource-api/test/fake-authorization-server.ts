// A stand-in for the authorization server, on a real local port: it publishes RFC 8414 metadata
// and a JWKS, signs access tokens, and can rotate its key or go down. The resource API finds it
// through AUTHORIZATION_SERVER_ISSUER exactly as it finds the real one.
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from "jose";
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const audience = "http://localhost:3002";

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  const kid = randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" } };
}

export class FakeAuthorizationServer {
  issuer = "";
  /** The paths fetched so far, in order. */
  readonly fetched: string[] = [];
  /** When true, every request is answered 503. */
  down = false;
  /** How the introspection endpoint answers a token (RFC 7662); inactive unless told otherwise. */
  introspect: (token: string) => Record<string, unknown> = () => ({ active: false });
  /** The Authorization headers the introspection endpoint received. */
  readonly introspectionAuthorizations: string[] = [];
  private server: Server | undefined;
  private published: SigningKey[] = [];

  async start(): Promise<void> {
    this.published = [await newSigningKey()];
    this.server = createServer((request, response) => {
      this.fetched.push(request.url ?? "");
      if (this.down) return void response.writeHead(503).end();
      if (request.url === "/.well-known/oauth-authorization-server") {
        response.writeHead(200, { "content-type": "application/json" });
        return void response.end(
          JSON.stringify({
            issuer: this.issuer,
            jwks_uri: `${this.issuer}/jwks`,
            authorization_endpoint: `${this.issuer}/authorize`,
            token_endpoint: `${this.issuer}/token`,
            introspection_endpoint: `${this.issuer}/introspect`,
          }),
        );
      }
      if (request.url === "/jwks") {
        response.writeHead(200, { "content-type": "application/json" });
        return void response.end(JSON.stringify({ keys: this.published.map((key) => key.publicJwk) }));
      }
      if (request.url === "/introspect" && request.method === "POST") {
        this.introspectionAuthorizations.push(request.headers.authorization ?? "");
        let body = "";
        request.on("data", (chunk: Buffer) => (body += chunk.toString()));
        request.on("end", () => {
          response.writeHead(200, { "content-type": "application/json" });
          response.end(JSON.stringify(this.introspect(new URLSearchParams(body).get("token") ?? "")));
        });
        return;
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Publishes a new key and signs with it from now on; the old key stays published. */
  async rotateKey(): Promise<void> {
    this.published = [await newSigningKey(), ...this.published];
  }

  get currentKey(): SigningKey {
    return this.published[0]!;
  }

  /** The claims of a valid access token for `sub`, before any override. */
  claims(sub: string, scope: string): JWTPayload {
    const now = Math.floor(Date.now() / 1000);
    return { iss: this.issuer, sub, aud: audience, iat: now, exp: now + 600, jti: randomUUID(), client_id: "printshop", scope };
  }

  /**
   * Signs an RFC 9068 access token. `claims` and `header` override the defaults; `key` signs with
   * another key, published or not.
   */
  issueToken(
    sub: string,
    scope: string,
    { claims = {}, header = {}, key = this.currentKey.privateKey }: { claims?: JWTPayload; header?: Record<string, unknown>; key?: CryptoKey } = {},
  ): Promise<string> {
    return new SignJWT({ ...this.claims(sub, scope), ...claims })
      .setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid: this.currentKey.kid, ...header })
      .sign(key);
  }
}

export const fakeAuthorizationServer = new FakeAuthorizationServer();

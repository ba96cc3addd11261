// A stand-in for PhotoCloud Accounts on a real local port: its metadata, and a token endpoint
// that answers refreshes the way the test tells it to, counting the requests.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

type TokenAnswer = { status: number; body: Record<string, unknown> };

export class FakeAuthorizationServer {
  issuer = "";
  /** The form bodies the token endpoint received. */
  readonly tokenRequests: URLSearchParams[] = [];
  /** What the token endpoint answers next; by default, new tokens. */
  answer: (request: URLSearchParams) => TokenAnswer = (request) => ({
    status: 200,
    body: {
      access_token: `access-${this.tokenRequests.length}`,
      token_type: "Bearer",
      expires_in: 600,
      refresh_token: `refresh-${this.tokenRequests.length}-after-${request.get("refresh_token")}`,
      scope: "profile photos:read",
    },
  });
  /** How long the token endpoint takes to answer. */
  delayMilliseconds = 0;
  /** When true, the token endpoint drops every connection without an answer. */
  down = false;
  /**
   * Plays the PhotoCloud API as well, on the same port: how it answers `GET /photos`. The tests
   * point RESOURCE_API_URL here.
   */
  photos: () => { status: number; headers?: Record<string, string>; body: unknown } | "drop" = () => ({
    status: 200,
    body: { photos: [] },
  });
  /** Who the API side's `GET /me` says the token belongs to. */
  me = { sub: "mallory-sub", username: "mallory", name: "Mallory" };
  /** The Authorization headers the API side received. */
  readonly apiAuthorizations: string[] = [];
  /** The revocation requests received (RFC 7009): their Authorization header and form. */
  readonly revocations: { authorization: string; form: URLSearchParams }[] = [];
  private server: Server | undefined;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      if (request.url === "/.well-known/oauth-authorization-server") {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(
          JSON.stringify({
            issuer: this.issuer,
            authorization_endpoint: `${this.issuer}/authorize`,
            token_endpoint: `${this.issuer}/token`,
            revocation_endpoint: `${this.issuer}/revoke`,
          }),
        );
        return;
      }
      if (request.url === "/photos") {
        this.apiAuthorizations.push(request.headers.authorization ?? "");
        const answer = this.photos();
        if (answer === "drop") return void request.socket.destroy();
        response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
        return void response.end(JSON.stringify(answer.body));
      }
      if (request.url === "/me") {
        response.writeHead(200, { "content-type": "application/json" });
        return void response.end(JSON.stringify(this.me));
      }
      if (request.url === "/revoke" && request.method === "POST") {
        if (this.down) return void request.socket.destroy();
        let body = "";
        request.on("data", (chunk: Buffer) => (body += chunk.toString()));
        request.on("end", () => {
          this.revocations.push({ authorization: request.headers.authorization ?? "", form: new URLSearchParams(body) });
          response.writeHead(200).end();
        });
        return;
      }
      if (request.url === "/token" && this.down) {
        request.socket.destroy();
        return;
      }
      if (request.url === "/token" && request.method === "POST") {
        let body = "";
        request.on("data", (chunk: Buffer) => (body += chunk.toString()));
        request.on("end", () => {
          const form = new URLSearchParams(body);
          this.tokenRequests.push(form);
          const { status, body: answer } = this.answer(form);
          setTimeout(() => {
            response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
            response.end(JSON.stringify(answer));
          }, this.delayMilliseconds);
        });
        return;
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
}

export const fakeAuthorizationServer = new FakeAuthorizationServer();

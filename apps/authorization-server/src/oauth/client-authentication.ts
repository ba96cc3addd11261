import { BasicCredentialsError, decodeBasicCredentials, defineCheck, rfcSection, type TokenEndpointAuthMethod } from "@seven-steps/protocol";
import { verifySecret } from "@/secrets/secret-hash";
import { findClient, type RegisteredClient } from "@/storage/clients";
import { clientAddress } from "@seven-steps/config/client-address";
import { checkNotBlocked, countFailure, type Throttle } from "@/throttling/throttle";
import { InvalidClient, InvalidRequest } from "./errors.ts";
import type { RequestParameters } from "./parameters.ts";

/** A hash no secret matches, compared against when the client is unknown, so both take as long. */
const unknownClientSecretHash = "unknown-client-secret-hash-000000000000000";

interface PresentedCredentials {
  method: TokenEndpointAuthMethod;
  clientId: string;
  clientSecret?: string;
}

/**
 * `client_secret_basic`: the client id and secret in an HTTP Basic `Authorization` header
 * (decoded by the protocol package). Anything else there is an `invalid_client`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
function readBasicCredentials(header: string): PresentedCredentials {
  try {
    return { method: "client_secret_basic", ...decodeBasicCredentials(header) };
  } catch (error) {
    if (!(error instanceof BasicCredentialsError)) throw error;
    const description =
      error.code === "not_basic"
        ? "Only HTTP Basic authentication is supported in the Authorization header."
        : "The Basic credentials are malformed: expected client_id:client_secret.";
    throw new InvalidClient(description, true, { cause: error });
  }
}

/**
 * Which credentials the request presents: Basic, the body (`client_secret_post`), or only a
 * `client_id` (a public client, `none`). More than one method is an error (RFC 6749 §2.3).
 */
function readCredentials(request: Request, parameters: RequestParameters): PresentedCredentials {
  const header = request.headers.get("authorization");
  const bodyClientId = parameters.get("client_id");
  const bodySecret = parameters.get("client_secret");

  if (header !== null) {
    if (bodySecret !== undefined) {
      throw new InvalidRequest("Use one client authentication method: the Authorization header or client_secret, not both.");
    }
    const credentials = readBasicCredentials(header);
    if (bodyClientId !== undefined && bodyClientId !== credentials.clientId) {
      throw new InvalidRequest("The client_id in the body differs from the one in the Authorization header.");
    }
    return credentials;
  }
  if (bodyClientId === undefined) {
    throw new InvalidClient("Client authentication is required: send client_id, and a secret if the client has one.", false);
  }
  if (bodySecret !== undefined) return { method: "client_secret_post", clientId: bodyClientId, clientSecret: bodySecret };
  return { method: "none", clientId: bodyClientId };
}

/**
 * Authenticates the client at the token endpoint with the method it registered:
 * `client_secret_basic` or `client_secret_post` for confidential clients (the secret compared
 * as a hash, in constant time), `none` for public clients. Failures are counted and, past a limit,
 * refused for a while.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.2.1
 */
export const authenticateClient = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "the client authenticates with its registered method, the secret compared as a hash in constant time",
    why: "Only the client a code or token was issued to may use it; a public client proves itself with PKCE instead.",
    see: rfcSection(6749, "3.2.1"),
    source: "apps/authorization-server/src/oauth/client-authentication.ts",
  },
  async (request: Request, parameters: RequestParameters): Promise<RegisteredClient> => {
    const credentials = readCredentials(request, parameters);
    const triedBasic = credentials.method === "client_secret_basic";
    // The secret is compared in microseconds: a failure is counted after it, not reserved before
    // (throttling/throttle.ts), so a client's own requests in flight never count against it.
    const throttles = clientAuthenticationThrottles(credentials.clientId, clientAddress(request));
    const attempt = await checkNotBlocked(throttles);
    if (!attempt.allowed) {
      const { retryAfterSeconds } = attempt;
      throw new InvalidClient(`Too many failed client authentications; try again in ${retryAfterSeconds} seconds.`, triedBasic, {
        retryAfterSeconds,
      });
    }
    try {
      return await checkCredentials(credentials, triedBasic);
    } catch (error) {
      if (error instanceof InvalidClient) await countFailure(throttles);
      throw error;
    }
  },
);

/**
 * Failed client authentications are slowed down, then refused for a while (RFC 6819
 * §5.1.4.2.3), per client and address. Unlike passwords, client secrets are 256 random bits and
 * cannot be guessed, so there is no limit per client alone: it would let anyone lock a client out
 * for everyone by sending wrong secrets.
 */
function clientAuthenticationThrottles(clientId: string, address: string): Throttle[] {
  return [{ key: `client-auth:${clientId}@${address}`, policy: { maxFailures: 10, windowSeconds: 15 * 60, blockSeconds: 60 } }];
}

/** The registered client, if the presented credentials are its own, by the method it registered. */
async function checkCredentials(credentials: PresentedCredentials, triedBasic: boolean): Promise<RegisteredClient> {
  const client = await findClient(credentials.clientId);

  if (credentials.clientSecret !== undefined) {
    const secretMatches = verifySecret(credentials.clientSecret, client?.secretHash ?? unknownClientSecretHash);
    if (!client || !secretMatches) throw new InvalidClient("Client authentication failed: unknown client or wrong secret.", triedBasic);
  }
  if (!client) throw new InvalidClient("Client authentication failed: unknown client.", triedBasic);
  if (client.tokenEndpointAuthMethod !== credentials.method) {
    const expected =
      client.tokenEndpointAuthMethod === "none"
        ? "it is a public client and has no secret"
        : `it must authenticate with ${client.tokenEndpointAuthMethod}`;
    throw new InvalidClient(`Client authentication failed: ${expected}.`, triedBasic);
  }
  return client;
}

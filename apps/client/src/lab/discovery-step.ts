import {
  DiscoveryError,
  discoverAuthorizationServer,
  discoverProtectedResource,
  metadataUrl,
  resourceMetadataLocation,
  type AuthorizationServerMetadata,
  type ProtectedResourceMetadata,
} from "@seven-steps/protocol";
import { readAnswer, sendLabRequest, type LabHttpAnswer, type LabHttpRequest } from "./http-request.ts";

/**
 * Step 0, before the seven steps: the lab behaves as a client that knows nothing but the API's
 * address, as an MCP client does. Three messages, each shown: the API called without a token, the
 * API's metadata named in its 401 (RFC 9728), then the metadata of the authorization server that
 * metadata names (RFC 8414). The lab then uses what it found: the endpoints for steps 1 and 4, and
 * the API's identifier as `resource`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-5
 */

/** Step 0, first message: the API's photos, asked for with no token at all. */
export function callWithoutTokenRequest(resourceApiUrl: string): LabHttpRequest {
  return { method: "GET", url: `${resourceApiUrl}/photos`, headers: { accept: "application/json" } };
}

/** A metadata document, asked for as JSON. */
export function metadataRequest(url: string): LabHttpRequest {
  return { method: "GET", url, headers: { accept: "application/json" } };
}

/** One message of step 0, and what the lab read in it; `problem` says why the run cannot go on. */
export type DiscoveryAnswer<Found> = { answer: LabHttpAnswer } & ({ found: Found } | { problem: string });

/**
 * The 401, read: the `resource_metadata` of its `WWW-Authenticate` challenge says where the API
 * describes itself.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-5.1
 */
export async function sendCallWithoutToken(request: LabHttpRequest): Promise<DiscoveryAnswer<{ resourceMetadataUrl: string }>> {
  const answer = await readAnswer(await sendLabRequest(request));
  if (answer.status !== 401) return { answer, problem: `The API answered ${answer.status}, not 401: it did not ask for a token.` };
  const resourceMetadataUrl = resourceMetadataLocation(answer.headers["www-authenticate"] ?? null);
  if (!resourceMetadataUrl) return { answer, problem: "The 401's WWW-Authenticate header names no resource_metadata." };
  return { answer, found: { resourceMetadataUrl } };
}

/** The received answer, handed to a protocol check that would otherwise fetch it itself. */
function answered(response: Response): typeof fetch {
  return () => Promise.resolve(response.clone());
}

function problemOf(error: unknown): string {
  if (error instanceof DiscoveryError) return error.message;
  throw error;
}

/**
 * The API's metadata, checked: it must describe the API the lab called, else it could send the lab,
 * and later its token, to someone else's authorization server.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-3.3
 */
export async function sendResourceMetadataRequest(
  request: LabHttpRequest,
  expectedResource: string,
): Promise<DiscoveryAnswer<ProtectedResourceMetadata>> {
  const response = await sendLabRequest(request);
  const answer = await readAnswer(response);
  try {
    return { answer, found: await discoverProtectedResource(request.url, expectedResource, { fetch: answered(response) }) };
  } catch (error) {
    return { answer, problem: problemOf(error) };
  }
}

/** Where the first authorization server the API names publishes its metadata (RFC 8414 §3). */
export function serverMetadataRequest(resourceMetadata: ProtectedResourceMetadata): LabHttpRequest | null {
  const issuer = resourceMetadata.authorization_servers?.[0];
  return issuer ? metadataRequest(metadataUrl(issuer).href) : null;
}

/**
 * The authorization server's metadata, checked: it must name the issuer the API named, and hold
 * the endpoints of steps 1 and 4.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3.3
 */
export async function sendServerMetadataRequest(
  request: LabHttpRequest,
  issuer: string,
): Promise<DiscoveryAnswer<AuthorizationServerMetadata>> {
  const response = await sendLabRequest(request);
  const answer = await readAnswer(response);
  try {
    return { answer, found: await discoverAuthorizationServer(issuer, { fetch: answered(response) }) };
  } catch (error) {
    return { answer, problem: problemOf(error) };
  }
}

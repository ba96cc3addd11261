import "server-only";
import { defineCheck, missingScopes, parseResourceIndicator, ResourceIndicatorError, rfcSection } from "@seven-steps/protocol";
import { defaultResourceServer, findResourceServer, type RegisteredResourceServer } from "@/storage/resource-servers";
import { InvalidScope, InvalidTarget } from "./errors.ts";
import { quoted, type RequestParameters } from "./parameters.ts";

const source = "apps/authorization-server/src/oauth/resource-indicators.ts";

/**
 * The one resource named by the request's `resource` parameters, checked for its syntax: none,
 * or one identifier sent once or more. A request naming two resource servers is refused: this
 * server issues each grant, and each access token, for one audience (RFC 8707 §2 lets it refuse
 * a combination it will not issue together).
 */
function requestedResource(parameters: RequestParameters): string | undefined {
  const values = [...new Set(parameters.getAll("resource"))];
  for (const value of values) {
    try {
      parseResourceIndicator(value);
    } catch (error) {
      if (error instanceof ResourceIndicatorError) throw new InvalidTarget(error.message, { cause: error });
      throw error;
    }
  }
  if (values.length > 1) {
    throw new InvalidTarget("This server issues tokens for one resource server at a time: send a single resource parameter.");
  }
  return values[0];
}

/**
 * The resource server the tokens will be for, at the authorization endpoint and in the client
 * credentials grant: the one `resource` names, which must be registered here, or the default
 * resource server (the PhotoCloud API) when the request names none.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8707#section-2
 */
export const checkResource = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "the resource, if named, is one absolute URI without a fragment, of a resource server registered here",
    why: "The access token names exactly that resource server in aud, so no other server accepts it.",
    see: rfcSection(8707, "2"),
    source,
  },
  async (parameters: RequestParameters): Promise<RegisteredResourceServer> => {
    const identifier = requestedResource(parameters);
    const fallback = await defaultResourceServer();
    if (identifier === undefined || identifier === fallback.identifier) return fallback;
    const resourceServer = await findResourceServer(identifier);
    if (!resourceServer) throw new InvalidTarget(`This server issues no tokens for the resource ${quoted(identifier)}.`);
    return resourceServer;
  },
);

/**
 * Every requested scope must be one the resource server accepts. RFC 8707 §2 lets a server either
 * refuse such scopes or leave them out of the token; this one refuses them with `invalid_scope`: a
 * client asking a resource for a right it does not have has made a mistake, and hears about it
 * instead of finding out later from a token that cannot do what it expected.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8707#section-2
 */
export const checkScopesOfResource = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "every requested scope is one the resource server accepts",
    why: "A scope another API defines means nothing to this one: it is refused, not silently dropped.",
    see: rfcSection(8707, "2"),
    source,
  },
  (scopes: string[], resourceServer: RegisteredResourceServer): void => {
    const unknown = missingScopes(scopes, resourceServer.scopes);
    if (unknown.length > 0) {
      throw new InvalidScope(`The resource ${resourceServer.identifier} has no scope ${unknown.join(" ")}.`);
    }
  },
);

/**
 * At the token endpoint, with a code or a refresh token: the access token is for the resource the
 * user authorized. A `resource` sent now may repeat it, and name nothing else (RFC 8707 §2.2).
 * Grants from before resource indicators stand for the default resource server.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8707#section-2.2
 */
export const checkResourceOfGrant = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "the resource of the token request, if named, is the one the user authorized",
    why: "A client cannot turn a grant for one API into a token for another.",
    see: rfcSection(8707, "2.2"),
    source,
  },
  async (parameters: RequestParameters, authorized: string | null): Promise<string> => {
    const grantResource = authorized ?? (await defaultResourceServer()).identifier;
    const identifier = requestedResource(parameters);
    if (identifier !== undefined && identifier !== grantResource) {
      throw new InvalidTarget(`The resource ${quoted(identifier)} was not authorized; this grant is for ${grantResource}.`);
    }
    return grantResource;
  },
);

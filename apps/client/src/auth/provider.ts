import { metadataUrl } from "@seven-steps/protocol";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { env } from "@/env";
import { fetchProfile, type PhotoCloudProfile } from "@/photos/profile";
import { revokeAtPhotoCloud } from "@/tokens/client-session";

/** The scopes PrintShop asks for: who you are, and your photos, to read and to add. */
export const requestedScope = "profile photos:read photos:write";

/**
 * PhotoCloud, as next-auth sees it: a plain OAuth 2 provider (no OpenID Connect, no ID token),
 * discovered from its RFC 8414 metadata.
 *
 * - `checks: ["pkce", "state"]`: next-auth's default is state only; this server requires PKCE.
 * - `issuer` is set exactly, and the metadata says `authorization_response_iss_parameter_supported`,
 *   so the callback's `iss` is checked (RFC 9207).
 * - `resource` names the PhotoCloud API (RFC 8707): the code, and so every token, is for it alone.
 * - The profile comes from the PhotoCloud API's `GET /me`: steps 6 and 7 happen during sign-in.
 */
export const photoCloudProvider: OAuthConfig<PhotoCloudProfile> = {
  id: "authorization-server",
  name: "PhotoCloud",
  type: "oauth",
  issuer: env.AUTHORIZATION_SERVER_ISSUER,
  wellKnown: metadataUrl(env.AUTHORIZATION_SERVER_ISSUER).href,
  clientId: env.CLIENT_ID,
  clientSecret: env.CLIENT_SECRET,
  client: { token_endpoint_auth_method: "client_secret_basic" },
  checks: ["pkce", "state"],
  idToken: false,
  authorization: { params: { scope: requestedScope, resource: env.RESOURCE_API_URL } },
  userinfo: {
    url: `${env.RESOURCE_API_URL}/me`,
    async request({ tokens }) {
      if (!tokens.access_token) throw new Error("The token response has no access token.");
      try {
        return await fetchProfile(tokens.access_token);
      } catch (error) {
        // The sign-in fails here and next-auth drops the tokens: give the refresh token back, so
        // the grant does not linger at PhotoCloud.
        if (tokens.refresh_token) await revokeAtPhotoCloud(tokens.refresh_token, "after a failed sign-in");
        throw error;
      }
    },
  },
  profile(profile) {
    return { id: profile.sub, name: profile.name, username: profile.username };
  },
};

import { metadataUrl } from "@seven-steps/protocol";
import { weakDemoClientId } from "@seven-steps/story";
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

/**
 * The attack lab's weak sign-in at PrintShop, for its code injection card (`callback-state`):
 * PhotoCloud as above, through the weak demo client, with next-auth's `checks` set to none, so
 * that PrintShop's callback for it accepts an answer this browser never asked for.
 *
 * Why this switch, of the ones there are: next-auth enforces the state and PKCE binding inside
 * its callback, from the provider's `checks` option, and offers no other hook. Switching it by
 * request (options built per request) would let whoever sends the request choose; wrapping the
 * callback to strip the cookies would be a second, hand-made copy of the check. A provider of its
 * own keeps PrintShop's sign-in as it is for everyone, with the weakness at a callback URL of its
 * own (`/api/auth/callback/printshop-weak`), which exists only while the apps run for the lab, for
 * a client (the weak demo client) whose registration says so. Without the PKCE verifier, the
 * authorization server must also let that client's codes through without one (its `pkce-verifier`
 * switch): PKCE is the other half of this defence (RFC 9700 §4.7.1).
 *
 * The provider differs from PrintShop's in nothing else but the client it signs in as (public,
 * as the weak demo client is registered). Its tokens are refreshed and revoked with PrintShop's
 * credentials, which fails: such a session ends when its access token expires.
 */
export const weakSignInProvider: OAuthConfig<PhotoCloudProfile> = {
  ...photoCloudProvider,
  id: weakDemoClientId,
  name: "PhotoCloud, through the weak demo client",
  clientId: weakDemoClientId,
  clientSecret: undefined,
  client: { token_endpoint_auth_method: "none" },
  checks: ["none"],
};

/** The sign-ins next-auth offers: PrintShop's, and the weak one while the attack lab may switch defences off. */
export const signInProviders: OAuthConfig<PhotoCloudProfile>[] = env.ATTACK_LAB_WEAKENING
  ? [photoCloudProvider, weakSignInProvider]
  : [photoCloudProvider];

/** Whether a provider's callback checks that the answer belongs to this browser's sign-in (next-auth's state and PKCE cookies). */
export function checksCallbackBinding(provider: OAuthConfig<PhotoCloudProfile> | undefined): boolean {
  if (!provider) return false;
  // next-auth checks the state when a provider names no checks.
  const checks = [provider.checks ?? "state"].flat();
  return checks.includes("state") || checks.includes("pkce");
}

/** The sign-in whose callback a path of next-auth's is, if any: `/api/auth/callback/<provider id>`. */
export function signInProviderOfCallback(pathname: string): OAuthConfig<PhotoCloudProfile> | undefined {
  const match = /^\/api\/auth\/callback\/([\w-]+)$/.exec(pathname);
  return match ? signInProviders.find((provider) => provider.id === match[1]) : undefined;
}

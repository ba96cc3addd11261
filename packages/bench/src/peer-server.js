// The peer: panva's oidc-provider (OpenID Certified), configured as close to PhotoCloud Accounts
// as it goes for the client_credentials grant: client_secret_basic, and RFC 9068 JWT access tokens
// signed with ES256. Its store is the default, in memory.
//   node peer-server.js <port>     (PEER_CLIENT_ID and PEER_CLIENT_SECRET in the environment)
import { exportJWK, generateKeyPair } from "jose";
import Provider from "oidc-provider";

const port = Number(process.argv[2]);
const issuer = `http://localhost:${port}`;
const resource = "http://localhost/peer-api";

const { privateKey } = await generateKeyPair("ES256", { extractable: true });
const signingKey = { ...(await exportJWK(privateKey)), alg: "ES256", use: "sig", kid: "peer-es256" };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.PEER_CLIENT_ID,
      client_secret: process.env.PEER_CLIENT_SECRET,
      grant_types: ["client_credentials"],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: "client_secret_basic",
      // Its only key is ES256; the default, RS256, would have no key to sign with.
      id_token_signed_response_alg: "ES256",
    },
  ],
  jwks: { keys: [signingKey] },
  scopes: ["photos:read"],
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resource,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: "photos:read",
        audience: resource,
        accessTokenTTL: 600,
        accessTokenFormat: "jwt",
        jwt: { sign: { alg: "ES256" } },
      }),
    },
  },
  ttl: { ClientCredentials: 600 },
  cookies: { keys: ["peer-benchmark-cookie-key"] },
});

provider.listen(port, () => console.info(`oidc-provider ready on ${issuer}`));

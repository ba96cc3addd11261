// The demo data of the photo story: read by the seed (prisma/seed.ts), the welcome banner, the
// sign-in page in demo mode, and the tests.
import { clientScopedDefenceIds, weakDemoClientId } from "@seven-steps/story";

/** alice and bob are the story's users; mallory is the attacker of the attack lab, with an account of her own. */
export const demoUsers = [
  { username: "alice", password: "wonderland", name: "Alice Liddell" },
  { username: "bob", password: "builder", name: "Bob the Builder" },
  { username: "mallory", password: "mischief", name: "Mallory" },
] as const;

/** PrintShop, the client app on port 3000: a confidential client that uses next-auth. */
export const demoClient = {
  id: "printshop",
  name: "PrintShop",
  secret: "printshop-demo-secret",
  tokenEndpointAuthMethod: "client_secret_basic",
  allowedScopes: "profile photos:read photos:write",
  allowedGrantTypes: "authorization_code refresh_token",
  redirectUris: ["http://localhost:3000/api/auth/callback/authorization-server"],
};

/**
 * The step-through lab in PrintShop (/lab): a public client, with no secret, as a browser app is.
 * PKCE is what protects its codes.
 */
export const demoLabClient = {
  id: "printshop-lab",
  name: "PrintShop Lab",
  tokenEndpointAuthMethod: "none",
  allowedScopes: "profile photos:read photos:write",
  allowedGrantTypes: "authorization_code refresh_token",
  redirectUris: ["http://localhost:3000/lab/callback"],
};

/**
 * The attack lab's weak demo client: a public client like the lab, whose registration switches
 * off every defence of the catalogue that is scoped to a client. The switch is honoured only
 * while the apps run with ATTACK_LAB_WEAKENING=true, so the client is harmless otherwise. Its
 * redirect URIs are PrintShop's page that plays "alice's app" for the attack lab, and the callback
 * of PrintShop's weak sign-in, the next-auth provider of the same id that PrintShop adds only
 * while weakening is on (apps/client/src/auth/weak-provider.ts).
 */
export const demoWeakClient = {
  id: weakDemoClientId,
  name: "PrintShop (weak demo client)",
  tokenEndpointAuthMethod: "none",
  allowedScopes: "profile photos:read photos:write",
  allowedGrantTypes: "authorization_code refresh_token",
  redirectUris: ["http://localhost:3000/attack-lab/victim", `http://localhost:3000/api/auth/callback/${weakDemoClientId}`],
  weakenedDefences: clientScopedDefenceIds.join(" "),
};

/**
 * Mallory's Prints API, the attack lab's look-alike print service: a resource server registered
 * at PhotoCloud like any other (RFC 8707), at this path of Mallory's app (ATTACKER_URL). Tokens
 * alice's app gets for it name it in `aud`; the PhotoCloud API refuses them (attack 8).
 */
export const demoMallorysResourceServer = {
  path: "/api/prints",
  name: "Mallory's Prints API",
  scopes: "photos:read",
};

/**
 * The PhotoCloud API's credentials at the authorization server: it may ask the introspection
 * endpoint about tokens (RFC 7662), and may not obtain any.
 */
export const demoResourceServerClient = {
  id: "photocloud-api",
  name: "PhotoCloud API",
  secret: "photocloud-api-demo-secret",
  tokenEndpointAuthMethod: "client_secret_basic",
  allowedScopes: "",
  allowedGrantTypes: "",
  canIntrospect: true,
};

export const demoPhotos = [
  { id: "4c6f0f52-0b1e-4d55-9a53-2f0a9a6c1a01", owner: "alice", title: "The Mad Hatter's tea party", motif: "teacup", palette: "rose", takenAt: new Date("2026-03-14T16:00:00Z") },
  { id: "4c6f0f52-0b1e-4d55-9a53-2f0a9a6c1a02", owner: "alice", title: "The white rabbit, late again", motif: "clock", palette: "sky", takenAt: new Date("2026-04-02T09:30:00Z") },
  { id: "4c6f0f52-0b1e-4d55-9a53-2f0a9a6c1a03", owner: "alice", title: "The Queen's rose garden", motif: "flower", palette: "crimson", takenAt: new Date("2026-05-21T11:15:00Z") },
  { id: "4c6f0f52-0b1e-4d55-9a53-2f0a9a6c1a04", owner: "alice", title: "Through the looking-glass", motif: "mirror", palette: "violet", takenAt: new Date("2026-06-30T20:45:00Z") },
  { id: "9b3e2d71-5c4a-4f08-8e6b-7d1c0b2a3b01", owner: "bob", title: "Scaffolding at sunrise", motif: "scaffold", palette: "amber", takenAt: new Date("2026-02-09T06:50:00Z") },
  { id: "9b3e2d71-5c4a-4f08-8e6b-7d1c0b2a3b02", owner: "bob", title: "A crane over the river", motif: "crane", palette: "teal", takenAt: new Date("2026-07-18T13:05:00Z") },
  { id: "9b3e2d71-5c4a-4f08-8e6b-7d1c0b2a3b03", owner: "bob", title: "Bricks, neatly stacked", motif: "bricks", palette: "terracotta", takenAt: new Date("2026-09-01T17:40:00Z") },
  // Mallory's own, so that a session holding her account shows it.
  { id: "6d0a1f3e-8b27-4c9e-a5d4-3e7f2c1b9a01", owner: "mallory", title: "A look-alike shop window", motif: "mirror", palette: "crimson", takenAt: new Date("2026-10-31T19:00:00Z") },
];

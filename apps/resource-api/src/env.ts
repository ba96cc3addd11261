import { attackLabWeakening, refuseWeakeningInProduction } from "@seven-steps/config/attack-lab";
import { requireHttpsBeyondThisMachine, workshopHost } from "@seven-steps/config/workshop";
import { databaseUrl, httpBaseUrl, loadEnvironment, secret } from "@seven-steps/config/env";
import { defaultDatabaseUrl } from "@seven-steps/db";
import { z } from "zod";

const schema = z.object({
  /** The SQLite database shared by the three apps; this one reads only its own tables. */
  DATABASE_URL: databaseUrl.default(defaultDatabaseUrl),
  /** This API's identifier: access tokens must name it in `aud` (RFC 9068 §4). */
  RESOURCE_API_URL: httpBaseUrl.default("http://localhost:3002"),
  /** The only issuer whose tokens this API accepts (RFC 9068 §4). */
  AUTHORIZATION_SERVER_ISSUER: httpBaseUrl.default("http://localhost:3001"),
  /** The client app's origin: the only origin browsers may call this API from (CORS). */
  CLIENT_APP_URL: httpBaseUrl.default("http://localhost:3000"),
  /**
   * Mallory's app, the attack lab: the inspector takes an attack run's id from a Referer only on
   * her pages or PrintShop's (packages/inspector/src/sender.ts).
   */
  ATTACKER_URL: httpBaseUrl.default("http://localhost:3003"),
  /**
   * How access tokens are checked: `local` verifies the JWT here, against the published keys;
   * `introspection` asks the authorization server about every token (RFC 7662). A revoked token
   * fails at once with introspection, and only when it expires with local validation.
   */
  TOKEN_VALIDATION: z.enum(["local", "introspection"], "must be local or introspection").default("local"),
  /** The API's own credentials at the authorization server, for introspection. */
  INTROSPECTION_CLIENT_ID: z.string().min(1, "must not be empty").default("photocloud-api"),
  INTROSPECTION_CLIENT_SECRET: secret(z.string().min(1, "must not be empty").default("photocloud-api-demo-secret")),
  /** At least this long between two fetches of the JWKS caused by an unknown `kid`. */
  JWKS_REFETCH_COOLDOWN_SECONDS: z.coerce.number().int().min(0, "must be 0 or more seconds").default(30),
  /**
   * The key of the DPoP nonces the API hands out and demands (RFC 9449 §9): the same on every
   * instance, so that each accepts the others'. Unset, a random one per process.
   */
  DPOP_NONCE_SECRET: secret(z.string().min(32, "must be at least 32 characters").optional()),
  /** Record the protocol messages for the inspector ("How this worked"). Switch off in production. */
  RECORD_PROTOCOL_MESSAGES: z.enum(["true", "false"], "must be true or false").default("true").transform((value) => value === "true"),
  /**
   * Lets the attack lab switch single defences off (packages/config/attack-lab.ts). Off unless
   * started with `npm run dev:lab` or `npm run start:lab`; refused in a production configuration.
   */
  ATTACK_LAB_WEAKENING: attackLabWeakening,
  /**
   * The room's address in workshop mode (`npm run workshop -- --host <address>`): plain http is
   * then allowed there, under a banner (packages/config/workshop.ts).
   */
  WORKSHOP_HOST: workshopHost,
})
  .superRefine(refuseWeakeningInProduction)
  .superRefine(requireHttpsBeyondThisMachine);

export const env = loadEnvironment("resource-api", schema, process.env);

import { attackLabWeakening, refuseWeakeningInProduction } from "@seven-steps/config/attack-lab";
import { requireHttpsBeyondThisMachine, workshopHost } from "@seven-steps/config/workshop";
import { databaseUrl, httpBaseUrl, loadEnvironment, secret } from "@seven-steps/config/env";
import { defaultDatabaseUrl } from "@seven-steps/db";
import { z } from "zod";

const seconds = z.coerce.number().int("must be a whole number of seconds").positive("must be more than 0 seconds");

const schema = z.object({
  /** The SQLite database shared by the three apps. */
  DATABASE_URL: databaseUrl.default(defaultDatabaseUrl),
  /**
   * The issuer identifier: the `iss` of every token and authorization response, and the base of
   * the metadata URL (RFC 8414 §2).
   */
  ISSUER: httpBaseUrl.default("http://localhost:3001"),
  /** The resource API's identifier, the `aud` of the access tokens (RFC 9068 §3). */
  RESOURCE_API_URL: httpBaseUrl.default("http://localhost:3002"),
  /** Where the client app runs, for the links between the apps. */
  CLIENT_APP_URL: httpBaseUrl.default("http://localhost:3000"),
  /**
   * Mallory's app, the attack lab: the inspector takes an attack run's id from a Referer only on
   * her pages or PrintShop's (packages/inspector/src/sender.ts).
   */
  ATTACKER_URL: httpBaseUrl.default("http://localhost:3003"),
  /** Lifetime of access tokens. Tests shorten it to watch a refresh happen. */
  ACCESS_TOKEN_TTL_SECONDS: seconds.default(600),
  /** Lifetime of each refresh token; every rotation starts a new one. */
  REFRESH_TOKEN_TTL_SECONDS: seconds.default(14 * 24 * 3600),
  /** Lifetime of authorization codes. RFC 6749 §4.1.2 recommends at most 10 minutes; we allow 60 seconds. */
  AUTHORIZATION_CODE_TTL_SECONDS: seconds.max(60, "must be at most 60 seconds").default(60),
  /**
   * Lifetime of a pushed authorization request's `request_uri` (RFC 9126 §2.2: "typically between
   * 5 and 600 seconds"). The request travels by reference through sign-in and consent, so this
   * bounds them too.
   */
  PUSHED_AUTHORIZATION_REQUEST_TTL_SECONDS: seconds.max(600, "must be at most 600 seconds").default(90),
  /** How long a sign-in at this server lasts. */
  SESSION_TTL_SECONDS: seconds.default(8 * 3600),
  /**
   * The initial access token that dynamic client registration requires (RFC 7591 §3). Without it,
   * registration is open, which suits a workshop and nothing else.
   */
  REGISTRATION_ACCESS_TOKEN: secret(z.string().min(16, "must be at least 16 characters").optional()),
  /**
   * The key of the DPoP nonces this server hands out (RFC 9449 §8): the same on every instance,
   * so that each accepts the others' nonces. Unset, a random one per process.
   */
  DPOP_NONCE_SECRET: secret(z.string().min(32, "must be at least 32 characters").optional()),
  /**
   * Whether every DPoP proof at the token endpoint must carry a nonce of this server's
   * (`use_dpop_nonce`, RFC 9449 §8). A nonce a proof carries is checked either way.
   */
  DPOP_REQUIRE_NONCE: z.enum(["true", "false"], "must be true or false").default("false").transform((value) => value === "true"),
  /** Demo mode shows the demo accounts on the sign-in page. */
  DEMO_MODE: z.enum(["true", "false"], "must be true or false").default("true").transform((value) => value === "true"),
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
  /**
   * The workshop code `npm run workshop:setup` sets when it is given no `--code`
   * (src/workshop/workshop-code.ts). Read by that command only.
   */
  WORKSHOP_CODE: secret(z.string().optional()),
  /**
   * The instructor's password that `npm run workshop:setup` sets; without it, a new instructor
   * account gets a generated one, printed once. Read by that command only.
   */
  WORKSHOP_INSTRUCTOR_PASSWORD: secret(z.string().optional()),
})
  .superRefine(refuseWeakeningInProduction)
  .superRefine(requireHttpsBeyondThisMachine);

export const env = loadEnvironment("authorization-server", schema, process.env);

/** Set by Next.js: development relaxes the Content-Security-Policy for hot reloading. */
export const isDevelopment = process.env.NODE_ENV !== "production";

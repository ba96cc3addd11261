import { attackLabWeakening, refuseWeakeningInProduction } from "@seven-steps/config/attack-lab";
import { requireHttpsBeyondThisMachine, workshopHost } from "@seven-steps/config/workshop";
import { databaseUrl, httpBaseUrl, loadEnvironment, secret } from "@seven-steps/config/env";
import { defaultDatabaseUrl } from "@seven-steps/db";
import { randomBytes } from "node:crypto";
import { z } from "zod";

const schema = z.object({
  /** The SQLite database shared by the three apps; the client reads only its own table. */
  DATABASE_URL: databaseUrl.default(defaultDatabaseUrl),
  /** Where this app runs: the base of its redirect URI. */
  CLIENT_APP_URL: httpBaseUrl.default("http://localhost:3000"),
  /** The authorization server this client trusts, by its issuer identifier (RFC 8414 §2). */
  AUTHORIZATION_SERVER_ISSUER: httpBaseUrl.default("http://localhost:3001"),
  /** The resource server holding the user's photos. */
  RESOURCE_API_URL: httpBaseUrl.default("http://localhost:3002"),
  /**
   * Mallory's app, the attack lab's attacker: the page that plays alice's app for the lab hands
   * what leaks from it to the lab's tab at this origin, and to no other.
   */
  ATTACKER_URL: httpBaseUrl.default("http://localhost:3003"),
  /** PrintShop's registration at the authorization server. The defaults are the demo's, public on purpose. */
  CLIENT_ID: z.string().min(1, "must not be empty").default("printshop"),
  CLIENT_SECRET: secret(z.string().min(1, "must not be empty").default("printshop-demo-secret")),
  /**
   * Encrypts next-auth's session cookie and the tokens stored on the server. Without it, a random
   * one is made when the app starts: every session ends when the app restarts, and a second
   * instance could read neither the first's cookies nor its stored tokens.
   */
  NEXTAUTH_SECRET: secret(z.string().min(32, "must be at least 32 characters").optional()),
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

export const env = loadEnvironment("client", schema, process.env);

/** Set by Next.js: development relaxes the Content-Security-Policy for hot reloading. */
export const isDevelopment = process.env.NODE_ENV !== "production";

const generated = globalThis as { printShopGeneratedSecret?: string };
if (!env.NEXTAUTH_SECRET && !generated.printShopGeneratedSecret) {
  generated.printShopGeneratedSecret = randomBytes(32).toString("base64url");
  console.info(
    "client: NEXTAUTH_SECRET is not set; using a random secret, so sessions end when the app restarts. Set it, the same for every instance, to run more than one.",
  );
}

/** The secret next-auth and the token vault use. */
export const sessionSecret: string = env.NEXTAUTH_SECRET ?? generated.printShopGeneratedSecret!;

// next-auth reads its own address from NEXTAUTH_URL; it is this app's address.
process.env.NEXTAUTH_URL = env.CLIENT_APP_URL;

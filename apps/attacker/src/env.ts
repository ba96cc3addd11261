import { attackLabWeakening, refuseWeakeningInProduction } from "@seven-steps/config/attack-lab";
import { requireHttpsBeyondThisMachine, workshopHost } from "@seven-steps/config/workshop";
import { databaseUrl, httpBaseUrl, loadEnvironment } from "@seven-steps/config/env";
import { defaultDatabaseUrl } from "@seven-steps/db";
import { z } from "zod";

const schema = z.object({
  /** The database the apps share; Mallory's app only reads the inspector's records of her runs. */
  DATABASE_URL: databaseUrl.default(defaultDatabaseUrl),
  /** Where Mallory's app runs: her pages, her API, her authorization server for the mix-up. */
  ATTACKER_URL: httpBaseUrl.default("http://localhost:3003"),
  /** PhotoCloud's authorization server, the one Mallory attacks. */
  ISSUER: httpBaseUrl.default("http://localhost:3001"),
  /** The PhotoCloud API, where alice's photos are. */
  RESOURCE_API_URL: httpBaseUrl.default("http://localhost:3002"),
  /** PrintShop, whose users Mallory targets. */
  CLIENT_APP_URL: httpBaseUrl.default("http://localhost:3000"),
  /**
   * Whether the lab offers "Run it with the defence switched off" (packages/config/attack-lab.ts).
   * The same variable, given to every app, is what makes the apps honour it; refused in a
   * production configuration.
   */
  ATTACK_LAB_WEAKENING: attackLabWeakening,
  /** Whether the apps record protocol messages: the lab shows a run's messages from those records. */
  RECORD_PROTOCOL_MESSAGES: z.enum(["true", "false"], "must be true or false").default("true").transform((value) => value === "true"),
  /**
   * The room's address in workshop mode (`npm run workshop -- --host <address>`): plain http is
   * then allowed there, under a banner (packages/config/workshop.ts).
   */
  WORKSHOP_HOST: workshopHost,
})
  .superRefine(refuseWeakeningInProduction)
  .superRefine(requireHttpsBeyondThisMachine);

export const env = loadEnvironment("attacker", schema, process.env);

/** Set by Next.js: development relaxes the Content-Security-Policy for hot reloading. */
export const isDevelopment = process.env.NODE_ENV !== "production";

/**
 * The only origins Mallory's server ever sends a request to: the apps of this repository, as
 * configured. Anything else is refused before it leaves (src/mallory/http.ts).
 */
export const targetOrigins: ReadonlySet<string> = new Set(
  [env.ISSUER, env.RESOURCE_API_URL, env.CLIENT_APP_URL, env.ATTACKER_URL].map((url) => new URL(url).origin),
);

import { z } from "zod";
import { isLoopbackHost, publicUrlsOf, type PublicUrls } from "./public-urls.ts";

/**
 * `ATTACK_LAB_WEAKENING`: `true` lets the attack lab switch single defences off (for the weak
 * demo client, or for one request that asks), so that a learner sees an attack succeed. Off by
 * default; `npm run dev:lab` and `npm run start:lab` switch it on. Every app reads it through
 * this member, and wraps its schema in {@link refuseWeakeningInProduction}.
 */
export const attackLabWeakening = z
  .enum(["true", "false"], "must be true or false")
  .default("false")
  .transform((value) => value === "true");

/** What the refusal reads of an app's parsed configuration; each app has only some of it. */
type Configuration = { ATTACK_LAB_WEAKENING: boolean; DEMO_MODE?: boolean; RECORD_PROTOCOL_MESSAGES?: boolean; WORKSHOP_HOST?: string } &
  PublicUrls;

/** Each sign that this configuration is a real deployment, in words; none for the demo on one machine. */
function productionSigns(configuration: Configuration): string[] {
  const signs: string[] = [];
  for (const { variable, url } of publicUrlsOf(configuration)) {
    // The origin alone: whatever else a URL carries (a password) stays out of the message.
    if (url.protocol === "https:") signs.push(`${variable} is ${url.origin}, served over https`);
    else if (!isLoopbackHost(url.hostname)) signs.push(`${variable} is ${url.origin}, not on localhost or a loopback address`);
  }
  if (configuration.DEMO_MODE === false) signs.push("DEMO_MODE is false");
  if (configuration.RECORD_PROTOCOL_MESSAGES === false) signs.push("RECORD_PROTOCOL_MESSAGES is false");
  if (configuration.WORKSHOP_HOST !== undefined) signs.push(`WORKSHOP_HOST is set: a room of attendees shares this server`);
  return signs;
}

/**
 * Refuses `ATTACK_LAB_WEAKENING=true` when the rest of the configuration says production: a
 * public URL served over https or on a host other than this machine, demo mode off, or the
 * inspector's recording off. A server that can switch its defences off must never be one that
 * real users reach, so the app does not start, and says why. Use it as the `superRefine` of the
 * app's schema, which `loadEnvironment` then reports like any other bad variable:
 *
 *     authorization-server cannot start, its configuration is invalid:
 *       ATTACK_LAB_WEAKENING: switches defences off and is refused where the configuration says
 *       production: ISSUER is https://photos.example, served over https (got "true")
 */
export function refuseWeakeningInProduction(configuration: Configuration, context: z.RefinementCtx): void {
  if (!configuration.ATTACK_LAB_WEAKENING) return;
  const signs = productionSigns(configuration);
  if (signs.length === 0) return;
  context.addIssue({
    code: "custom",
    path: ["ATTACK_LAB_WEAKENING"],
    message: `switches defences off and is refused where the configuration says production: ${signs.join("; ")}`,
  });
}

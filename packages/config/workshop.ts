import { z } from "zod";
import { isLoopbackHost, publicUrlsOf, type PublicUrls } from "./public-urls.ts";

/**
 * `WORKSHOP_HOST`: the address of the room's network this machine serves a workshop on, such as
 * `192.168.1.20` (README "Running a workshop"). Set by `npm run workshop -- --host <address>`;
 * unset everywhere else. While it is set, the apps may be reached over plain http at that
 * address, and every page says so.
 */
export const workshopHost = z
  .string()
  .regex(/^([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])$/, "must be a host name or an IP address, without a scheme or port")
  .optional();

/** What the workshop rules read of an app's parsed configuration; each app has some of it. */
export type WorkshopConfiguration = PublicUrls & { WORKSHOP_HOST?: string };

/**
 * Requires https for every public URL that leaves this machine. OAuth's every message carries a
 * secret (a code, a token, a password), which plain http hands to anyone on the network: the
 * authorization and token endpoints "MUST" use TLS (RFC 6749 §3.1, §3.2), and so must requests
 * with a Bearer token (RFC 6750 §5.3). Loopback addresses never leave the machine. The one
 * exception is a workshop room: the address of `WORKSHOP_HOST`, where the risk is accepted for an
 * hour on a room's network, and shown on every page. Use it as a `superRefine` of an app's schema.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.1.1
 */
export function requireHttpsBeyondThisMachine(configuration: WorkshopConfiguration, context: z.RefinementCtx): void {
  for (const { variable, url } of publicUrlsOf(configuration)) {
    if (url.protocol === "https:" || isLoopbackHost(url.hostname)) continue;
    if (configuration.WORKSHOP_HOST !== undefined && url.hostname === configuration.WORKSHOP_HOST) continue;
    context.addIssue({
      code: "custom",
      path: [variable],
      message:
        `${url.origin} is plain http on an address beyond this machine, where codes, tokens and passwords would cross ` +
        `the network unencrypted: use https, or for a workshop on a room's network, npm run workshop -- --host ${url.hostname}`,
    });
  }
}

/**
 * The public URLs a workshop serves over plain http beyond this machine, for the banner every
 * page shows in workshop mode. Empty outside workshop mode. (On a loopback stand-in for a room's
 * address, as in the tests, the URLs are listed all the same: the banner shows what a room sees.)
 */
export function plainHttpRoomOrigins(configuration: WorkshopConfiguration): string[] {
  if (configuration.WORKSHOP_HOST === undefined) return [];
  return publicUrlsOf(configuration)
    .filter(({ url }) => url.protocol === "http:" && url.hostname === configuration.WORKSHOP_HOST)
    .map(({ url }) => url.origin);
}

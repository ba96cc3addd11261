import "server-only";
import { securityHeaders } from "@seven-steps/config/security-headers";
import { rfcSection, type Check, type CheckTrail } from "@seven-steps/protocol";
import { isDevelopment } from "@/env";
import { isWeakened } from "@/oauth/weakened-defences";
import type { RegisteredClient } from "@/storage/clients";

/**
 * The consent page may not be shown inside another site's page. Every page of this server sends
 * the same headers (next.config.ts); the consent page gets them here, from src/proxy.ts, because
 * the attack lab may switch this one defence off for its weak demo client.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.16
 */
export const consentPageForbidsFraming: Check = {
  checkedBy: "authorization-server",
  rule: "the consent page forbids framing (Content-Security-Policy frame-ancestors 'none', X-Frame-Options DENY)",
  why: "A page of another site could show it in an invisible frame under a decoy button, so that the user clicks Allow without seeing it (clickjacking).",
  see: rfcSection(9700, "4.16"),
  source: "apps/authorization-server/src/consent/framing.ts",
};

/** Fetch metadata (Sec-Fetch-Dest) says the browser asked for the page to show inside a frame. */
export function isAskedForInAFrame(request: Request): boolean {
  const destination = request.headers.get("sec-fetch-dest");
  return destination === "iframe" || destination === "frame";
}

/**
 * The security headers of the consent page for `client` (null: not a registered client, whose
 * page shows an error). A request for the page inside a frame is recorded as refused: the browser
 * will not show it. (Fetch metadata only lets this server see the attempt; the headers stop it.)
 */
export function consentPageHeaders(
  request: Request,
  client: Pick<RegisteredClient, "weakenedDefences"> | null,
  trail: CheckTrail,
): { key: string; value: string }[] {
  // The attack lab (attack 9) lets its weak demo client's consent page be framed, while weakening is on.
  if (client && isWeakened("consent-frame-ancestors", client)) {
    if (isAskedForInAFrame(request)) {
      trail.switchedOff(
        consentPageForbidsFraming,
        `Sec-Fetch-Dest: ${request.headers.get("sec-fetch-dest")}: another page asked for the consent page inside a frame, and the attack lab's consent-frame-ancestors switch sent it without frame-ancestors or X-Frame-Options, so the browser shows it there.`,
      );
    }
    return securityHeaders({ development: isDevelopment, allowFraming: true });
  }
  trail.holds(
    consentPageForbidsFraming,
    !isAskedForInAFrame(request),
    `Sec-Fetch-Dest: ${request.headers.get("sec-fetch-dest")}: another page asked for the consent page inside a frame; it answered with frame-ancestors 'none' and X-Frame-Options: DENY, so the browser shows nothing there.`,
  );
  return securityHeaders({ development: isDevelopment });
}

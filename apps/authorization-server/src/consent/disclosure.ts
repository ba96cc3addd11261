import "server-only";
import { defineCheck, rfcSection } from "@seven-steps/protocol";
import type { RegisteredClient } from "@/storage/clients";

/** What the consent screen must tell about the client before the user decides. */
export interface ClientDisclosure {
  /** The client registered itself (RFC 7591): nobody reviewed its name. */
  selfRegistered: boolean;
  /** The host the user is sent to, whatever they choose. */
  redirectHost: string;
}

/**
 * The consent screen says whether the client registered itself, and names the host the answer
 * goes to. Anyone can register a client under any name (RFC 7591 §5): "PrintShop" may be
 * Mallory's. The screen cannot tell a look-alike from the real one; the user, told this much,
 * can. app/consent/page.tsx shows what this returns.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.2
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-5
 */
export const discloseClient = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "the consent screen says when a client registered itself, unreviewed, and names the host it redirects to",
    why: "Anyone can register a client under any name (RFC 7591 §5); a user who knows nobody vetted it, and where the answer goes, can refuse a look-alike.",
    see: rfcSection(6749, "10.2"),
    source: "apps/authorization-server/src/consent/disclosure.ts",
  },
  (client: Pick<RegisteredClient, "selfRegistered">, redirectUri: string): ClientDisclosure => ({
    selfRegistered: client.selfRegistered,
    redirectHost: new URL(redirectUri).host,
  }),
);

import { DefenceSwitchedOff, defineCheck, rfcSection } from "../checks/check.ts";
import { InvalidToken } from "./errors.ts";

/**
 * For the attack lab only: whether the resource server was asked to switch a defence off for the
 * request at hand (the one of `packages/story/src/weakenable-defences.ts` that this package
 * enforces). The resource server answers it, and answers no unless it was started for the lab.
 */
export type IsWeakened = (defence: "audience") => boolean;

/**
 * The token names this resource server in `aud`. An authorization server issues a token for the
 * resource the client asked for (RFC 8707); a token meant for another API reaches that API
 * legitimately, and whoever runs it could replay it here, were `aud` not checked.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.3
 */
export const checkAudience = defineCheck(
  {
    checkedBy: "resource-server",
    rule: "the token's aud names this API",
    why: "A token meant for another resource server (one of Mallory's, say) is refused here: whoever received it there cannot replay it.",
    see: rfcSection(9068, "4"),
    source: "packages/protocol/src/resource-server/audience.ts",
  },
  (aud: unknown, audience: string, isWeakened?: IsWeakened): void => {
    const audiences: unknown[] = Array.isArray(aud) ? aud : [aud];
    if (audiences.includes(audience)) return;
    // The attack lab's switch (attack 8, a token meant for Mallory's API replayed here): with it
    // on, this one request is let through, to show what the check prevents.
    if (isWeakened?.("audience")) throw new DefenceSwitchedOff("The token is meant for another resource server, and the attack lab's audience switch let this request through.");
    throw new InvalidToken("The access token is meant for another resource server.");
  },
);

import "server-only";
import { rfcSection } from "@seven-steps/protocol";
import { labAttack } from "@seven-steps/story";
import { decodeProtectedHeader } from "jose";
import { forgeAccessTokens } from "@/mallory/forgeries";
import { photoTitlesFor } from "@/mallory/loot";
import { mallorysOwnTokens, publishedKeys } from "@/mallory/own-account";
import { MissingPrerequisite, type Attack } from "./attack";

/**
 * What Mallory puts in `sub`. A real attacker copies the victim's from any token of hers she has
 * seen (a JWT's payload is readable by whoever holds it); the lab has none of alice's to show her,
 * and it makes no difference here: the signature covers every byte of the payload.
 */
const alicesSub = "alice";

/**
 * Attack 11: forged access tokens at the PhotoCloud API. Mallory has a real token of her own
 * and the authorization server's public key; she tries the four classic forgeries of a JWT, each
 * of which some JWT library once accepted.
 */
export const forgedTokens: Attack = {
  ...labAttack("forged-tokens"),
  story: {
    wants: "alice's photos, with an access token she makes herself instead of one PhotoCloud issued for alice.",
    has: "her own PhotoCloud account (mallory / mischief), so a real access token of her own, and PhotoCloud's public signing key, which anyone may download from its JWKS.",
  },
  steps: [
    "Mallory signs in to PhotoCloud as herself, from her server, and gets a real access token for her own photos.",
    "She downloads PhotoCloud's public key from the JWKS that its metadata names.",
    "She makes four tokens that name alice as their subject: one with alg none and no signature; one signed with HS256, the public key as the HMAC secret; one signed by a key of her own under PhotoCloud's kid; and her real token with its sub edited and its signature kept.",
    "She asks the PhotoCloud API for alice's photos with each.",
  ],
  defence: {
    summary:
      "Strict validation: the API accepts only ES256 signatures by the issuer's published key, chosen by kid, over the whole token, with typ at+jwt; the header's alg is never trusted.",
    see: [rfcSection(8725, "3.1"), rfcSection(8725, "2.1"), rfcSection(9068, "4")],
  },
  needsVictimBrowser: false,
  phases: {
    async run({ mallory }) {
      const { access_token: mallorysToken } = await mallorysOwnTokens(mallory, "photos:read");
      const own = await photoTitlesFor(mallory, mallorysToken);
      if (!own.titles) throw new MissingPrerequisite(`The PhotoCloud API refused Mallory's own, real token (${own.status}).`);
      const kid = decodeProtectedHeader(mallorysToken).kid;
      const key = (await publishedKeys(mallory)).find((published) => published.kid === kid);
      if (!key) throw new MissingPrerequisite("The key that signed Mallory's own token is not in PhotoCloud's JWKS.");

      const answers = [];
      const stolen: string[] = [];
      for (const { label, token } of await forgeAccessTokens(mallorysToken, key, alicesSub)) {
        const { status, body, titles } = await photoTitlesFor(mallory, token);
        answers.push({ label, status, body });
        if (titles) stolen.push(...titles);
      }
      const accepted = answers.filter((answer) => answer.status < 400).length;
      return {
        outcome: {
          verdict: accepted > 0 ? "succeeded" : "refused",
          summary:
            accepted > 0
              ? `The PhotoCloud API accepted ${accepted} of Mallory's four forged tokens.`
              : `Mallory's own token got her own photos (${own.titles.join(", ")}); the PhotoCloud API refused all four forged ones.`,
          answers,
          ...(stolen.length > 0 ? { loot: stolen } : {}),
        },
      };
    },
  },
};

import "server-only";
import { fetchWithDpopProof, generateDpopKeyPair, rfcSection } from "@seven-steps/protocol";
import { labAttack } from "@seven-steps/story";
import { env } from "@/env";
import { photoTitlesFor, readBody } from "@/mallory/loot";
import type { Attack } from "./attack";

/**
 * Attack 7: a stolen access token, replayed from Mallory's machine. A Bearer token works for
 * whoever holds it; a DPoP-bound one only with a proof signed by the key it is bound to, which
 * never left alice's app.
 */
export const stolenAccessToken: Attack = {
  ...labAttack("stolen-access-token"),
  story: {
    wants: "alice's photos, with an access token alice's app holds.",
    has: "two of alice's app's access tokens, stolen (a log, a compromised proxy, a browser extension): a Bearer token and, later, a DPoP-bound one. The lab hands them to her, as a leak would. She does not have the app's DPoP private key: it was made non-extractable, so not even the app can read it.",
  },
  steps: [
    "alice's app (PrintShop's weak demo client) gets a Bearer access token for alice's photos; it leaks to Mallory.",
    "Mallory sends it to the PhotoCloud API from her own server. A bearer token works for whoever holds it: she gets alice's photos. That is why bearer tokens are short-lived and must be kept secret.",
    "alice's app gets a second token, this time bound to a DPoP key of its own (a non-extractable WebCrypto key); it leaks too, without the key.",
    "Mallory replays the bound token as a Bearer token, then as a DPoP token with a proof signed by a key of her own.",
  ],
  defence: {
    summary:
      "Sender-constrained tokens: a DPoP-bound token (cnf.jkt) is accepted only with a proof signed by the key it is bound to; a bound token sent as Bearer is refused.",
    see: [rfcSection(9449, "7.1"), rfcSection(9449, "7.2"), rfcSection(6750, "5.2"), rfcSection(9700, "4.10.1")],
  },
  needsVictimBrowser: true,
  phases: {
    async replay({ mallory }, input) {
      const bearerToken = typeof input.bearerToken === "string" ? input.bearerToken : "";
      const boundToken = typeof input.boundToken === "string" ? input.boundToken : "";
      if (!bearerToken || !boundToken) {
        return { outcome: { verdict: "could-not-run", summary: "alice's app did not get both tokens, so nothing could leak." } };
      }
      const withBearer = await photoTitlesFor(mallory, bearerToken);
      const boundAsBearer = await photoTitlesFor(mallory, boundToken);
      const photosUrl = `${env.RESOURCE_API_URL}/photos`;
      const withOwnProof = await fetchWithDpopProof(
        photosUrl,
        { method: "GET", headers: { authorization: `DPoP ${boundToken}` } },
        await generateDpopKeyPair(),
        { accessToken: boundToken, fetch: (url, init) => mallory.fetch(url, init) },
      );
      const answers = [
        { label: "The Bearer token, from Mallory's machine", status: withBearer.status, body: withBearer.body },
        { label: "The DPoP-bound token, sent as Bearer", status: boundAsBearer.status, body: boundAsBearer.body },
        { label: "The DPoP-bound token, with a proof of Mallory's own key", status: withOwnProof.status, body: await readBody(withOwnProof) },
      ];
      const boundRefused = boundAsBearer.titles === null && !withOwnProof.ok;
      const bearerHalf = withBearer.titles
        ? `With the stolen Bearer token, Mallory got alice's photos (${withBearer.titles.join(", ")}): a bearer token works for whoever holds it, which is why it must be short-lived and kept secret.`
        : `The stolen Bearer token got Mallory nothing (${withBearer.status}): it may have expired already.`;
      return {
        outcome: {
          verdict: boundRefused ? "refused" : "succeeded",
          summary: boundRefused
            ? `${bearerHalf} The DPoP-bound token was refused, as Bearer and with a proof of her own key: without alice's app's private key it is worth nothing.`
            : `${bearerHalf} The DPoP-bound token worked without its key.`,
          answers,
        },
      };
    },
  },
};

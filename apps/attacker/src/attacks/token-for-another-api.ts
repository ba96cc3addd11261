import "server-only";
import { rfcSection } from "@seven-steps/protocol";
import { labAttack } from "@seven-steps/story";
import { photoTitlesFor } from "@/mallory/loot";
import { receivedToken } from "@/mallory/prints-api";
import type { Attack } from "./attack";

/**
 * Attack 8: a token meant for Mallory's API, replayed at the PhotoCloud API. alice's app got the
 * token for Mallory's Prints API and sent it there, as it should; it reached Mallory without any
 * leak. Only its audience keeps it from working at PhotoCloud.
 */
export const tokenForAnotherApi: Attack = {
  ...labAttack("token-for-another-api"),
  story: {
    wants: "alice's photos at PhotoCloud.",
    has: "an API of her own, Mallory's Prints API, registered at PhotoCloud's authorization server like any other resource server. alice's app uses it to order prints, so it hands Mallory's API, quite legitimately, an access token to alice's photos.",
  },
  steps: [
    "alice's app asks PhotoCloud for a token to alice's photos, for Mallory's Prints API (resource, RFC 8707); alice allows it.",
    "alice's app sends the token to Mallory's Prints API, where it is meant to go. Her API checks it and accepts it.",
    "Mallory takes the token her API received and replays it at the PhotoCloud API, asking for alice's photos.",
  ],
  defence: {
    summary:
      "The audience: PhotoCloud issues the token for Mallory's API alone (aud), and the PhotoCloud API accepts only tokens whose aud names it.",
    see: [rfcSection(9068, "4"), rfcSection(8707, "2"), rfcSection(9700, "2.3")],
  },
  weakening: "audience",
  needsVictimBrowser: true,
  phases: {
    async replay({ runId, mallory }) {
      const token = receivedToken(runId);
      if (!token) {
        return { outcome: { verdict: "could-not-run", summary: "Mallory's Prints API received no token during this run, so she has nothing to replay." } };
      }
      const photos = await photoTitlesFor(mallory, token);
      return {
        outcome: photos.titles
          ? {
              verdict: "succeeded",
              summary: "The PhotoCloud API accepted the token meant for Mallory's Prints API, and gave Mallory alice's photos.",
              answer: { status: photos.status, body: photos.body },
              loot: photos.titles,
            }
          : {
              verdict: "refused",
              summary: "The PhotoCloud API refused the token: its aud names Mallory's Prints API, not PhotoCloud's.",
              answer: { status: photos.status, body: photos.body },
            },
      };
    },
  },
};

